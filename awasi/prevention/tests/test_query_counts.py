"""List pages cost the same number of queries however many rows they show."""

from datetime import date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awasi.prevention.models import ActionItem, NeutralityCase, SupervisionReport
from awasi.prevention.tests.conftest import WIB, org, region

pytestmark = pytest.mark.django_db


def add_rows(kind, n, *, meeting, stage, author):
    for i in range(n):
        if kind == "items":
            ActionItem.objects.create(
                meeting=meeting,
                owner=org("polda-babel"),
                description=f"c{i}",
                due_on=date(2024, 2, 1 + i % 20),
            )
        elif kind == "lhp":
            SupervisionReport.objects.create(
                organisation=org("bawaslu-babel"),
                author=author,
                stage=stage,
                region=region("19.01.01"),
                supervised_at=datetime(2024, 2, 11, tzinfo=WIB),
                activity=f"a{i}",
                place="p",
                result="r",
            )
        else:
            NeutralityCase.objects.create(
                region=region("19.02"),
                organisation=org("bawaslu-babel"),
                name=f"n{i}",
                employer="e",
                employment="pns",
                source="patrol",
                description="d",
                occurred_on=date(2024, 1, 1),
                recommendation_sent_on=date(2024, 1, 2) if i % 2 else None,
            )


def queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.mark.parametrize(
    ("persona", "url_name", "kind"),
    [
        ("polda_investigator", "prevention:my_commitments", "items"),
        ("officer_babel", "prevention:commitments", "items"),
        ("officer_babel", "prevention:meeting", "items"),
        ("officer_babel", "prevention:reports", "lhp"),
        ("officer_babel", "prevention:neutrality_list", "asn"),
        ("officer_babel", "prevention:summary", "lhp"),
    ],
)
def test_constant_queries(persona, url_name, kind, request, client_for, meeting, babel):
    user = request.getfixturevalue(persona)
    officer = request.getfixturevalue("officer_babel")
    stage = babel["pemilu"].stages.get(kind="quiet")
    url = (
        reverse(url_name, args=[meeting.pk])
        if url_name == "prevention:meeting"
        else reverse(url_name)
    )
    client = client_for(user)
    add_rows(kind, 3, meeting=meeting, stage=stage, author=officer)
    few = queries(client, url)
    add_rows(kind, 30, meeting=meeting, stage=stage, author=officer)
    assert queries(client, url) == few
