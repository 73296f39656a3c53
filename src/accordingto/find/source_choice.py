"""A learned choice of each attribution's source among the mentions that could be it.

The grouping rules attach tagged SOURCE spans to the nearest cue linked in the parse, else the nearest in the
sentence or paragraph, and fall back on the cue's subject. Where they are wrong, the right source is usually one of
a few mentions near the cue: another tagged span of its sentence or the sentence before, the cue's subject or
passive agent, the object of "according to", the source of the attribution before it (a continued quote), or
nothing. A linear ranker over those candidates, trained on the attributions that fold taggers found in training
articles they did not see, picks one, only where the rules found a source (``is_ranked``): it corrects a speaker,
never invents one.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from spacy.tokens import Doc, Token

from .cues import cue_root
from .groups import Group, Layout
from .source_ranker import SourceRanker
from .sources import INHERITING_DEPS
from .tagging import RoleSpan, tagged_spans


@dataclass
class SourceCandidate:
    """One possible source of a group: its spans (none: the attribution has no source), their tokens, and how it
    was proposed."""

    spans: tuple[RoleSpan, ...]
    kinds: set[str] = field(default_factory=set)
    tokens: frozenset[int] = field(init=False)

    def __post_init__(self) -> None:
        self.tokens = frozenset(i for span in self.spans for i in range(span.start, span.end))


def _subject_of(doc: Doc, root: Token) -> Token | None:
    """The cue's active subject, passive agent or "according to" object, or the subject its verb inherits
    through ``sources.INHERITING_DEPS`` ("said ..., adding")."""
    token = root
    if root.lower_ == "according":
        to = next((child for child in root.children if child.lower_ == "to"), None)
        if to is not None:
            return next((child for child in to.children if child.dep_ == "pobj"), None)
    for _ in range(3):
        # A passive's agent first: its subject is what was said or done, the agent who did it.
        agent = next((child for child in token.children if child.dep_ == "agent"), None)
        if agent is not None:
            return next((grand for grand in agent.children if grand.dep_ == "pobj"), None)
        # An active subject only, as ``sources.subject_source``: a passive's subject is who was told or asked or
        # what was announced ("Residents are asked to ...", "The winner will be announced"), not its speaker.
        # Offered as a candidate, it cost held-out token source F1 0.25 at every threshold.
        subject = next((child for child in token.children if child.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
        if token.dep_ not in INHERITING_DEPS or token.head.i == token.i:
            break
        token = token.head
    return None


# Relative pronouns: "the senator, who said ...": PolNeAR often marks the noun the clause describes as the source
# (and sometimes the pronoun: both are offered).
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})


# Clauses that describe a mention rather than name it, which PolNeAR's sources leave out: relative clauses ("the
# governor, who called it reckless") and participial ones ("officials speaking on condition of anonymity").
DESCRIBING_CLAUSES = frozenset({"relcl", "acl"})


def _mention_end(head: Token) -> int:
    """Where the mention headed by ``head`` ends: before its first relative or participial clause on the right
    (and the commas before it), else at the end of its subtree."""
    clause = next((child for child in head.rights if child.dep_ in DESCRIBING_CLAUSES), None)
    if clause is None:
        return head.right_edge.i + 1
    end = clause.left_edge.i
    while end > head.i + 1 and head.doc[end - 1].is_punct:
        end -= 1
    return end


def _antecedent(subject: Token | None) -> Token | None:
    """The noun a relative clause describes, when the cue's subject is the clause's relative pronoun."""
    if subject is None or subject.lower_ not in RELATIVE_PRONOUNS:
        return None
    verb = subject.head
    while verb.dep_ not in DESCRIBING_CLAUSES and verb.head.i != verb.i and verb.dep_ in INHERITING_DEPS:
        verb = verb.head
    if verb.dep_ not in DESCRIBING_CLAUSES:
        return None
    return verb.head


def is_nested(group: Group, groups: Sequence[Group]) -> bool:
    """Whether ``group``'s cue lies inside another group's content: a report reported by someone else
    ("According to US officials, ..., Putin reported that ...").

    Such a report keeps the rules' source (its verb's own subject) and the ranker neither chooses nor learns
    there. A reporting verb's speaker is its own subject; the outer source is who reports the report. PolNeAR
    annotates only the outer report (no gold attribution lies in another's content), so its gold for these cues
    is the outer source, and a ranker trained on it gave Putin's "reported" to US officials; the product keeps
    the inner report, with its own speaker, for provenance chains."""
    return any(
        span.start <= group.cue.start and group.cue.end <= span.end
        for other in groups
        if other is not group
        for span in other.contents
    )


def candidates(
    doc: Doc, group: Group, layout: Layout, tagged: Sequence[RoleSpan], previous: Group | None
) -> list[SourceCandidate]:
    """The possible sources of ``group``: the rules' choice, tagged source spans in the cue's sentence or the one
    before (outside the group's own content), the cue's subject, the previous group's sources (for a quoted
    content), and no source; one candidate per set of tokens."""
    found: dict[frozenset[int], SourceCandidate] = {}

    def add(spans: Iterable[RoleSpan], kind: str) -> None:
        candidate = SourceCandidate(tuple(sorted(spans, key=lambda span: span.start)), {kind})
        if candidate.tokens in found:
            found[candidate.tokens].kinds.add(kind)
        else:
            found[candidate.tokens] = candidate

    add(group.sources, "rules")
    sentence = int(layout.sentence[group.cue.start])
    paragraph = int(layout.paragraph[group.cue.start])
    taken = {i for span in (group.cue, *group.contents) for i in range(span.start, span.end)}
    # A speaker does not stand inside what they say: a mention within the group's own content is what it reports
    # or the speaker of a report it holds ("She said the village was shelled, according to medical workers";
    # an interviewer's "Council leaders say ..."), whose own frame the product keeps (``find/nested.py``). Not
    # offered, held-out train is unchanged within the seeds' spread (attribution 73.36, token source 76.60).
    for span in tagged:
        inside = taken.intersection(range(span.start, span.end))
        if sentence - 1 <= int(layout.sentence[span.start]) <= sentence and not inside:
            add([span], "tagged")
    subject = _subject_of(doc, doc[cue_root(doc, group.cue)])
    if subject is not None and subject.i not in taken:
        holder = next((span for span in tagged if span.start <= subject.i < span.end), None)
        if holder is not None:
            add([holder], "subject")
        else:
            start, end = subject.left_edge.i, _mention_end(subject)
            if taken.intersection(range(start, end)):
                start, end = subject.i, subject.i + 1
            add([RoleSpan("SOURCE", start, end)], "subject")
    antecedent = _antecedent(subject)
    if antecedent is not None and antecedent.i not in taken:
        holder = next((span for span in tagged if span.start <= antecedent.i < span.end), None)
        start = antecedent.left_edge.i
        add([holder] if holder is not None else [RoleSpan("SOURCE", start, antecedent.i + 1)], "antecedent")
    # A continued quote's speaker: the previous attribution's source, in this paragraph or the one before. Only
    # for a quoted content: a quotation carries on a speaker's voice, while a statement outside quotation marks
    # names its speaker in its own clause (or has none: "The vote is now expected on June 3." after a quote was
    # given the quote's speaker; offered to every group, this candidate lowered held-out direct-quote F1).
    if (
        previous is not None
        and previous.sources
        and layout.paragraph[previous.cue.start] >= paragraph - 1
        and any(layout.quote_of(span.start) is not None for span in group.contents)
    ):
        add(previous.sources, "previous")
    add([], "none")
    return list(found.values())


def _bucket(value: int) -> str:
    for limit in (0, 1, 2, 4, 8, 16, 32):
        if value <= limit:
            return str(limit)
    return "far"


def _path(root: Token, head: Token) -> str:
    """The dependency path from the cue to the candidate's head: up to the common ancestor, then down."""
    up: list[Token] = [root]
    while up[-1].head.i != up[-1].i and len(up) < 6:
        up.append(up[-1].head)
    down: list[str] = []
    token = head
    for _ in range(6):
        if any(token.i == u.i for u in up):
            steps = next(n for n, u in enumerate(up) if u.i == token.i)
            return "^" + "^".join(u.dep_ for u in up[:steps]) + ">" + ">".join(reversed(down))
        down.append(token.dep_)
        if token.head.i == token.i:
            break
        token = token.head
    return "far"


def _head(doc: Doc, spans: tuple[RoleSpan, ...]) -> Token:
    inside = {i for span in spans for i in range(span.start, span.end)}
    for i in sorted(inside):
        if doc[i].head.i not in inside or doc[i].head.i == i:
            return doc[i]
    return doc[min(inside)]


def _mention(token: Token) -> str:
    if token.pos_ == "PRON":
        return "pron:" + token.lower_
    if token.pos_ == "PROPN" or token.ent_type_:
        return "name:" + (token.ent_type_ or "-")
    return "desc:" + token.pos_


@dataclass(frozen=True)
class _Cue:
    """What every candidate's features read of the group: its cue's head word, the cue's kind (its part of speech,
    or "according") and the quote layout (content quoted? before the cue?)."""

    root: Token
    cue: str
    layout: str

    @classmethod
    def of(cls, doc: Doc, group: Group, layout: Layout) -> _Cue:
        root = doc[cue_root(doc, group.cue)]
        quoted = any(layout.quote_of(span.start) is not None for span in group.contents)
        content_before = any(span.end <= group.cue.start for span in group.contents)
        return cls(
            root,
            "cue:" + ("according" if root.lower_ == "according" else root.pos_),
            f"q{int(quoted)}b{int(content_before)}",
        )


def features(
    doc: Doc,
    group: Group,
    layout: Layout,
    tags: np.ndarray,
    candidate: SourceCandidate,
    others: Sequence[SourceCandidate],
    context: _Cue,
) -> list[str]:
    """What the ranker reads of one candidate source of a group (``context``: the group's ``_Cue``, computed once
    for all its candidates)."""
    root, cue, layout_key = context.root, context.cue, context.layout
    kinds = sorted(candidate.kinds)
    out = [f"kind:{k}" for k in kinds] + ["kinds:" + "+".join(kinds)]
    rules = "rules" in candidate.kinds
    rules_empty = not group.sources
    if not candidate.spans:
        return [
            *out,
            "none",
            f"none|{cue}",
            f"none|lemma:{root.lemma_.lower()}",
            f"none|dep:{root.dep_}",
            f"none|rules_empty:{int(rules_empty)}",
            f"none|{layout_key}",
            f"none|ntagged:{_bucket(sum('tagged' in o.kinds for o in others))}",
        ]
    head = _head(doc, candidate.spans)
    tokens = candidate.tokens
    first, last = min(tokens), max(tokens)
    direction = "before" if last < group.cue.start else "after" if first >= group.cue.end else "over"
    distance = group.cue.start - last - 1 if direction == "before" else max(0, first - group.cue.end)
    cue_sentence = int(layout.sentence[group.cue.start])
    sentence = {0: "same", 1: "prev"}.get(cue_sentence - int(layout.sentence[head.i]), "other")
    in_content = any(span.start <= head.i < span.end for span in group.contents)
    # Counted in Python: ``np.mean`` of a few booleans costs more than the count, and only all or none matters.
    tagged_count = sum(tags[i] in (1, 2) for i in tokens)
    tagged = "all" if tagged_count == len(tokens) else "none" if tagged_count == 0 else "part"
    between = sum(
        1
        for o in others
        if o is not candidate
        and "tagged" in o.kinds
        and o.spans
        and (last < min(o.tokens) < group.cue.start or group.cue.end <= max(o.tokens) < first)
    )
    path = _path(root, head)
    mention = _mention(head)
    in_quote = layout.quote_of(head.i) is not None
    out += [
        f"dir:{direction}",
        f"dist:{_bucket(distance)}",
        f"dir:{direction}|dist:{_bucket(distance)}",
        f"sent:{sentence}",
        f"sent:{sentence}|dir:{direction}",
        f"path:{path}",
        f"path:{path}|{cue}",
        f"mention:{mention}",
        f"mention:{mention}|sent:{sentence}",
        f"in_content:{int(in_content)}",
        f"in_quote:{int(in_quote)}",
        f"tagged:{tagged}",
        f"between:{_bucket(between)}",
        f"layout:{layout_key}|dir:{direction}",
        f"layout:{layout_key}|sent:{sentence}",
        f"rules:{int(rules)}",
        f"rules_empty:{int(rules_empty)}|" + "+".join(kinds),
        f"{cue}|" + "+".join(kinds),
        f"{cue}|dir:{direction}",
        f"lemma:{root.lemma_.lower()}|" + "+".join(kinds),
        f"lemma:{root.lemma_.lower()}|dir:{direction}",
        f"len:{_bucket(len(tokens))}",
        f"mention:{mention}|" + "+".join(kinds),
        f"path:{path}|" + "+".join(kinds),
        f"quote_between:{int(_quote_between(layout, first, last, group.cue))}|dir:{direction}",
    ]
    return out


def _quote_between(layout: Layout, first: int, last: int, cue: RoleSpan) -> bool:
    """Whether a quotation lies wholly between the candidate and the cue."""
    low, high = (last, cue.start) if last < cue.start else (cue.end - 1, first)
    return any(low < start and end - 1 < high for start, end in layout.quotes)


def hashed(names: Sequence[str]) -> np.ndarray:
    """The features' 32-bit hashes (CRC-32: the same in every process, unlike Python's ``hash``)."""
    return np.array([zlib.crc32(name.encode()) for name in names], dtype=np.uint32)


def candidate_rows(
    doc: Doc, groups: Sequence[Group], layout: Layout, tags: np.ndarray
) -> list[tuple[list[SourceCandidate], list[np.ndarray]]]:
    """Each group's candidate sources and their hashed features; the groups in text order of their cues, so that
    a group's "previous" is the attribution before it."""
    tagged = [span for span in tagged_spans(tags) if span.role == "SOURCE"]
    rows = []
    previous: Group | None = None
    for group in sorted(groups, key=lambda group: group.cue.start):
        found = candidates(doc, group, layout, tagged, previous)
        context = _Cue.of(doc, group, layout)
        rows.append((found, [hashed(features(doc, group, layout, tags, c, found, context)) for c in found]))
        previous = group
    return rows


def is_ranked(group: Group, groups: Sequence[Group]) -> bool:
    """Whether the ranker chooses ``group``'s source: only where the rules found one, and not for a nested report
    (``is_nested``).

    A group the rules leave without a source keeps none. PolNeAR never teaches "none": its scorer accepts any
    source for a gold attribution that has none, so a ranker trained on it prefers some nearby mention to no
    source, and on unseen news gave a speaker to statements that name none ("Anyone with information is asked to
    call ...", "The winner will be announced ..."). A source given to a sourceless statement is a false fact for
    the user, so the learned chooser may correct a speaker the clause offers, never invent one. Consulted
    everywhere, it chose a right source for 41 more of 14,264 held-out train groups; consulted only here, held-out
    attribution and token source F1 stay above the rules' at every threshold (docs/experiments/extraction.md,
    "The learned source choice, third try")."""
    return bool(group.sources) and not is_nested(group, groups)


def choose_sources(doc: Doc, groups: Sequence[Group], layout: Layout, tags: np.ndarray, ranker: SourceRanker) -> None:
    """Give each group the candidate source the ranker scores highest, where it is consulted (``is_ranked``);
    elsewhere, and with an empty ranker, the rules' choice stays. All candidates are found before any group
    changes, so a continued quote is offered the rules' source of the attribution before it, as in training."""
    if not ranker or not groups:
        return
    ordered = sorted(groups, key=lambda group: group.cue.start)
    ranked = [is_ranked(group, ordered) for group in ordered]
    for group, chosen, (found, rows) in zip(ordered, ranked, candidate_rows(doc, ordered, layout, tags), strict=True):
        if chosen:
            group.sources = list(found[int(np.argmax(ranker.scores(rows)))].spans)
