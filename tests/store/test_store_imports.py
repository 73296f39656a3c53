"""The store stores: nothing it imports, directly or through other modules, runs the pipeline."""

from __future__ import annotations

import ast
from pathlib import Path

import accordingto

PACKAGE = Path(accordingto.__file__).parent
# The pipeline and what runs it: spaCy, the stages, the batch runner and the library's analyse functions.
PIPELINE = ("spacy", "thinc", "accordingto.parse", "accordingto.find", "accordingto.resolve", "accordingto.describe")
PIPELINE += ("accordingto.link", "accordingto.anchor", "accordingto.annotations", "accordingto.pipes")
PIPELINE += ("accordingto.analyze", "accordingto.batch", "accordingto.cluster")


def module_file(name: str) -> Path | None:
    """The source file of an accordingto module (a package's ``__init__.py``), None for anything else."""
    if not name.startswith("accordingto."):
        return None
    path = PACKAGE.joinpath(*name.split(".")[1:])
    for candidate in (path.with_suffix(".py"), path / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def imports_of(name: str) -> set[str]:
    """The modules one accordingto module imports (relative imports resolved; ``from x import y`` counts as x
    and, where y is a module, x.y), at any depth of its code, including imports inside functions."""
    path = module_file(name)
    assert path is not None, name
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names if module_file(f"{base}.{alias.name}"))
    return found


def reachable(start: str) -> set[str]:
    """Every module ``start`` imports, and their imports in turn (the parent packages of each included, as Python
    runs them, except ``accordingto`` itself, whose ``__init__`` is the whole library's front door)."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        if module_file(name) is None:
            continue
        parts = name.split(".")
        parents = [".".join(parts[:end]) for end in range(2, len(parts))]
        todo.extend([*imports_of(name), *parents])
    return seen


def store_modules() -> list[str]:
    folder = PACKAGE / "store"
    return sorted(
        "accordingto.store" + ("" if path.stem == "__init__" else f".{path.stem}") for path in folder.glob("*.py")
    )


def test_no_store_module_imports_the_pipeline() -> None:
    modules = store_modules()
    assert "accordingto.store.db" in modules and "accordingto.store.rows" in modules
    for module in modules:
        reached = reachable(module)
        bad = sorted(name for name in reached if name.startswith(PIPELINE))
        assert bad == [], f"{module} imports {bad}"


def test_the_check_sees_an_import_of_the_pipeline() -> None:
    """The checker itself: the batch runner does import the pipeline, and it is found through a chain."""
    assert "spacy.language" in reachable("accordingto.batch.runner")
    assert "accordingto.parse" in reachable("accordingto.cli.run")
