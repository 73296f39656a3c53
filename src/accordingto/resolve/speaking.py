"""A definite description that speaks, for the named participant news means by it.

By reporting convention a speaker is introduced by name and then re-mentioned by role or epithet ("The local
MP, Owen Prendergast, … said … The Labour member said"; "Goal shooter Tia Mwangi … The Kenyan-born shooter
said"; "the Little Lanterns Hospice Trust … The hospice said"), while a new unnamed speaker is introduced
indefinitely ("a spokesperson", "one resident", "another official"). So a *definite* description that is an
attribution's source and that the head, role and epithet rules (``matching.same_description``) left apart is,
in news, most often someone named already. desc25 found that over all of GUM's descriptions a learned linker is
wrong more often than right (most GUM descriptions open an entity of their own); this rule is asked only about
speaking descriptions, and only where the text leaves one reading:

- the one named participant of the description's kind whose label, apposition or title shares a word of the
  description ("the shooter" and "Goal shooter Tia Mwangi"), or for a body whose name is headed by the
  description's head ("the hospice" and "Little Lanterns Hospice Trust");
- else, for a person, the one participant present in the nearest paragraph that has any, within
  ``WINDOW_PARAGRAPHS``, if they spoke there (the speaker the reporter is writing about: the epithet follows
  the name closely).

Anything else stays apart: a wrong merge gives one person's words to another, which misleads a reader more than
a split does.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from .. import lexicon
from ..annotations import doc_text, doc_token_codes
from ..parse.word_classes import is_verb
from .agents import agent_verbs
from .entities import Entities, Entity, Occurrence
from .matching import contradicts, introduces, kind_of_body, kinds_of, main_subject
from .mentions import BODY_KINDS, Mention, body_word, is_person_noun, joined_word_start
from .names import normalized

# How many paragraphs back (the description's own included) a person epithet looks for the one participant it
# stands for. Chosen on the older news fixtures (docs/experiments/resolution.md, "Speaking descriptions").
WINDOW_PARAGRAPHS = 2

# Words by which a description sets its referent apart from anyone named ("the other official", "the rival
# bidder", "the new owner", "the former chairman" of a body now led by someone else): a new participant.
_SETS_APART = {"other", "another", "rival", "new", "former", "ex", "second", "third", "next", "previous", "outgoing"}

# Heads made definite by the setting, not by an earlier mention (bridging): an inquest has one coroner, a trial
# one judge, a force its officers, a body its spokesperson — so "The judge said" after "Smith, 34, admitted
# fraud" is the court's judge, not Smith, and "the spokesperson" of a body is no named person before it.
_SETTING_HEADS = {
    "judge",
    "coroner",
    "magistrate",
    "jury",
    "prosecutor",
    "prosecution",
    "defence",
    "defense",
    "officer",
    "police",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "representative",
    "official",
    "source",
    "witness",
    "victim",
    "reporter",
    "interviewer",
    "author",
}

# Dependents of a name that describe its bearer: a title or label compounded before it ("Goal shooter Tia
# Mwangi"), an adjective, an apposition ("Mwangi, a Kenyan-born shooter").
_DESCRIBING_DEPS = {"compound", "amod", "appos"}
# Longest label read before a name as written ("Herons head coach Janine Holloway"), and the tags that end one:
# a verb ("said Tia Mwangi"), a preposition, a pronoun, a conjunction, punctuation.
_LABEL_WORDS = 3
_NOT_LABEL = {"VERB", "AUX", "ADP", "PRON", "DET", "SCONJ", "CCONJ", "PART", "PUNCT", "NUM", "SPACE"}


def speaking_description(
    doc: Doc, mention: Mention, entities: Entities, contents: dict[str, list[tuple[int, int]]]
) -> Entity | None:
    """The named participant a definite source description stands for, or None where the text leaves two readings
    or the description is a new participant's (see the module's docstring). ``contents``: each attribution's
    content tokens, for the speakers whose words the description is in."""
    if not _may_refer_back(doc, mention):
        return _same_possessed_role(doc, mention, entities)
    head = mention.head_lemma(doc)
    people = mention.kind == "person" or (mention.kind == "unknown" and is_person_noun(head))
    candidates = [
        e
        for e in entities.all
        if e.names
        and e.number == "sing"
        and (mention.gender is None or e.gender in {None, mention.gender})
        and not _in_words_of(e, mention, contents)
        # What the text says of both may set them apart: "the Democratic nominee" is not "Lena Fischer, the
        # Republican nominee", "the president" not "Vice President Mark Dunn" (``matching.contradicts``).
        and not contradicts(doc, mention, e)
    ]
    if people:
        # Any word a person was described with ("the veteran pilot" after "Harbour pilot Eamon Doyle"), but not a
        # word of a name: "the Helion boss" works for Helion, he is not it.
        words = _description_words(doc, mention)
        sharing = [e for e in candidates if _person(e) and words & _describing_words(doc, e, mention.start)[0]]
    else:
        # A body's description says what kind of body it is, so its head must be in the body's name or
        # what it was called ("the hospice" of "Little Lanterns Hospice Trust"); a modifier is often another
        # participant's ("the Irish government" is not the "Irish Marine Foundation"). A head the parse gave no
        # kind may be a person's label the text used before a name ("the Kenyan-born shooter" after "Goal
        # shooter Tia Mwangi"): the text itself then says it names a person.
        sharing = [
            e
            for e in candidates
            if (e.kind in BODY_KINDS and any(head in _heads_of_name(name) for name in e.names))
            or (
                (e.kind in BODY_KINDS or (mention.kind == "unknown" and _person(e)))
                and head in _describing_words(doc, e, mention.start)[1]
            )
        ]
    if sharing:
        return sharing[0] if len(sharing) == 1 else None
    if not people or not _person_only_noun(head):
        # A noun bodies bear too ("the supplier", "the publisher", "the developer", "the club"): the one body
        # nearby, where the person rules below find no one.
        body = _sole_body_nearby(doc, mention, entities, candidates, contents)
        if body is not None or not people:
            return body
    # A common noun compounded before the head says what the role is of ("the band leader", "the union
    # leader"): a participant present is meant only if the text called them so; an adjective, a proper noun or
    # a person noun ("the long-serving politician", "the Labour member", "the veteran politician") adds
    # background news gives a named person as an epithet.
    of_what = {
        t.lemma_.lower()
        for t in doc[mention.head].children
        if t.dep_ == "compound" and t.pos_ == "NOUN" and not is_person_noun(t.lemma_.lower())
    }
    people_candidates = [e for e in candidates if _person(e) and of_what <= _describing_words(doc, e, mention.start)[0]]
    first_use = introduction(doc, mention)
    if first_use is not None:
        return _named_after_lede(doc, first_use, people_candidates)
    return _sole_participant_nearby(doc, mention, entities, people_candidates, contents)


def introduction(doc: Doc, mention: Mention) -> int | None:
    """Where the text introduced someone by the description's head before it ("a visiting philosopher" in the
    lede, then "The philosopher said"): the definite description refers back to the one the indefinite introduced,
    whom the rules did not tie to a name, so the speaker nearest before it ("The vice-chancellor, Professor …,
    said") may be someone else. The window below is for a noun the text never introduced anyone by, which only the
    reader's context (the one speaker in view) makes definite. A singular use that is neither possessed nor
    definite counts, whatever the parse hung it on (a headline's "critical philosopher", a lede's "a visiting
    philosopher" read as a compound); a plural or possessed one ("its vets", "her members") introduces no one."""
    head = doc[mention.head]
    return next(
        (
            t.i
            for t in doc[: mention.start]
            if t.lemma == head.lemma
            and t.tag_ == "NN"
            and not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in lexicon.DEFINITE) for c in t.children)
        ),
        None,
    )


def _named_after_lede(doc: Doc, first_use: int, candidates: list[Entity]) -> Entity | None:
    """The participant a headline's or lede's description by kind stands for ("a visiting philosopher"), read by
    the one rule of ``join_cataphora`` for a description whose first use is no source of its own: the person the
    story introduces as it begins (``named_after_lede``). A person named before the noun or beside it ("Anna Berg
    met a lawyer") or first named further down is someone else. A use further into the story names no one this
    way: None."""
    paragraph = _paragraphs(doc, len(doc) - 1)
    lede = _lede(doc, paragraph)
    if paragraph(first_use) > lede:
        return None
    return named_after_lede(doc, paragraph(first_use), lede, candidates, paragraph)


def _same_possessed_role(doc: Doc, mention: Mention, entities: Entities) -> Entity | None:
    """For a role possessed by a pronoun ("after its president called the scheme …"): the one person the text
    named earlier with the same pronoun and role ("Its president, Gwilym ap Rhys, told …"). A possessed role is
    left apart by ``_may_refer_back`` because its holder is often never named ("the victim's brother"); but the
    same possessive pronoun and role, written again, re-mention the holder the text named with them, as a
    repeated description does. Two people named so (the pronoun standing for two bodies) leave it apart."""
    if mention.form != "description" or mention.number != "sing":
        return None
    head = doc[mention.head]
    possessors = [c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"]
    if len(possessors) != 1 or possessors[0].i != mention.start:
        return None
    pronoun, role = possessors[0].lower_, head.lemma

    def named_so(occurrence: Occurrence) -> bool:
        span = doc[occurrence.mention.start : occurrence.mention.end]
        return occurrence.mention.form == "name" and any(
            t.lemma == role and any(c.dep_ == "poss" and c.lower_ == pronoun for c in t.children) for t in span
        )

    named = [
        e
        for e in entities.all
        if e.names and _person(e) and any(o.tokens[0] < mention.start and named_so(o) for o in e.occurrences)
    ]
    return named[0] if len(named) == 1 else None


def _heads_of_name(name: list[str]) -> set[str]:
    """The words a body's name says what it is with: the head of an English name is its last word, or the one
    before a legal form or line of business ending it ("Little Lanterns Hospice Trust": a hospice). A common noun
    opening a name ("Application School of …", "Spacecraft Stardust Image") is not what the body is."""
    words = [w.lower() for w in name]
    if len(words) > 1 and words[-1] in lexicon.ORGANIZATION_NAME_ENDINGS:
        return {words[-1], words[-2]}
    return set(words[-1:])


def _person(entity: Entity) -> bool:
    """A person, or a name of no kind yet (a lone surname)."""
    return entity.kind in {"person", "unknown"}


def _in_words_of(entity: Entity, mention: Mention, contents: dict[str, list[tuple[int, int]]]) -> bool:
    """Whether the description is in the content of one of the entity's own statements: a speaker reported in
    the third person by a description is someone else ("Ana Ribeiro said the captain told passengers …")."""
    return any(
        start <= mention.start < end
        for occurrence in entity.occurrences
        for attribution in occurrence.attributions
        for start, end in contents.get(attribution, [])
    )


def _may_refer_back(doc: Doc, mention: Mention) -> bool:
    """A singular definite description of one person or body ("the Welshman", "this company", "the hospice"),
    whose words neither set it apart nor name a part the setting gives ("the judge")."""
    if mention.form != "description" or mention.number != "sing":
        return False
    if doc[mention.start].lower_ not in lexicon.DEFINITE:
        return False
    if mention.kind not in {"person", "unknown"} and mention.kind not in BODY_KINDS:
        return False  # a group of people ("the family", "residents"), a document, a place: not one participant
    head = mention.head_lemma(doc)
    if head in _SETTING_HEADS or head in lexicon.QUANTITY_HEADS:
        return False
    if mention.kind == "person" and not (is_person_noun(head) or _epithet(doc, mention)):
        return False
    span = doc[mention.start : mention.end]
    if doc[mention.head].dep_ == "poss" or any(c.dep_ == "poss" for c in doc[mention.head].children):
        # A possessed role ("the victim's sister", "the trust's board", "its chief executive") is someone's by
        # their relation to another participant; the possessor is named, the role-holder often not. A possessor
        # read as the head ("The city's own figures") speaks through a thing the rules read as a document.
        return False
    return not any(t.lower_ in _SETS_APART or t.like_num for t in span)


def _epithet(doc: Doc, mention: Mention) -> bool:
    """Whether a person's description is headed by a people's or place's word for one member ("the Scot", "the
    Welshwoman", "the Republican"), which the mention reader makes a person's description only as an epithet."""
    return doc[mention.head].ent_type_ == "NORP" or doc[mention.head].pos_ == "PROPN"


def _only_people(doc: Doc, mention: Mention) -> bool:
    """Whether a description can only be a person's: an epithet of a people ("the Frenchman"), or one with a
    gender ("the chairwoman"); a body is neither, so no body named nearby competes for it."""
    return mention.kind == "person" and (_epithet(doc, mention) or mention.gender is not None)


def _content_word(token: Token) -> bool:
    return token.is_alpha and not token.is_stop and token.pos_ in {"NOUN", "PROPN", "ADJ"}


def _description_words(doc: Doc, mention: Mention) -> set[str]:
    """The description's content words, lemmas lower-cased, the hyphenated parts of an epithet included."""
    return {t.lemma_.lower() for t in doc[mention.start : mention.end] if _content_word(t)}


def _describing_words(doc: Doc, entity: Entity, before: int) -> tuple[set[str], set[str]]:
    """What the text wrote of a named participant before ``before``: the nouns and adjectives that describe a
    name — a title or label before it ("Goal shooter Tia Mwangi"), an apposition ("Mwangi, a Kenyan-born
    shooter"), the noun it is in apposition to ("the local MP, Owen Prendergast") — and the roles it was given
    (``given_roles``); and, apart, the nouns those phrases call it ("shooter", not "goal"; "superintendent", not
    "district" of "School District Superintendent Angela Whitford")."""
    words: set[str] = set()
    heads: set[str] = set()
    nouns: list[Token] = [doc[i] for i in entity.roles]
    for occurrence in entity.occurrences:
        mention = occurrence.mention
        if occurrence.tokens[0] >= before or mention.name_start is None or mention.name_end is None:
            continue
        name = range(mention.name_start, mention.name_end)
        nouns += [c for i in name for c in doc[i].children if c.dep_ in _DESCRIBING_DEPS and c.i not in name]
        label = _label_before(doc, mention.name_start)
        words |= {t.lemma_.lower() for t in label}
        heads |= {label[0].lemma_.lower()} if label else set()
        head = doc[mention.head]
        if head.dep_ == "appos":
            nouns.append(head.head)
    for noun in nouns:
        words |= {t.lemma_.lower() for t in _describing(noun) + _portfolio(noun) if _content_word(t)}
        heads.add(noun.lemma_.lower())
    return words, heads


def _portfolio(noun: Token) -> list[Token]:
    """The portfolio an office is for, written as a bare noun after "for" ("the cabinet member for finance and
    resources", "Minister for Health"): British news then names the holder by it before a role noun ("the
    finance chief", "the health minister"). A "for" object with a determiner is a party, not a portfolio ("a
    spokesman for the company" is not "the company chief")."""
    found: list[Token] = []
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and not any(c.dep_ in {"det", "poss"} for c in obj.children):
                found += [obj, *(c for c in obj.children if c.dep_ == "conj" and c.pos_ == "NOUN")]
    return found


def _label_before(doc: Doc, name_start: int) -> list[Token]:
    """The nouns and adjectives written right before a name in its sentence, as a label ("Goal shooter Tia
    Mwangi"): such labels parse badly (the small model hung "shooter" on the verb as an adverb), so they are read
    as written, up to ``_LABEL_WORDS`` words, whatever their tags, up to a word that cannot be in a label."""
    label: list[Token] = []
    for i in range(name_start - 1, max(name_start - 1 - _LABEL_WORDS, -1), -1):
        token = doc[i]
        if token.is_sent_end or token.pos_ in _NOT_LABEL or not token.is_alpha or token.is_stop:
            break
        label.append(token)
    return label


def _describing(noun: Token) -> list[Token]:
    """A noun and the words that say what its bearer is: compounds and adjectives, recursively; not a possessor
    ("The trust's chief executive, Andrew Pellow" is no trust) nor an "of" phrase ("treasurer of the hospice's
    trust" is no hospice)."""
    found = [noun]
    for child in noun.children:
        if child.dep_ in {"compound", "amod"}:
            found += _describing(child)
    return found


def _reported(occurrence: Occurrence, contents: dict[str, list[tuple[int, int]]]) -> bool:
    """Whether a participant is mentioned inside someone's reported words ("Dunmore said *Fonoti* had been the
    heartbeat of the club"): the reporter's epithet that follows ("the Scot said") continues the speaker, who is
    in view; the one spoken about is not."""
    start = occurrence.tokens[0]
    return not occurrence.source and any(a <= start < b for spans in contents.values() for a, b in spans)


def _paragraphs(doc: Doc, before: int) -> Callable[[int], int]:
    """The paragraph of a token before token ``before`` (a blank line ends one), by one pass over that text."""
    breaks = [m.start() for m in re.finditer("\n\n", doc_text(doc)[: doc[before].idx + 1])]
    return lambda token: bisect.bisect_right(breaks, doc[token].idx)


def _sole_participant_nearby(
    doc: Doc,
    mention: Mention,
    entities: Entities,
    candidates: list[Entity],
    contents: dict[str, list[tuple[int, int]]],
) -> Entity | None:
    """The one participant present in the nearest paragraph (the description's own, before it, then the one
    before that, up to ``WINDOW_PARAGRAPHS``) where any participant is, if it is a named candidate and spoke there
    or since: the convention re-mentions a *speaker* by epithet, while a bare role after someone who only acted
    ("Mark Ellis opened the meeting … The singer said") may be anyone the setting holds. Any named
    participant there competes, a body or a place too (the parse may read a developer's "the developer" as a
    person's description, and a village's name as a person's), and so does an unnamed person (a cleaner quoted
    anonymously): the epithet may be theirs. Only a description no body can bear (``_only_people``: "the
    Frenchman" after "His team, Veloria, said … Its manager, Luc Martin, said") leaves bodies out."""
    paragraph = _paragraphs(doc, mention.start)
    here = paragraph(mention.start)
    people_only = _only_people(doc, mention)
    for back in range(WINDOW_PARAGRAPHS):
        present = [
            e
            for e in entities.all
            if (e.names or e.kind == "person")
            and (_person(e) or not people_only)
            and not _silent_place(e)
            and any(
                o.tokens[0] < mention.start and paragraph(o.tokens[0]) == here - back and not _reported(o, contents)
                for o in e.occurrences
            )
        ]
        if present:
            sole = present[0] if len(present) == 1 and any(present[0] is c for c in candidates) else None
            spoke = sole is not None and any(
                o.source and o.tokens[0] < mention.start and here - back <= paragraph(o.tokens[0])
                for o in sole.occurrences
            )
            return sole if spoke else _speaker_continued(doc, mention, entities, candidates, paragraph)
    return None


def _speaker_continued(
    doc: Doc, mention: Mention, entities: Entities, candidates: list[Entity], paragraph: Callable[[int], int]
) -> Entity | None:
    """The named person quoted last, where several participants are in view: an epithet that is the main subject
    of its sentence continues the last speaker before it, in the same paragraph, where that speaker was the main
    subject of its own sentence ("Its director, Ottilie Strand, said … The dealer said"; "Asked by Ms Stainforth
    …, Ms Hargreaves-Bell said she did. The engineer said …": the barrister who asked is in view too).
    The subject of the main clause is the participant the next sentence is expected to go on about (centering),
    and news varies the name of the person it is quoting with an epithet exactly as with "he" or "she"; a
    participant only spoken about, or named in a side clause, is not the centre. Only a person the head, role and
    epithet rules left as a candidate (gender, what the text said of both); a setting's part ("the judge") never
    reaches here (``_may_refer_back``). A last speaker in a coordinated clause ("Cairns said …, but Forbes said")
    shares the centre, and a speaker in another paragraph is no longer it: both leave the epithet apart."""
    if not main_subject(doc[mention.head]):
        return None
    spoken = [
        o for e in entities.all for o in e.occurrences if o.source and o.quote is None and o.tokens[0] < mention.start
    ]
    last = max(spoken, key=lambda o: o.tokens[0], default=None)
    if last is None or last.entity is None or paragraph(last.tokens[0]) != paragraph(mention.start):
        return None
    if not main_subject(doc[last.mention.head]):
        return None
    return last.entity if _person(last.entity) and any(last.entity is c for c in candidates) else None


# How many paragraphs after the lede the story may take to name the participant its headline or lede described:
# a lede's "…, the port's operator said" is often followed by a paragraph on the victim before "Harwell Terminals,
# which runs the port, said". Two, as ``_named_after_lede`` read it for "a visiting poet" (news24–29).
NAMED_WITHIN = 2


def join_cataphora(doc: Doc, entities: Entities) -> None:
    """Make a description that opens the story, before anyone is named, part of the participant the story then
    names as what it described. News is written as an inverted pyramid: the headline and the lede say what
    happened and to whom by kind ("Television presenter tells libel trial …", "A coroner has said …", "…, the
    port's operator said", "Hospital trust confirms data stolen") and the paragraphs after them name that
    participant; the description points forward (cataphora). Read in order, it finds no one named before it and
    stays a source of its own, and each later "The presenter said" or "he said" follows it rather than the name.

    The one rule: an entity the text never names, whose first mention is a forward description
    (``_forward_description``: in the headline or the lede, of one person or body, not a part the setting gives
    unnamed), joins the one participant named after it of its kind (a person or a body; of its gender, a pronoun's
    included) that

    - the text calls what the description says it is: the description's head is a label before the name, an
      apposition, a role or the name's own head ("Coroner Gideon Hale" for "a coroner", "Buckingham Palace" for a
      headline's "palace", "Her owners' insurer, the Northern Mutual …" for "The insurers of a bulk carrier"), and
      the nouns compounded before the head are words of the name or of that label ("Lisvane festival"); else
    - the story introduces as it begins (``named_after_lede``): the one participant of its kind first named in the
      nearest paragraph after the description that names one, no further than ``NAMED_WITHIN`` paragraphs after
      the lede; a person named there with what identifies them ("Leonie Marsh, 47, who presented …", a bare
      "Mark Dillon said" may be anyone the story quotes), and neither called another kind of thing ("the drugmaker
      Ravensworth" is not "a regulator").

    The same holds anywhere for a subject description written before the name it is in apposition to
    (``_apposed_name``: "The consortium that ordered the satellite, the European Organisation for …, said"). A
    description never named, or two participants that fit, leave it as it is: a wrong join gives one
    participant's words to another."""
    paragraph = _paragraphs(doc, len(doc) - 1)
    lede = _lede(doc, paragraph)
    for entity in entities.all:
        if not entity.occurrences:
            continue
        first = entity.occurrences[0].mention
        apposed = _apposed_name(doc, entity, entities)
        if apposed is not None:
            entities.merge(entity, apposed)
            continue
        if not _forward_description(doc, entity, paragraph, lede):
            continue
        head = doc[first.start].lower_ if first.form == "name" else _head_word(doc, first)
        # A part the setting gives ("a coroner", "a judge") is the named one only where the text titles them so
        # ("Coroner Gideon Hale"); an official or a spokesman a lede leaves unnamed is not one named later.
        setting = head in _SETTING_HEADS
        if setting and head not in lexicon.TITLES:
            continue
        body = first.kind in BODY_KINDS or head in lexicon.BODY_NAME_HEADS or not _person_only_noun(head)
        person = first.kind == "person" or (first.kind == "unknown" and is_person_noun(head))
        # British news writes a body in the plural ("the insurers", "the owners"), but a group of people ("England's
        # selectors") is no one named person: a plural description joins only a body the text calls by its head,
        # and one whose name says it is a body ("… Indemnity Association"), not a person the tagger read as one.
        plural = first.number != "sing"
        gender = entity.gender if entity.gender is not None else first.gender
        apart = {t.lower_ for t in doc[first.start : first.end] if t.lower_ in _SETS_APART}
        later = [
            e
            for e in entities.all
            if e is not entity
            and e.names
            and e.occurrences
            # A body's name may be plural in form ("Calloway Ferries", "Lakeshore Media Holdings").
            and (e.number == "sing" or e.kind in BODY_KINDS)
            and e.occurrences[-1].tokens[0] > first.start
            and (
                (body and e.kind in BODY_KINDS and (not plural or _named_a_body(e)))
                or (person and not plural and _person(e))
            )
            and (gender is None or e.gender in {None, gender})
            # "a former captain" is one the text calls former too ("The former England captain Nigel …").
            and all(_said_before_name(doc, e, word) for word in apart)
            # Nor one the description cannot be by what the text says of both: "The force" is no "Police
            # Federation" (a staff association), "the Democratic nominee" not the Republican one.
            and not contradicts(doc, first, e)
        ]
        compounds = [t.lower_ for t in doc[first.start : first.head] if t.dep_ == "compound" and t.head.i == first.head]
        called = [
            e
            for e in later
            if (
                head in _describing_words(doc, e, len(doc))[1]
                or head in e.heads
                or (e.kind in BODY_KINDS and any(head in _heads_of_name(name) for name in e.names))
            )
            and _words_of_names(compounds, e, _said_of(doc, e))
        ]
        if len(called) == 1:
            entities.merge(entity, called[0])
            continue
        if called or setting or plural:
            continue
        since = max(paragraph(o.tokens[0]) for o in entity.occurrences if paragraph(o.tokens[0]) <= lede)
        # A noun bodies bear too ("the port's operator", "the developer") is read as a body's, as the parse often tags
        # such a noun a person; a place the small model tags a government ("Harrowby") is no actor a lede
        # describes, nor a lone word of no known kind ("Ellesbury") a person the lede described. One the text calls
        # another kind of thing ("the drugmaker Ravensworth", "The ward's manager, Helga Brandt") is not what the
        # lede described ("a regulator", "a nurse"); it still counts among those the story introduces there, as the
        # nouns a text gives a participant are no closed list ("who hosts a quiz show" and "a presenter"), so that
        # two people introduced together leave the description apart whatever one of them is called.
        actors = [e for e in later if (_acting_body(e) if body else e.kind == "person")]
        named = named_after_lede(doc, since, lede, actors, paragraph)
        if named is not None and not _other_kinds(doc, named, head, entities):
            entities.merge(entity, named)


def _other_kinds(doc: Doc, entity: Entity, head: str, entities: Entities) -> set[str]:
    """The nouns the text calls a participant by that are not ``head``, leaving out another participant's name
    the parse hung on it as an apposition ("Brightwell Labs unveiled Pippa, a voice assistant"), an honorific
    ("Ms") and an age ("Leonie Marsh, 47"), which say nothing of what the participant is."""
    names = {word.lower() for other in entities.all for name in other.names for word in name}
    nouns = {w for w in _describing_words(doc, entity, len(doc))[1] if w.isalpha() and w not in lexicon.HONORIFICS}
    return nouns - names - {head}


def named_after_lede(
    doc: Doc, since: int, lede: int, candidates: list[Entity], paragraph: Callable[[int], int]
) -> Entity | None:
    """The participant the story introduces as it begins, after a description of it in paragraph ``since`` (the
    headline or the lede, ``lede`` the lede's paragraph): the one candidate first named in the nearest paragraph
    after ``since`` where any is, no further than ``NAMED_WITHIN`` paragraphs after the lede; a person only with
    what identifies them said beside the name (``matching.introduces``: an age, an apposition, a relative clause),
    as news introduces the participant its lede described ("Leonie Marsh, 47, who presented …"). See
    ``join_cataphora``."""
    story = 1 if _headline(doc, paragraph) else 0
    by_paragraph: dict[int, list[tuple[Entity, Occurrence]]] = {}
    for e in candidates:
        # A headline naming it ("Northmoor Rail apologises", then the lede's "the operator") is not the story.
        first = next((o for o in e.occurrences if o.mention.form == "name" and paragraph(o.tokens[0]) >= story), None)
        if first is not None and since < paragraph(first.tokens[0]) <= lede + NAMED_WITHIN:
            by_paragraph.setdefault(paragraph(first.tokens[0]), []).append((e, first))
    if not by_paragraph:
        return None
    nearest = by_paragraph[min(by_paragraph)]
    if len(nearest) != 1:
        return None
    entity, occurrence = nearest[0]
    if _person(entity) and not introduces(doc[occurrence.mention.head]):
        return None
    return entity


def _apposed_name(doc: Doc, entity: Entity, entities: Entities) -> Entity | None:
    """The participant named in apposition after an unnamed entity's first description, read as one mention with
    it: "The consortium that ordered the satellite, the European Organisation for …, said", "The gallery that
    represents Achterberg, Strand & Pelham Fine Art, said". The description comes first and the name after a
    comma closes the subject, as a lede's name follows its description; the relative clause in between hides
    the apposition from the parse, which hung the name on another word. Only a name that ends the source's span,
    after a comma, and one of the description's kind: a body for a body's noun, a person for a person's."""
    if entity.names:
        return None
    first = entity.occurrences[0]
    mention = first.mention
    if mention.form != "description" or mention.number != "sing" or not first.source:
        return None
    body = mention.kind in BODY_KINDS or mention.kind == "unknown"
    found = [
        e
        for e in entities.all
        if e is not entity
        and e.names
        and ((body and e.kind in BODY_KINDS) or (mention.kind == "person" and e.kind == "person"))
        and any(
            o.mention.form == "name"
            and mention.head < o.tokens[0]
            and o.tokens[1] == first.tokens[1]
            and _after_comma(doc, o.tokens[0])
            for o in e.occurrences
        )
    ]
    return found[0] if len(found) == 1 else None


def _after_comma(doc: Doc, start: int) -> bool:
    """Whether a name opens after a comma, an article between them ("…, the European Organisation")."""
    before = start - 1 if start > 0 and doc[start - 1].lower_ in lexicon.ARTICLES else start
    return before > 0 and doc[before - 1].text == ","


def _lede(doc: Doc, paragraph: Callable[[int], int]) -> int:
    """The paragraph of the lede: the one after the headline, past a byline ("By Marcus Ilchenko, Technology
    Reporter": "By" opening a paragraph with no verb, as ``matching.heads_the_story`` reads it), which is no part
    of the story. A text whose first paragraph is a sentence is its own lede's headline too; the rule reads both
    first paragraphs alike."""
    lede = 1
    words = [t for t in doc if not t.is_space and paragraph(t.i) >= lede]
    while words and words[0].lower_ == "by":
        line = [t for t in words if paragraph(t.i) == lede]
        if any(t.pos_ in {"VERB", "AUX"} for t in line):
            break
        lede += 1
        words = words[len(line) :]
    return lede


def _headline(doc: Doc, paragraph: Callable[[int], int]) -> bool:
    """Whether the text's first paragraph is a headline: one that ends without a full stop, as headlines do."""
    last = next((t for t in reversed(doc) if paragraph(t.i) == 0 and not t.is_space), None) if len(doc) else None
    return last is not None and last.i + 1 < len(doc) and last.text not in {".", "!", "?"}


def _forward_description(doc: Doc, entity: Entity, paragraph: Callable[[int], int], lede: int) -> bool:
    """Whether an entity's first mention is a description in the headline or the lede of one person or body the
    story may name later (see ``join_cataphora``): an entity with no name, or a headline's title read as one
    ("Pope urges ceasefire …": headlines write the office for its holder, and the small model reads it a name);
    not a quantity ("the majority"), nor one set apart by a word the named one does not share (checked there)."""
    mention = entity.occurrences[0].mention
    if paragraph(mention.start) > lede:
        return False
    if mention.form == "name":
        return paragraph(mention.start) == 0 and all(_lone_title(doc, o.mention) for o in entity.occurrences)
    if entity.names or mention.form != "description":
        return False
    if mention.kind not in {"person", "unknown"} and mention.kind not in BODY_KINDS:
        return False
    head = _head_word(doc, mention)
    if head in lexicon.QUANTITY_HEADS:
        return False
    if mention.kind == "unknown" and not _body_noun(head) and not is_person_noun(head):
        return paragraph(mention.start) == 0  # a headline's bare noun of no kind ("palace", "festival")
    return not any(t.like_num for t in doc[mention.start : mention.end])


def _said_before_name(doc: Doc, entity: Entity, word: str) -> bool:
    """Whether the text wrote ``word`` in the label before one of the entity's names, or in the name's mention
    ("The former England captain Nigel Ashworth-Deane", "Nigel Ashworth-Deane, a former captain")."""
    for occurrence in entity.occurrences:
        mention = occurrence.mention
        if mention.name_start is None:
            continue
        start = max(doc[mention.name_start].sent.start, mention.name_start - _LABEL_WORDS - 1)
        if any(t.lower_ == word for t in doc[start : mention.end]):
            return True
    return False


def _said_of(doc: Doc, entity: Entity) -> set[str]:
    """The words, lemmas lower-cased, the text wrote of a named participant where it named it: its label and
    apposition and what they are of ("The leader of the Glen Mountain Rescue Team, Donnchadh …")."""
    words = _describing_words(doc, entity, len(doc))[0]
    for occurrence in entity.occurrences:
        if occurrence.mention.form == "name":
            words |= {t.lemma_.lower() for t in doc[occurrence.mention.start : occurrence.mention.end]}
    return words


def _head_word(doc: Doc, mention: Mention) -> str:
    """The description's head as a word the lists know: the whole of a hyphenated word the tokenizer split ("A
    London start-up" is a startup, not an "up"), else the head's lemma."""
    head = mention.head_lemma(doc)
    start = joined_word_start(doc_token_codes(doc), mention.head)
    joined = "".join(t.lower_ for t in doc[start : mention.head + 1] if t.text != "-")
    known = joined in lexicon.KINDS_OF_BODY or joined in lexicon.BODY_NAME_HEADS or joined in lexicon.PEOPLE_NOUNS
    return joined if start < mention.head and known else head


def _lone_title(doc: Doc, mention: Mention) -> bool:
    """Whether a name is one word that is a title ("Pope", "Premier"), no name of a person."""
    return mention.form == "name" and mention.end - mention.start == 1 and doc[mention.start].lower_ in lexicon.TITLES


def _words_of_names(words: list[str], entity: Entity, described: set[str]) -> bool:
    """Whether every word is a word of one of the entity's names, in the singular or plural ("Hospital trust" and
    "Tamsford Vale Hospitals NHS Trust"), or of what the text called it (``described``: "TV presenter Leonie …")."""
    named = described | {word for name in entity.names for word in normalized(name)}
    return all(word in named or word + "s" in named for word in words)


# Kinds of body (``lexicon.KINDS_OF_BODY``) news often names by a brand alone ("Brightwater Energy", "Caledon
# Warriors", "Free the Giants"), so that a body of such a kind may bear a name that says no kind at all. A court, a
# police force, a council, a regulator, a union or a university goes by a name that says what it is, and "the
# court said" after a company is the court's.
_BRANDED_KINDS = {"company", "club", "charity"}


def _sole_body_nearby(
    doc: Doc,
    mention: Mention,
    entities: Entities,
    candidates: list[Entity],
    contents: dict[str, list[tuple[int, int]]],
) -> Entity | None:
    """For a definite description a body may bear (``_body_noun``: "The publisher said" after "Fenwick & Lowe
    said"; "the club announced" in the sentence naming "Caledon Warriors"): the one body named before it in its
    own paragraph, if it spoke or acted there, or is in the description's own sentence. A journalist writes "the
    publisher" for a body only when the reader knows which one: the body just named and acting. Any other body
    there, named or not, competes (two bodies: which one is not said); people do not ("the publisher" is no
    person named beside it), nor places that never spoke. Unlike a person's epithet, nothing in a body's noun
    (no gender, no people's word) narrows who it is, so only its own paragraph is read: a body that spoke in the
    paragraph before ("The Chamber of Commerce said …" then "The operator says") is often the next party's
    neighbour, not the one meant.
    A listed kind of body joins a body the text gave that kind, or one that goes by a brand where that kind often
    does (``_BRANDED_KINDS``); a kind the text gave the body otherwise rules it out (``matching.contradicts``,
    already applied to ``candidates``)."""
    head = doc[mention.head]
    if not _body_noun(head.lemma_.lower()) or any(c.dep_ in _IDENTIFYING_DEPS for c in head.children):
        return None
    verbs = agent_verbs(head.lemma_.lower())
    if any(t.pos_ == "VERB" and t.lemma_ in verbs for t in doc[: mention.start]):
        # The text said with the verb who does it ("Fenwick Rail operates the trams"): the doer rule
        # (``agents.agent_of_verb``) decides, and where it found two doers the noun stays apart.
        return None
    kind = kind_of_body(doc, mention)
    paragraph = _paragraphs(doc, mention.start)
    here = paragraph(mention.start)
    sentence = head.sent
    present = [
        e
        for e in entities.all
        if e.kind in BODY_KINDS
        and not _silent_place(e)
        and any(
            o.tokens[0] < mention.start and paragraph(o.tokens[0]) == here and not _reported(o, contents)
            for o in e.occurrences
        )
    ]
    if len(present) != 1 or not any(present[0] is c for c in candidates) or not present[0].names:
        return None
    body = present[0]
    if kind is not None and kind not in kinds_of(doc, body) and (kinds_of(doc, body) or kind not in _BRANDED_KINDS):
        return None
    acted = any(
        o.tokens[0] < mention.start
        and paragraph(o.tokens[0]) == here
        and (o.source or o.subject or o.tokens[0] >= sentence.start)
        for o in body.occurrences
    )
    return body if acted else None


# Dependents by which a description says itself which one it is ("The consortium that ordered the satellite, the
# European Organisation for …, said"): it names or identifies its referent, and is no bare re-mention.
_IDENTIFYING_DEPS = {"relcl", "acl", "appos"}


def _body_noun(lemma: str) -> bool:
    """Whether a noun may name a body: a kind of body or a body's head the lexicon lists ("the club", "the
    trust"), or a doer's noun made from a verb ("publisher", "promoter", "supplier": ``agents.agent_verbs``),
    which names whoever does it, firms as well as people. Other nouns ending alike ("the chapter", "the letter")
    name things."""
    return (
        lemma in lexicon.KINDS_OF_BODY
        or lemma in lexicon.BODY_NAME_HEADS
        or lemma in lexicon.INSTITUTION_HEADS
        or any(is_verb(form) for form in agent_verbs(lemma))
    )


def _silent_place(entity: Entity) -> bool:
    """Whether a named participant is a place that never spoke ("Speaking from her studio in Marlow, the painter
    said"): a place is where the news happens, and no person's description stands for it. One that spoke is a
    surname or a body the small model read as a place ("Fashola, a painter from Leeds, said"), and competes."""
    return not _acting_body(entity) and entity.kind == "government" and not entity.speaker


def _named_a_body(entity: Entity) -> bool:
    """Whether one of a participant's names has a word that says it is a body ("Association", "Council")."""
    return any(body_word(word) for name in entity.names for word in name)


def _acting_body(entity: Entity) -> bool:
    """Whether a named participant is a body that acts, not a place: an organisation or outlet, or a government
    body whose name says it is a body ("Office of Gas Markets", "Thornbury Council"); the small model reads a
    town ("Harrowby") as a government too."""
    if entity.kind in {"organization", "media"}:
        return True
    return entity.kind == "government" and _named_a_body(entity)


def _person_only_noun(lemma: str) -> bool:
    """Whether a noun names only people: listed as a person's noun, not merely ending like one ("operator",
    "regulator" and "developer" name companies too)."""
    return lemma in lexicon.PEOPLE_NOUNS
