"""Message adapters: e-mail, and SMS/WhatsApp through outbox, file and webhook transports."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core import mail

from awasi.core import notify

MESSAGE = notify.Message(subject="Laporan", body="Status berubah", email="a@example.test",
                         phone="0812")  # fmt: skip


def test_email_only_when_address_known(settings):
    assert notify.deliver(notify.Message("s", "b")) == []
    assert notify.deliver(MESSAGE) == ["email"]
    assert mail.outbox[0].to == ["a@example.test"]


def test_outbox_and_file_transports(settings, tmp_path):
    settings.AWASI_SMS_TRANSPORT = "outbox"
    settings.AWASI_WHATSAPP_TRANSPORT = "file"
    settings.VAR_DIR = tmp_path
    notify.outbox.clear()
    assert notify.deliver(MESSAGE) == ["email", "sms", "whatsapp"]
    assert notify.outbox == [{"channel": "sms", "to": "0812", "text": "Laporan: Status berubah"}]
    line = json.loads((tmp_path / "whatsapp.jsonl").read_text().splitlines()[0])
    assert line["to"] == "0812"


def test_webhook_transport_posts_json(settings):
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.handle_request)
    thread.start()
    settings.AWASI_SMS_TRANSPORT = "webhook"
    settings.AWASI_SMS_WEBHOOK_URL = f"http://127.0.0.1:{server.server_port}/sms"
    assert notify.TextAdapter("sms").send(MESSAGE)
    thread.join(timeout=10)
    server.server_close()
    assert received == [{"channel": "sms", "to": "0812", "text": "Laporan: Status berubah"}]


def test_unknown_transport_is_an_error(settings):
    settings.AWASI_SMS_TRANSPORT = "pigeon"
    with pytest.raises(ValueError):
        notify.TextAdapter("sms").send(MESSAGE)
