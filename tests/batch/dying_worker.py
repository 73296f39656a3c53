"""Work for the pool's worker processes that dies as an article can make a real worker die (the OOM killer, a crash
in native code): by SIGKILL, on articles whose text says so. Other articles get an empty analysis at once (no
model is loaded). Module-level, so that spawned workers can import it by name."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from accordingto.budget import Budget
from accordingto.model import Analysis, Article
from accordingto.outcome import Failure, Outcome

Item = Article | Failure


def work(items: list[Item], batch_size: int, budget: Budget) -> list[Outcome | Failure]:
    results: list[Outcome | Failure] = []
    for item in items:
        if isinstance(item, Failure):
            results.append(item)
            continue
        if "KILL ME" in item.text:
            os.kill(os.getpid(), signal.SIGKILL)
        if "KILL ONCE" in item.text:
            # Dies the first time only: a marker file (named in the text) says it already did.
            marker = Path(item.text.split("KILL ONCE ", 1)[1].strip())
            if not marker.exists():
                marker.write_text("died", encoding="utf-8")
                os.kill(os.getpid(), signal.SIGKILL)
        results.append(Outcome(item, analysis=Analysis(text=item.text)))
    return results
