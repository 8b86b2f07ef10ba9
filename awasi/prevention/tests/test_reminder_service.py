from datetime import date
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from awasi.core import notify
from awasi.core.models import AuditEvent
from awasi.prevention.choices import ActionStatus
from awasi.prevention.models import ActionItemReminder
from awasi.prevention.services import cooperation
from awasi.prevention.services.reminders import send_due_reminders
from awasi.prevention.tests.conftest import org

pytestmark = pytest.mark.django_db


def test_owner_members_are_emailed_once(polda_item, polda_investigator, officer_babel):
    sent = send_due_reminders(today=date(2024, 2, 1))  # 7 days before 8 Feb
    assert [(s.item_id, s.offset) for s in sent] == [(polda_item.pk, 7)]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [polda_investigator.email]  # owner's members, not Bawaslu
    assert officer_babel.email not in mail.outbox[0].to
    assert "Menyiapkan personel" in mail.outbox[0].body
    assert send_due_reminders(today=date(2024, 2, 1)) == []
    assert send_due_reminders(today=date(2024, 2, 3)) == []  # still the 7-day stage
    assert len(mail.outbox) == 1
    [event] = AuditEvent.objects.filter(action="prevention.action_item.remind")
    assert event.data["sent"] == [[polda_item.pk, 7, 1]]


def test_each_stage_then_overdue(polda_item, polda_investigator):
    for day, offset in [
        (date(2024, 2, 5), 3),
        (date(2024, 2, 7), 1),
        (date(2024, 2, 8), 0),
        (date(2024, 2, 20), -1),
    ]:
        [sent] = send_due_reminders(today=day)
        assert sent.offset == offset
    subject = mail.outbox[-1].subject  # Indonesian when the catalogue is compiled
    assert subject.startswith(("Overdue commitment", "Komitmen melewati batas waktu"))
    assert ActionItemReminder.objects.filter(action_item=polda_item).count() == 4


def test_done_commitment_is_not_chased(polda_item, polda_investigator):
    cooperation.update_action_item(
        actor=polda_investigator,
        item=polda_item,
        status=ActionStatus.DONE,
        evidence="ok",
        expected_version=1,
    )
    assert send_due_reminders(today=date(2024, 2, 8)) == []
    assert mail.outbox == []


def test_dry_run_sends_and_records_nothing(polda_item, polda_investigator):
    assert len(send_due_reminders(today=date(2024, 2, 8), dry_run=True)) == 1
    assert mail.outbox == [] and not ActionItemReminder.objects.exists()


def test_organisation_address_is_used_too(polda_item):
    polda = org("polda-babel")
    polda.email = "ops@polda.example"
    polda.save()
    send_due_reminders(today=date(2024, 2, 8))
    assert "ops@polda.example" in mail.outbox[0].to


def test_command_is_idempotent(polda_item, polda_investigator):
    out = StringIO()
    call_command("prevention", "remind", "--today", "2024-02-08", stdout=out)
    assert "1 reminder" in out.getvalue()
    out = StringIO()
    call_command("prevention", "remind", "--today", "2024-02-08", stdout=out)
    assert "0 reminder" in out.getvalue()
    assert len(mail.outbox) == 1


def test_command_refuses_a_bad_date():
    with pytest.raises(CommandError):
        call_command("prevention", "remind", "--today", "8/2/2024")


def test_owner_members_with_a_phone_get_a_text_when_sms_is_on(
    settings, polda_item, polda_investigator
):
    settings.AWASI_SMS_TRANSPORT = "outbox"
    notify.outbox.clear()
    polda_investigator.phone = "081234567890"
    polda_investigator.save()
    send_due_reminders(today=date(2024, 2, 8))
    assert [(m["channel"], m["to"]) for m in notify.outbox] == [("sms", "081234567890")]
    assert "Menyiapkan personel" in notify.outbox[0]["text"]
    send_due_reminders(today=date(2024, 2, 8))  # idempotent for texts too
    assert len(notify.outbox) == 1
