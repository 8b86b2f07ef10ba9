"""Sending messages: e-mail, SMS and WhatsApp behind one interface (cases, prevention).

Each channel is an adapter with ``send(message) -> bool``. E-mail uses Django's mail backends
(console/file/locmem/SMTP by setting). SMS and WhatsApp go through a *transport* chosen by the
settings ``AWASI_SMS_TRANSPORT`` / ``AWASI_WHATSAPP_TRANSPORT``: ``outbox`` (kept in memory,
for tests), ``file`` (JSON lines under ``var/``, for demos) or ``webhook`` (HTTP POST of JSON to
``AWASI_<CHANNEL>_WEBHOOK_URL``, which a deployment points at its gateway). Unset: the channel
is off.
"""

from __future__ import annotations

import json
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.core.mail import send_mail

outbox: list[dict[str, str]] = []


@dataclass(frozen=True)
class Message:
    """One message to one person; ``email``/``phone`` may be empty when unknown."""

    subject: str
    body: str
    email: str = ""
    phone: str = ""


class Adapter(Protocol):
    name: str

    def send(self, message: Message) -> bool: ...


class EmailAdapter:
    name = "email"

    def send(self, message: Message) -> bool:
        if not message.email:
            return False
        sent = send_mail(message.subject, message.body, None, [message.email], fail_silently=False)
        return bool(sent)


class TextAdapter:
    """SMS or WhatsApp: a short text to a phone number through the configured transport."""

    def __init__(self, name: str) -> None:
        self.name = name

    def _setting(self, suffix: str, default: str = "") -> str:
        return str(getattr(settings, f"AWASI_{self.name.upper()}_{suffix}", default) or "")

    def send(self, message: Message) -> bool:
        transport = self._setting("TRANSPORT")
        if not transport or not message.phone:
            return False
        payload = {"channel": self.name, "to": message.phone, "text": _short(message)}
        if transport == "outbox":
            outbox.append(payload)
        elif transport == "file":
            _append_line(Path(settings.VAR_DIR) / f"{self.name}.jsonl", payload)
        elif transport == "webhook":
            _post_json(self._setting("WEBHOOK_URL"), payload)
        else:
            raise ValueError(f"unknown {self.name} transport {transport!r}")
        return True


def _short(message: Message) -> str:
    text = f"{message.subject}: {message.body}"
    return text if len(text) <= 300 else text[:297] + "..."


def _append_line(path: Path, payload: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(payload, ensure_ascii=False) + "\n")


def _post_json(url: str, payload: dict[str, str]) -> None:
    if not url.startswith(("https://", "http://")):
        raise ValueError("webhook URL must be http(s)")
    request = urllib.request.Request(  # noqa: S310 - scheme checked above
        url,
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        response.read()


def adapters() -> list[Adapter]:
    """Every channel, in the order they are tried."""
    return [EmailAdapter(), TextAdapter("sms"), TextAdapter("whatsapp")]


def deliver(message: Message, *, channels: tuple[str, ...] | None = None) -> list[str]:
    """Send on every channel (or those named) that can reach the person; the names of those that
    did."""
    chosen = [a for a in adapters() if channels is None or a.name in channels]
    return [adapter.name for adapter in chosen if adapter.send(message)]


def as_dict(message: Message) -> dict[str, str]:
    return asdict(message)
