"""Reading a task's pieces on a worker, through fsspec, with the same checks as every other input."""

from __future__ import annotations

import json
from collections.abc import Iterator

import fsspec

from ..errors import AccordingtoError, InputError
from ..model import Article
from ..read import decode_text
from .tasks import Piece

Item = tuple[Article, str] | AccordingtoError


def read_piece(piece: Piece) -> Iterator[Item]:
    """``(article, origin)`` for each article of the piece, or the error that made one unreadable (the reading
    goes on with the next)."""
    if piece.is_jsonl:
        yield from _read_jsonl_range(piece)
        return
    try:
        with fsspec.open(piece.url, "rb") as stream:
            data = stream.read()
    except OSError as error:
        yield InputError(f"cannot read: {error}", piece.url)
        return
    try:
        text = decode_text(data, piece.url)
    except AccordingtoError as error:
        yield error
        return
    yield Article(text=text, id=_stem(piece.url)), piece.url


def _read_jsonl_range(piece: Piece) -> Iterator[Item]:
    """The records of lines starting in ``[piece.start, piece.stop)``: a seek, not a scan from the top."""
    try:
        with fsspec.open(piece.url, "rb") as stream:
            stream.seek(piece.start)
            position = piece.start
            for number, line in enumerate(stream, start=piece.first_line):
                if piece.stop is not None and position >= piece.stop:
                    break
                position += len(line)
                if not line.strip():
                    continue
                where = f"{piece.url}:{number}"
                try:
                    yield _jsonl_article(line, where), where
                except AccordingtoError as error:
                    yield error
    except OSError as error:
        yield InputError(f"cannot read: {error}", piece.url)


def _jsonl_article(line: bytes, where: str) -> Article:
    try:
        record = json.loads(decode_text(line, where))
    except json.JSONDecodeError as error:
        raise InputError(f"not valid JSON: {error.msg} at column {error.colno}", where) from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError('not a JSON object with a "text" string', where)
    fields = {name: record.get(name) for name in ("id", "title", "url", "outlet", "published")}
    return Article(text=record["text"], **{k: str(v) if v is not None else None for k, v in fields.items()})


def _stem(url: str) -> str:
    name = url.rstrip("/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name
