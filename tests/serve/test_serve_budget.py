"""The web service keeps each analysis within its budget and stops one whose client went away, so that no request
holds a pipeline for long."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import httpx2
import pytest
import uvicorn
from fastapi.testclient import TestClient
from spacy.language import Language

from accordingto.budget import Budget
from accordingto.serve import create_app
from slow_stages import QUICK, SLOW, make_stages_slow


def test_an_article_over_the_budget_gets_422_and_the_next_one_is_served(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_stages_slow(nlp, monkeypatch)
    with TestClient(create_app(budget=Budget(seconds=0.3, memory_mb=None))) as client:
        over = client.post("/analyze", json={"text": SLOW})
        assert over.status_code == 422
        assert over.json()["detail"].startswith("over the time budget")
        assert client.post("/analyze", json={"text": QUICK}).status_code == 200


@pytest.fixture
def live_server(nlp: Language) -> Iterator[str]:
    """The app served by uvicorn in this process (so that its pipeline can be made slow), on a free port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(budget=None), host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=30)


def test_a_client_that_goes_away_frees_its_pipeline(
    nlp: Language, monkeypatch: pytest.MonkeyPatch, live_server: str
) -> None:
    """A slow analysis (ten stages of SPIN_SECONDS each, no budget) whose client hangs up stops at the next
    stage; the next request gets the pipeline (there is one) at once instead of after the whole analysis."""
    spun = make_stages_slow(nlp, monkeypatch)
    body = httpx2.Request("POST", f"{live_server}/analyze", json={"text": SLOW})
    with socket.create_connection(("127.0.0.1", int(live_server.rsplit(":", 1)[1]))) as raw:
        head = "POST /analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        raw.sendall(f"{head}Content-Length: {len(body.content)}\r\n\r\n".encode() + body.content)
        while not spun:
            time.sleep(0.02)
    # The client is gone: the analysis stops at its next checkpoint, and the next request is served.
    response = httpx2.post(f"{live_server}/analyze", json={"text": QUICK}, timeout=60)
    assert response.status_code == 200
    assert 1 <= len(spun) < 10, spun
