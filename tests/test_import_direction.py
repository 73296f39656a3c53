"""The stage packages import in the direction the data flows: parse -> find -> resolve -> describe -> link ->
anchor. A stage may import from an earlier stage and from the shared modules below every stage, never from a
later stage; the shared modules import no stage at all. Read from the source with ``ast``, so an import that
would only fail at run time (or never run) is caught too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "accordingto"
STAGES = ["parse", "find", "resolve", "describe", "link", "anchor"]
# What every stage may use: the Doc layer, the typed records, the lexicon and the other building blocks.
SHARED = [
    "annotations",
    "records",
    "pipes",
    "clauses",
    "lexicon",
    "errors",
    "model",
    "number_words",
    "budget",
    "ranges",
    "logistic",
]


def imported_packages(path: Path, source: str | None = None) -> set[str]:
    """The top-level ``accordingto`` modules or packages that the module at ``path`` imports, relatively or
    absolutely (``source``: its text, read from ``path`` when not given)."""
    module = path.relative_to(PACKAGE.parent).with_suffix("").parts  # ("accordingto", "find", "nested")
    if module[-1] == "__init__":
        module = module[:-1]
    package = module if path.name == "__init__.py" else module[:-1]
    found: set[str] = set()
    tree = ast.parse(source if source is not None else path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                parts = [*base, *(node.module.split(".") if node.module else [])]
                targets = [parts] if node.module else [[*parts, alias.name] for alias in node.names]
            else:
                targets = [node.module.split(".")] if node.module else []
            found.update(target[1] for target in targets if len(target) > 1 and target[0] == "accordingto")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "accordingto" and len(parts) > 1:
                    found.add(parts[1])
    return found


def modules_of(package: str) -> list[Path]:
    folder = PACKAGE / package
    return sorted(folder.rglob("*.py")) if folder.is_dir() else [PACKAGE / f"{package}.py"]


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_imports_only_earlier_stages(stage: str) -> None:
    later = set(STAGES[STAGES.index(stage) + 1 :])
    wrong = {str(path.relative_to(PACKAGE)): sorted(imported_packages(path) & later) for path in modules_of(stage)}
    assert not {path: targets for path, targets in wrong.items() if targets}


@pytest.mark.parametrize("shared", SHARED)
def test_shared_modules_import_no_stage(shared: str) -> None:
    wrong = {
        str(path.relative_to(PACKAGE)): sorted(imported_packages(path) & set(STAGES)) for path in modules_of(shared)
    }
    assert not {path: targets for path, targets in wrong.items() if targets}


def test_the_reader_sees_relative_and_absolute_imports() -> None:
    """The check itself: a later-stage import in any spelling is found."""
    assert {"annotations", "lexicon", "find"} <= imported_packages(PACKAGE / "find" / "nested.py")
    assert imported_packages(PACKAGE / "annotations.py") >= {"clauses", "records", "model"}
    source = "from ..describe.stance import x\nfrom .. import link\nimport accordingto.anchor.time\nfrom . import y\n"
    assert imported_packages(PACKAGE / "find" / "probe.py", source) == {"describe", "link", "anchor", "find"}
