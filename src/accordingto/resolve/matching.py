"""Which entity a name or a description joins, by the rules news prose follows: a surname or first name of a full
name, an acronym or alias, a body called by its first word; a definite description to the latest entity with
that head or role, unless its time or office contradicts it ("the former mayor" is not the current one)."""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Token

from .. import lexicon
from ..annotations import TokenCodes, doc_token_codes
from ..clauses import SUBJECT_DEPS
from .agents import agent_of_verb
from .entities import (
    Entities,
    Entity,
    Occurrence,
    QuoteMap,
    bare_name_of_body,
    company_of_bare_word,
    description_key,
)
from .epithets import person_of_age
from .first_names import is_first_name
from .mentions import BODY_KINDS, Gender, Mention, is_age_noun, is_person_noun, past_dateline
from .names import name_keys, names_match, normalized
from .ranks import rank_agrees, split_rank
from .roles import role_words, title_lemma


def collect_name(
    doc: Doc, mention: Mention, sentence: int, quotes: QuoteMap, entities: Entities, genders: dict[str, Gender]
) -> Occurrence:
    """A name the rules did not collect, made an occurrence of the entity of that name (or of a new one)."""
    assert mention.name_start is not None and mention.name_end is not None
    name = doc[mention.name_start : mention.name_end]
    head = doc[mention.head]
    occurrence = Occurrence(
        mention=mention,
        tokens=(mention.start, mention.end),
        ranges=[(name.start_char, name.end_char)],
        source=False,
        attributions=[],
        sentence=sentence,
        quote=quotes.index(head.idx),
        subject=head.dep_ in SUBJECT_DEPS,
    )
    entities.attach(doc, occurrence, same_name(doc, mention, entities), genders)
    entity = occurrence.entity
    assert entity is not None
    entity.occurrences.sort(key=lambda o: o.tokens[0])
    return occurrence


def same_name(doc: Doc, mention: Mention, entities: Entities) -> Entity | None:
    """The entity already named in a compatible way (people match people, others match others; an undecided
    name, such as a lone surname tagged as an organisation, matches either): the latest such, except for a lone
    surname several match (the one named most), and else the person a lone first name is of."""
    words = mention.name_tokens(doc)
    key = normalized(words)
    if mention.kind == "group" and "and" in key:
        # A coordination of names ("Kerry and Mr. Obama") is the same group only written the same way; its last
        # word is one member's surname, not the group's.
        return next((e for e in entities.all if e.kind == "group" and key in map(normalized, e.names)), None)
    matching = _matching_names(doc, words, key, mention, entities, every=len(key) == 1)
    if len(matching) > 1:
        # A surname several people named in full share ("Moreau" after Jeanne Moreau and her father, "Ruiz"
        # after Marta and her cousin Diego) is the one the text has named most so far, not the one named last.
        return _named_most(matching)
    if matching:
        return matching[0]
    ranked = _ranked_surname(doc, words, key, mention, entities)
    if ranked is not None:
        return ranked
    if mention.number == "plur" and len(key) == 1:
        # A party or people named by one plural word ("the Liberals had knocked on more doors", tagged an
        # organisation there) is the group the text has called "the Liberals" before, read as a description where
        # the small model tagged it a people: three sources "Liberals" had split one party's statements (news18).
        same = [e for e in entities.latest([("head", mention.head_lemma(doc))]) if e.number == "plur"]
        if same:
            return same[0]
    return _first_name_of(key, mention, entities) or _body_by_first_word(key, mention, entities)


def _ranked_surname(doc: Doc, words: list[str], key: list[str], mention: Mention, entities: Entities) -> Entity | None:
    """For a surname after a rank's abbreviation ("DS Marsh" after "Detective Sergeant Colin Marsh"): the person
    named with that surname whose rank agrees (``resolve.ranks``), the one named most where several do."""
    if mention.kind not in {"person", "unknown"}:
        return None
    split = split_rank(key)
    if split is None:
        return None
    rank, rest = split
    found = [
        e
        for e in _matching_names(doc, words[len(words) - len(rest) :], rest, mention, entities, every=True)
        if e.kind == "person" and rank_agrees(rank, e.heads.union(*(role_words(doc[r]) for r in e.roles)))
    ]
    return _named_most(found)


def _named_most(entities: list[Entity]) -> Entity | None:
    """Of several entities a name may be, the one the text named most (the latest named of equals)."""
    return max(entities, key=lambda e: (sum(o.mention.form == "name" for o in e.occurrences), e.index), default=None)


def called_a_body(entity: Entity) -> bool:
    """Whether the text calls an entity a body: a body's head as its description or apposition ("the company"),
    or a company's legal form or line of business ending its name ("Group", "Shipping")."""
    return bool(entity.heads & lexicon.INSTITUTION_HEADS) or any(
        normalized(name)[-1] in lexicon.ORGANIZATION_NAME_ENDINGS for name in entity.names if name
    )


def _called_a_company(entity: Entity) -> bool:
    """An organisation the text calls a body (``called_a_body``). Companies only: a place's name opens many
    bodies' names ("Washington" and the Washington Post, "Chicago" and the Chicago Police Department, "Senate" and
    a Senate committee: PolNeAR dev) that are not the place."""
    return entity.kind == "organization" and called_a_body(entity)


def _body_by_first_word(key: list[str], mention: Mention, entities: Entities) -> Entity | None:
    """For a lone word ("Greystone" after "Greystone Residential", "Castleton" after "Castleton Aggregates"): the
    one body named in full with it first; for a body's full name, the one body named so far by its first word
    alone (a headline's "Cloud firm Nimbara", then "Nimbara Systems, the cloud storage company"). News calls a
    company by the first word of its name; a word two bodies' names open with is left alone, and either way the
    body must be one the text called a body (GUM dev: "Coron", a town tagged an organisation, is not "Coron
    Island", which had cost an "it")."""
    if len(key) == 1 and (mention.kind in {"organization", "unknown"} or mention.genderless_person):
        # Only a body the text itself called one ("Velora Systems, the bus company", "The company said" after
        # "Greystone Residential", "Dunmere Homes Group"): a lone word is most often a person's surname, and a
        # headline's "Obama Sees …" tagged an organisation is no body (GUM, PolNeAR dev).
        bearers = [e for e in entities.latest([("opening", key[0])]) if _called_a_company(e)]
    elif len(key) > 1 and mention.kind == "organization":
        named = entities.latest([("last", key[0])])
        bearers = [
            e
            for e in named
            if all(normalized(n) == key[:1] for n in e.names) and (_called_a_company(e) or company_of_bare_word(key, e))
        ]
    else:
        return None
    bearers = [e for e in bearers if e.number == mention.number]
    return bearers[0] if len(bearers) == 1 else None


def _matching_names(
    doc: Doc, words: list[str], key: list[str], mention: Mention, entities: Entities, every: bool
) -> list[Entity]:
    """The entities already named in a way the name ``words`` (``key`` normalized) of ``mention`` can match
    (``same_name``), the latest first; without ``every``, the latest only (all a full name needs)."""
    found = []
    for entity in entities.latest(name_keys(key, stored=False)):
        decided = mention.kind != "unknown" and entity.kind != "unknown"
        # The same name of two words or more is the same participant, whatever the tagger made of it once; so
        # is one word the text has called a body, where the tagger's person has no gender to say otherwise.
        same = any(normalized(name) == key for name in entity.names) and (
            len(key) > 1 or bare_name_of_body(doc, mention, entity)
        )
        surname = _surname_read_as_place(doc, mention, entity) or _full_name_read_as_body(doc, mention, entity)
        if decided and (entity.kind == "person") != (mention.kind == "person") and not (same or surname):
            continue
        if mention.number != entity.number:
            continue  # "Clinton and Kaine" is not Clinton
        person = "person" in {mention.kind, entity.kind}
        if mention.gender and entity.gender and mention.gender != entity.gender and not surname:
            continue  # "Mrs. Clinton" is not "Bill Clinton" (a place's "it" gender is the tagger's alone)
        full_names = [name for name in entity.names if len(name) > 1] if len(words) > 1 else []
        if person and any(not names_match(words, name, person) for name in full_names):
            continue  # "Ivanka Trump" is not the "Trump" already known as "Donald Trump"
        if any(names_match(words, name, person) for name in entity.names):
            found.append(entity)
            if not every:
                break
    return found


def _surname_read_as_place(doc: Doc, mention: Mention, entity: Entity) -> bool:
    """Whether a lone name the small model tagged a place or a body is the surname of a person the text named in
    full ("Okoro said" after "Their captain, Danny Okoro"; "Carrow replied" after "Transport Secretary Helen
    Carrow"): a surname the model does not know often reads as a place or a body, and the person's later
    statements were listed under a government of that name (news13). Only for a person whose gender the text or
    the first-name lists give, so that a place named after someone ("Washington" after a Washington the text
    never makes a man or a woman) stays a place."""
    words = normalized(mention.name_tokens(doc))
    return (
        mention.form == "name"
        and mention.kind in {"government", "organization"}
        and _bare_surname(words)
        and entity.kind == "person"
        and entity.gender in {"masc", "fem"}
        and _ends_a_longer_name(words, entity)
    )


def _full_name_read_as_body(doc: Doc, mention: Mention, entity: Entity) -> bool:
    """Whether a person's lone surname ("Stroud-Mallory said", "Ms Raman-Whitby put it to her") is the surname of
    a full name the small model read as a body's ("The national selector, Adrian Stroud-Mallory", "Anjali
    Raman-Whitby KC", both read as organisations): the mirror of ``_surname_read_as_place``. A double surname the
    model has not seen reads like a firm's name ("Rolls-Royce"), and the person's later statements had been a
    source apart from the full name (split38). The lone name is read as a person's (by an honorific, a "he" or
    "she", the learned kinds), and the full name has a word before the surname where a given name stands; a body
    the text itself calls one ("the firm", a name ending in "Partners": ``called_a_body``) stays a body."""
    words = normalized(mention.name_tokens(doc))
    return (
        mention.form == "name"
        and mention.kind == "person"
        and _bare_surname(words)
        and entity.kind in BODY_KINDS
        and entity.number == "sing"
        and not called_a_body(entity)
        and _ends_a_longer_name(words, entity)
    )


def _ends_a_longer_name(words: list[str], entity: Entity) -> bool:
    """Whether a lone name's words close one of an entity's longer names, as a surname closes a full name."""
    return any(len(name) > len(words) and normalized(name)[-len(words) :] == words for name in entity.names)


def _bare_surname(words: list[str]) -> bool:
    """Whether a name's words may be a surname alone: one word, or a double surname joined by a hyphen
    ("Quintero-Mendes", which the small model tagged an organisation after "Rosalba Quintero-Mendes": split36).
    A surname the model does not know reads as a place or a body, the hyphenated ones most of all."""
    return len(words) == 1 or (len(words) == 3 and words[1] == "-")


def _first_name_of(key: list[str], mention: Mention, entities: Entities) -> Entity | None:
    """For a lone first name ("Nora" after "Nora Lindqvist"): the one person named in full with it. Interviews
    and features call people by their first name once they have named them in full; a surname is matched
    first (``same_name``), and a first name two people named so far share is left alone ("David" after David
    Perdue and David Plouffe), as is a word the first-name lists do not give one gender ("Jordan")."""
    if len(key) != 1 or mention.kind not in {"person", "unknown"} or not is_first_name(key[0]):
        return None
    bearers = [
        entity
        for entity in entities.latest([("first", key[0])])
        if entity.kind in {"person", "unknown"} and entity.number == mention.number
    ]
    if len(bearers) != 1:
        return None
    entity = bearers[0]
    if mention.gender and entity.gender and mention.gender != entity.gender:
        return None
    return entity


def same_description(doc: Doc, mention: Mention, entities: Entities) -> Entity | None:
    """An earlier entity a description refers back to; None when it introduces a new one.

    "a source" / "another source" / "two officials" introduce; "the source" / "the spokesman" refer back to
    the latest entity with that head or role, unless the text gave that role to two named participants it does
    not tell apart ("Harper, the mayor of Springfield, met Lee, the mayor of Shelbyville. The mayor said"),
    where the description stays unresolved (``Entities.ambiguous``); "US officials", repeated, is the same
    group.
    """
    determiner = doc[mention.start].lower_
    if _gives_age(doc, mention):
        return (
            person_of_age(doc, mention, entities)
            or _latest_person_speaker(doc, mention, entities)
            or _sole_named_person(entities)
        )
    if determiner in lexicon.INDEFINITE or any(t.pos_ == "NUM" for t in doc[mention.start : mention.head]):
        return None
    if determiner in lexicon.DEFINITE:
        place = _place_written_about(doc, mention, entities)
        if place is not None:
            return place
        # A clipped title is the word it stands for: "The rep said" refers back to "A representative for the
        # singer told", as "the senator" does to "Sen. Jane Roe"; it had been a person of its own (news19).
        head = title_lemma(doc, mention.head_lemma(doc), mention.head_lemma(doc))
        # So is a noun that names one office's holder: "the pontiff said" after "Pope Clement XV" is the pope.
        head = lexicon.TITLE_SYNONYMS.get(head, head)
        same_head = [
            e
            for e in entities.latest([("head", head)])
            if e.number == mention.number and _kinds_agree(doc, mention, e) and not contradicts(doc, mention, e)
        ]
        bearers, narrowed = _role_bearers(doc, mention, same_head)
        if len(bearers) > 1:
            called = [e for e in same_head if _described_so(doc, head, e)] or _last_speaker_among(bearers, entities)
            if called:
                return called[0]
            entities.ambiguous.add(mention.head)
            return None
        if narrowed:
            return bearers[0]  # "the lead author" is the one given that role, not the co-author named since
        if same_head or not _bare_body_noun(doc, mention):
            if not same_head and _gives_background(doc, mention):
                return _latest_person_speaker(doc, mention, entities)
            if not same_head and head in ANONYMOUS_HEADS:
                anonymous = _latest_anonymous_source(doc, mention, entities)
                if anonymous is not None:
                    return anonymous
            if not same_head:
                written = (
                    _named_after_its_words(doc, mention, entities)
                    or _leader_named(doc, mention, entities)
                    or agent_of_verb(doc, mention, entities)
                )
                if written is not None:
                    return written
            if not bearers and not any(e.names for e in same_head):
                # (an unnamed one with the head is the epithet's own first use, read before the name it precedes)
                epithet = _epithet_of_named(doc, mention, entities)
                if epithet is not None:
                    return epithet
            return same_head[0] if same_head else None
        # A bare "the company", "the newspaper": news writes it for the organisation of that kind it named last
        # ("Acme Corp. opened a plant. The company said..."); with a modifier ("the rival company") it may not be.
        # A body named for what it does ("the manufacturer") is first the one the text said does it, not the body
        # of its kind named since ("Tolland Motors manufactures the buses. Brant Group bought …").
        named = [
            e
            for e in entities.all
            if e.names
            and e.number == mention.number
            and (e.kind == mention.kind or _body_tagged_a_person(doc, mention, e))
            and not _of_another_kind(doc, mention, e)
        ]
        return agent_of_verb(doc, mention, entities) or max(named, key=lambda e: _latest_naming(doc, e), default=None)
    candidates = entities.latest([("description", *description_key(doc, mention))])
    if not candidates and doc[mention.start].tag_ == "PRP$":
        return agent_of_verb(doc, mention, entities)  # "his employer" after "Ellis, employed by Tarrant Foods"
    return candidates[0] if candidates else None


# Nouns for a settlement, which a bare definite description ("the city", "this town", "the village's") uses for the
# place the text is about (``_place_written_about``). Not "island" or "region": an island or a region holds the
# towns a text about it names again and again.
SETTLEMENT_NOUNS = {"city", "town", "village"}
# Nouns for a country, which a bare definite description ("the country", "the nation's") uses for the country the
# text is about, among the countries it names.
COUNTRY_NOUNS = {"country", "nation"}
# Entity labels of the names of places a settlement noun may stand for.
_SETTLEMENT_LABELS = {"GPE", "LOC"}
# Names of countries, which no settlement noun stands for and a country noun needs (with a country's tag, as the
# list also holds unions and parties): the spellings and short names of the place list, and the countries the
# demonyms of the affiliation list name ("Russian" -> Russia).
_COUNTRY_NAMES = frozenset(
    name.lower()
    for name in [*lexicon.PLACE_NAMES, *lexicon.PLACE_NAMES.values(), *lexicon.AFFILIATION_ADJECTIVES.values()]
)


def _place_written_about(doc: Doc, mention: Mention, entities: Entities) -> Entity | None:
    """For a bare "the city", "this town", "the village": the place of that kind the text has named most so far (the
    latest named on a tie), not a country; for a bare "the country", "the nation": the country named most. A bare
    place noun carries no content of its own, so it is resolved by salience: it is the place the text is about,
    which a guide or a report names again and again, while the places named once in between are its landmarks,
    suburbs, neighbours and the country around it ("Tulsa lies in Oklahoma … the city has"; "flights from Mexico
    City … the city's museums" in a text about Mérida). The rules had taken the latest entity whose name ends in
    the noun ("Mexico City", "Sun City") and the learned resolver, asked where the rules found none, the nearest
    place of any size (a country for "the city", a town for "the country"). A modified noun ("the capital city",
    "the old town") may set itself apart, and is left to the other rules. A place is a name tagged a place once
    (the small model tags a name afresh at each occurrence and misses some), or one the text called by the noun
    ("Łódź is Poland's third city", tagged a person); names are counted as written, not as collected."""
    noun = mention.head_lemma(doc)
    if not mention.determiner_and_head or mention.number != "sing" or noun not in SETTLEMENT_NOUNS | COUNTRY_NOUNS:
        return None
    at: dict[str, list[int]] = {}  # where each word is written before the description
    for token in doc[: mention.start]:
        at.setdefault(token.lower_, []).append(token.i)
    best: tuple[tuple[int, int], Entity] | None = None
    called = {entity.index for entity in entities.latest([("head", noun)])}
    for entity in entities.all:
        placed = [o for o in entity.occurrences if o.mention.form == "name" and o.tokens[1] <= mention.start]
        labels = {doc[o.mention.head].ent_type_ for o in placed}
        names = {tuple(normalized(name)) for name in entity.names}
        country = _named_country(entity)
        if noun in COUNTRY_NOUNS:
            if not (country and "GPE" in labels):
                continue
        elif country or not placed or not (labels & _SETTLEMENT_LABELS or entity.index in called):
            continue
        written = [
            i
            for name in names
            if name
            for i in at.get(name[0], [])
            if tuple(t.lower_.rstrip(".") for t in doc[i : i + len(name)]) == name
        ]
        key = (len(written), max(written, default=-1))
        if best is None or key > best[0]:
            best = (key, entity)
    return best[1] if best is not None else None


def _named_country(entity: Entity) -> bool:
    """Whether one of an entity's names is a country's (``_COUNTRY_NAMES``)."""
    return any(" ".join(normalized(name)) in _COUNTRY_NAMES for name in entity.names)


# Longest label, and longest capitalised run after it, read for a name a description's words stood before.
_NAME_RUN = 4
# Words that end a label after "the": the verb it is the subject of, punctuation, a preposition or a clause.
_NOT_LABEL = {"VERB", "AUX", "ADP", "PRON", "SCONJ", "CCONJ", "PART", "PUNCT"}


def _named_after_its_words(doc: Doc, mention: Mention, entities: Entities) -> Entity | None:
    """The named person an earlier sentence wrote the description's words right before, as a title: "beating
    world No 3 Adaeze Okonjo …" then "The world No 3 told reporters" (news19: a source of no kind apart from
    Okonjo, and her next "She said" went to her opponent). News introduces a person with a label before the name
    and repeats the label with "the" for them; such labels parse badly (the small model reads "No 3" as an event,
    or hangs the number apart as a second subject, so the mention may end at "world"), so the words after "the"
    are compared as written, as far as they run before the verb. Only a label of two words or more reaching the
    head, at its latest use, and only the one person whose name follows it: a single head is the role rules'
    (``given_roles``)."""
    label: list[str] = []
    for token in doc[mention.start + 1 : mention.start + 1 + _NAME_RUN]:
        if token.pos_ in _NOT_LABEL:
            break
        label.append(token.lower_)
    for size in range(len(label), 1, -1):
        if mention.start + size < mention.head:
            return None
        words = label[:size]
        for i in range(mention.start - size, -1, -1):
            if [t.lower_ for t in doc[i : i + size]] == words:
                return _person_whose_name_follows(doc, i + size, entities)
    return None


# Nouns for the one who leads a body, and the verbs that say who leads it ("a jury led by …", "chaired by").
_LEADER_NOUNS = {"president", "chair", "chairman", "chairwoman", "chairperson", "head", "leader"}
_LEADING_VERBS = {"lead", "head", "chair"}


def _leader_named(doc: Doc, mention: Mention, entities: Entities) -> Entity | None:
    """The named person the text said leads the body a description's leader noun is of: "a jury led by producer
    Hélène Marchetti" … "The jury president said" (news19: three statements of a source apart from her). Leading a
    body is being its president, chair or head, so "the jury president" is the one the jury is "led by", "headed
    by" or "chaired by"; the text gave her the role only through the verb, which ``given_roles`` does not read.
    Only a leader noun with the body's noun compounded before it, and the body's latest such phrase."""
    head = doc[mention.head]
    if head.lemma_.lower() not in _LEADER_NOUNS:
        return None
    bodies = {t.lemma_.lower() for t in head.lefts if t.dep_ == "compound" and t.pos_ == "NOUN"}
    for token in reversed(doc[: mention.start]):
        if token.lemma_.lower() not in bodies:
            continue
        for verb in token.children:
            if verb.dep_ != "acl" or verb.lemma_.lower() not in _LEADING_VERBS:
                continue
            for agent in (c for c in verb.children if c.dep_ == "agent"):
                for leader in agent.children:
                    named = [_named_person_at(entities, t.i) for t in leader.subtree]
                    found = {id(e): e for e in named if e is not None}
                    if len(found) == 1:
                        return next(iter(found.values()))
    return None


def _person_whose_name_follows(doc: Doc, at: int, entities: Entities) -> Entity | None:
    """The one named person whose name (or its last words) ends the capitalised run of words from ``at`` (or a
    name of no kind yet: a lone surname is undecided until a pronoun or a fuller name settles it)."""
    run: list[str] = []
    for token in doc[at : at + _NAME_RUN]:
        if not (token.is_alpha and token.text[0].isupper()):
            break
        run.append(token.lower_)
    people = [
        e
        for e in entities.all
        if e.kind in {"person", "unknown"}
        and e.occurrences
        and any(0 < len(name) <= len(run) and run[-len(name) :] == [w.lower() for w in name] for name in e.names)
    ]
    return people[0] if len(people) == 1 else None


def _bare_body_noun(doc: Doc, mention: Mention) -> bool:
    """Whether a definite description of a body is a bare "the company", "the newspaper", which news writes for
    the body of that kind it named last. So is one that only says where the body is based ("the Houston-based
    company said" after "Verdanex said"): an epithet giving background, as "the Italian-born filmmaker" does for
    a person, not a second company; it had been a source of its own (news19). Any other modifier may set it
    apart ("the rival company")."""
    if mention.kind not in {"organization", "media"} or mention.end != mention.head + 1:
        return False
    words = doc[mention.start + 1 : mention.head]
    return len(words) == 0 or (
        len(words) >= 3
        and words[-1].lower_ == "based"
        and words[-2].text == "-"
        and all(t.pos_ == "PROPN" for t in words[:-2])
    )


def _gives_age(doc: Doc, mention: Mention) -> bool:
    """Whether a definite description gives its person's age ("the 46-year-old", "the 51-year-old officer").
    The parse may leave the article out of the mention ("Speaking at …, the 46-year-old said"), so the word
    before the age counts as its determiner too."""
    codes = doc_token_codes(doc)
    if not any(is_age_noun(codes, i) for i in range(mention.start, mention.head + 1)):
        return False
    first = doc[mention.start]
    before = doc[mention.start - 1] if mention.start > 0 else None
    return first.lower_ in lexicon.DEFINITE or (
        first.like_num and before is not None and before.lower_ in lexicon.DEFINITE
    )


# Words that give a person's past ("the former nurse", "the ex-minister", "the retired judge"): what someone was,
# not a part they play in the events reported.
BACKGROUND_QUALIFIERS = {"former", "ex", "retired"}


def _definite_of_one_person(doc: Doc, mention: Mention) -> bool:
    """A definite description of one person ("the former nurse", "The actress"): the only kind of mention an
    epithet for a named person can be."""
    return mention.kind == "person" and mention.number == "sing" and doc[mention.start].lower_ in lexicon.DEFINITE


def _gives_background(doc: Doc, mention: Mention) -> bool:
    """Whether a definite description of one person gives their background: a past occupation ("The former
    nurse said", "the former economics professor"), where they were born ("The Italian-born filmmaker") or the
    party or people they belong to ("the Republican said"). Like
    an age (``_gives_age``), such a description is an epithet news writes for someone it has just named and
    quoted, adding what they were or where they come from; the role in it is new, so no earlier head or role
    matches it, and it had been a person of its own (news17). Only where nothing earlier has its head: "the
    former mayor" after "Harper, the former mayor" is Harper by her role."""
    if not _definite_of_one_person(doc, mention):
        return False
    if doc[mention.head].ent_type_ == "NORP":
        return True  # "the Republican", "the Briton": the party or people they belong to
    words = doc[mention.start : mention.head]
    return any(
        t.lower_ in BACKGROUND_QUALIFIERS
        # "the Polish filmmaker", "the Argentine director": where they come from, as "Italian-born" says (news19)
        or (t.ent_type_ == "NORP" and t.pos_ == "ADJ")
        or (t.lower_ == "born" and t.i > 0 and doc[t.i - 1].text == "-")
        for t in words
    )


# Dependents by which a description heading a sentence says more about someone ("The actress, 44, who starred
# in …"): an epithet introducing a named person, not a bare reference; so does a preposition whose object is a
# name ("The chairwoman of Harwood & Lyle"), not one whose object is a pronoun or a common noun ("the vast
# majority of them", on PolNeAR dev, had become the senator quoted before).
_INTRODUCING_DEPS = {"appos", "relcl", "acl"}


def introduces(token: Token) -> bool:
    """Whether a description's first use says more about the person it stands for (``_INTRODUCING_DEPS``)."""
    return any(
        c.dep_ in _INTRODUCING_DEPS
        or (c.dep_ == "prep" and any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in c.children))
        for c in token.children
    )


def _epithet_of_named(doc: Doc, mention: Mention, entities: Entities) -> Entity | None:
    """The named person a definite description of one person stands for when news introduced it as an epithet:
    "Marisa Delacroix has been granted custody … The actress, 44, who starred in …, wept" names her, then calls
    her by what she is, with an age, a relative clause or an "of" phrase saying more; the lede may do it the other
    way round ("The chairwoman of Harwood & Lyle faced down a revolt … Dame Philippa Rourke, who has chaired the
    board since 2019, told"). Every later "the actress" is then that person. No earlier head or role matches such
    a noun, so it had been a person of its own, five times in one article (news17, news18). Only the epithet's
    first use as a subject counts, and only one that says more about the person: a bare "The judge said" after
    "Smith, 34, admitted fraud" is the court's judge, not Smith."""
    if not _definite_of_one_person(doc, mention):
        return None
    head = mention.head_lemma(doc)
    if (
        not is_person_noun(head)
        or head in lexicon.QUANTITY_HEADS  # "the majority", a title's word ("Majority Leader"), counts people
        or any(t.ent_type_ for t in doc[mention.start : mention.end])
    ):
        return None
    first = next(
        (
            t
            for t in doc[: mention.head + 1]
            if t.lemma_.lower() == head
            and t.dep_ in SUBJECT_DEPS
            and any(c.dep_ == "det" and c.lower_ in lexicon.DEFINITE for c in t.children)
        ),
        None,
    )
    if first is None or not introduces(first):
        return None
    sentence = first.sent
    neighbours = [doc[sentence.start - 1].sent] if sentence.start > 0 else []
    if doc.text.count("\n\n", 0, sentence.start_char) <= 1 and sentence.end < len(doc):
        neighbours.append(doc[sentence.end].sent)  # the lede: the name may follow its epithet
    for neighbour in neighbours:
        subjects = [t for t in neighbour if t.head.i == neighbour.root.i and t.i != t.head.i and t.dep_ in SUBJECT_DEPS]
        named = [_named_person_at(entities, t.i) for t in subjects]
        found = next((e for e in named if e is not None and not contradicts(doc, mention, e)), None)
        if found is not None:
            return found
    return None


# Nouns news calls an unnamed source by ("a source close to the producer", "the insider", "a person familiar with
# the matter"), varying them for one source the way it varies a named person's epithets.
ANONYMOUS_HEADS = {"source", "insider", "person"}


def _latest_anonymous_source(doc: Doc, mention: Mention, entities: Entities) -> Entity | None:
    """The unnamed source, introduced by an indefinite anonymous noun, that a definite one with another head refers
    back to: "A source close to the producer said … The insider claimed" is one source, which had been two
    (news18). Only the latest such source of the mention's number, and only if it has no name."""
    spoken = [
        (o.tokens[0], e)
        for e in entities.all
        if not e.names and e.number == mention.number and e.kind == "person"
        for o in e.occurrences
        if o.source
        and o.mention.form == "description"
        and doc[o.mention.start].lower_ in lexicon.INDEFINITE
        and o.mention.head_lemma(doc) in ANONYMOUS_HEADS
    ]
    latest = max(spoken, key=lambda pair: pair[0], default=None)
    return latest[1] if latest is not None else None


def _named_person_at(entities: Entities, token: int) -> Entity | None:
    """The named person whose name holds ``token``, if the text has collected one there."""
    for entity in entities.all:
        if entity.kind == "person" and entity.number == "sing" and entity.names:
            for o in entity.occurrences:
                m = o.mention
                if m.name_start is not None and m.name_end is not None and m.name_start <= token < m.name_end:
                    return entity
    return None


def main_subject(token: Token) -> bool:
    """Whether a mention's head is the subject of its sentence's main verb, a name in apposition to that
    subject's phrase ("His partner, Aileen Dorsey, joined …"), or the agent of a passive main verb ("The
    delegation was led by Professor Ama Boateng"): the agent is the clause's logical subject, the participant
    the passive brings in as the one who acts, and a following "she" continues it as it would the subject."""
    if token.dep_ == "appos":
        token = token.head
        # The parser hangs a name closing a subject phrase on its last noun ("The widow of the crane operator,
        # Katerina Doukas, joined …"), and a hyphenated title on its first part as one more apposition ("Her
        # vice-president for welfare, Grace Oduya, went …": "president" in apposition to "vice"), but news names
        # the phrase's head so.
        while token.dep_ in {"pobj", "prep", "appos"} and token.head is not token:
            token = token.head
    elif token.dep_ == "pobj" and token.head.dep_ == "agent":
        return token.head.head.dep_ == "ROOT"
    return token.dep_ in SUBJECT_DEPS and token.head.dep_ == "ROOT"


def _latest_person_speaker(doc: Doc, mention: Mention, entities: Entities) -> Entity | None:
    """The person who spoke last, outside quotes, named or described, for a definite description that gives an
    age or a background.

    News gives a person's age once, as an epithet for someone it has just quoted ("Brennan said … the 46-year-old
    said"; "Tomas Reiter told … The 62-year-old former ambassador said"): the age and any role with it are new
    information about that person, so no earlier head or role matches them (the head rule finds nothing, and the
    number in them read as a count of people had made each a new source). The speaker must be named or introduced
    unnamed by an indefinite description: the epithet is never for someone only mentioned inside another's words,
    such as a president named in a quote, nor for a pronoun the rules left without an antecedent or a definite
    description ("the president", whom a "He" may have taken before the learned resolver moves it). A speaker the
    text keeps unnamed has epithets too ("A
    cleaner on the surgical wards, who asked not to be named, said … The 54-year-old said"): only the named
    speaker had counted, and the cleaner's statement went to the union organiser quoted a paragraph before (who28).
    A named person the sentence just before made its topic, the subject of its main clause, counts as a speaker
    there: "The head coach, Rob Tindall, backed the selectors. Speaking at the announcement, the Australian said"
    adds to what the text has just said about Tindall, and the epithet had gone to the agent quoted two paragraphs
    up (news29), as had the coach's three "he said" after it. Never a person the epithet contradicts ("The
    Ukrainian minister" is not "Russian Foreign Minister Ivan Sokolov", the topic before it: ``contradicts``).
    Occurrences are attached in text order, so every attached one is earlier."""
    start = doc[mention.start].sent.start
    before = doc[start - 1].sent if start > 0 else None
    spoken = [
        (o.tokens[0], e)
        for e in entities.all
        if e.kind == "person"
        and e.number == "sing"
        and (e.names or _introduced_unnamed(doc, e))
        and not contradicts(doc, mention, e)
        for o in e.occurrences
        if o.quote is None
        and (
            o.source
            or (
                before is not None
                and e.names
                and before.start <= o.mention.head < before.end
                and main_subject(doc[o.mention.head])
            )
        )
    ]
    latest = max(spoken, key=lambda pair: pair[0], default=None)
    return latest[1] if latest is not None else None


def _named_people(entities: Entities) -> list[Entity]:
    return [e for e in entities.all if e.kind == "person" and e.number == "sing" and e.names and e.occurrences]


def _sole_named_person(entities: Entities) -> Entity | None:
    """The one person named so far, for an age epithet before anyone named has spoken: the story's subject
    ("Tavita Fonoti will retire, the club announced. The 34-year-old lock said"); no one where two are named.
    Only for an age, which adds to what is known of the person; an epithet of affiliation may set its bearer
    apart ("The Ukrainian minister" after "Russian Foreign Minister Ivan Sokolov")."""
    named = _named_people(entities)
    return named[0] if len(named) == 1 else None


def _introduced_unnamed(doc: Doc, entity: Entity) -> bool:
    """Whether an entity with no name was introduced as a source by an indefinite description ("A cleaner on the
    surgical wards … said")."""
    first = entity.occurrences[0] if entity.occurrences else None
    return (
        first is not None
        and first.source
        and first.mention.form == "description"
        and doc[first.mention.start].lower_ in lexicon.INDEFINITE
    )


def _latest_naming(doc: Doc, entity: Entity) -> int:
    """Where an entity was last named other than as a possessor, for a bare "the union" looking back: "The
    Communications Workers of America, which has tried to organise *Nimbara's* staff, called … The union said" is
    the union; the owner of something named in passing is not what the article is about. An entity named only
    as a possessor ("Acme's chief executive said") counts where it was last named."""
    named = [o.tokens[0] for o in entity.occurrences if doc[o.mention.head].dep_ != "poss"]
    return named[-1] if named else entity.occurrences[-1].tokens[0]


# How many sentences before a bare "the company" a name the tagger alone made a person may have been named in.
_BODY_TAGGED_A_PERSON_SENTENCES = 2


def _body_tagged_a_person(doc: Doc, mention: Mention, entity: Entity) -> bool:
    """Whether a bare body description ("the company") may be an entity the small model tagged a person: named only
    by names of two words or more with no first name of the lists in them, given no gender, no role and no
    "he"/"she", named in the description's sentence or the two before and called "it" or "its" since
    (``_neuter_reference``). The small model tags unfamiliar two-word brands as people ("Hallowby Metrolink said it
    was disappointed. In a statement, the company said", "Brightlane Live, the promoter behind the event, said …
    the company said"), and with no first name, gender or role the tag is all that says "person"; news continues a
    body's statement with "the company", which had gone to the union or the place named before (who25). A lone
    word is most often a surname and stays a person's."""
    if not (entity.kind == "person" and entity.gender is None and not entity.roles and entity.number == "sing"):
        return False
    if any(o.mention.form != "name" for o in entity.occurrences):
        return False
    if any(len(name) < 2 or any(is_first_name(word) for word in name) for name in entity.names):
        return False
    sentence = doc[mention.head].sent
    for _ in range(_BODY_TAGGED_A_PERSON_SENTENCES):
        if sentence.start == 0:
            break
        sentence = doc[sentence.start - 1].sent
    named = [o.tokens[0] for o in entity.occurrences if sentence.start <= o.tokens[0] < mention.start]
    return bool(named) and any(_neuter_reference(token) for token in doc[named[-1] : mention.start])


def _neuter_reference(token: Token) -> bool:
    """Whether a token is an "its", or an "it" that is a subject and no placeholder for a clause ("it was
    impossible to go ahead", "it is likely that"): what the text calls "it" between a name and "the company" is a
    body, where a person's name with no "it" after it keeps the tagger's "person" ("Workers were angry, Okwudili
    Nnamdi said. The company said" is the company named before)."""
    if token.lower_ == "its":
        return True
    if token.lower_ != "it" or token.dep_ not in SUBJECT_DEPS:
        return False
    verb = token.head
    return not (
        verb.lemma_ == "be" and any(child.dep_ in {"ccomp", "xcomp"} and child.i > verb.i for child in verb.children)
    )


def _last_speaker_among(bearers: list[Entity], entities: Entities) -> list[Entity]:
    """The bearer of a role that spoke last so far, if the last source before the description is one of them:
    news repeats the role of the person it is quoting ('Councillor Lee said … He said … "…," the councillor
    said'), so where two people share the role, the one the paragraph is quoting is meant; a speaker inside a
    quote is the quoted person's world, not the article's. Occurrences are attached in text order, so every
    attached one is earlier."""
    spoken = [(o.tokens[0], e) for e in entities.all for o in e.occurrences if o.source and o.quote is None]
    last = max(spoken, key=lambda pair: pair[0], default=None)
    return [last[1]] if last is not None and any(last[1] is e for e in bearers) else []


def _kinds_agree(doc: Doc, mention: Mention, entity: Entity) -> bool:
    """Whether a description may be an entity by kind: a description of people ("the chairman", "the
    actress") is not an organisation, a government or a medium, nor a description of one of those a person —
    unless the text itself gave the entity that role, which outweighs the small model's tag ("Łódź, tagged a
    person, is Poland's third biggest city" ... "the city"); on PolNeAR dev "the network" had joined "Dish
    Network" tagged a person, and a later "she" followed it there."""
    people = {"person", "group"}
    if mention.kind not in people | BODY_KINDS or entity.kind not in people | BODY_KINDS:
        return True
    head = mention.head_lemma(doc)
    return (mention.kind in people) == (entity.kind in people) or any(head in role_words(doc[i]) for i in entity.roles)


def _described_so(doc: Doc, head: str, entity: Entity) -> bool:
    """Whether the text already called an entity by a definite description with this head: "the president"
    again continues the participant the text has been calling "the president", whoever else bears the title
    (on PolNeAR dev, a video caption "President Obama Speech" the tagger made a name of its own)."""
    return any(
        o.mention.form == "description"
        and doc[o.mention.start].lower_ in lexicon.DEFINITE
        and o.mention.head_lemma(doc) == head
        for o in entity.occurrences
    )


def _role_bearers(doc: Doc, mention: Mention, entities: list[Entity]) -> tuple[list[Entity], bool]:
    """The named entities among ``entities`` the text gave a role a definite description repeats
    (``given_roles``; "the former mayor" after "Harper, the former mayor of Springfield"), narrowed, when
    several bear it, to the one whose role says all the description says ("the former mayor" is Harper, not
    "Mayor Ann Lee"); and whether it was so narrowed."""
    head = mention.head_lemma(doc)
    said = {t.lemma_.lower() for t in doc[mention.start : mention.head] if t.pos_ in {"ADJ", "NOUN", "PROPN"}}
    bearers: list[tuple[Entity, bool]] = []
    for entity in entities:
        roles = [doc[i] for i in entity.roles if head in role_words(doc[i])]
        if entity.names and roles:
            saying_all = any(said <= {t.lemma_.lower() for t in _phrase(role)} for role in roles)
            bearers.append((entity, saying_all))
    if len(bearers) > 1 and sum(saying_all for _, saying_all in bearers) == 1:
        return [entity for entity, saying_all in bearers if saying_all], True
    return [entity for entity, _ in bearers], False


# Qualifiers that place a role in time, and contradict each other: "the former mayor" is not "the current one".
PAST_QUALIFIERS = {"former", "ex", "retired", "outgoing", "then"}

PRESENT_QUALIFIERS = {"current", "incumbent", "sitting", "present"}

# Modifiers that make an office another one: "Vice President Pence" is not "the president", nor "the deputy
# minister" the minister.
LESSER_OFFICES = {"vice", "deputy", "assistant", "associate", "lieutenant", "under"}


def contradicts(doc: Doc, mention: Mention, entity: Entity) -> bool:
    """Whether a definite description cannot be an entity by what the text says of both: they name different
    peoples or places ("the Democratic nominee" is not "Lena Fischer, the Republican nominee", "the Ukrainian
    minister" not "Russian Foreign Minister Ivan Sokolov", "the Ohio senator" not "Senator Lisa Brenner of
    Iowa": each side must name one, and none in common), or every role the text gave the entity with the
    description's head says another time or office ("the former mayor" is not "Ann Lee, the current mayor",
    nor "Mayor Ann Lee"; "the president" not "Vice President Mike Pence"), or a settlement noun names a country
    ("the city" is not France: ``SETTLEMENT_NOUNS``)."""
    own = _phrase(doc[mention.head])
    theirs: list[Token] = []
    for occurrence in entity.occurrences:
        theirs += _phrase(doc[occurrence.mention.head])
        head = doc[occurrence.mention.head]
        for child in head.children:
            if child.dep_ == "appos":
                theirs += list(child.subtree)
    theirs += [t for i in entity.roles for t in _phrase(doc[i])]
    for labels in ({"NORP"}, {"GPE"}):
        named, named_theirs = _entity_words(own, labels), _entity_words(theirs, labels)
        if named and named_theirs and not named & named_theirs:
            return True
    lemma = mention.head_lemma(doc)
    if _of_another_kind(doc, mention, entity) or (lemma in SETTLEMENT_NOUNS and _named_country(entity)):
        return True
    roles = [_role_phrase(doc[i]) for i in entity.roles if lemma in role_words(doc[i])]
    return bool(roles) and all(_other_time_or_office(own, role, title) for role, title in roles)


def kind_of_body(doc: Doc, mention: Mention) -> str | None:
    """The kind of body a definite description names by its head (``lexicon.KINDS_OF_BODY``: "the union", "the
    district council"), None for any other mention."""
    if mention.form != "description" or doc[mention.start].lower_ not in lexicon.DEFINITE:
        return None
    return lexicon.KINDS_OF_BODY.get(mention.head_lemma(doc))


def kinds_of(doc: Doc, entity: Entity) -> set[str]:
    """The kinds of body the words of an entity's names, the heads of what the text called it and the roles it gave
    it say it is ("Civic Union": a union; "the drugmaker Ravensworth": a company), with a noun compounded with a
    role ("the *campaign* group River Keepers"): a head said of bodies of many kinds ("group") takes its kind
    from the noun before it, and a campaign group is no company."""
    words = {word for name in entity.names for word in _kind_words(normalized(name))} | entity.heads
    words |= {
        child.lemma_.lower()
        for i in entity.roles
        for child in doc[i].children
        if child.dep_ == "compound" and child.pos_ == "NOUN"
    }
    return {kind for word in words if (kind := lexicon.KINDS_OF_BODY.get(word)) is not None}


# The words that open a name's part after its head: "of" and its kin ("Federation of Zoos") and "for" ("Consumer
# Council for Water").
_NAME_PART_WORDS = lexicon.NAME_PREPOSITIONS | {"for"}


def _kind_words(name: list[str]) -> list[str]:
    """The words of a body's name that say its kind: its head alone where the head is a kind of body, else all
    its words. An English name's head is its last word before an "of" or "for" part ("Federation of Zoos",
    "Consumer Council for Water") or else its last word, and the head says what the body is; a modifier before
    it, or the "of" part, names the field it works in or whom it serves. The "Police Federation" is an
    association of officers and no police force, the "Federation of Zoos" no zoo: read by all their words, a
    later "The force said" joined the federation named in the next sentence, not the force (news29). Where the
    head says no kind ("Metropolitan Police Service", "Tamar Water"), the other words are all the text gives."""
    cut = next((i for i, word in enumerate(name) if i and word in _NAME_PART_WORDS), len(name))
    head = name[cut - 1] if cut else None
    return [head] if head in lexicon.KINDS_OF_BODY else name


def _of_another_kind(doc: Doc, mention: Mention, entity: Entity) -> bool:
    """Whether a definite description names a kind of body (``lexicon.KINDS_OF_BODY``: "the union", "the
    watchdog", "the district council") that the entity is not: the words of its names, the heads of what the text
    called it and the roles it gave it say another kind ("Civic Union", a party, is no "electoral commission";
    "the drugmaker Ravensworth Pharmaceuticals" no "watchdog"; "Thames Valley Police" no "philosophy society"), or
    say no kind at all while the description says more than its kind and the entity does not act in the text
    ("the district council" is not "VAT", named as what someone wants cut).
    News names a body by what it is; a bare kind noun is also its short form for a body known by a brand or an
    acronym ("Ofcom … the regulator said", "Unite … the union"), but not for one of another kind. Without this
    the rules' "latest named body" and the learned resolver's best body sent such descriptions to the nearest or
    most mentioned other body, often the other side (issue 10)."""
    kind = kind_of_body(doc, mention)
    if kind is None:
        return False
    kinds = kinds_of(doc, entity)
    if kind in kinds:
        return False
    bare = mention.end == mention.head + 1 and mention.head == mention.start + 1
    # A description saying more than its kind ("The homeware retailer, which has 180 shops") is news's epithet for
    # the body the text is about, one that acts in it (a subject or a speaker) or that it names again and again
    # ("Northfield Living has apologised", the name cut by the tagger to a modifier), not for a name met once in
    # passing ("cut VAT on tickets").
    named = sum(o.mention.form == "name" for o in entity.occurrences)
    acts = named > 1 or any(o.subject or o.source for o in entity.occurrences)
    return bool(kinds) or not (bare or acts)


def _role_phrase(role: Token) -> tuple[list[Token], bool]:
    """A role's words, and whether it is a title written before a name ("Mayor Ann Lee"): a title's words reach
    back to the first word of the name's phrase, since a qualifier may hang on the name instead ("Former Mayor
    Ann Lee" parsed with "Former" on "Lee")."""
    if role.dep_ == "compound" and role.head.pos_ == "PROPN" and role.i < role.head.i:
        return list(role.doc[role.head.left_edge.i : role.i + 1]), True
    return _phrase(role), False


def _phrase(head: Token) -> list[Token]:
    """The words a noun phrase describes its participant with: what is written before its head ("Russian
    Foreign Minister Ivan Sokolov"), the head, and what an "of", "for" or "from" after it says ("the mayor of
    Springfield", "Sanders of Vermont")."""
    words = list(head.doc[head.left_edge.i : head.i + 1])
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "for", "from"}:
            words += list(child.subtree)
    return words


def _entity_words(tokens: list[Token], labels: set[str]) -> set[str]:
    return {t.lower_ for t in tokens if t.ent_type_ in labels}


def _other_time_or_office(description: list[Token], role: list[Token], title: bool) -> bool:
    """Whether a description and a role say different times ("former" / "current") or offices ("vice")."""
    said = {t.lower_ for t in description}
    given = {t.lower_ for t in role}
    # A title written before a name is the office held now: news writes a past holder "former Mayor Ann Lee",
    # so "Mayor Ann Lee" is not "the former mayor".
    now = bool(given & PRESENT_QUALIFIERS) or (title and not given & PAST_QUALIFIERS)
    past = bool(said & PAST_QUALIFIERS) and now
    present = bool(said & PRESENT_QUALIFIERS) and bool(given & PAST_QUALIFIERS)
    return past or present or (said & LESSER_OFFICES) != (given & LESSER_OFFICES)


# The longest byline read: "By Ines Barrow, Technology Reporter", "By Tom Ashby, Political Editor, in Brussels".
BYLINE_WORDS = 12
_BY = get_string_id("by")
_VERBS = {VERB, AUX}


def heads_the_story(doc: Doc, codes: TokenCodes, start: int, end: int) -> bool:
    """Whether a name (tokens ``start:end``) stands in what heads a story rather than in it: a wire dateline
    opening a paragraph ("PORTO SALVE, Nov 30 (Northwire) - Supporters of …", as ``mentions`` reads it past) or a
    byline, a line opening with "By" and a name that has no verb ("By Ines Barrow, Technology Reporter"). The
    place a story was filed from and the reporter who filed it are no participants: the small model tags the
    dateline a person or a body and the reporter an organisation, and each had taken a pronoun or a description
    of someone in the story ("he declared himself the winner" went to the dateline, "The company says" to the
    reporter; news23)."""
    first = start - 1 if start > 0 and codes.lower[start - 1] == _BY else start
    if first > 0 and not codes.breaks[first - 1]:
        return False  # not a line's first word
    if first < start:
        line_end = next((i for i in range(end, min(len(doc), end + BYLINE_WORDS)) if codes.breaks[i]), None)
        return line_end is not None and not any(codes.pos[i] in _VERBS for i in range(first, line_end))
    # A heading in capitals before a dash has a verb ("CONGRESS HAS INVESTIGATED HIM — …", PolNeAR dev); a
    # dateline has none, as ``find.layouts`` reads it.
    past = past_dateline(codes, first, len(doc))
    return past >= end and not any(codes.pos[i] in _VERBS for i in range(first, past))
