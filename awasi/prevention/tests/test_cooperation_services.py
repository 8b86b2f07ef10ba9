from datetime import date

import pytest
import time_machine

from awasi.core.errors import ConflictError, DomainError
from awasi.core.models import AuditEvent
from awasi.prevention.choices import ActionStatus, AgreementStatus
from awasi.prevention.models import ActionItem, Agreement
from awasi.prevention.services import cooperation as services
from awasi.prevention.tests.conftest import org, pdf, photo, region

pytestmark = pytest.mark.django_db


def parties(*codes, obligations="Kewajiban"):
    return [services.PartyInput(org(c), obligations) for c in codes]


def test_agreement_records_parties_and_audit(officer_babel):
    agreement = services.create_agreement(
        actor=officer_babel,
        title="PKS Bawaslu–Polda",
        scope="Pencegahan",
        region=region("19"),
        starts_on=date(2023, 10, 1),
        ends_on=date(2024, 12, 31),
        parties=parties("bawaslu-babel", "polda-babel"),
    )
    assert agreement.status == AgreementStatus.DRAFT
    assert [p.organisation.code for p in agreement.parties.all()] == [
        "bawaslu-babel",
        "polda-babel",
    ]
    assert AuditEvent.objects.filter(action="prevention.agreement.create").count() == 1


@pytest.mark.parametrize(
    ("codes", "starts", "ends", "code"),
    [
        (("bawaslu-babel",), date(2023, 1, 1), None, "parties"),
        (("bawaslu-babel", "bawaslu-babel"), date(2023, 1, 1), None, "parties"),
        (("bawaslu-babel", "polda-babel"), date(2023, 2, 1), date(2023, 1, 1), "period"),
    ],
)
def test_bad_agreement_is_refused_and_nothing_saved(officer_babel, codes, starts, ends, code):
    with pytest.raises(DomainError) as err:
        services.create_agreement(
            actor=officer_babel,
            title="PKS",
            scope="x",
            region=region("19"),
            starts_on=starts,
            ends_on=ends,
            parties=parties(*codes),
        )
    assert err.value.code == code
    assert not Agreement.objects.exists()


def test_police_cannot_record_an_agreement(polda_investigator):
    with pytest.raises(DomainError):
        services.create_agreement(
            actor=polda_investigator,
            title="PKS",
            scope="x",
            region=region("19"),
            starts_on=date(2023, 1, 1),
            ends_on=None,
            parties=parties("bawaslu-babel", "polda-babel"),
        )


def test_signing_stores_document_hash(officer_babel):
    agreement = services.create_agreement(
        actor=officer_babel,
        title="PKS",
        scope="x",
        region=region("19"),
        starts_on=date(2023, 1, 1),
        ends_on=None,
        parties=parties("bawaslu-babel", "polda-babel"),
    )
    document = pdf()
    services.sign_agreement(
        actor=officer_babel,
        agreement=agreement,
        signed_on=date(2023, 1, 5),
        document=document,
        expected_version=agreement.version,
    )
    agreement.refresh_from_db()
    import hashlib

    document.seek(0)
    assert agreement.document_sha256 == hashlib.sha256(document.read()).hexdigest()
    assert agreement.status == AgreementStatus.IN_FORCE
    with agreement.document.open("rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == agreement.document_sha256


def test_signing_refuses_a_non_document(officer_babel):
    agreement = services.create_agreement(
        actor=officer_babel,
        title="PKS",
        scope="x",
        region=region("19"),
        starts_on=date(2023, 1, 1),
        ends_on=None,
        parties=parties("bawaslu-babel", "polda-babel"),
    )
    bogus = photo("pks.pdf", b"#!/bin/sh\necho not a pdf\n")
    with pytest.raises(DomainError):
        services.sign_agreement(
            actor=officer_babel,
            agreement=agreement,
            signed_on=date(2023, 1, 5),
            document=bogus,
            expected_version=agreement.version,
        )
    agreement.refresh_from_db()
    assert (agreement.status, agreement.document_sha256, agreement.version) == ("draft", "", 1)


def test_only_the_convener_adds_action_items(meeting, polda_investigator):
    with pytest.raises(DomainError) as err:
        services.add_action_item(
            actor=polda_investigator,
            meeting=meeting,
            owner=org("polda-babel"),
            description="x",
            due_on=date(2024, 2, 1),
        )
    assert err.value.code == "forbidden"


def test_due_date_before_meeting_is_refused(meeting, officer_babel):
    with pytest.raises(DomainError) as err:
        services.add_action_item(
            actor=officer_babel,
            meeting=meeting,
            owner=org("polda-babel"),
            description="x",
            due_on=date(2024, 1, 9),
        )
    assert err.value.code == "due_on"


def test_owner_marks_done_with_evidence(polda_item, polda_investigator):
    item = services.update_action_item(
        actor=polda_investigator,
        item=polda_item,
        status=ActionStatus.DONE,
        evidence="Sprin patroli 120 personel",
        expected_version=polda_item.version,
    )
    item.refresh_from_db()
    assert item.status == ActionStatus.DONE and item.completed_at is not None
    assert item.completed_by == polda_investigator
    event = AuditEvent.objects.get(action="prevention.action_item.update")
    assert event.before["status"] == "open" and event.after["status"] == "done"


def test_done_needs_evidence(polda_item, polda_investigator):
    with pytest.raises(DomainError) as err:
        services.update_action_item(
            actor=polda_investigator, item=polda_item, status=ActionStatus.DONE, expected_version=1
        )
    assert err.value.code == "evidence"


def test_evidence_file_is_checked_and_hashed(polda_item, polda_investigator):
    item = services.update_action_item(
        actor=polda_investigator,
        item=polda_item,
        status=ActionStatus.DONE,
        evidence_file=pdf("sprin.pdf"),
        expected_version=1,
    )
    assert len(item.evidence_sha256) == 64


@pytest.mark.parametrize("user", ["officer_babel", "police_bangka", "officer_bangka", "prosecutor"])
def test_other_organisations_cannot_change_polda_commitment(polda_item, user, request):
    actor = request.getfixturevalue(user)
    with pytest.raises(DomainError) as err:
        services.update_action_item(
            actor=actor, item=polda_item, status=ActionStatus.IN_PROGRESS, expected_version=1
        )
    assert err.value.code == "forbidden"
    polda_item.refresh_from_db()
    assert polda_item.status == ActionStatus.OPEN


def test_polda_may_update_a_polres_commitment(meeting, officer_babel, polda_investigator):
    item = services.add_action_item(
        actor=officer_babel,
        meeting=meeting,
        owner=org("polres-bangka"),
        description="x",
        due_on=date(2024, 2, 8),
    )
    services.update_action_item(
        actor=polda_investigator, item=item, status=ActionStatus.IN_PROGRESS, expected_version=1
    )


def test_done_is_final(polda_item, polda_investigator):
    services.update_action_item(
        actor=polda_investigator,
        item=polda_item,
        status=ActionStatus.DONE,
        evidence="ok",
        expected_version=1,
    )
    with pytest.raises(DomainError) as err:
        services.update_action_item(
            actor=polda_investigator, item=polda_item, status=ActionStatus.OPEN, expected_version=2
        )
    assert err.value.code == "transition"


def test_cancel_needs_a_reason(polda_item, polda_investigator):
    with pytest.raises(DomainError):
        services.update_action_item(
            actor=polda_investigator,
            item=polda_item,
            status=ActionStatus.CANCELLED,
            expected_version=1,
        )


def test_stale_version_is_a_conflict(polda_item, polda_investigator):
    services.update_action_item(
        actor=polda_investigator,
        item=polda_item,
        status=ActionStatus.IN_PROGRESS,
        expected_version=1,
    )
    stale = ActionItem.objects.get(pk=polda_item.pk)
    stale.version = 1
    with pytest.raises(ConflictError):
        services.update_action_item(
            actor=polda_investigator,
            item=stale,
            status=ActionStatus.DONE,
            evidence="x",
            expected_version=1,
        )
    assert ActionItem.objects.get(pk=polda_item.pk).status == ActionStatus.IN_PROGRESS


@time_machine.travel("2024-01-10 12:00 +0700")
def test_meeting_records_attendance(meeting):
    assert set(meeting.attending.values_list("code", flat=True)) == {"polda-babel", "bawaslu-babel"}
    assert meeting.convened_by.code == "bawaslu-babel"


def test_agreement_past_its_period_reads_as_ended(officer_babel):
    agreement = services.create_agreement(
        actor=officer_babel,
        title="PKS",
        scope="x",
        region=region("19"),
        starts_on=date(2023, 1, 1),
        ends_on=date(2024, 12, 31),
        parties=parties("bawaslu-babel", "polda-babel"),
    )
    services.sign_agreement(
        actor=officer_babel,
        agreement=agreement,
        signed_on=date(2023, 1, 5),
        document=pdf(),
        expected_version=1,
    )
    with time_machine.travel(date(2024, 6, 1)):
        assert agreement.shown_status in ("in force", "berlaku")
    with time_machine.travel(date(2025, 1, 1)):
        assert agreement.shown_status in ("ended", "berakhir")
