"""No top-level module of the package is named like a standard library module (``numbers.py`` was: with the
package's folder on ``sys.path``, as when a script there is run, ``import numbers`` found it instead of Python's)."""

from __future__ import annotations

import sys
from pathlib import Path

import accordingto
from accordingto.number_words import CARDINALS

PACKAGE = Path(accordingto.__file__).parent
# pipes.py is the base of the pipeline components (another piece of work owns it); the standard library's pipes
# module is deprecated and gone in Python 3.13.
KNOWN = {"pipes"}


def test_no_top_level_module_is_named_like_a_standard_library_module() -> None:
    names = {path.stem for path in PACKAGE.glob("*.py")} | {path.name for path in PACKAGE.iterdir() if path.is_dir()}
    assert "number_words" in names and "numbers" not in names
    assert sorted(names & set(sys.stdlib_module_names) - KNOWN) == []


def test_number_words_are_the_shared_table() -> None:
    assert (CARDINALS["two"], CARDINALS["a"]) == (2, 1)
