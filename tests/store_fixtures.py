"""Store fixtures (a plugin of the root conftest, for tests/store and tests/batch): every test that uses ``store``
runs against SQLite and against a real, throw-away PostgreSQL server.

The server is started once per session on a free loopback port with its own socket and data folder (as user
``postgres`` when the tests run as root, since initdb refuses root) and stopped at the end. When it cannot be
started the PostgreSQL tests fail, they are not skipped: a store that only works on SQLite is not done.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from accordingto.store import Store, open_store

BACKENDS = ["sqlite", "postgresql"]
_databases = itertools.count(1)


def _postgres_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if found:
        return found[-1]
    on_path = shutil.which(name)
    if on_path is None:
        pytest.fail(
            f"PostgreSQL's {name} not found: install the Debian package postgresql (scripts/setup does)",
            pytrace=False,
        )
    return on_path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_postgres(command: list[str]) -> list[str]:
    """Run as user postgres when we are root (initdb and the server refuse to run as root)."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A throw-away PostgreSQL server; yields the URL of its ``postgres`` maintenance database."""
    folder = Path(tempfile.mkdtemp(prefix="accordingto-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data = folder / "data"
    port = _free_port()
    run = {"check": True, "capture_output": True, "text": True, "timeout": 120}
    try:
        subprocess.run(
            _as_postgres([_postgres_bin("initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8"]),
            **run,
        )
        subprocess.run(
            _as_postgres(
                [
                    _postgres_bin("pg_ctl"),
                    "-D",
                    str(data),
                    "-l",
                    str(folder / "server.log"),
                    "-o",
                    f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off",
                    "-w",
                    "start",
                ]
            ),
            **run,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        log = folder / "server.log"
        details = getattr(error, "stderr", "") or ""
        if log.exists():
            details += log.read_text(errors="replace")[-2000:]
        shutil.rmtree(folder, ignore_errors=True)
        pytest.fail(f"cannot start a PostgreSQL server for the tests: {error}\n{details}", pytrace=False)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            _as_postgres([_postgres_bin("pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def new_database_url(postgres_server: str) -> Callable[[], str]:
    """A function making a fresh, empty PostgreSQL database and returning its URL."""
    import psycopg

    def make() -> str:
        name = f"accordingto_test_{next(_databases)}"
        with psycopg.connect(postgres_server, autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {name}")
        return postgres_server.rsplit("/", 1)[0] + f"/{name}"

    return make


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of a fresh, empty store: a SQLite file, or a new database on the test PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite'}"
    make: Callable[[], str] = request.getfixturevalue("new_database_url")
    return make()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """A fresh, migrated store on each backend."""
    with open_store(store_url) as opened:
        yield opened
