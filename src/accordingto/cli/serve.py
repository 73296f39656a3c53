"""``accordingto serve``: the web service and page, with uvicorn."""

from __future__ import annotations

import os

import click

from .common import budget_options


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--db",
    "db_url",
    envvar="ACCORDINGTO_DB",
    help="A store to browse (SQLite path or URL, postgresql://...): adds the corpus view (env ACCORDINGTO_DB).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes (each loads its own pipeline).",
)
@click.option(
    "--pipelines",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Analyses each worker runs at once (one pipeline each).",
)
@click.option(
    "--allow-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="A host name the corpus routes answer besides localhost and IP addresses (they refuse other names, "
    "against DNS rebinding): the service's own name behind a proxy; *.example.org for its subdomains; * for any. "
    "Repeatable.",
)
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]), default="info")
@budget_options
def serve_command(
    host: str,
    port: int,
    db_url: str | None,
    workers: int,
    pipelines: int,
    allowed_hosts: tuple[str, ...],
    log_level: str,
    time_budget: float,
    memory_budget: float,
) -> None:
    """Serve POST /analyze, the page at / and, with --db, the corpus (/articles, /sources, /stats)."""
    import uvicorn

    from ..serve.app import ENV_SERVE_ALLOW_HOSTS, ENV_SERVE_BUDGET, ENV_SERVE_DB, ENV_SERVE_PIPELINES

    if db_url:
        # Open the store once here so a wrong URL is one line on stderr, not a traceback from every worker.
        from ..store import open_store

        open_store(db_url).close()
    # Worker processes build the app from these (uvicorn needs an import string to start several workers): the
    # command's own hand-over variables, so the user's ACCORDINGTO_DB is read, never rewritten.
    os.environ[ENV_SERVE_DB] = db_url or ""
    os.environ[ENV_SERVE_PIPELINES] = str(pipelines)
    os.environ[ENV_SERVE_BUDGET] = f"{time_budget},{memory_budget}"
    os.environ[ENV_SERVE_ALLOW_HOSTS] = ",".join(allowed_hosts)
    click.echo(f"accordingto: serving on http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    uvicorn.run(
        "accordingto.serve.app:create_app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
    )
