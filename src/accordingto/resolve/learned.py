"""The learned resolver's say on the rules' entities: which source mentions it is asked about, which of its answers
are admissible (agreement, a speaker not named inside their own quote), and the rules' choices it is given as
features (``entity_links``)."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Collection, Iterator

import numpy as np
from spacy.tokens import Doc, Span

from .. import lexicon
from ..annotations import doc_token_codes
from ..model import SourceKind
from .entities import Entities, Entity, Occurrence, QuoteMap, compatible
from .markables import Markables, find_markables, pronoun_base
from .matching import collect_name, contradicts, heads_the_story
from .mentions import BODY_KINDS, Gender, Mention
from .names import normalized
from .ranker import NAME, DocumentResolver, MentionRanker, shipped_ranker

# How much better (in summed feature weights) the learned resolver must score its own choice than the rules' to
# overrule them; chosen on GUM (benchmarks/resolution.py).
OVERRULE_MARGIN = 3.0


def entity_links(markables: Markables, entities: list[Entity]) -> dict[int, Collection[int]]:
    """What the given entities choose for every source pronoun of a document, as ``Markables.rules_links``: the
    markables of the entity it is in, written before it (none: no antecedent).

    First and second persons are never among them: ``resolve_speakers`` gives a quote's "I", "we" and "you" their
    speaker only after the learned resolver has run, so at run time they are in no entity when the resolver is
    told the rules' choice. Training reads the rules' final entities (``speakers.rules_links``), where they are;
    counted there, a quoted "I" of the speaker was a candidate the rules chose in training and never at run time
    (resolver17: 3 of GUM dev's 32 source pronouns had other links)."""
    by_head = markables.by_head
    links: dict[int, Collection[int]] = {}
    for entity in entities:
        third_person = [o for o in entity.occurrences if o.mention.form != "pronoun" or o.mention.person == 3]
        in_order = sorted(third_person, key=lambda o: o.tokens[0])
        starts = [o.tokens[0] for o in in_order]
        # The entity's markables in text order, shared by all its pronouns: each pronoun's answer is the part
        # before it (a list per pronoun would grow with the square of a long article's mentions).
        members = [by_head.get(o.mention.head) for o in in_order]
        marked = [k for k in members if k is not None]
        marked_before = list(itertools.accumulate((k is not None for k in members), initial=0))
        positions: dict[int, int] = {}
        for n, j in enumerate(marked):
            positions.setdefault(j, n)  # where each markable first appears
        for occurrence in entity.occurrences:
            mention = occurrence.mention
            k = by_head.get(mention.head)
            if k is None or not occurrence.source or mention.form != "pronoun" or mention.person != 3:
                continue
            before = marked_before[bisect.bisect_left(starts, occurrence.tokens[0])]
            links[k] = EarlierMarkables(marked, positions, before)
    return links


class EarlierMarkables(Collection[int]):
    """The markables of an entity written before one of its mentions: the first ``count`` of the entity's
    markables in text order (a view of a list its mentions share), with membership in constant time."""

    def __init__(self, in_order: list[int], positions: dict[int, int], count: int) -> None:
        self.in_order, self.positions, self.count = in_order, positions, count

    def __contains__(self, item: object) -> bool:
        position = self.positions.get(item) if isinstance(item, int) else None
        return position is not None and position < self.count

    def __iter__(self) -> Iterator[int]:
        return iter(self.in_order[: self.count])

    def __len__(self) -> int:
        return self.count


def mention_class(doc: Doc, mention: Mention) -> str | None:
    """What ``DEFAULT_STRATEGY`` is keyed by: the pronoun ("he", "she", "it", "they"; "him" is "he"), a
    "definite description" ("the former mayor", "that company"), or a "name"; None for other mentions
    (indefinite descriptions, which always introduce someone, and first persons)."""
    if mention.form == "pronoun":
        base = pronoun_base(doc[mention.head].lower_)
        return base if base in {"he", "she", "it", "they"} else None
    if mention.form == "description":
        return "definite description" if doc[mention.start].lower_ in lexicon.DEFINITE else None
    return "name"


PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _institution(doc: Doc, mention: Mention) -> bool:
    """Whether a source mention is a singular definite description of an institution with no name of its own
    in it: such a description names a body of that kind the article named before ("The agency said" after "the
    VA"), which is looked for among the resolver's best candidates (``LearnedAnswers._institution_entity``).
    Not a plural ("the nations of the world" are not the one nation named last), not a description of a person
    ("the Republican nominee": the resolver's choice goes to whoever is mentioned most, often the other side),
    nor one holding a name ("the Obama administration", "the Clinton campaign": a body of its own), as judged
    on PolNeAR dev (``benchmarks/speakers.py --descriptions --compare``), nor one with a possessor ("the city's
    election office" is a part of the city, not the university named last; news12)."""
    return (
        mention.form == "description"
        and mention.kind in BODY_KINDS
        and mention.number == "sing"
        and doc[mention.start].lower_ in lexicon.DEFINITE
        and not any(token.pos_ == "PROPN" or token.ent_type_ for token in doc[mention.start : mention.end])
        and not any(token.dep_ == "poss" for token in doc[mention.start : mention.head])
    )


def _states_executive(doc: Doc, mention: Mention) -> bool:
    """Whether a description is "the government": a state's executive, which no organisation is (a movement, a
    party, a company), though an organisation and a government body are otherwise not told apart by their names
    (``LearnedAnswers._body_of_kind``). "The government denied the claim" after the rebel movement's spokesman had
    gone to the movement, whose claim it denied (who25)."""
    return mention.head_lemma(doc) == "government"


def _admissible(
    pronoun: Occurrence, entity: Entity, contents: dict[str, list[tuple[int, int]]], agrees: bool = False
) -> bool:
    """Whether the rules' constraints let a pronoun refer to an entity: agreement (or ``agrees``: known to
    agree otherwise), and an earlier mention in the pronoun's own quotation world (outside quotes for a pronoun
    outside them) that, for "he" or "she", is not inside the pronoun's own content (a person named in what
    someone says is not who says it). A pronoun inside a quote may also reach a mention outside quotation
    marks, where the resolver takes it there: a speaker talks of the person the article is about ('"He told
    me he was tired," his aide said' after "Senator Paul Moore left the party"); never to the quote's own
    speaker, who would say "I" (``_quoted_speaker``). The rules alone keep a quoted pronoun inside its quote."""
    own_content = barred_content(pronoun, contents)
    outside = pronoun.quote is not None and not _quoted_speaker(pronoun, entity, contents)
    return (agrees or compatible(pronoun.mention, entity)) and any(
        o.tokens[0] < pronoun.tokens[0]
        and (o.quote == pronoun.quote or (outside and o.quote is None))
        and not any(start <= o.mention.head < end for start, end in own_content)
        for o in entity.occurrences
        if o is not pronoun
    )


def _person_by_tag_alone(entity: Entity) -> bool:
    """Whether an entity may be a person only because the small model tagged its name so: named only, of no
    gender from a first name, an honorific, a pronoun or a description, by one word ("Birkholm", an island;
    "Mérida", a city) or by a name a thing's class opens ("Cyclone Phailin": ``THING_NAME_WORDS``). An "it"
    the learned resolver links to such a name is evidence the tag is wrong. A full name of two words is
    likelier a person whose first name the lists lack ("Mirelle Okonjo"), whom an "it" must not take."""
    return (
        entity.kind == "person"
        and entity.gender is None
        and entity.number == "sing"
        and all(o.mention.form == "name" for o in entity.occurrences)
        and all(len(name) == 1 or name[0].lower() in lexicon.THING_NAME_WORDS for name in entity.names)
    )


def _quoted_speaker(pronoun: Occurrence, entity: Entity, contents: dict[str, list[tuple[int, int]]]) -> bool:
    """Whether an entity is the speaker of an attribution whose content holds the pronoun: a speaker quoted
    says "I", not "he", so '"He told me he was tired," Webb said' is not Webb, whoever else it is."""
    head = pronoun.mention.head
    holding = {a for a, spans in contents.items() if any(start <= head < end for start, end in spans)}
    return any(set(o.attributions) & holding for o in entity.occurrences if o.source)


def barred_content(pronoun: Occurrence, contents: dict[str, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """The token ranges of a pronoun's own content, where its antecedent may not be: for "he" or "she"
    (a person named in what someone says is not who says it), but not for "it" or "they" — "Acme will close
    the plant, it said", "The workers will strike, they said": a body or a group names itself in what it says,
    and news writes an organisation's statement so, with the name first."""
    if pronoun.mention.gender not in {"masc", "fem"}:
        return []
    return [r for a in pronoun.attributions for r in contents.get(a, [])]


def _name_admissible(mention: Mention, entity: Entity) -> bool:
    """Whether the rules' constraints let a one-word name be one of an entity's: no other gender ("Mrs. Clinton"
    is not Bill Clinton). Which names may be one participant's (a surname, a first name as interviews write
    it, an acronym) the resolver has learned; it links a name only to names that share a word or match it.
    Requiring the rules' own name match as well kept most of the gain away (GUM train CV 74.7% of short names
    right instead of 76.9%, dev 61.5% instead of 73.6%, every one-word name asked)."""
    return not (mention.gender and entity.gender and mention.gender != entity.gender)


def same_full_name(entity: Entity, other: Entity) -> bool:
    """Whether two entities have full names with the same first and last word ("Loretta Lynch", "Loretta E.
    Lynch"): one person the rules split by a middle initial, between whom a short name is not to be moved."""
    ends = {(name[0], name[-1]) for name in map(normalized, entity.names) if len(name) > 1}
    return any((name[0], name[-1]) in ends for name in map(normalized, other.names) if len(name) > 1)


class LearnedAnswers:
    """The learned resolver's say on the rules' entities. The rules run first; then each source mention the
    strategy gives the model (``_worth_asking``) is asked about, with the rules' own choice as a feature for
    pronouns (as in training), and moved to the participant the resolver chooses."""

    def __init__(
        self,
        doc: Doc,
        ranker: MentionRanker | None,
        occurrences: list[Occurrence],
        until: int,
        quotes: QuoteMap,
        genders: dict[str, Gender],
        roles: dict[str, dict[str, list[Span]]],
    ) -> None:
        self.doc = doc
        self.at_head = {o.mention.head: o for o in occurrences}
        self.resolver = DocumentResolver(find_markables(doc, until, roles), ranker or shipped_ranker())
        self.quotes = quotes
        self.genders = genders

    def revise(self, asked: list[Occurrence], entities: Entities, contents: dict[str, list[tuple[int, int]]]) -> None:
        """Move the occurrences in ``asked`` (in text order) to the entity of the participant the resolver
        chooses, where it chooses one; a description or name that opened its entity takes that entity along.
        The participant is found by following each mention's best antecedent back to a mention the rules
        placed (in an entity) or a name; for a description of an institution ("the agency", "the ministry"),
        the best of its best candidates that stands for an institution of that kind (``_institution_entity``)."""
        markables = self.resolver.markables
        markables.rules_links.update(entity_links(markables, entities.all))
        heads = [markables.by_head.get(o.mention.head) for o in asked]
        voted = {k for o, k in zip(asked, heads, strict=True) if k is not None and _institution(self.doc, o.mention)}
        referring = self._referring(asked, heads)
        chains = self.resolver.best_chains(
            [k for k in heads if k is not None and k not in voted], self._known, referring
        )
        for occurrence, k in zip(asked, heads, strict=True):
            if k is None:
                continue
            current = occurrence.entity
            assert current is not None
            if not self._confident(k, k in referring):
                continue
            if k in voted:
                chosen = self._institution_entity(k, occurrence, entities)
            else:
                chosen = next(
                    (found for j in chains[k] if (found := self._placed(j, occurrence, entities)) is not None), None
                )
            if chosen is None or chosen is current:
                continue
            # An "it" the resolver links to a name tagged a person, with nothing else saying it is one.
            tagged_person = k in referring and occurrence.mention.gender == "neut" and _person_by_tag_alone(chosen)
            if occurrence.mention.form == "pronoun" and not _admissible(occurrence, chosen, contents, tagged_person):
                continue  # the rules' constraints still hold (agreement; no one named only inside quotes)
            if tagged_person:
                chosen.kind = "unknown"  # "it" says what the tag did not: "Cyclone Phailin" is no person
            if occurrence.mention.form == "description" and contradicts(self.doc, occurrence.mention, chosen):
                continue  # "the Democratic nominee" is not the Republican one, "the former mayor" not the current
            if occurrence.mention.form == "name" and not _name_admissible(occurrence.mention, chosen):
                continue  # "Mrs. Clinton" is not Bill Clinton
            if occurrence.mention.form == "name" and same_full_name(current, chosen):
                continue  # "Loretta Lynch" and "Loretta E. Lynch", which the rules keep apart: moving splits her
            occurrence.learned = "moved"
            if current.occurrences[0] is occurrence and occurrence.mention.form != "pronoun":
                entities.merge(current, chosen)  # "the former mayor" and what joined it are the mayor's
            else:
                entities.move(occurrence, chosen)

    def _known(self, j: int) -> bool:
        """Whether markable ``j`` is one a chain of antecedents may stop at: a name, or a mention the rules
        placed."""
        markables = self.resolver.markables
        return bool(markables.arrays["form"][j] == NAME) or markables.mentions[j].head in self.at_head

    def _institution_entity(self, k: int, occurrence: Occurrence, entities: Entities) -> Entity | None:
        """For the description of an institution ``k`` ("the agency"): the entity of the best-scoring of its
        best candidates (``MentionRanker.top``) that stands for an institution of the same kind — the candidate
        itself if the rules placed it or it is a name, else the one its chain of best antecedents reaches. Its
        single best antecedent is often another "the agency" that leads to no name, or the nearer company or
        person that spoke in between ("The FDA approved the drug. Pfizer welcomed it. The agency said")."""
        cands, scores = self.resolver.scores(k)
        mention = occurrence.mention
        # A body ("the agency", "the bank") is not a place named earlier ("the United States"); a "city" or a
        # "country" may be.
        body = mention.head_lemma(self.doc) in lexicon.INSTITUTION_HEADS
        best = [int(cands[i]) for i in np.argsort(-scores[:-1], kind="stable")[: self.resolver.model.top]]
        # The chains of the candidates the rules did not place, each step scored for all of them at once.
        chains = self.resolver.best_chains([j for j in best if not self._known(j)], self._known)
        for j in best:
            chain = chains.get(j, [j])
            entity = next((e for m in chain if (e := self._placed(m, occurrence, entities)) is not None), None)
            if (
                entity is not None
                and self._body_of_kind(entity, mention.kind)
                and not (body and self._place(entity))
                and not (_states_executive(self.doc, mention) and entity.kind != "government")
                and not contradicts(self.doc, mention, entity)
            ):
                return entity
        return None

    def _body_of_kind(self, entity: Entity, kind: SourceKind) -> bool:
        """Whether an entity may be the body a description of ``kind`` names: the same kind, or an organisation
        and a government body, which names alone do not tell apart ("Immigration and Customs Enforcement" …
        "the agency"). Not a lone name still undecided: on PolNeAR dev, "the bank" then went to a stray
        "Bank" instead of Wells Fargo."""
        return entity.kind == kind or {entity.kind, kind} <= {"organization", "government"}

    def _place(self, entity: Entity) -> bool:
        """Whether an entity is named as a place (a country, city or region; a building or site)."""
        return any(
            self.doc[o.mention.head].ent_type_ in PLACE_LABELS for o in entity.occurrences if o.mention.form == "name"
        )

    def _confident(self, k: int, referring: bool = False) -> bool:
        """Whether the resolver prefers its own best option to the rules' choice for markable ``k`` by at least
        ``OVERRULE_MARGIN`` (where the rules chose nothing it is filling a gap, not overruling). For a mention
        known to refer, its best option is its best candidate, whatever "no antecedent" scores."""
        links = self.resolver.markables.rules_links.get(k)
        if not links:
            return True
        cands, scores = self.resolver.scores(k)
        chosen = [score for cand, score in zip(cands.tolist(), scores[:-1].tolist(), strict=True) if cand in links]
        if not chosen:
            return True
        best = float(scores[:-1].max() if referring else scores.max())
        return best - max(chosen) >= OVERRULE_MARGIN

    def _referring(self, asked: list[Occurrence], heads: list[int | None]) -> set[int]:
        """The asked mentions known to refer back: an "it" that is an attribution's source (a statement has
        someone who makes it), which the resolver, trained on GUM, where most "it"s refer to nothing named,
        would otherwise leave to "no antecedent". Not "they": on GUM no "they" gained, and on PolNeAR dev the
        one that moved went from the coordination the rules chose ("Obama and Clinton") to a group named in
        between ("our enemies")."""
        return {
            k
            for o, k in zip(asked, heads, strict=True)
            if k is not None and o.source and mention_class(self.doc, o.mention) == "it"
        }

    def _placed(self, j: int, occurrence: Occurrence, entities: Entities) -> Entity | None:
        """The entity the rules put markable ``j`` in (a name the rules never collected: the entity of that
        name)."""
        markables = self.resolver.markables
        known = self.at_head.get(markables.mentions[j].head)
        if known is not None and known is not occurrence:
            return known.entity
        if markables.arrays["form"][j] == NAME and not self._heads_the_story(j):
            return self._collect_name(j, entities)
        return None

    def _heads_the_story(self, j: int) -> bool:
        """Whether name markable ``j`` is a dateline's or a byline's (``matching.heads_the_story``), which the
        rules never collect: the resolver, free to link to any name, had sent "he said" to the byline's
        reporter."""
        mention = self.resolver.markables.mentions[j]
        start = mention.start if mention.name_start is None else mention.name_start
        end = mention.end if mention.name_end is None else mention.name_end
        return heads_the_story(self.doc, doc_token_codes(self.doc), start, end)

    def _collect_name(self, j: int, entities: Entities) -> Entity:
        """The entity of a name the rules never collected (a place or building, a name the small model did not
        tag, a name at the start of a paragraph the parse joined to a heading), made one of its mentions: the
        resolver may link to any name it finds, and the rules' constraints then need that earlier mention."""
        mention = self.resolver.markables.mentions[j]
        sentence = int(self.resolver.markables.arrays["sentence"][j])
        occurrence = collect_name(self.doc, mention, sentence, self.quotes, entities, self.genders)
        self.at_head[mention.head] = occurrence
        entity = occurrence.entity
        assert entity is not None
        return entity
