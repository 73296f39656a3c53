"""One entry point for corpus inputs: ``read_inputs(paths)`` picks a reader for each path, streams articles.

Paths may be local or fsspec URLs (``s3://bucket/news/``, ``gs://...``, ``file://...``). A folder is read
recursively, its readable files in sorted order. The reader is chosen by extension, and for a file with none
of the known extensions by its first bytes:

====================  =====================================================================
``.txt``              one article per file, id = the path inside the folder without extension
``.jsonl``            one article per line (``.jsonl.gz`` too); id = ``id`` field, else a text hash
``.html`` ``.htm``    the main text of the page (trafilatura), id = the path, like ``.txt``
``.warc``             every HTML response (``.warc.gz`` too), id = the target URI
====================  =====================================================================

Readers never raise for a bad record: they yield a ``Failure`` (stage ``read``) naming it and go on. Memory does not
grow with the number of articles: files are listed, then read one at a time, records one at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import PurePosixPath
from typing import IO

import fsspec
from fsspec.core import url_to_fs
from fsspec.spec import AbstractFileSystem

from ..errors import InputError
from ..outcome import Failure
from .html import MAX_PAGE_BYTES, html_article
from .jsonl import read_jsonl
from .records import ReadArticle
from .text import MAX_FILE_BYTES, decode_text
from .warc import read_warc

Item = ReadArticle | Failure
Reader = Callable[[AbstractFileSystem, str, str, str], Iterator[Item]]

# How many bytes of a file with an unknown extension are looked at to guess its format.
_SNIFF_BYTES = 512
NO_READABLE_FILES = "no readable files in this folder (.txt, .jsonl, .html, .warc)"
# Formats in which a file is one article; the others (JSON Lines, WARC) hold any number.
ONE_ARTICLE_KINDS = ("txt", "html")


def read_inputs(paths: Iterable[str]) -> Iterator[Item]:
    """Articles and read failures from every path, in order (folders: their files sorted by path)."""
    for path in paths:
        yield from read_path(path)


def read_path(path: str) -> Iterator[Item]:
    """Articles and read failures from one path or URL (a file or a folder)."""
    try:
        fs, root = url_to_fs(path)
        is_dir = fs.isdir(root)
        exists = is_dir or fs.exists(root)
    except (OSError, ValueError, ImportError) as error:
        yield Failure("read", path, f"cannot open: {error}")
        return
    if not exists:
        yield Failure("read", path, "no such file or folder")
    elif is_dir:
        yield from _read_folder(fs, root, path)
    else:
        yield from read_file(fs, root, path, article_stem(PurePosixPath(root).name))


def count_articles(paths: Iterable[str]) -> int | None:
    """How many articles the paths hold, when that is cheap to know (only one-article files: .txt, .html);
    None as soon as a path holds a container format (JSON Lines, WARC), which would have to be read twice.
    A path that does not exist counts as one (it is one input, which will fail)."""
    total = 0
    for path in paths:
        try:
            fs, root = url_to_fs(path)
            if fs.isdir(root):
                kinds = [kind_by_name(name) for name, _ in folder_files(fs, root)]
            else:
                kinds = [kind_by_name(root) or (_kind_by_content(fs, root) if fs.exists(root) else "txt")]
        except (OSError, ValueError, ImportError):
            return None
        if any(kind not in ONE_ARTICLE_KINDS for kind in kinds):
            return None
        total += len(kinds)
    return total


def _read_folder(fs: AbstractFileSystem, root: str, shown: str) -> Iterator[Item]:
    files = folder_files(fs, root)
    if not files:
        yield Failure("read", shown, NO_READABLE_FILES)
        return
    for name, relative in files:
        yield from read_file(fs, name, f"{shown.rstrip('/')}/{relative}", article_stem(relative))


def folder_files(fs: AbstractFileSystem, root: str) -> list[tuple[str, str]]:
    """(path, path inside the folder) of the readable files under a folder, recursively, sorted; hidden files
    and folders (``.git``, editor back-ups) and files with other extensions are left out."""
    files = []
    for name in fs.find(root, withdirs=False):
        relative = PurePosixPath(name).relative_to(PurePosixPath(root)).as_posix()
        if kind_by_name(relative) is not None and not any(part.startswith(".") for part in relative.split("/")):
            files.append((name, relative))
    return sorted(files, key=lambda item: item[1])


def read_file(fs: AbstractFileSystem, name: str, shown: str, article_id: str) -> Iterator[Item]:
    kind = kind_by_name(name)
    try:
        if kind is None:
            kind = _kind_by_content(fs, name)
        reader = _READERS[kind]
        yield from reader(fs, name, shown, article_id)
    except OSError as error:
        yield Failure("read", shown, f"cannot read: {error}")


def _read_txt(fs: AbstractFileSystem, name: str, shown: str, article_id: str) -> Iterator[Item]:
    try:
        data = _read_limited(fs, name, shown, MAX_FILE_BYTES)
        yield ReadArticle(text=decode_text(data, shown), id=article_id, where=shown)
    except InputError as error:
        yield Failure.from_error(error, "read", shown)


def _read_html(fs: AbstractFileSystem, name: str, shown: str, article_id: str) -> Iterator[Item]:
    try:
        yield html_article(_read_limited(fs, name, shown, MAX_PAGE_BYTES), shown, id=article_id)
    except InputError as error:
        yield Failure.from_error(error, "read", shown)


def _read_jsonl(fs: AbstractFileSystem, name: str, shown: str, article_id: str) -> Iterator[Item]:
    with _open(fs, name, decompress=True) as stream:
        yield from read_jsonl(stream, shown)


def _read_warc(fs: AbstractFileSystem, name: str, shown: str, article_id: str) -> Iterator[Item]:
    # FastWARC recognizes gzip itself, record by record: give it the raw bytes.
    with _open(fs, name, decompress=False) as stream:
        yield from read_warc(stream, shown)


_READERS: dict[str, Reader] = {"txt": _read_txt, "html": _read_html, "jsonl": _read_jsonl, "warc": _read_warc}
_SUFFIXES = {
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".jsonl.gz": "jsonl",
    ".warc": "warc",
    ".warc.gz": "warc",
}


def kind_by_name(name: str) -> str | None:
    lowered = name.lower()
    for suffix, kind in _SUFFIXES.items():
        if lowered.endswith(suffix):
            return kind
    return None


def _kind_by_content(fs: AbstractFileSystem, name: str) -> str:
    """A guess for a file with no known extension: WARC, gzip (WARC), JSON, HTML, else text."""
    with fs.open(name, "rb") as stream:
        head = stream.read(_SNIFF_BYTES)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"WARC/") or head.startswith(b"\x1f\x8b"):
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    if start[:15].lower().startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")):
        return "html"
    return "txt"


def _read_limited(fs: AbstractFileSystem, name: str, shown: str, limit: int) -> bytes:
    """A whole one-article file, refused before reading when it is larger than ``limit``."""
    size = fs.size(name)
    if size is not None and size > limit:
        raise InputError(f"too large: {size:,} bytes, the limit is {limit:,}", shown)
    with fs.open(name, "rb") as stream:
        data: bytes = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"too large: over {limit:,} bytes", shown)
    return data


def _open(fs: AbstractFileSystem, name: str, *, decompress: bool) -> IO[bytes]:
    compression = "gzip" if decompress and name.lower().endswith(".gz") else None
    stream: IO[bytes] = fsspec.core.OpenFile(fs, name, mode="rb", compression=compression).open()
    return stream


def article_stem(name: str) -> str:
    """An article id from a path inside the folder given, without its extension(s): a/b.html → a/b."""
    path = PurePosixPath(name)
    kind_suffix = next((suffix for suffix in _SUFFIXES if path.name.lower().endswith(suffix)), None)
    stem = path.name[: -len(kind_suffix)] if kind_suffix else path.stem
    return stem if str(path.parent) == "." else (path.parent / stem).as_posix()
