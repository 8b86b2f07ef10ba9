"""Group commit of concurrent intake submissions (``intake_batch.GroupCommit``, ``stage_many``)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from unittest import mock

import pytest
from django.db import DatabaseError, connection, connections

from awasi.cases import numbering
from awasi.cases.intake_batch import GroupCommit
from awasi.cases.intake_wsgi import TOKENS, answer_submission
from awasi.cases.models import IntakeSubmission
from awasi.cases.services.staging import REFERENCES, check_submission, stage_many
from awasi.cases.tests.test_api import report_body
from awasi.core.errors import DomainError


@pytest.fixture(autouse=True)
def fresh_caches():
    REFERENCES.clear()
    TOKENS.clear()
    yield
    REFERENCES.clear()
    TOKENS.clear()


class HeldFlush:
    """A flush whose first call waits until every other submission is queued behind it."""

    def __init__(self, answer: Callable[[list], list]) -> None:
        self.answer = answer
        self.batches: list[list] = []
        self.started, self.release = threading.Event(), threading.Event()

    def __call__(self, items: list) -> list:
        self.batches.append(list(items))
        if len(self.batches) == 1:
            self.started.set()
            assert self.release.wait(10)
        return self.answer(items)


def run_held(group: GroupCommit, items: list) -> dict:
    """Submit ``items``, one thread each, the first flush held until the others queue up.
    Returns item → result (or the exception its submission raised)."""
    outcomes: dict = {}

    def submit(item):
        try:
            outcomes[item] = group.submit(item)
        except Exception as exc:
            outcomes[item] = exc

    threads = [threading.Thread(target=submit, args=(item,)) for item in items]
    threads[0].start()
    assert group.flush.started.wait(10)
    for thread in threads[1:]:
        thread.start()
    while len(group._queue) < len(items) - 1:
        threading.Event().wait(0.001)
    group.flush.release.set()
    for thread in threads:
        thread.join(10)
    return outcomes


def test_submissions_that_arrive_during_a_flush_are_flushed_together():
    flush = HeldFlush(lambda items: [f"ok {item}" for item in items])
    group = GroupCommit(flush)
    outcomes = run_held(group, list(range(8)))
    assert outcomes == {n: f"ok {n}" for n in range(8)}
    assert flush.batches[0] == [0] and sorted(flush.batches[1]) == list(range(1, 8))
    assert (group.flushes, group.flushed, group._busy) == (2, 8, False)


def test_a_failed_flush_fails_every_submission_in_it_and_the_next_one_runs():
    def answer(items):
        if 0 not in items:
            raise DatabaseError("disk full")
        return ["ok"]

    group = GroupCommit(HeldFlush(answer))
    outcomes = run_held(group, list(range(5)))
    assert outcomes[0] == "ok"
    assert all(isinstance(outcomes[n], DatabaseError) for n in range(1, 5))
    assert group.submit(0) == "ok" and group._busy is False


def test_max_batch_hands_the_rest_to_the_next_leader():
    flush = HeldFlush(lambda items: list(items))
    group = GroupCommit(flush, max_batch=3)
    outcomes = run_held(group, list(range(8)))
    assert outcomes == {n: n for n in range(8)}
    assert [len(batch) for batch in flush.batches] == [1, 3, 3, 1]


def test_a_batch_with_a_repeated_key_stages_it_once(babel):
    batch = [
        check_submission(payload=report_body(babel), key="dup"),
        check_submission(payload=report_body(babel, title="Lain"), key="other"),
        check_submission(payload=report_body(babel), key="dup"),
        check_submission(payload=report_body(babel, title="Beda"), key="dup"),
    ]
    first, other, again, conflict = stage_many(batch)
    assert first.created and other.created and not again.created
    assert again.tracking_code == first.tracking_code and again.secret == first.secret
    assert isinstance(conflict, DomainError) and conflict.code == "idempotency_key_reused"
    assert IntakeSubmission.objects.count() == 2


def test_a_batch_that_cannot_be_inserted_stages_nothing(babel):
    stage_many([check_submission(payload=report_body(babel), key="earlier")])
    taken = IntakeSubmission.objects.get().tracking_code
    batch = [check_submission(payload=report_body(babel, title=f"B{n}"), key=f"b-{n}")
             for n in range(3)]  # fmt: skip
    with (
        mock.patch.object(numbering, "new_tracking_code", return_value=taken),
        pytest.raises(DomainError) as refused,
    ):
        stage_many(batch)  # three draws, each one colliding: the statement fails each time
    assert refused.value.code == "retry"
    assert list(IntakeSubmission.objects.values_list("key", flat=True)) == ["earlier"]


@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_are_each_staged_exactly_once(request):
    """Threads of one worker submitting at once, a quarter of them retries of another thread's
    key: every key has one row, and every answer names that row (PostgreSQL: the SQLite test
    database is in memory and refuses concurrent writers)."""
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (the SQLite test database is in memory)")
    babel = request.getfixturevalue("babel")
    keys = [f"c-{n}" for n in range(24)] + [f"c-{n}" for n in range(0, 24, 4)]
    answers: list[tuple[str, int, dict]] = []

    def submit(key: str) -> None:
        env = {"HTTP_IDEMPOTENCY_KEY": key, "CONTENT_TYPE": "application/json",
               "REMOTE_ADDR": "10.0.0.1"}  # fmt: skip
        body = report_body(babel, title=f"Laporan {key}")
        try:
            answer = answer_submission(env, json.dumps(body).encode())
            answers.append((key, answer.status, answer.body))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(key,)) for key in keys]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(status for _, status, _ in answers) == [202] * len(keys)
    rows = dict(IntakeSubmission.objects.values_list("key", "tracking_code"))
    assert len(rows) == 24 and IntakeSubmission.objects.count() == 24
    for key, _, body in answers:
        assert body["tracking_code"] == rows[key]
    assert sum(not body["repeated"] for _, _, body in answers) == 24


@pytest.mark.django_db(transaction=True)
def test_a_dropped_connection_is_replaced_by_the_next_submission(request):
    """The server's connection persists across requests; when PostgreSQL drops it (restart,
    idle timeout) the failed statement closes it and is run again on a new one."""
    if connection.vendor != "postgresql":
        pytest.skip("terminating a backend needs PostgreSQL")
    babel = request.getfixturevalue("babel")

    def submit(key: str) -> int:
        env = {"HTTP_IDEMPOTENCY_KEY": key, "CONTENT_TYPE": "application/json",
               "REMOTE_ADDR": "10.0.0.1"}  # fmt: skip
        body = json.dumps(report_body(babel, title=key)).encode()
        return answer_submission(env, body).status

    assert submit("before") == 202
    backend = connection.connection.info.backend_pid
    killer = connection.get_new_connection(connection.get_connection_params())
    killer.autocommit = True
    killer.execute("SELECT pg_terminate_backend(%s)", [backend])
    killer.close()
    assert submit("after") == 202
    assert connection.connection.info.backend_pid != backend
    assert sorted(IntakeSubmission.objects.values_list("key", flat=True)) == ["after", "before"]
