"""What every subcommand shares: turning domain errors into one-line messages and exit codes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NoReturn

import click

from ..errors import AccordingtoError

EXIT_FAILED = 1


def fail(error: AccordingtoError | str) -> NoReturn:
    """Print one line on stderr and exit 1: the user sees the reason, never a traceback."""
    click.echo(f"accordingto: error: {error}", err=True)
    raise SystemExit(EXIT_FAILED)


def report_failures(failures: Sequence[AccordingtoError], total: int) -> None:
    """List the inputs that could not be processed, one line each, after the good ones are written."""
    click.echo(f"accordingto: {len(failures)} of {total} inputs failed:", err=True)
    for error in failures:
        click.echo(f"  {error}", err=True)
