"""The ``accordingto`` command: a thin layer over the library. Each subcommand lives in its own module here;
domain errors become one-line messages on stderr and a non-zero exit code, never a traceback."""

from __future__ import annotations

from typing import Any

import click

from ..errors import AccordingtoError
from .analyze import analyze_command
from .common import fail
from .evaluate import evaluate_command
from .query import export_command, sources_command, statements_command, stats_command
from .run import run_command
from .serve import serve_command
from .trail import trail_command
from .train import train_command


class _DomainErrorsAsMessages(click.Group):
    """Any domain error a subcommand lets through (a model that cannot load, a store that cannot open) becomes
    the same one-line message as the errors subcommands handle themselves."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AccordingtoError as error:
            fail(error)


@click.group(cls=_DomainErrorsAsMessages, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="accordingto")
def main() -> None:
    """Who said it, according to whom, how and when: attributions in news articles."""


main.add_command(analyze_command)
main.add_command(train_command)
main.add_command(serve_command)
main.add_command(evaluate_command)
main.add_command(run_command)
main.add_command(sources_command)
main.add_command(statements_command)
main.add_command(stats_command)
main.add_command(export_command)
main.add_command(trail_command)
