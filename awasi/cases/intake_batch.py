"""Group commit for the staged intake: the submissions that threads of one worker make at the same
time are written together, with one statement and one commit.

Leader/follower, no background thread: the first thread to arrive while nobody is writing becomes
the leader and flushes everything queued so far (its own submission included) on its own database
connection; threads arriving meanwhile queue and wait. After a flush the leader hands the next
queued submission's thread the lead. A thread returns only when its submission's flush has
finished — so a report is never acknowledged before its row is committed — and a flush that fails
fails every submission in it, none of which is then staged (it was one statement). With one thread
per worker this is a batch of one, written inline.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


class _Slot(Generic[Item, Result]):
    """One waiting submission: its item, then its result (or the flush's exception)."""

    __slots__ = ("item", "result", "error", "done", "wake")

    def __init__(self, item: Item) -> None:
        self.item = item
        self.result: Result | None = None
        self.error: BaseException | None = None
        self.done = False
        self.wake = threading.Event()

    def outcome(self) -> Result:
        if self.error is not None:
            raise self.error
        return self.result  # type: ignore[return-value]


class GroupCommit(Generic[Item, Result]):
    """Run ``flush(items) -> results`` (same order) for concurrent ``submit(item)`` callers,
    at most ``max_batch`` items per flush."""

    def __init__(
        self, flush: Callable[[list[Item]], list[Result]], *, max_batch: int = 256
    ) -> None:
        self.flush = flush
        self.max_batch = max_batch
        self._lock = threading.Lock()
        self._queue: list[_Slot[Item, Result]] = []
        self._busy = False
        self.flushes = 0  # counters for benchmarks and tests
        self.flushed = 0

    def submit(self, item: Item) -> Result:
        """The result of flushing ``item`` (or the exception that failed its flush)."""
        slot: _Slot[Item, Result] = _Slot(item)
        with self._lock:
            self._queue.append(slot)
            leads = not self._busy
            self._busy = True
        if not leads:
            slot.wake.wait()
            if slot.done:
                return slot.outcome()
        self._lead()
        return slot.outcome()

    def _lead(self) -> None:
        with self._lock:  # the leader's own slot is first in the queue
            batch = self._queue[: self.max_batch]
            del self._queue[: self.max_batch]
        try:
            results = self.flush([slot.item for slot in batch])
            if len(results) != len(batch):
                raise RuntimeError("flush answered a different number of results")
        except BaseException as exc:
            for slot in batch:
                slot.error = exc
        else:
            for slot, result in zip(batch, results, strict=True):
                slot.result = result
        finally:
            self._finish(batch)

    def _finish(self, batch: list[_Slot[Item, Result]]) -> None:
        with self._lock:
            self.flushes += 1
            self.flushed += len(batch)
            for slot in batch:
                slot.done = True
                slot.wake.set()
            if self._queue:
                self._queue[0].wake.set()  # not done: it wakes up as the next leader
            else:
                self._busy = False
