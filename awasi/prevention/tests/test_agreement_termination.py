"""Ending an agreement in force before its period is over: date, reason, audit, version."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from awasi.core.errors import ConflictError, DomainError
from awasi.core.models import AuditEvent
from awasi.prevention.choices import AgreementStatus
from awasi.prevention.services import cooperation as services
from awasi.prevention.tests.conftest import org, pdf, region

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_force(officer_babel):
    agreement = services.create_agreement(
        actor=officer_babel,
        title="PKS Bawaslu–Polda",
        scope="Pengawasan bersama",
        region=region("19"),
        starts_on=date(2023, 1, 1),
        ends_on=date(2025, 12, 31),
        parties=[
            services.PartyInput(org("bawaslu-babel"), "Kewajiban"),
            services.PartyInput(org("polda-babel"), "Kewajiban"),
        ],
    )
    return services.sign_agreement(
        actor=officer_babel,
        agreement=agreement,
        signed_on=date(2023, 1, 5),
        document=pdf(),
        expected_version=agreement.version,
    )


def test_terminated_with_date_reason_and_audit(in_force, officer_babel):
    services.terminate_agreement(
        actor=officer_babel,
        agreement=in_force,
        terminated_on=date(2024, 6, 30),
        reason="Disepakati para pihak setelah Pemilu 2024",
        expected_version=in_force.version,
    )
    in_force.refresh_from_db()
    assert in_force.status == AgreementStatus.TERMINATED
    assert in_force.terminated_on == date(2024, 6, 30)
    [event] = AuditEvent.objects.filter(action="prevention.agreement.terminate")
    assert (event.before["status"], event.after["status"]) == ("in_force", "terminated")
    with pytest.raises(DomainError):  # only once
        services.terminate_agreement(
            actor=officer_babel,
            agreement=in_force,
            terminated_on=date(2024, 7, 1),
            reason="lagi",
            expected_version=in_force.version,
        )


@pytest.mark.parametrize(
    ("when", "reason", "code"),
    [
        (timezone.localdate() + timedelta(days=1), "alasan", "date"),  # future
        (date(2023, 1, 4), "alasan", "date"),  # before signing
        (date(2024, 6, 30), "  ", "required"),
    ],
)
def test_refused_terminations_change_nothing(in_force, officer_babel, when, reason, code):
    with pytest.raises(DomainError) as err:
        services.terminate_agreement(
            actor=officer_babel,
            agreement=in_force,
            terminated_on=when,
            reason=reason,
            expected_version=in_force.version,
        )
    assert err.value.code == code
    in_force.refresh_from_db()
    assert (in_force.status, in_force.terminated_on) == ("in_force", None)


def test_stale_version_and_police_are_refused(in_force, officer_babel, polda_investigator):
    with pytest.raises(ConflictError):
        services.terminate_agreement(
            actor=officer_babel,
            agreement=in_force,
            terminated_on=date(2024, 6, 30),
            reason="x",
            expected_version=in_force.version - 1,
        )
    with pytest.raises(DomainError) as err:
        services.terminate_agreement(
            actor=polda_investigator,
            agreement=in_force,
            terminated_on=date(2024, 6, 30),
            reason="x",
            expected_version=in_force.version,
        )
    assert err.value.code == "forbidden"


def test_page_form_terminates(in_force, officer_babel, client_for):
    client = client_for(officer_babel)
    page = reverse("prevention:agreement", args=[in_force.pk])
    assert "Akhiri perjanjian ini sebelum waktunya" in client.get(page).content.decode()
    url = reverse("prevention:agreement_terminate", args=[in_force.pk])
    body = client.post(url, {"version": in_force.version}, follow=True).content.decode()
    assert "Isi tanggal pengakhiran dan alasannya." in body
    data = {"terminated_on": "2024-06-30", "reason": "Pemilu selesai", "version": in_force.version}
    body = client.post(url, data, follow=True).content.decode()
    assert "Perjanjian telah diakhiri." in body and "Pemilu selesai" in body
    assert "Akhiri perjanjian ini sebelum waktunya" not in body
