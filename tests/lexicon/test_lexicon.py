"""The lexicon: every word list in one place, each with its note, no entry twice, shipped with the package."""

from __future__ import annotations

import fnmatch
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from accordingto import lexicon

REPO = Path(__file__).resolve().parents[2]
FOLDER = REPO / "src" / "accordingto" / "lexicon"
NAMES = lexicon.list_names()


def test_every_list_file_is_a_list() -> None:
    assert NAMES == sorted(path.stem for path in FOLDER.glob("*.txt"))
    assert len(NAMES) >= 25


@pytest.mark.parametrize("name", NAMES)
def test_every_list_says_what_it_is_who_uses_it_and_where_it_comes_from(name: str) -> None:
    note = lexicon.note(name)
    assert "Used by:" in note and "From:" in note, f"{name}.txt needs a note saying who uses it and its origin"
    assert len(note.split("Used by:")[0]) > 20, f"{name}.txt: the note should first say what the list is"


@pytest.mark.parametrize("name", NAMES)
def test_entries_are_clean(name: str) -> None:
    text = (FOLDER / f"{name}.txt").read_text(encoding="utf-8")
    entries = [line for line in text.splitlines() if line.strip() and not line.startswith(("#", "["))]
    assert entries, f"{name}.txt lists nothing"
    assert all(line == line.strip() for line in entries), f"{name}.txt: white space around an entry"
    assert len(entries) == len(set(entries)), f"{name}.txt lists an entry twice"


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("# note\n\nsay\nsay\n", "twice"),
        ("# note\n\n[a]\nsay\n[b]\nsay\n", "twice"),
    ],
)
def test_an_entry_listed_twice_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, error: str
) -> None:
    (tmp_path / "probe.txt").write_text(text, encoding="utf-8")
    monkeypatch.setattr(lexicon.resources, "files", lambda _: tmp_path)
    lexicon._read.cache_clear()
    try:
        with pytest.raises(ValueError, match=error):
            lexicon.words("probe") if "[" not in text else lexicon.table("probe")
    finally:
        lexicon._read.cache_clear()


def test_notions_that_differ_do_not_overlap() -> None:
    """Titles, role nouns and person nouns are three notions, each word in one of them."""
    assert not lexicon.TITLES & lexicon.ROLE_NOUNS
    assert not lexicon.TITLES & lexicon.PERSON_NOUNS
    assert not lexicon.ROLE_NOUNS & lexicon.PERSON_NOUNS
    assert not set(lexicon.PLACE_NAMES) & set(lexicon.AFFILIATION_ADJECTIVES)
    assert not lexicon.OUTLET_BRAND_WORDS & {word.lower() for word in lexicon.OUTLET_NAME_WORDS}


def test_institutions_are_government_or_organization_heads() -> None:
    """The institutions a source works for are a chosen part of the description heads, not a second copy."""
    kinds = {lexicon.DESCRIPTION_HEADS.get(head) for head in lexicon.INSTITUTION_HEADS}
    assert kinds <= {"government", "organization"}


def test_tables_and_sections_read_as_typed() -> None:
    assert lexicon.PLACE_NAMES["u.s."] == lexicon.PLACE_NAMES["america"] == "US"
    assert lexicon.AFFILIATION_ADJECTIVES["russian"] == "Russia"
    assert lexicon.COUNT_WORDS["dozen"] == 12
    assert "according to" in lexicon.CUE_CLASSES["report"]
    assert lexicon.DESCRIPTION_HEADS["kremlin"] == "government"
    assert "the" in lexicon.DEFINITE and "a" in lexicon.INDEFINITE and lexicon.ARTICLES == {"the", "a", "an"}
    assert "NYT" in lexicon.OUTLETS["The New York Times"]  # case kept


def test_pyproject_ships_the_list_files() -> None:
    """A wheel holds what ``package-data`` names: every list file must match one of its patterns."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["accordingto"]
    for path in FOLDER.glob("*.txt"):
        relative = path.relative_to(REPO / "src" / "accordingto").as_posix()
        assert any(fnmatch.fnmatch(relative, pattern) for pattern in patterns), relative


def test_lists_load_from_a_zipped_package(tmp_path: Path) -> None:
    """Read through importlib.resources, not the file system: the lists load from a zip as from a wheel."""
    archive = tmp_path / "lexicon.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("accordingto/__init__.py", "")
        for path in FOLDER.iterdir():
            if path.suffix in {".py", ".txt"}:
                bundle.write(path, f"accordingto/lexicon/{path.name}")
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); from accordingto import lexicon; "
        "assert lexicon.__file__.startswith(sys.argv[1]), lexicon.__file__; "
        "print(len(lexicon.list_names()), len(lexicon.TITLES), lexicon.PLACE_NAMES['u.s.'])"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", script, str(archive)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(len(NAMES)), str(len(lexicon.TITLES)), "US"]
