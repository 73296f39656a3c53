"""Read gold attributions in PolNeAR's BRAT standoff layout.

The same reader serves users who annotate their own articles: any folder with ``text/NAME.txt`` and
``attributions/NAME_ANNOTATOR.ann`` (or ``NAME.ann``) using PolNeAR's labels can be scored. The rules follow
``/work/shared/polnear/FORMAT.md``; each one is commented where it is applied.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, InputNotFoundError, NoInputFilesError
from ..model import Attribution, AttributionType, Ranges, ranges_text
from .metrics import joined

logger = logging.getLogger(__name__)

TEXT_FOLDER = "text"
ANNOTATION_FOLDER = "attributions"
ROLES = ("source", "cue", "content")

# BRAT records: T (text-bound span), E (event = one attribution); the rest (# notes, A, R...) is ignored.
_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_QUOTE_MARKS = '“”"«»'
# A quotation "entirely" makes the content: it opens with a quotation mark and closes with one, perhaps
# followed by the sentence's punctuation (”. or ”,) that PolNeAR sometimes includes in the span.
_OPENS_QUOTE = re.compile(rf"^\s*[{_QUOTE_MARKS}]")
_CLOSES_QUOTE = re.compile(rf"[{_QUOTE_MARKS}][.,;:!?]?\s*$")


@dataclass
class AnnotatedArticle:
    """One article with its gold attributions (the public ``Attribution`` dataclass, ids = BRAT event ids)."""

    name: str
    text: str
    attributions: list[Attribution]


def split_folder(data_dir: str | Path, split: str = "dev") -> Path:
    """The folder with ``text/`` and ``attributions/``: ``DATA_DIR/SPLIT``, or DATA_DIR itself."""
    root = Path(data_dir)
    if not root.exists():
        raise InputNotFoundError("no such folder", str(root))
    if not root.is_dir():
        raise InputError("not a folder (expected a PolNeAR-style folder with text/ and attributions/)", str(root))
    for candidate in (root / split, root):
        if (candidate / TEXT_FOLDER).is_dir() and (candidate / ANNOTATION_FOLDER).is_dir():
            return candidate
    raise InputError(
        f"expected {split}/{TEXT_FOLDER}/ and {split}/{ANNOTATION_FOLDER}/ (or {TEXT_FOLDER}/ and "
        f"{ANNOTATION_FOLDER}/ directly) in this folder",
        str(root),
    )


@dataclass
class MultiAnnotatedArticle:
    """One article with the attributions of each of its annotators (annotator id -> attributions)."""

    name: str
    text: str
    annotations: dict[str, list[Attribution]]


def read_annotated(data_dir: str | Path, split: str = "dev", limit: int | None = None) -> Iterator[AnnotatedArticle]:
    """The articles of one split with their gold attributions, in name order, read one file pair at a time.

    The folder is checked now, before anything is read, so a bad folder fails at once: every text must have an
    annotation file (an article without attributions needs an empty .ann file, so that a missing file is never
    silently read as "no attributions"). An article several people annotated is read from the annotator whose
    id sorts first, so that everyone scores against the same gold.
    """
    files = _annotation_files(split_folder(data_dir, split))
    if limit is not None:
        files = files[:limit]
    return (read_article(text_path, min(annotators)[1]) for text_path, annotators in files)


def count_annotated(data_dir: str | Path, split: str = "dev") -> int:
    """How many articles ``read_annotated`` reads from the split (for a progress bar's total)."""
    return len(_annotation_files(split_folder(data_dir, split)))


def read_multiply_annotated(
    data_dir: str | Path, split: str = "dev", min_annotators: int = 2
) -> Iterator[MultiAnnotatedArticle]:
    """The articles of one split that at least ``min_annotators`` people annotated, with every annotation.

    PolNeAR has a few (18 in train and dev) annotated by five or six people: what human agreement is measured on.
    The folder is checked now, as by ``read_annotated``.
    """
    files = [
        (text_path, annotators)
        for text_path, annotators in _annotation_files(split_folder(data_dir, split))
        if len(annotators) >= min_annotators
    ]
    return (_read_annotations(text_path, annotators) for text_path, annotators in files)


def read_article(text_path: Path, ann_path: Path) -> AnnotatedArticle:
    """One article: its text and the attributions of one annotation file."""
    text = _read(text_path)
    return AnnotatedArticle(name=text_path.stem, text=text, attributions=_read_ann(ann_path, text))


def _read_annotations(text_path: Path, annotators: list[tuple[str, Path]]) -> MultiAnnotatedArticle:
    text = _read(text_path)
    annotations = {annotator: _read_ann(ann_path, text) for annotator, ann_path in sorted(annotators)}
    return MultiAnnotatedArticle(name=text_path.stem, text=text, annotations=annotations)


def _read_ann(path: Path, text: str) -> list[Attribution]:
    return parse_ann(_read(path).split("\n"), text, str(path))


def _read(path: Path) -> str:
    try:
        # newline="" keeps \r\n as two code points: BRAT offsets count them.
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8 ({error.reason} at byte {error.start})", str(path)) from error
    except OSError as error:
        raise InputError(f"cannot read ({error.strerror})", str(path)) from error


def parse_ann(lines: list[str], text: str, where: str = "<ann>") -> list[Attribution]:
    """The attributions of one BRAT file: each ``E`` record with its Source/Cue/Content(2) spans merged."""
    spans: dict[str, tuple[str, Ranges]] = {}
    events: list[tuple[int, str, list[tuple[str, str]]]] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r")
        if match := _T_LINE.match(line):
            spans[match[1]] = (match[2], _parse_ranges(match[3], len(text), f"{where}:{number}"))
        elif match := _E_LINE.match(line):
            arguments = []
            for argument in match[2].split():
                role, _, target = argument.partition(":")
                if not target:
                    raise InputError(f"malformed event argument {argument!r}", f"{where}:{number}")
                arguments.append((role, target))
            events.append((number, match[1], arguments))
        # Anything else is skipped: # notes, other BRAT records, and the continuation of a T line whose text
        # column spans a blank line (its offsets are already read). Discard/Discuss spans are read above but
        # no event refers to them.
    attributions = []
    for number, event_id, arguments in events:
        attribution = _attribution(event_id, arguments, spans, text, f"{where}:{number}")
        if attribution is not None:
            attributions.append(attribution)
    return attributions


def gold_type(text: str, content: Ranges) -> AttributionType:
    """direct when the content is one quotation, mixed when it contains quoted words, indirect otherwise."""
    words = ranges_text(text, content, joiner=" ")
    if _OPENS_QUOTE.search(words) and _CLOSES_QUOTE.search(words):
        return "direct"
    if any(mark in words for mark in _QUOTE_MARKS):
        return "mixed"
    return "indirect"


def _attribution(
    event_id: str,
    arguments: list[tuple[str, str]],
    spans: dict[str, tuple[str, Ranges]],
    text: str,
    where: str,
) -> Attribution | None:
    roles: dict[str, Ranges] = {role: [] for role in ROLES}
    trigger: Ranges = []
    has_argument = False
    for argument, target in arguments:
        if target not in spans:
            raise InputError(f"event {event_id} refers to undefined span {target}", where)
        label, ranges = spans[target]
        if argument.startswith("Attribution"):
            trigger = ranges  # "Attribution:T4" / "Attribution-no-source:T4": the trigger, a copy of the cue
            continue
        has_argument = True
        # Content2 (the next paragraph of a quote) is more content; digits never name a different role.
        role = argument.rstrip("0123456789").lower()
        if role in roles and label not in ("Discard", "Discuss"):
            roles[role].extend(ranges)
    if not has_argument:
        # An event with nothing but its trigger (38 in the corpus, 37 of them duplicates) says nothing.
        return None
    if not roles["cue"]:
        roles["cue"] = list(trigger)
    # Sorted, touching or overlapping pieces joined (Content + Content2 may abut, or repeat a range).
    source, cue, content = (joined(roles[role]) for role in ROLES)
    return Attribution.from_ranges(
        text, id=event_id, type=gold_type(text, content), source=source, cue=cue, content=content
    )


def _parse_ranges(raw: str, text_length: int, where: str) -> Ranges:
    ranges: Ranges = []
    for piece in raw.split(";"):
        start, end = (int(value) for value in piece.split())
        if not 0 <= start <= end <= text_length:
            raise InputError(f"span {start}-{end} lies outside the text ({text_length} characters)", where)
        ranges.append((start, end))
    return ranges


def _annotation_files(folder: Path) -> list[tuple[Path, list[tuple[str, Path]]]]:
    """Each text (in name order) with its annotation files as (annotator id, path); ``NAME.ann`` has id ""."""
    texts = {path.stem: path for path in sorted((folder / TEXT_FOLDER).glob("*.txt"))}
    if not texts:
        raise NoInputFilesError("no .txt files", str(folder / TEXT_FOLDER))
    candidates: dict[str, list[tuple[str, Path]]] = {}
    for path in sorted((folder / ANNOTATION_FOLDER).glob("*.ann")):
        stem = path.stem
        if stem in texts:
            candidates.setdefault(stem, []).append(("", path))  # NAME.ann: a single, unnamed annotator
            continue
        name, _, annotator = stem.rpartition("_")
        if name in texts:
            candidates.setdefault(name, []).append((annotator, path))
        else:
            logger.debug("no text for annotation file %s", path)
    missing = sorted(set(texts) - set(candidates))
    if missing:
        shown = ", ".join(missing[:3]) + (" ..." if len(missing) > 3 else "")
        raise InputError(
            f"{len(missing)} text(s) without an annotation file in {ANNOTATION_FOLDER}/ ({shown}); "
            "an article with no attributions needs an empty NAME.ann",
            str(folder),
        )
    return [(texts[name], candidates[name]) for name in sorted(texts)]
