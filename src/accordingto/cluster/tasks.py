"""Cutting a corpus into cluster tasks of about N articles, without reading the articles on the client.

The client only lists files (fsspec: local folders, ``s3://``, ``gs://``...). A file that holds one article
(text, HTML) counts as one; a JSON Lines file is measured on a worker (a quick scan that returns the byte
offset of every N-th line), so a large JSONL file is split into byte ranges that workers read with a seek, and
every record keeps its line number for error messages. A WARC file is one task: its records are not
addressable by line.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import fsspec

from ..errors import InputNotFoundError, NoInputFilesError

JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
SINGLE_SUFFIXES = (".txt", ".html", ".htm")
SUPPORTED_SUFFIXES = SINGLE_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES
GLOB_CHARS = "*?["


@dataclass(frozen=True)
class Piece:
    """Part of one input file: the whole file, or (JSON Lines) the lines starting in ``[start, stop)``
    bytes."""

    url: str
    start: int = 0
    stop: int | None = None
    first_line: int = 1

    @property
    def is_jsonl(self) -> bool:
        return self.url.lower().endswith(JSONL_SUFFIXES)


@dataclass(frozen=True)
class Task:
    """What one worker call reads and analyses; ``index`` names its output files (``part-00007.parquet``)."""

    index: int
    pieces: tuple[Piece, ...]

    def where(self) -> str:
        """A short description of the task's inputs for failure records."""
        first = self.pieces[0]
        more = f" (+{len(self.pieces) - 1} more)" if len(self.pieces) > 1 else ""
        return f"{first.url}{more}"


def list_inputs(inputs: Sequence[str]) -> list[str]:
    """Full fsspec URLs of the files to read: files as given, folders searched recursively for supported
    files, glob patterns expanded. Raises ``InputNotFoundError`` for an input that matches nothing."""
    urls: list[str] = []
    for given in inputs:
        fs, path = fsspec.core.url_to_fs(given)
        if any(char in path for char in GLOB_CHARS):
            found = [p for p in fs.glob(path) if not fs.isdir(p)]
        elif fs.isdir(path):
            found = [p for p in fs.find(path) if p.lower().endswith(SUPPORTED_SUFFIXES)]
            if not found:
                raise NoInputFilesError(f"no {', '.join(SUPPORTED_SUFFIXES)} files in this folder", given)
        elif fs.exists(path):
            found = [path]
        else:
            raise InputNotFoundError("no such file or folder", given)
        if not found:
            raise InputNotFoundError("the pattern matches no file", given)
        urls.extend(fs.unstrip_protocol(p) if _has_protocol(given) else p for p in sorted(found))
    return urls


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


def jsonl_pieces(url: str, offsets: Sequence[int], every: int) -> list[Piece]:
    """The byte ranges between consecutive cut points, each with the number of its first line."""
    return [
        Piece(url=url, start=start, stop=stop, first_line=index * every + 1)
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


def single_units(urls: Iterable[str]) -> Iterator[tuple[Piece, int]]:
    """Files read whole: one article each (text, HTML), or an unknown number that is its own task (WARC)."""
    for url in urls:
        yield Piece(url=url), (1 if not url.lower().endswith(WARC_SUFFIXES) else 1 << 30)


def _has_protocol(url: str) -> bool:
    return "://" in url
