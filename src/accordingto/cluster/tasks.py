"""Cutting a corpus into cluster tasks of about N articles, without reading the articles on the client.

The client only lists files, with the corpus readers' own rules (``read/inputs.py``: which files a folder
holds, in which order, under which id), so a cluster run and ``accordingto run`` see the same articles under
the same ids. A file that holds one article (text, HTML) counts as one; a plain JSON Lines file is measured on a
worker (a quick scan that returns the byte offset of every N-th line) and split into byte ranges that workers
read with a seek, each record keeping its line number for error messages. A WARC or gzipped JSONL file is one
task: its records cannot be reached without reading what comes before them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

import fsspec
from fsspec.core import url_to_fs

from ..outcome import Failure
from ..read.inputs import NO_READABLE_FILES, ONE_ARTICLE_KINDS, article_stem, folder_files, kind_by_name

GLOB_CHARS = "*?["
# A container whose article count is unknown until it is read: a task of its own.
WHOLE_FILE = 1 << 30


@dataclass(frozen=True)
class Piece:
    """Part of one input file: the whole file, or (plain JSON Lines) the lines that start in the byte range
    ``[start, stop)``, the first of them being line ``first_line``.

    ``url`` is what workers open; ``shown`` how the file is named in ids and messages (as the user gave it);
    ``article_id`` the id of a one-article file.
    """

    url: str
    shown: str
    article_id: str
    kind: str | None
    start: int = 0
    stop: int | None = None
    first_line: int = 1

    @property
    def splittable(self) -> bool:
        """Plain JSON Lines: lines can be reached with a seek (gzip cannot seek)."""
        return self.kind == "jsonl" and not self.url.lower().endswith(".gz")


@dataclass(frozen=True)
class Task:
    """What one worker call reads and analyses; ``index`` names its output files (``part-00007.parquet``)."""

    index: int
    pieces: tuple[Piece, ...]

    def where(self) -> str:
        """A short description of the task's inputs for failure records."""
        more = f" (+{len(self.pieces) - 1} more files)" if len(self.pieces) > 1 else ""
        return f"{self.pieces[0].shown}{more}"


def list_inputs(inputs: Sequence[str]) -> tuple[list[Piece], list[Failure]]:
    """The files to read, as whole-file pieces, and the inputs that name nothing readable (recorded as read
    failures, as ``read_inputs`` does, so that the run goes on). Folders are searched recursively, glob
    patterns (``s3://bucket/2024-*/*.jsonl``) expanded."""
    pieces: list[Piece] = []
    failures: list[Failure] = []
    for given in inputs:
        try:
            fs, root = url_to_fs(given)
            if any(char in root for char in GLOB_CHARS):
                matches = [path for path in sorted(fs.glob(root)) if not fs.isdir(path)]
                found = [_piece(fs, path, _shown_match(given, root, path), None) for path in matches]
                if not found:
                    failures.append(Failure("read", given, "the pattern matches no file"))
            elif fs.isdir(root):
                found = [
                    _piece(fs, path, f"{given.rstrip('/')}/{relative}", relative)
                    for path, relative in folder_files(fs, root)
                ]
                if not found:
                    failures.append(Failure("read", given, NO_READABLE_FILES))
            elif fs.exists(root):
                found = [_piece(fs, root, given, None)]
            else:
                found = []
                failures.append(Failure("read", given, "no such file or folder"))
        except (OSError, ValueError, ImportError) as error:
            failures.append(Failure("read", given, f"cannot open: {error}"))
            continue
        pieces.extend(found)
    return pieces, failures


def jsonl_offsets(url: str, every: int) -> list[int]:
    """Byte offsets of lines 1, every+1, 2*every+1... and the file size: the cut points of a JSONL file.

    Runs on a worker, so the client never downloads the corpus.
    """
    offsets = [0]
    position = 0
    with fsspec.open(url, "rb") as stream:
        for number, line in enumerate(stream, start=1):
            position += len(line)
            if number % every == 0:
                offsets.append(position)
    if offsets[-1] != position:
        offsets.append(position)
    return offsets


def split_jsonl(piece: Piece, offsets: Sequence[int], every: int) -> list[Piece]:
    """The byte ranges between consecutive cut points, each with the number of its first line."""
    return [
        replace(piece, start=start, stop=stop, first_line=index * every + 1)
        for index, (start, stop) in enumerate(zip(offsets, offsets[1:], strict=False))
    ]


def make_tasks(units: Iterable[tuple[Piece, int]], partition_size: int) -> list[Task]:
    """Pack pieces (each with its article count) into tasks of at most ``partition_size`` articles, in order;
    a piece that alone holds more (a WARC file) is a task by itself."""
    tasks: list[Task] = []
    current: list[Piece] = []
    count = 0
    for piece, size in units:
        if current and count + size > partition_size:
            tasks.append(Task(index=len(tasks), pieces=tuple(current)))
            current, count = [], 0
        current.append(piece)
        count += size
    if current:
        tasks.append(Task(index=len(tasks), pieces=tuple(current)))
    return tasks


def article_count(piece: Piece) -> int:
    """Articles in a piece, as far as the client knows without reading it."""
    return 1 if piece.kind in ONE_ARTICLE_KINDS else WHOLE_FILE


def _piece(fs: fsspec.AbstractFileSystem, path: str, shown: str, relative: str | None) -> Piece:
    name = relative if relative is not None else PurePosixPath(path).name
    return Piece(url=fs.unstrip_protocol(path), shown=shown, article_id=article_stem(name), kind=kind_by_name(path))


def _shown_match(given: str, root: str, path: str) -> str:
    """A glob match named as the user would have typed it (with the URL's protocol if they gave one)."""
    prefix = given[: len(given) - len(root)] if given.endswith(root) else ""
    return f"{prefix}{path}"
