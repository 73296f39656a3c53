"""A time and memory budget per article, so that no article ties up a run, a worker or the web service.

How it is enforced: *cooperatively, at checkpoints whose distance apart is bounded*. The runner gives each
document a ``Deadline`` (``watch``); the checkpoints are before every accordingto component
(``pipes.AnnotatingPipe``) and, for a long text, before every chunk of it that goes through spaCy's model
(``parse.bounds.parse_in_chunks``). A document over its budget at a checkpoint stops there and is reported as a
failed article (``BudgetExceededError``); the run goes on with the next one.

Why not something else:
- a signal (``SIGALRM``/``setitimer``) interrupts only the main thread, and the web service and Dask workers
  analyse in other threads;
- a process per article (killed when over budget) costs a model load, about two seconds, per article;
- an exception thrown into a thread from outside can land anywhere, in the middle of spaCy's or our own
  bookkeeping, and the pipeline is used again afterwards.
A checkpoint is only as good as the longest step between two of them, which is why that step is bounded: no
article has more than ``MAX_TEXT_TOKENS`` tokens, spaCy's model sees at most ``parse.bounds.CHUNK_TOKENS``
tokens (about 2 CPU seconds) at a time, sentences are at most ``parse.bounds.MAX_SENTENCE_TOKENS`` tokens, and
every accordingto component is linear (or n log n) in its input (``benchmarks/complexity.py`` measures it).

Time is the CPU time of the thread doing the work (``time.thread_time``): on a shared, loaded machine wall-clock
time says more about the machine than about the article, and a budget in CPU seconds fails the same articles
every run. Memory is the growth of the process's resident memory since the article started; where several
articles are analysed at once in one process (the web service with ``--pipelines`` > 1), it also counts the
others', so the budget is stricter there, never looser.
"""

from __future__ import annotations

import os
import threading
import time
import weakref
from dataclasses import dataclass

from spacy.tokens import Doc

from .errors import AnalysisCancelledError, BudgetExceededError

# Sized from benchmarks/complexity.py: the costliest 500,000-character input of any shape takes about 35 CPU
# seconds and 0.9 GB above the loaded model; real articles (PolNeAR, up to 22,000 characters) take under a
# second and a few tens of MB. Twice the worst case leaves room for a slower machine.
DEFAULT_SECONDS = 120.0
DEFAULT_MEMORY_MB = 2048

_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
MB = 1024 * 1024


@dataclass(frozen=True)
class Budget:
    """How much one article may cost: CPU ``seconds`` and ``memory_mb`` of resident memory growth (``None``: no
    limit on that)."""

    seconds: float | None = DEFAULT_SECONDS
    memory_mb: float | None = DEFAULT_MEMORY_MB

    def __post_init__(self) -> None:
        if (self.seconds is not None and self.seconds <= 0) or (self.memory_mb is not None and self.memory_mb <= 0):
            raise ValueError("a budget must be positive (None for no limit)")

    def start(self, *, spent: float = 0.0, cancelled: threading.Event | None = None) -> Deadline:
        """A deadline starting now, ``spent`` CPU seconds already used (work the article shared with others)."""
        return Deadline(self, spent=spent, cancelled=cancelled)

    def describe(self) -> str:
        parts = [f"{self.seconds:g} CPU s" if self.seconds else "", f"{self.memory_mb:g} MB" if self.memory_mb else ""]
        return " and ".join(part for part in parts if part) or "no limit"


NO_BUDGET = Budget(seconds=None, memory_mb=None)


class Deadline:
    """One article's budget as it is being spent; ``check`` raises when it is over (or the work was cancelled)."""

    def __init__(self, budget: Budget, *, spent: float = 0.0, cancelled: threading.Event | None = None) -> None:
        self.budget = budget
        self.cancelled = cancelled
        self.started = time.thread_time() - spent
        self.resident = resident_bytes() if budget.memory_mb is not None else 0
        self.stopped: BudgetExceededError | AnalysisCancelledError | None = None

    def spent(self) -> float:
        """CPU seconds this thread has used since the deadline started (plus what was spent before)."""
        return time.thread_time() - self.started

    def check(self, before: str) -> None:
        """Raise ``BudgetExceededError`` (or ``AnalysisCancelledError``) if the article must stop ``before`` the
        named step; once stopped, every later check raises the same error."""
        if self.stopped is None:
            self.stopped = self._over(before)
        if self.stopped is not None:
            raise self.stopped

    def _over(self, before: str) -> BudgetExceededError | AnalysisCancelledError | None:
        if self.cancelled is not None and self.cancelled.is_set():
            return AnalysisCancelledError(f"analysis cancelled before {before}")
        seconds, memory_mb = self.budget.seconds, self.budget.memory_mb
        if seconds is not None and (spent := self.spent()) > seconds:
            return BudgetExceededError(
                f"over the time budget: {spent:.1f} CPU s spent, the limit is {seconds:g} (stopped before {before})"
            )
        if memory_mb is not None and (grown := (resident_bytes() - self.resident) / MB) > memory_mb:
            return BudgetExceededError(
                f"over the memory budget: {grown:.0f} MB more memory, the limit is {memory_mb:g} MB "
                f"(stopped before {before})"
            )
        return None


def resident_bytes() -> int:
    """This process's resident memory now (Linux ``/proc/self/statm``; 0 where it cannot be read)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * _PAGE_SIZE
    except (OSError, ValueError, IndexError):
        return 0


# The deadline of each document being analysed (weak: a finished document takes its deadline with it).
_deadlines: weakref.WeakKeyDictionary[Doc, Deadline] = weakref.WeakKeyDictionary()


def watch(doc: Doc, deadline: Deadline) -> None:
    """Give ``doc`` a deadline, checked by ``check`` at every checkpoint of its analysis."""
    _deadlines[doc] = deadline


def deadline_of(doc: Doc) -> Deadline | None:
    return _deadlines.get(doc)


def check(doc: Doc, before: str) -> None:
    """The checkpoint: raise if ``doc`` is over its budget (a document without a deadline never is)."""
    deadline = _deadlines.get(doc)
    if deadline is not None:
        deadline.check(before)
