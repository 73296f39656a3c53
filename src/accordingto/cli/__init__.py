"""The ``accordingto`` command: a thin layer over the library. Each subcommand lives in its own module here;
domain errors become one-line messages on stderr and a non-zero exit code, never a traceback; a reader that
stops reading (``accordingto export | head -1``) ends the command quietly, like other Unix tools."""

from __future__ import annotations

import os
import sys
from typing import Any, NoReturn

import click

from ..errors import AccordingtoError
from .analyze import analyze_command
from .common import fail
from .evaluate import evaluate_command
from .query import (
    articles_command,
    export_command,
    outlets_command,
    source_command,
    sources_command,
    statements_command,
    stats_command,
    upstream_command,
    weeks_command,
)
from .run import run_command
from .serve import serve_command
from .trail import trail_command
from .train import train_command
from .train_name_kind import train_name_kind_command
from .train_resolver import train_resolver_command
from .train_speaker_confidence import train_speaker_confidence_command


class _DomainErrorsAsMessages(click.Group):
    """Any domain error a subcommand lets through (a model that cannot load, a store that cannot open) becomes
    the same one-line message as the errors subcommands handle themselves; a closed pipe ends every command
    quietly with exit 0 (handled here once, for all of them)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # what is still buffered meets a closed pipe here, not at interpreter exit
            return result
        except AccordingtoError as error:
            fail(error)
        except BrokenPipeError:
            _reader_went_away()


def _reader_went_away() -> NoReturn:
    """The reader of standard output is gone (``| head -1``): stop quietly. Output still buffered would fail
    again when Python flushes at exit, so standard output becomes /dev/null first."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    raise SystemExit(0)


@click.group(cls=_DomainErrorsAsMessages, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="accordingto")
def main() -> None:
    """Who said it, according to whom, how and when: attributions in news articles."""


main.add_command(analyze_command)
main.add_command(train_command)
main.add_command(train_resolver_command)
main.add_command(train_speaker_confidence_command)
main.add_command(train_name_kind_command)
main.add_command(serve_command)
main.add_command(evaluate_command)
main.add_command(run_command)
main.add_command(sources_command)
main.add_command(statements_command)
main.add_command(stats_command)
main.add_command(export_command)
main.add_command(source_command)
main.add_command(outlets_command)
main.add_command(upstream_command)
main.add_command(weeks_command)
main.add_command(articles_command)
main.add_command(trail_command)
