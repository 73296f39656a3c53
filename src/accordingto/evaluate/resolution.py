"""Measure speaker resolution on GUM: gold entities put beside our own markables, and what counts as right.

The mentions measured ("targets") are those a source of an attribution can be, whose gold entity has a proper
name earlier in the document (so that there is a name to show for them):

- ``pronoun``: "he", "she", "it", "they", "we";
- ``description``: a definite description ("the former mayor", "the company"), not an apposition or a
  predicate (those are resolved by the parse itself: "Smith, the former mayor");
- ``name``: a short name ("Marcus") of an entity named more fully earlier ("David Marcus").

Gold mentions are matched to our markables by character overlap: a markable stands for the gold mention that
contains its head and overlaps it most (the shortest one on a tie, so "London" in "the mayor of London" is
London). A target whose markable our detection did not find is counted apart, for every system alike.

The **speaker subset** is what the product resolves: targets that are the source of one of our extractor's
attributions on the GUM text, or the subject of a reporting verb of the cue lexicon ("he said", "the company
argued"). Figures are given for all targets (the issue's definition) and for this subset.

**Right** means: the system links the mention to an earlier mention, and the proper name it would show for the
mention's participant — the fullest name among the names it has joined with the first name on its chain of
antecedents — is a mention of the target's gold entity. A mention left without antecedent is counted as
**abstained**; a mention linked to something unnamed, or to the wrong name, is wrong.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from .. import lexicon
from ..clauses import SUBJECT_DEPS
from ..resolve.markables import Markables
from .gum import GumDocument, GumMention

TargetKind = Literal["pronoun", "description", "name"]
TARGET_KINDS: tuple[TargetKind, ...] = ("pronoun", "description", "name")
TARGET_PRONOUNS = {"he", "she", "it", "they", "we"}
DEFINITE = {"the", "this", "that", "these", "those"}
# One-word cues of the cue lexicon: a mention that is their subject is a speaker.
REPORTING_VERBS = frozenset(word for words in lexicon.CUE_CLASSES.values() for word in words if " " not in word)


@dataclass
class Alignment:
    """Gold mentions beside one document's markables (``gold[k]``: the gold mention markable ``k`` stands for)."""

    document: GumDocument
    markables: Markables
    gold: list[GumMention | None]

    def entity(self, k: int | None) -> str | None:
        if k is None:
            return None
        mention = self.gold[k]
        return mention.entity if mention is not None else None


def align(document: GumDocument, markables: Markables) -> Alignment:
    """Match every markable to the gold mention it stands for, if any."""
    doc = markables.doc
    if doc.text != document.text:
        raise ValueError(f"{document.name}: the parsed text is not the document's text")
    gold: list[GumMention | None] = []
    for mention in markables.mentions:
        last = doc[mention.end - 1]
        gold.append(gold_mention(document, doc[mention.start].idx, last.idx + len(last), doc[mention.head].idx))
    return Alignment(document, markables, gold)


def gold_mention(document: GumDocument, start: int, end: int, head: int) -> GumMention | None:
    """The gold mention that characters ``start:end`` stand for: among those holding the character ``head``,
    the one they overlap most (the shortest on a tie)."""
    best: tuple[int, int] | None = None
    chosen = None
    for candidate in document.mentions:
        if candidate.start > head:
            break  # mentions are in order of their start
        if candidate.end <= head:
            continue
        overlap = min(end, candidate.end) - max(start, candidate.start)
        key = (overlap, -(candidate.end - candidate.start))
        if best is None or key > best:
            best, chosen = key, candidate
    return chosen


@dataclass(frozen=True)
class Target:
    kind: TargetKind
    gold: GumMention
    markable: int | None  # None: our detection did not find the mention
    speaker: bool = False  # in the speaker subset (see the module docstring)


def is_speaker(markables: Markables, k: int) -> bool:
    """Whether markable ``k`` is an attribution's source, or the subject of a reporting verb."""
    if markables.arrays["source"][k]:
        return True
    head = markables.doc[markables.mentions[k].head]
    return head.dep_ in SUBJECT_DEPS and head.head.lemma_.lower() in REPORTING_VERBS


def target_kind(document: GumDocument, mention: GumMention) -> TargetKind | None:
    """Whether a gold mention is measured, and as what (see the module's docstring)."""
    tokens = document.tokens
    others = document.entity_mentions()[mention.entity]
    earlier_names = [m for m in others if m.form == "name" and m.end <= mention.start]
    if not earlier_names:
        return None
    if mention.form == "pronoun":
        word = tokens[mention.head].text.lower()
        return "pronoun" if mention.token_end - mention.token_start == 1 and word in TARGET_PRONOUNS else None
    if mention.form == "description":
        definite = tokens[mention.token_start].text.lower() in DEFINITE
        return "description" if definite and mention.link not in {"appos", "pred"} else None
    if mention.form == "name":
        words = {t.text.lower() for t in tokens[mention.token_start : mention.token_end]}
        length = mention.token_end - mention.token_start
        fuller = [m for m in earlier_names if m.token_end - m.token_start > length]
        if any(words & {t.text.lower() for t in tokens[m.token_start : m.token_end]} for m in fuller):
            return "name"
    return None


def targets(alignment: Alignment) -> list[Target]:
    """The measured mentions of one document, each with the markable that stands for it (if found)."""
    standing: dict[int, list[int]] = defaultdict(list)
    for k, mention in enumerate(alignment.gold):
        if mention is not None:
            standing[id(mention)].append(k)
    found = []
    for mention in alignment.document.mentions:
        kind = target_kind(alignment.document, mention)
        if kind is None:
            continue
        markables = standing.get(id(mention), [])
        # Several markables inside one gold mention ("his" and "his brother"): the one with the gold head.
        exact = [k for k in markables if _covers_head(alignment, k, mention)]
        chosen = exact or markables
        markable = chosen[0] if chosen else None
        speaker = markable is not None and is_speaker(alignment.markables, markable)
        found.append(Target(kind, mention, markable, speaker))
    return found


def _covers_head(alignment: Alignment, k: int, mention: GumMention) -> bool:
    head = alignment.document.tokens[mention.head]
    token = alignment.markables.doc[alignment.markables.mentions[k].head]
    return token.idx < head.end and head.start < token.idx + len(token)


Outcome = Literal["right", "wrong", "abstained", "undetected"]


@dataclass(frozen=True)
class Answer:
    """A system's answer for one target: whether it linked the mention to anything earlier, and the name it
    would show for it, as ``(start, end, head)`` characters (None: no name)."""

    linked: bool
    name: tuple[int, int, int] | None


def outcome(alignment: Alignment, target: Target, answer: Answer | None) -> Outcome:
    if target.markable is None or answer is None:
        return "undetected"
    if not answer.linked:
        return "abstained"
    shown = gold_mention(alignment.document, *answer.name) if answer.name is not None else None
    return "right" if shown is not None and shown.entity == target.gold.entity else "wrong"


Subset = Literal["speaker", "other"]


@dataclass
class Tally:
    """Outcomes counted by system, genre, target kind and subset (speaker or other)."""

    counts: dict[tuple[str, str, str, Subset], dict[Outcome, int]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(int))
    )

    def add(self, system: str, genre: str, kind: str, result: Outcome, speaker: bool = False) -> None:
        self.counts[(system, genre, kind, "speaker" if speaker else "other")][result] += 1

    def total(
        self, system: str, genre: str | None = None, kind: str | None = None, speakers_only: bool = False
    ) -> dict[Outcome, int]:
        summed: dict[Outcome, int] = defaultdict(int)
        for (s, g, k, subset), counts in self.counts.items():
            if s == system and genre in (None, g) and kind in (None, k) and (not speakers_only or subset == "speaker"):
                for result, count in counts.items():
                    summed[result] += count
        return summed

    def merge(self, other: Tally) -> None:
        """Add another tally's counts to this one's (folds of a cross-validation)."""
        for key, counts in other.counts.items():
            for result, count in counts.items():
                self.counts[key][result] += count

    @staticmethod
    def share(counts: dict[Outcome, int], result: Outcome = "right") -> float | None:
        measured = sum(count for key, count in counts.items() if key != "undetected")
        return counts.get(result, 0) / measured if measured else None


def score_documents(
    alignments: Iterable[Alignment],
    systems: dict[str, Callable[[Alignment, Sequence[Target]], list[Answer | None]]],
    tally: Tally | None = None,
) -> Tally:
    """Ask every system about every target of every document and count the outcomes."""
    tally = tally or Tally()
    for alignment in alignments:
        found = targets(alignment)
        for system, answer in systems.items():
            answers = answer(alignment, found)
            for target, given in zip(found, answers, strict=True):
                result = outcome(alignment, target, given)
                tally.add(system, alignment.document.genre, target.kind, result, target.speaker)
    return tally
