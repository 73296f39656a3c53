"""``accordingto serve`` through the installed entry point: a bad store is one line on stderr, never a traceback.
(The running service itself is tested end to end in tests/serve/test_serve_browser.py.)"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from spacy.language import Language

from accordingto.cli import main
from accordingto.serve.app import ENV_SERVE_ALLOW_HOSTS, ENV_SERVE_DB, create_app_from_env
from accordingto.store import open_store


@pytest.mark.parametrize(
    ("db", "reason"),
    [
        ("/nonexistent/folder/corpus.sqlite", "does not exist"),
        ("nosuchdriver://somewhere", "not a usable store URL"),
    ],
)
def test_a_store_that_cannot_be_opened_is_one_line(cli: str, db: str, reason: str) -> None:
    result = subprocess.run([cli, "serve", "--db", db], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("accordingto: error: ")
    assert reason in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_help_lists_the_options(cli: str) -> None:
    result = subprocess.run([cli, "serve", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    for option in ("--host", "--port", "--db", "--workers", "--pipelines", "--allow-host"):
        assert option in result.stdout


def test_the_store_comes_from_accordingto_db_like_in_the_other_commands(cli: str) -> None:
    environment = {**os.environ, "ACCORDINGTO_DB": "/nonexistent/folder/corpus.sqlite"}
    result = subprocess.run([cli, "serve"], capture_output=True, text=True, timeout=60, env=environment)
    assert result.returncode == 1
    assert result.stderr.startswith("accordingto: error: ") and "does not exist" in result.stderr


@pytest.mark.parametrize("given", [False, True], ids=["from-env", "from---db"])
def test_serve_hands_the_store_to_its_workers_without_rewriting_accordingto_db(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: Language, given: bool
) -> None:
    in_env, on_command_line = str(tmp_path / "env.sqlite"), str(tmp_path / "option.sqlite")
    for path in (in_env, on_command_line):
        open_store(path).close()
    monkeypatch.setenv("ACCORDINGTO_DB", in_env)
    monkeypatch.setenv(ENV_SERVE_DB, "")  # restored after the test: the command sets it
    monkeypatch.setenv(ENV_SERVE_ALLOW_HOSTS, "")
    seen: dict[str, Any] = {}

    def fake_run(app: str, **options: Any) -> None:
        seen.update(app=app, environment=dict(os.environ))

    monkeypatch.setattr("uvicorn.run", fake_run)
    # TestClient's requests name the host "testserver": served only when allowed.
    arguments = ["serve", "--port", "0", "--allow-host", "testserver", *(["--db", on_command_line] if given else [])]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    assert seen["environment"]["ACCORDINGTO_DB"] == in_env  # the user's setting, untouched
    served = on_command_line if given else in_env
    assert seen["environment"][ENV_SERVE_DB] == served
    with TestClient(create_app_from_env()) as client:  # what each uvicorn worker builds
        assert client.get("/health").json()["store"] is True
        assert client.get("/articles").json()["items"] == []  # a page of the store it was given
        assert client.get("/articles", headers={"host": "elsewhere.test"}).status_code == 403
