"""Input checks every reader goes through."""

from __future__ import annotations

from pathlib import Path

import pytest

from accordingto.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
    InvalidDateError,
)
from accordingto.outcome import Failure
from accordingto.read import MAX_TEXT_CHARS, ReadArticle, check_text, decode_text, parse_published, read_path


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyInputError),
        (b" \n\t\n", EmptyInputError),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInputError),
        (b"caf\xe9 au lait", EncodingError),
        (b"a" * (MAX_TEXT_CHARS + 1), InputTooLargeError),
    ],
)
def test_bad_bytes_are_refused_with_a_reason(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error) as raised:
        decode_text(data, "article.txt")
    assert str(raised.value).startswith("article.txt: ")


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"He said so.", "He said so."),
        ("\ufeffShe said so.".encode(), "She said so."),
        ("«Oui», a-t-il dit.".encode(), "«Oui», a-t-il dit."),
        (b"a" * MAX_TEXT_CHARS, "a" * MAX_TEXT_CHARS),
    ],
)
def test_good_bytes_are_decoded(data: bytes, text: str) -> None:
    assert decode_text(data) == text


def test_encoding_error_names_the_byte() -> None:
    with pytest.raises(EncodingError, match=r"byte 0xe9 at offset 3"):
        decode_text(b"caf\xe9")


def test_check_text_refuses_nul() -> None:
    with pytest.raises(BinaryInputError):
        check_text("a\x00b")


def test_a_text_file_is_one_article_named_by_its_stem(tmp_path: Path) -> None:
    path = tmp_path / "story-1.txt"
    path.write_text("Officials said it was over.", encoding="utf-8")
    [article] = read_path(str(path))
    assert isinstance(article, ReadArticle)
    assert (article.id, article.text, article.where) == ("story-1", "Officials said it was over.", str(path))


def test_a_missing_path_is_a_read_failure(tmp_path: Path) -> None:
    path = str(tmp_path / "missing.txt")
    assert list(read_path(path)) == [Failure("read", path, "no such file or folder")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("2023-12-23", "2023-12-23"),
        ("2023-12-23T10:00:00Z", "2023-12-23"),
        ("2023-12-23T23:59:59.250+05:30", "2023-12-23"),
        ("2023-12-23 10:00", "2023-12-23"),
    ],
)
def test_published_dates(value: str | None, expected: str | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    "value", ["23/12/2023", "yesterday", "2023-13-01", "2023-12-23T99:99", "2023-12-23garbage", "2023-02-30T10:00"]
)
def test_bad_published_dates(value: str) -> None:
    with pytest.raises(InvalidDateError):
        parse_published(value)
