"""Reading a task's pieces on a worker, with the corpus readers (``read/``): the same checks, ids and failure
places as ``accordingto run``; only JSON Lines byte ranges are read here, line by line with the readers' own
record parser."""

from __future__ import annotations

from collections.abc import Iterator

from fsspec.core import url_to_fs

from ..errors import InputError
from ..outcome import Failure
from ..read.inputs import read_file
from ..read.jsonl import jsonl_article
from ..read.records import ReadArticle
from .tasks import Piece

Item = ReadArticle | Failure


def read_piece(piece: Piece) -> Iterator[Item]:
    """The articles of a piece, and a failure for each record that cannot be read (the reading goes on)."""
    try:
        fs, path = url_to_fs(piece.url)
    except (OSError, ValueError, ImportError) as error:
        yield Failure("read", piece.shown, f"cannot open: {error}")
        return
    if not piece.splittable or (piece.start == 0 and piece.stop is None):
        yield from read_file(fs, path, piece.shown, piece.article_id)
        return
    try:
        with fs.open(path, "rb") as stream:
            stream.seek(piece.start)
            position = piece.start
            for number, line in enumerate(stream, start=piece.first_line):
                if piece.stop is not None and position >= piece.stop:
                    break
                position += len(line)
                if not line.strip():
                    continue
                place = f"{piece.shown}:{number}"
                try:
                    yield jsonl_article(line, place)
                except InputError as error:
                    yield Failure.from_error(error, "read", place)
    except OSError as error:
        yield Failure("read", piece.shown, f"cannot read: {error}")
