"""The corpus answers only host names that cannot be rebound (DNS rebinding): localhost, IP addresses, and
the names the service was started with; the analysis and the page answer any."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from accordingto.model import Article
from accordingto.serve import create_app
from accordingto.serve.hosts import HostRule, host_name
from accordingto.store import open_store
from hand_analysis import EXAMPLE_PATH, build_example_analysis


@pytest.mark.parametrize(
    ("allowed", "host", "allows"),
    [
        ((), "localhost", True),
        ((), "LOCALHOST:8000", True),
        ((), "localhost.:8000", True),
        ((), "127.0.0.1:8000", True),
        ((), "192.168.1.20", True),  # an address typed by hand: no name to rebind
        ((), "[::1]:8000", True),
        ((), "attacker.example:8000", False),
        ((), "localhost.attacker.example", False),
        ((), "127.0.0.1.nip.io", False),  # a name that resolves to an address is still a name
        ((), "", False),
        ((), None, False),
        ((), "localhost:http", False),
        ((), "[::1", False),
        ((), "[::1]x", False),
        (("news.example.org",), "News.Example.Org:443", True),
        (("news.example.org",), "example.org", False),
        (("*.example.org",), "a.b.example.org", True),
        (("*.example.org",), "example.org", True),
        (("*.example.org",), "badexample.org", False),
        (("*",), "anything.test", True),
        (("", " "), "attacker.example", False),  # an empty --allow-host (the unset variable) allows nothing
    ],
)
def test_which_hosts_may_read_the_corpus(allowed: tuple[str, ...], host: str | None, allows: bool) -> None:
    assert HostRule(allowed).allows(host) is allows


@pytest.mark.parametrize(
    ("header", "name"), [("Example.org:80", "example.org"), ("[::1]:8000", "::1"), ("a:b:c", None), (":80", None)]
)
def test_the_name_in_a_host_header(header: str, name: str | None) -> None:
    assert host_name(header) == name


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = str(Path(tmp_path_factory.mktemp("hosts")) / "corpus.sqlite")
    with open_store(path) as store:
        text = EXAMPLE_PATH.read_text(encoding="utf-8")
        store.save(Article(text=text, id="nyt-1", outlet="NYT", published="2023-12-23"), build_example_analysis(text))
    yield path


CORPUS_ROUTES = ["/filters", "/articles", "/articles/nyt-1", "/sources", "/statements", "/stats", "/outlets"]


@pytest.mark.parametrize("route", CORPUS_ROUTES)
def test_a_foreign_host_name_gets_403_from_every_corpus_route(store_path: str, route: str) -> None:
    with TestClient(create_app(store_path), base_url="http://attacker.example") as client:
        refused = client.get(route)
        assert refused.status_code == 403
        assert "--allow-host" in refused.json()["detail"]
        assert client.get(route, headers={"host": "127.0.0.1:8000"}).status_code == 200
        assert client.get(route, headers={"host": "localhost:8000"}).status_code == 200
        assert client.get("/health").status_code == 200  # the service itself answers any name


def test_allowed_host_names_read_the_corpus(store_path: str) -> None:
    app = create_app(store_path, allowed_hosts=["corpus.example.org"])
    with TestClient(app, base_url="http://corpus.example.org") as client:
        assert [row["id"] for row in client.get("/articles").json()["items"]] == ["nyt-1"]
        assert client.get("/articles", headers={"host": "other.example.org"}).status_code == 403
