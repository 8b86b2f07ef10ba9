"""Audit log: append-only, hash-chained, verifiable, exportable."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from awasi.core.audit import record, verify_chain
from awasi.core.models import AuditEvent


def test_chain_links_every_event(officer_bangka):
    first = record(
        actor=officer_bangka,
        action="test.one",
        target=officer_bangka,
        before={"a": 1},
        after={"a": 2},
    )
    second = record(actor=None, action="test.two", data={"n": 3})
    assert second.prev_hash == first.hash
    assert first.organisation_label == "Bawaslu Kabupaten Bangka"
    assert verify_chain()[1] == []


def test_events_cannot_be_changed_or_deleted(officer_bangka):
    event = record(actor=officer_bangka, action="test.one")
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()


def test_tampering_is_detected(officer_bangka):
    record(actor=officer_bangka, action="test.one", after={"status": "registered"})
    event = record(actor=officer_bangka, action="test.two", after={"status": "closed"})
    AuditEvent.objects.filter(pk=event.pk).update(after={"status": "open"})
    checked, problems = verify_chain()
    assert checked == 2
    assert [p.event_id for p in problems] == [event.pk]
    with pytest.raises(CommandError, match="BROKEN"):
        call_command("audit", "verify")


def test_verify_and_export_commands(officer_bangka, tmp_path, capsys):
    record(actor=officer_bangka, action="test.one")
    call_command("audit", "verify")
    assert "intact: 1 events" in capsys.readouterr().out
    target = tmp_path / "audit.csv"
    call_command("audit", "export", str(target))
    assert "test.one" in target.read_text(encoding="utf-8")


def test_audit_page_is_for_admins(client_for, officer_bangka, babel):
    from awasi.core.testing import make_user

    admin = make_user("root", "bawaslu-ri", is_staff=True, is_superuser=True)
    record(actor=officer_bangka, action="test.visible")
    assert client_for(officer_bangka).get("/audit/").status_code == 302
    response = client_for(admin).get("/audit/")
    assert b"test.visible" in response.content
    assert b"test.visible" in client_for(admin).get("/audit/?format=csv").content
