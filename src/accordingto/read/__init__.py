"""Read: turn files, streams and records into checked ``Article`` inputs."""

from .text import MAX_TEXT_CHARS, check_text, decode_text, parse_published, read_text_file

__all__ = ["MAX_TEXT_CHARS", "check_text", "decode_text", "parse_published", "read_text_file"]
