"""Read GUM documents (CoNLL-U with gold coreference) as running text with character offsets.

GUM is what the speaker resolver is trained and measured on: every mention of every entity (people,
organisations, places... pronouns and descriptions included) carries an entity id, so "he", "the former mayor"
and "Marcus" can be checked against the entity they refer to. Our pipeline parses the *text* with spaCy, so the
reader rebuilds each document's text exactly (tokens joined by a space unless ``SpaceAfter=No``, sentences of
one paragraph by a space, paragraphs — ``# newpar`` — by a blank line) and gives every token, sentence,
paragraph and mention character offsets into it.

Mentions come from column 10's ``Entity=`` brackets: ``(ID-type-infstat-salience-centering-minspan-link[-identity]``
opens a mention (``)`` right after it closes it on the same token), ``ID)`` closes the latest open mention of
that entity. ``link`` is how the mention relates to the entity's earlier mentions (``coref``, ``ana``,
``appos``, ``pred``, ``cata``, ``sgl``...), ``identity`` its Wikipedia title when it has one. A mention's form
(proper name, pronoun, description) is read off the UD tag of its head in GUM's own dependency tree.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import unquote

from ..errors import InputError, InputNotFoundError, NoInputFilesError
from ..model import Range

MentionForm = Literal["name", "pronoun", "description", "other"]

PARAGRAPH_BREAK = "\n\n"
_BRACKET = re.compile(r"\([^()]*\)?|\d+\)")


@dataclass(frozen=True)
class GumToken:
    """One syntactic word (multiword tokens such as "Byron's" are split into their words, offsets within the
    surface form)."""

    text: str
    start: int
    end: int
    lemma: str
    upos: str
    xpos: str
    head: int  # index of the head token in the document, -1 for a root
    deprel: str
    sentence: int


@dataclass(frozen=True)
class GumMention:
    """One gold mention: tokens ``token_start:token_end`` of the document, ``start:end`` in its text."""

    entity: str  # the entity id, unique within the document
    entity_type: str  # person, organization, place, time, event, abstract, object...
    start: int
    end: int
    token_start: int
    token_end: int
    head: int  # document index of the head token (the one whose gold head lies outside the mention)
    form: MentionForm
    link: str  # coref, ana, appos, pred, cata, disc, sgl...
    identity: str | None  # Wikipedia title, when the entity has one


@dataclass(frozen=True)
class GumSentence:
    start: int
    end: int
    paragraph: int
    speaker: str | None  # the speaker of an interview or a conversation turn (``# speaker``)


@dataclass
class GumDocument:
    name: str
    genre: str
    text: str
    tokens: list[GumToken]
    sentences: list[GumSentence]
    paragraphs: list[Range]
    mentions: list[GumMention]
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.meta.get("title", self.name)

    def entity_mentions(self) -> dict[str, list[GumMention]]:
        """Mentions by entity, each list in text order."""
        by_entity: dict[str, list[GumMention]] = defaultdict(list)
        for mention in self.mentions:
            by_entity[mention.entity].append(mention)
        return dict(by_entity)


def gum_files(data_dir: str | Path, split: str = "dev") -> list[Path]:
    """The ``.conllu`` files of ``DATA_DIR/SPLIT`` (or of DATA_DIR itself), in name order."""
    root = Path(data_dir)
    if not root.exists():
        raise InputNotFoundError("no such folder", str(root))
    folder = root / split if (root / split).is_dir() else root
    files = sorted(folder.glob("*.conllu"))
    if not files:
        raise NoInputFilesError(f"no .conllu files (expected GUM's {split}/*.conllu)", str(folder))
    return files


def read_gum(data_dir: str | Path, split: str = "dev", limit: int | None = None) -> Iterator[GumDocument]:
    """The documents of one split, in name order, read one file at a time."""
    files = gum_files(data_dir, split)
    return (read_gum_file(path) for path in files[:limit])


def read_gum_file(path: str | Path) -> GumDocument:
    try:
        lines = Path(path).read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read ({error})", str(path)) from error
    return parse_conllu(lines, name=Path(path).stem, where=str(path))


class _Builder:
    """The running text and records of one document, as its sentences are read."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.length = 0
        self.tokens: list[GumToken] = []
        self.sentences: list[GumSentence] = []
        self.paragraphs: list[Range] = []
        self.mentions: list[GumMention] = []
        self.open: dict[str, list[tuple[int, list[str]]]] = defaultdict(list)  # entity → [(first token, fields)]
        self.space_after = ""  # what the last token asks to follow it: " ", or "" for SpaceAfter=No
        self.new_paragraph = True

    def add_sentence(self, rows: list[list[str]], text: str | None, speaker: str | None, where: str) -> None:
        separator = "" if not self.length else PARAGRAPH_BREAK if self.new_paragraph else self.space_after
        offset = self.length + len(separator)
        if self.new_paragraph:
            self.paragraphs.append((offset, offset))
            self.new_paragraph = False
        spelled, spans = _spell(rows, where)
        if text is not None and spelled.rstrip() != text.rstrip():
            raise InputError(f"the tokens spell {spelled!r}, the # text line says {text!r}", where)
        self.space_after = " " if spelled.endswith(" ") else ""
        spelled = spelled.rstrip(" ")
        self.pieces.append(separator + spelled)
        self.length += len(separator) + len(spelled)
        words = [row for row in rows if row[0].isdigit()]
        first_token = len(self.tokens)
        index = {row[0]: first_token + n for n, row in enumerate(words)}
        sentence = len(self.sentences)
        for row, (start, end) in zip(words, spans, strict=True):
            self.tokens.append(
                GumToken(
                    text=row[1],
                    start=offset + start,
                    end=offset + end,
                    lemma=row[2],
                    upos=row[3],
                    xpos=row[4],
                    head=index.get(row[6], -1),
                    deprel=row[7],
                    sentence=sentence,
                )
            )
        self.sentences.append(GumSentence(offset, self.length, len(self.paragraphs) - 1, speaker))
        self.paragraphs[-1] = (self.paragraphs[-1][0], self.length)
        for n, row in enumerate(words):
            self.read_entities(row[9], first_token + n, where)

    def read_entities(self, misc: str, token: int, where: str) -> None:
        value = next((item[len("Entity=") :] for item in misc.split("|") if item.startswith("Entity=")), None)
        if value is None:
            return
        for bracket in _BRACKET.findall(value):
            if bracket.startswith("("):
                fields = bracket.strip("()").split("-", 7)
                if len(fields) < 7:
                    raise InputError(f"malformed entity bracket {bracket!r}", where)
                self.open[fields[0]].append((token, fields))
                if bracket.endswith(")"):
                    self.close(fields[0], token, where)
            else:
                self.close(bracket[:-1], token, where)

    def close(self, entity: str, token: int, where: str) -> None:
        if not self.open[entity]:
            raise InputError(f"entity {entity} closed but never opened", where)
        first, fields = self.open[entity].pop()
        head = _head(self.tokens, first, token + 1)
        self.mentions.append(
            GumMention(
                entity=entity,
                entity_type=fields[1],
                start=self.tokens[first].start,
                end=self.tokens[token].end,
                token_start=first,
                token_end=token + 1,
                head=head,
                form=_form(self.tokens[head]),
                link=fields[6],
                identity=unquote(fields[7]) if len(fields) > 7 and fields[7] else None,
            )
        )


def _spell(rows: list[list[str]], where: str) -> tuple[str, list[Range]]:
    """A sentence's text (with the space its last token asks for) and each word's offsets in it.

    A multiword token ("Byron's" = "Byron" + "'s") is written once, by its surface form; its words get the
    pieces of that surface they spell, in order (the whole surface when they do not spell it)."""
    text = ""
    spans: list[Range] = []
    words = {row[0]: row[1] for row in rows if row[0].isdigit()}
    covered = 0  # the last word id written by a multiword token
    for row in rows:
        token_id = row[0]
        if "." in token_id or (token_id.isdigit() and int(token_id) <= covered):
            continue  # an empty node (ellipsis, no text of its own), or a word of the multiword token just written
        start = len(text)
        text += row[1]
        if "-" in token_id:
            low, high = (int(n) for n in token_id.split("-"))
            cursor = start
            for n in range(low, high + 1):
                word = words.get(str(n))
                if word is None:
                    raise InputError(f"multiword token {token_id} lacks word {n}", where)
                found = text.find(word, cursor)
                piece = (found, found + len(word)) if found >= 0 else (start, len(text))
                spans.append(piece)
                cursor = max(cursor, piece[1])
            covered = high
        else:
            spans.append((start, len(text)))
        if "SpaceAfter=No" not in row[9].split("|"):
            text += " "
    return text, spans


def _head(tokens: list[GumToken], start: int, end: int) -> int:
    """The first token of the span whose gold head lies outside it (the span's syntactic head)."""
    for i in range(start, end):
        if not start <= tokens[i].head < end:
            return i
    return start


def _form(head: GumToken) -> MentionForm:
    """Proper name, pronoun or description, by the UD tag of the head ("Marcus", "he", "the former mayor")."""
    if head.upos == "PROPN":
        return "name"
    if head.upos == "PRON":
        return "pronoun"
    if head.upos == "NOUN":
        return "description"
    return "other"


def parse_conllu(lines: list[str], name: str = "<conllu>", where: str = "<conllu>") -> GumDocument:
    """One GUM document from its CoNLL-U lines."""
    builder = _Builder()
    meta: dict[str, str] = {}
    rows: list[list[str]] = []
    text: str | None = None
    speaker: str | None = None
    first_line = 0
    for number, raw in enumerate([*lines, ""], start=1):
        line = raw.rstrip("\r")
        if not line.strip():
            if rows:
                builder.add_sentence(rows, text, speaker, f"{where}:{first_line}")
            rows, text, speaker = [], None, None
            continue
        if line.startswith("#"):
            key, _, value = line[1:].strip().partition(" = ")
            if key == "newpar":
                builder.new_paragraph = True
            elif key.startswith("meta::"):
                meta[key[len("meta::") :]] = value
            elif key == "newdoc id":
                name = value
            elif key == "text":
                text = value
            elif key == "speaker":
                speaker = value
            continue
        columns = line.split("\t")
        if len(columns) != 10:
            raise InputError(f"expected 10 tab-separated columns, found {len(columns)}", f"{where}:{number}")
        if not rows:
            first_line = number
        rows.append(columns)
    if not builder.tokens:
        raise InputError("no tokens", where)
    unclosed = [entity for entity, stack in builder.open.items() if stack]
    if unclosed:
        raise InputError(f"entities opened but never closed: {', '.join(sorted(unclosed))}", where)
    mentions = sorted(builder.mentions, key=lambda m: (m.start, -m.end))
    return GumDocument(
        name=name,
        genre=meta.get("genre", name.split("_")[1] if name.count("_") >= 2 else "unknown"),
        text="".join(builder.pieces),
        tokens=builder.tokens,
        sentences=builder.sentences,
        paragraphs=builder.paragraphs,
        mentions=mentions,
        meta=meta,
    )
