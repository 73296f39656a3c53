"""A throw-away PostgreSQL server for benchmarks, on a free loopback port (as ``tests/store/conftest.py`` starts
one for the tests): ``with postgres_server() as url: ...`` gives the URL of a fresh, empty database and removes
the server and its data afterwards."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _binary(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}")) or [shutil.which(name) or ""]
    if not found[-1]:
        raise SystemExit(f"PostgreSQL's {name} not found: install the Debian package postgresql (scripts/setup does)")
    return found[-1]


def _as_postgres(command: list[str]) -> list[str]:
    """initdb and the server refuse to run as root."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextmanager
def postgres_server() -> Iterator[str]:
    folder = Path(tempfile.mkdtemp(prefix="accordingto-bench-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data = folder / "data"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    run = {"check": True, "capture_output": True, "text": True, "timeout": 120}
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder}"
    try:
        subprocess.run(
            _as_postgres([_binary("initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8"]), **run
        )
        log = str(folder / "server.log")
        subprocess.run(
            _as_postgres([_binary("pg_ctl"), "-D", str(data), "-l", log, "-o", options, "-w", "start"]), **run
        )
        import psycopg

        with psycopg.connect(f"postgresql://postgres@127.0.0.1:{port}/postgres", autocommit=True) as connection:
            connection.execute("CREATE DATABASE bench")
        yield f"postgresql://postgres@127.0.0.1:{port}/bench"
    finally:
        subprocess.run(
            _as_postgres([_binary("pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(folder, ignore_errors=True)
