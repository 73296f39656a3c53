"""Source profiles: who each source is, as the article describes it.

Reads the entities ``resolve.speakers`` left on the doc (``annotations.ENTITIES``) and writes
``annotations.SOURCES``: one ``model.Source`` per source and the source each attribution cites. Everything comes
from the words of the mentions' noun phrases: "two former senior Russian officials" gives count 2, qualifiers [former,
senior], affiliation Russia; "Putin's spokesman Dmitry Peskov" gives role spokesman and role_of Putin's source
(created even if Putin is only mentioned, so the link has somewhere to point).
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from .. import lexicon
from ..annotations import ENTITIES, SOURCES, doc_token_codes
from ..clauses import SUBJECT_DEPS, entity_span
from ..model import Source, SourceKind
from ..number_words import CARDINALS
from ..parse.word_classes import only_adjective, unknown_word
from ..pipes import AnnotatingPipe, component_factory
from ..records import EntityRecord, MentionRecord, SourceRecords
from ..resolve.mentions import TITLE_WORDS, Mention, is_age_noun, joined_word_start, read_source

# Demonyms, party words and other names of places, as an affiliation is shown: "Russian officials" -> Russia,
# "U.S. officials" -> US.
PLACES = {**lexicon.AFFILIATION_ADJECTIVES, **lexicon.PLACE_NAMES}
# Nouns that make a description's head a role ("a spokesman", "the president", "Trump's lawyer"); other heads
# ("an official", "voters", and whatever an extractor mistakes for a source) give none.
ROLE_NOUNS = lexicon.TITLES | lexicon.ROLE_NOUNS
# Counts of sources: the cardinals, and the words news uses for one or two of them.
NUMBER_WORDS = {**CARDINALS, **lexicon.COUNT_WORDS}


@dataclass
class Profile:
    """What one mention's noun phrase says about its source."""

    count: int | None = None
    qualifiers: list[str] | None = None
    affiliation: str | None = None
    role: str | None = None
    role_of: tuple[int, int] | None = None  # tokens of the name the role is relative to ("Putin's")


class SourcesPipe(AnnotatingPipe[SourceRecords]):
    """Turn resolved entities into source profiles and link every attribution to its source."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def predict(self, doc: Doc) -> SourceRecords:
        return describe_sources(doc)

    def set_annotations(self, doc: Doc, prediction: SourceRecords) -> None:
        SOURCES.set(doc, prediction)


@component_factory(
    "accordingto_sources",
    assigns=[SOURCES.attr],
    requires=[ENTITIES.attr, "token.dep", "token.head", "token.lemma", "token.tag", "doc.ents"],
)
def make_sources(nlp: Language, name: str) -> SourcesPipe:
    return SourcesPipe(nlp, name)


def describe_sources(doc: Doc) -> SourceRecords:
    """The profiles of every speaker entity (plus entities a role points at), in order of first mention, with
    ids s1, s2, ..., and the source of each attribution."""
    entities = ENTITIES.require(doc)
    by_id = {entity.id: entity for entity in entities}
    # Names collected outside source spans: what a possessive ("Putin's spokesman") can point at.
    by_token = {
        token: entity.id
        for entity in entities
        for mention in entity.mentions
        for token in range(*mention.tokens)
        if mention.form == "name" and not mention.source
    }
    drafts: dict[str, tuple[Source, list[str]]] = {}
    pointers: dict[str, tuple[int, int]] = {}
    queue = deque(entity for entity in entities if entity.speaker)
    while queue:
        entity = queue.popleft()
        if entity.id in drafts:
            continue
        draft, role_of = _draft(doc, entity)
        drafts[entity.id] = (draft, entity.attributions if entity.speaker else [])
        if role_of is None:
            continue
        pointers[entity.id] = role_of
        target = next((by_token[t] for t in range(*role_of) if t in by_token), None)
        if target is None:
            # The possessor was never collected as an entity (a name spaCy did not tag): profile it alone.
            target = f"role_of:{entity.id}"
            queue.append(EntityRecord(id=target, speaker=False, kind="unknown", mentions=[_name_mention(doc, role_of)]))
            by_token.update(dict.fromkeys(range(*role_of), target))
        elif target in by_id:
            queue.append(by_id[target])
    ordered = sorted(drafts.items(), key=lambda item: item[1][0].mentions[0][0][0])
    ids = {entity_id: f"s{n}" for n, (entity_id, _) in enumerate(ordered, start=1)}
    records = SourceRecords()
    for entity_id, (source, attributions) in ordered:
        pointer = pointers.get(entity_id)
        target = next((by_token[t] for t in range(*pointer) if t in by_token), None) if pointer else None
        source.id = ids[entity_id]
        source.role_of = ids.get(target) if target and target != entity_id else None
        records.sources.append(source)
        records.by_attribution.update(dict.fromkeys(attributions, source.id))
    return records


def _name_mention(doc: Doc, tokens: tuple[int, int]) -> MentionRecord:
    span = doc[tokens[0] : tokens[1]]
    return MentionRecord(ranges=[(span.start_char, span.end_char)], tokens=tokens, form="name", source=False)


def _name_size(doc: Doc, mention: Mention) -> tuple[int, int]:
    """How full a name is: its words, less a title or honorific the name reader kept before it ("Captain
    Solberg-Hale", "Dr Thackeray", where the small model tagged the name a body's), then its length. A title is
    no part of who the person is, so "Annika Solberg-Hale" is fuller than "Captain Solberg-Hale", which has as
    many words."""
    start, end = mention.name_start or 0, mention.name_end or 0
    titled = end - start > 1 and doc[start].lower_ in TITLE_WORDS
    return end - start - titled, len(mention.name(doc) or "")


def _draft(doc: Doc, entity: EntityRecord) -> tuple[Source, tuple[int, int] | None]:
    """One source's profile from all its mentions (its id and ``role_of`` are set once every source is known);
    also the tokens its role is relative to, if any."""
    read: list[tuple[MentionRecord, Mention]] = []
    for record in entity.mentions:
        mention = read_source(doc, *record.tokens)
        if mention is not None:
            read.append((record, mention))
    nominal = [(r, m) for r, m in read if m.form != "pronoun"]
    names = [m for _, m in nominal if m.form == "name"]
    fullest = max(names, key=lambda m: _name_size(doc, m), default=None)
    # The fullest description: the longest noun phrase written as a source with the fullest name in it ("Putin's
    # spokesman Dmitry Peskov"); a name met elsewhere (the possessive "Melania Trump's") only when no source
    # mention carries it; a document the source spoke through ("the footage" of "footage from Scott's wife") only
    # when nothing else describes it; an age used as an epithet ("The 54-year-old, a grandmother of four") not
    # where the text introduced the person by an indefinite description ("A cleaner on the surgical wards"): the
    # epithet calls them back, and says their age, not who they are.
    codes = doc_token_codes(doc)
    introduced = any(doc[m.start].lower_ in lexicon.INDEFINITE for _, m in nominal if m.form == "description")
    best = max(
        nominal,
        key=lambda rm: (
            fullest is None or rm[1].name(doc) == fullest.name(doc),
            rm[1].kind != "document",
            not (introduced and any(is_age_noun(codes, i) for i in range(rm[1].start, rm[1].head + 1))),
            rm[0].source,
            rm[1].end - rm[1].start,
        ),
        default=None,
    )
    # The fullest mention speaks first; the others fill in what it leaves out.
    ordered = ([best] if best else []) + [rm for rm in nominal if rm is not best]
    profiles = [_profile(doc, m) for _, m in ordered]
    if best is None:
        pronoun = read[0][1] if read else None
        text = doc[pronoun.start : pronoun.end].text if pronoun else ""
        kind: SourceKind = pronoun.kind if pronoun else "unknown"
        return _source(text, kind, False, text, Profile(), entity), None
    mention = best[1]
    description = doc[mention.start : mention.end].text
    if fullest is not None:
        name = fullest.name(doc) or description
        # The kind most of its names give (one mis-tagged or coordinated mention does not decide); what the
        # resolver learned (a pronoun "he" made a lone surname a person) beats an undecided name.
        votes = Counter(
            m.kind
            for m in names
            if m.kind != "unknown"
            and not _tagged_person_of_body(m, entity)
            and not _surname_tagged_place(doc, m, entity)
            and not _surname_in_capitals(doc, m, names)
        )
        kind = votes.most_common(1)[0][0] if votes else entity.kind
        named = True
    else:
        name = _bare(doc, mention)
        kind = mention.kind
        named = False
        elided = _elided_noun(doc, mention)
        if elided is not None:
            # "Another said", "One said": the noun is the one the text just gave ("another former minister");
            # "Both said": the two of them.
            name, kind = elided, "group" if doc[mention.head].lower_ == "both" else "person"
    qualifiers: list[str] = []
    # A named person is one person; a named organisation or group is not counted.
    count = (1 if kind == "person" else None) if named else profiles[0].count
    merged = Profile(qualifiers=qualifiers, count=count)
    for profile in profiles:
        merged.affiliation = merged.affiliation or profile.affiliation
        merged.role = merged.role or profile.role
        merged.role_of = merged.role_of or profile.role_of
        qualifiers.extend(q for q in profile.qualifiers or [] if q not in qualifiers)
    return _source(name, kind, named, description, merged, entity), merged.role_of


def _tagged_person_of_body(mention: Mention, entity: EntityRecord) -> bool:
    """Whether a name is a person's only by the tagger's say (no gender from a first name, honorific or pronoun)
    in an entity the rules made an organisation ("Budget airline Skyreach" … "Skyreach denied", tagged a
    person): the text's own "airline" decides, not how often the small model tagged the word."""
    return mention.genderless_person and entity.kind == "organization"


def _surname_tagged_place(doc: Doc, mention: Mention, entity: EntityRecord) -> bool:
    """Whether a one-word name tagged a place is the surname of a person the rules resolved it to ("Justice
    Frank Nervo" … "Nervo said", "Nervo" tagged a place twice): the resolution says a person, and the tagger's
    places must not outvote the full name (``speakers._surname_read_as_place``, news13)."""
    return mention.kind == "government" and entity.kind == "person" and len(mention.name_tokens(doc)) == 1


def _surname_in_capitals(doc: Doc, mention: Mention, names: list[Mention]) -> bool:
    """Whether a one-word name in capitals tagged an organisation is the surname of a person named in full among
    the entity's names: a transcript's speaker label ("LECKFORD: Will you meet them?", tagged ORG at each of his
    turns) or a headline in capitals, which the small model, trained on text in mixed case, reads as it reads an
    acronym. The full name says it was a surname; the labels had outvoted it, and the interviewer was listed as an
    organisation (news20's transcript)."""
    words = mention.name_tokens(doc)
    if mention.kind != "organization" or len(words) != 1 or not words[0].isupper():
        return False
    return any(
        m.kind == "person" and len(full := m.name_tokens(doc)) > 1 and full[-1].lower() == words[0].lower()
        for m in names
    )


def _source(
    name: str, kind: SourceKind, named: bool, description: str, profile: Profile, entity: EntityRecord
) -> Source:
    return Source(
        id="",
        name=name,
        kind=kind,
        named=named,
        description=description,
        count=profile.count,
        qualifiers=profile.qualifiers or [],
        affiliation=profile.affiliation,
        role=profile.role,
        role_of=None,
        mentions=[mention.ranges for mention in entity.mentions],
    )


# Entity labels of a word that keeps its capital opening a description: a person's or a body's name ("Ferrante's
# team"), not a people's adjective ("Central European leaders" is "central European leaders" mid-sentence).
_NAMED_ONES = frozenset({"PERSON", "ORG"})


def _bare(doc: Doc, mention: Mention) -> str:
    """An anonymous source's name: its description without determiners and counts ("Some US officials" → "US
    officials"; "two former senior Russian officials" → "former senior Russian officials")."""
    # A share keeps its numbers: "59 percent of voters", "six in 10 voters" say how many as a part of a whole.
    start = _bare_start(doc, mention.start, mention.head, _is_share(doc, mention))
    end = mention.end
    apposed = _set_off_description(doc, mention)
    if apposed is not None and _renames(doc, mention.head, apposed):
        # "The group's organiser, a walking club based in Rathmines": a description set off by commas renames its
        # head and says which one it is; the name is one description, not two glued with their comma.
        start = _bare_start(doc, doc[apposed].left_edge.i, apposed, share=False)
    elif apposed is not None:
        # "Residents of Kessara, the highland capital where …", "The chairwoman of Harwood & Lyle, the Sheffield
        # cutlery group": an apposition that cannot rename the head describes a word inside the phrase (the place,
        # the company), and the name ends before its comma.
        end = next(t.i for t in doc[mention.head : apposed] if t.text == ",")
    name = doc[start:end].text
    # "Former Russian officials" opening a sentence is "former Russian officials" in the middle of one. A word with
    # a capital after its first letter keeps its case wherever it stands ("MPs", "NGOs": it had been "mPs", news20).
    # Nor does a word the tagger put in a name ("Ferrante's team declined", "Ferrante" tagged a person but a noun by
    # the parser, had been "ferrante's team", news21).
    first = doc[start].text
    if (
        doc[start].is_sent_start
        and doc[start].pos_ != "PROPN"
        and doc[start].ent_type_ not in _NAMED_ONES
        and not any(c.isupper() for c in first[1:])
    ):
        name = name[:1].lower() + name[1:]
    return name


# Words that stand for a noun phrase whose noun they leave out ("Another said", "One said", "Both denied it"):
# each picks out one more member, or both members, of a set the text just named.
_ELLIPTICAL = frozenset({"another", "one", "both"})
# Modifiers that count or set apart the members of the set rather than describe them: "other investigators",
# "your own backbenchers", "more workers" give "another investigator", not "another other investigator".
_NOT_DESCRIBING = lexicon.INDEFINITE | {"own", "more", "most", "such"}
# How many sentences back, besides its own, the left-out noun is looked for: the text gives it right before.
_ELIDED_REACH = 2


def _elided_noun(doc: Doc, mention: Mention) -> str | None:
    """The name of a source written as a lone "Another" or "One" ("Fans were quick to react. One wrote …", "One
    former minister … said … Another said …"): English leaves out the noun such a word picks a member of when the
    text has just given it, so the source is one of the people the nearest noun before it names. For "another", the
    nearest "one <noun>" first (the pair "one … another" picks two members of one set: "colleagues" named between
    does not make the second a colleague); else the nearest plural or counted subject ("Listeners were divided",
    "Two diplomats … said"). Shown as that noun in the singular with its modifiers ("another former minister",
    "fan": "One" loses its count, as "One diplomat" is shown "diplomat"); a bare "another" or "one" as a display
    name said nothing of who spoke (news23). None when the mention is no such word or no such noun is near."""
    word = doc[mention.head]
    # "One of them" names its set by a pronoun, which the display cannot show: the set is the noun the text just
    # gave, as for a lone "One" ("Two people with knowledge of the deal said … One of them said" is one of the
    # people with knowledge of the deal).
    partitive = (
        mention.end - mention.start == 3
        and word.i == mention.start
        and word.lower_ == "one"
        and doc[mention.start + 1].lower_ == "of"
        and doc[mention.start + 2].lower_ == "them"
    )
    if not partitive and (mention.end - mention.start != 1 or word.lower_ not in _ELLIPTICAL or word.pos_ == "NOUN"):
        return None
    sentence = word.sent
    for _ in range(_ELIDED_REACH):
        if sentence.start == 0:
            break
        sentence = doc[sentence.start - 1].sent
    # The set is what a clause before is about: a subject ("Your own backbenchers are unhappy. One told me …"; not
    # "the industry needed 50,000 more workers" between), a noun of people by the lexicon or not.
    nouns = [
        token
        for token in reversed(doc[sentence.start : mention.start])
        if token.pos_ == "NOUN" and token.dep_ in SUBJECT_DEPS
    ]
    paired = [noun for noun in nouns if any(child.lower_ == "one" for child in noun.lefts)]
    counted = [noun for noun in nouns if noun.tag_ == "NNS" or any(child.dep_ == "nummod" for child in noun.lefts)]
    if word.lower_ == "both":
        # "Both" takes up the whole of a set of two, so its noun is plural, and the nearest "both <noun>" first
        # ("both sides had used … Both have denied it"); a plural coordinated with another party ("Two unions and
        # the employers met. Both said …") is not the pair: the coordination is, which no noun names.
        plural = [noun for noun in nouns if noun.tag_ == "NNS" and not any(c.dep_ == "conj" for c in noun.rights)]
        paired = [noun for noun in plural if any(child.lower_ == "both" for child in noun.lefts)]
        noun = next(iter(paired + plural), None)
    else:
        noun = next(iter((paired if word.lower_ == "another" else []) + counted), None)
    if noun is None:
        return None
    start = noun.i
    while (
        start > sentence.start
        and doc[start - 1].dep_ in ("amod", "compound")
        and doc[start - 1].head == noun
        and doc[start - 1].lower_ not in _NOT_DESCRIBING
    ):
        start -= 1
    if partitive:
        # The set's phrase with what says who its members are ("people with knowledge of the deal", "people
        # familiar with the matter"), not a clause or an apposition on it.
        end = max([noun.i, *(c.right_edge.i for c in noun.rights if c.dep_ in ("prep", "amod"))]) + 1
        phrase = doc[start:end].text
    else:
        phrase = doc[start : noun.i].text_with_ws + (noun.text if word.lower_ == "both" else _singular(noun))
    if doc[start].is_sent_start and doc[start].pos_ != "PROPN":
        phrase = phrase[:1].lower() + phrase[1:]
    if partitive:
        return f"one of the {phrase}"
    return f"{word.lower_} {phrase}" if word.lower_ in ("another", "both") else phrase


def _singular(noun: Token) -> str:
    """A noun of people as written, in the singular: its lemma is in American spelling (``parse.spelling``), and a
    British "councillors" is shown "councillor", not "councilor"; irregular plurals ("women") take the lemma."""
    text = noun.text
    if noun.tag_ != "NNS":
        return text
    lower = text.lower()
    if lower.endswith("ies"):
        return text[:-3] + "y"
    if lower.endswith(("ches", "shes", "sses", "xes")):
        return text[:-2]
    return text[:-1] if lower.endswith("s") else noun.lemma_


# Possessive pronouns of a third party: what they point at is in the text around the mention, not in the name.
_THIRD_PERSON_POSSESSIVES = frozenset({"its", "his", "her", "their"})


def _set_off_description(doc: Doc, mention: Mention) -> int | None:
    """The head of a description a common noun has in apposition after a comma ("the group's organiser, a walking
    club"), itself a common noun (a name in apposition is the source's name, read as one, and a name the rules
    could not read is left as written) or a superlative after "the", which heads a noun phrase whose noun it leaves
    out ("Tenants in Wexcombe Tower, the tallest of the blocks": the tallest block, which had been glued onto the
    tenants' name); None without one."""
    appos = mention.appos
    if appos is None or not mention.head < appos < mention.end:
        return None
    if doc[appos].pos_ != "NOUN" and not _superlative_phrase(doc[appos]):
        return None
    if doc[mention.head].pos_ != "NOUN":
        return None
    if doc[appos].ent_type_ or not any(t.text == "," for t in doc[mention.head : doc[appos].left_edge.i]):
        return None
    return appos


def _superlative_phrase(word: Token) -> bool:
    """Whether ``word`` is a superlative adjective with "the" before it ("the tallest", "the oldest of them"): a noun
    phrase whose noun is the one the text just gave."""
    return word.tag_ == "JJS" and any(child.lower_ == "the" for child in word.lefts)


def _renames(doc: Doc, head: int, apposed: int) -> bool:
    """Whether a description in apposition renames the head: an apposition follows the noun it renames, so the head
    is the last word before its comma (after an "of" part the nearer noun is the one described: "the chairwoman of
    Harwood & Lyle, the cutlery group" describes the firm, however the parser hangs it), and it has the head's
    number (an apposition says the same thing again: "residents …, the highland capital" is the place's). Nor when
    the head is a word no dictionary holds ("Pricewise, a comparison service", read as a common noun): that is a
    name the tagger missed, which the apposition describes."""
    comma = doc[apposed].left_edge.i - 1
    return (
        doc[apposed].head.i == head
        and doc[apposed].pos_ == "NOUN"  # a superlative leaves its noun out: the head names what it picks out
        and comma == head + 1
        and (doc[apposed].tag_ in _PLURAL_TAGS) == (doc[head].tag_ in _PLURAL_TAGS)
        and not unknown_word(doc[head].lemma_)
    )


_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def _bare_start(doc: Doc, start: int, head: int, share: bool) -> int:
    """Where a description's name starts: past its determiners, possessive pronouns and counts, but not past
    "another", which says the source is not the one described before ("another MP" is shown so, not as "MP"). A
    third-person possessive pronoun points back into the sentence it was written in, and a source's name is read
    apart from it, in a list of sources: "its organisers", "her family" said nothing of whose (news24, news25); the
    description keeps it. A first or second person's ("my sister", "your report", "our members") says the writer's
    or the reader's, which the name keeps."""
    while (
        start < head
        and doc[start].lower_ != "another"
        and (
            doc[start].pos_ == "DET"
            or (doc[start].tag_ == "PRP$" and doc[start].lower_ in _THIRD_PERSON_POSSESSIVES)
            or doc[start].lower_ == "some"
            or (not share and (doc[start].pos_ == "NUM" or doc[start].lower_ in NUMBER_WORDS))
        )
    ):
        if doc[start + 1].text == "-":
            break  # a number hyphenated into a compound ("the 45-year-old", "a 10-member panel") is no count
        start += 1
    return start


def _is_share(doc: Doc, mention: Mention) -> bool:
    """Whether a description counts a part of a whole ("eight of 10 voters", "six in 10 voters", "59 percent",
    "half of the voters") rather than the sources themselves."""
    before_head = doc[mention.start : mention.head]
    return doc[mention.head].lower_ in lexicon.SHARE_WORDS or any(
        t.lower_ in {"of", "in"} and t.i > mention.start and doc[t.i - 1].like_num for t in before_head
    )


def _profile(doc: Doc, mention: Mention) -> Profile:
    """Count, qualifiers, affiliation and role written in one mention's noun phrase."""
    if mention.form == "pronoun":
        return Profile()
    head = doc[mention.head]
    tokens = doc[mention.start : mention.end]
    profile = Profile(count=_count(head, mention), qualifiers=_qualifiers(tokens))
    profile.affiliation = _affiliation(doc, mention)
    profile.role, profile.role_of = _role(doc, mention)
    return profile


def _count(head: Token, mention: Mention) -> int | None:
    """How many people the description counts: "two officials" 2, "a source"/"one official" 1, else
    unstated."""
    if head.lemma_.lower() in lexicon.QUANTITY_HEADS or _is_share(head.doc, mention):
        return None  # "eight of 10 voters", "a majority of voters" count a share, not sources
    for child in head.lefts:
        if child.dep_ == "nummod" or child.lower_ in NUMBER_WORDS:
            if child.like_num and child.text.replace(",", "").isdigit():
                return int(child.text.replace(",", ""))
            if child.lower_ in NUMBER_WORDS:
                return NUMBER_WORDS[child.lower_]
        if child.dep_ == "det" and child.lower_ in {"a", "an", "another"}:
            return 1
    return None


def _qualifiers(tokens: Iterable[Token]) -> list[str]:
    """Qualifying adjectives in the order written ("current and former officials" → current, former)."""
    found: list[str] = []
    for token in tokens:
        word = token.lower_.rstrip("-")
        if word in lexicon.QUALIFIERS and token.pos_ in {"ADJ", "ADV", "NOUN", "PROPN", "VERB"} and word not in found:
            found.append(word)
    return found


def _place(words: str) -> str | None:
    return PLACES.get(words.lower().strip())


def _affiliation(doc: Doc, mention: Mention) -> str | None:
    """Who the source belongs to: a demonym or place before the head ("Russian", "US"), an organisation used
    as a modifier ("Kremlin spokesman"), or a prepositional phrase ("a spokesman for the Kremlin", "an
    official in the Trump administration"). People after "for" are not affiliations but what ``role_of``
    points at."""
    head = doc[mention.head]
    if mention.form == "name" and mention.kind not in {"person", "group", "unknown"}:
        return None  # an organisation's own name ("Committee for a Responsible Federal Budget") is no affiliation
    stop = mention.name_start if mention.name_start is not None else mention.head
    for token in doc[mention.start : stop]:
        if token.pos_ == "DET":
            continue
        if token.ent_type_ in {"NORP", "GPE"} or token.lower_ in PLACES:
            place = _place(_entity_text(token)) or _place(token.text)
            if place:
                return place
            if token.ent_type_ == "GPE":
                return _entity_text(token)
        if token.ent_type_ == "ORG" and token.dep_ in {"compound", "nmod", "amod"}:
            return _with_article(_entity_text(token))
    if mention.kind not in {"person", "group", "unknown"}:
        return None  # "statements to the FBI" are not the FBI's
    nouns = [head] + ([doc[mention.appos]] if mention.appos is not None else [])
    for noun in nouns:
        for child in noun.rights:
            if child.dep_ != "prep" or child.lower_ not in lexicon.AFFILIATION_PREPOSITIONS:
                continue
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if not objects or objects[0].ent_type_ == "PERSON":
                continue
            obj = objects[0]
            if obj.ent_type_ in {"GPE", "NORP"}:
                return _place(_entity_text(obj)) or _entity_text(obj)
            # Only an organisation belongs to: "a spokesman for the Kremlin", "an official in the Trump
            # administration"; not "a majority of voters", "a coach at a basketball game".
            if obj.ent_type_ in {"ORG", "FAC"} or obj.lemma_.lower() in lexicon.INSTITUTION_HEADS:
                return doc[obj.left_edge.i : obj.right_edge.i + 1].text
    return None


def _entity_text(token: Token) -> str:
    """The named entity holding ``token``, without a possessive ending ("Salem Radio's" → "Salem Radio")."""
    span = entity_span(token) or token.doc[token.i : token.i + 1]
    while len(span) > 1 and span[-1].tag_ == "POS":
        span = span[:-1]
    return span.text


def _with_article(name: str) -> str:
    """ "Kremlin" → "the Kremlin" (as written in running text); acronyms ("NATO") and "the ..." stay as they
    are."""
    if name.lower().startswith("the ") or name.isupper():
        return name
    return f"the {name}"


def _role(doc: Doc, mention: Mention) -> tuple[str | None, tuple[int, int] | None]:
    """The role a mention gives its source ("spokesman", "president") and the name it is a role of ("Putin's
    spokesman", "a spokesman for Putin"); roles come from titles before a name, an apposition, or a
    non-generic head noun."""
    head = doc[mention.head]
    if mention.form == "name" and mention.name_start is not None:
        words = _title_words(doc, mention.start, mention.name_start)
        role_noun = head if words else None
        if mention.appos is not None and doc[mention.appos].pos_ == "NOUN" and mention.kind == "person":
            # "Karen Wells, a campaign supporter": the apposition is her role; "Green Streets, a local
            # organization" has none (the apposition says what kind of source it is).
            role_noun = doc[mention.appos]
            words = _role_phrase(role_noun)
        elif mention.appos is not None and head.pos_ == "NOUN":
            # "a spokesman for the Kremlin, Dmitry Peskov": the head noun is the role.
            role_noun = head
            words = _role_phrase(head)
        if not words or role_noun is None:
            return None, None
        return _role_text(words), _possessor([*words, role_noun], doc, mention)
    # A plural ("lawmakers said") has a role only when it is someone's ("Trump's advisers").
    possessor = _possessor([head], doc, mention)
    lemma = head.lemma_.lower()
    is_role = lemma in ROLE_NOUNS and lemma not in lexicon.QUANTITY_HEADS and (mention.number == "sing" or possessor)
    if not is_role or mention.kind not in {"person", "group"}:
        return None, possessor
    return _role_text(_role_phrase(head)), possessor


def _role_phrase(noun: Token) -> list[Token]:
    """A role noun with the nouns compounded into it: "attorney general", "campaign manager" (a role of two
    words is one role); names stop it ("Kremlin spokesman" is a spokesman, of the Kremlin), and so does a
    hyphenated modifier ("a two-term president" is a president). A role written as one hyphenated word keeps all
    of it ("vice-president", "secretary-general": ``mentions.joined_word_start``)."""
    doc = noun.doc
    joined = list(doc[joined_word_start(doc_token_codes(doc), noun.i) : noun.i + 1])
    return [t for t in noun.lefts if t.dep_ == "compound" and not t.ent_type_ and not _hyphenated(t)] + joined


def _hyphenated(token: Token) -> bool:
    doc = token.doc
    return (token.i > 0 and doc[token.i - 1].text == "-") or (token.i + 1 < len(doc) and doc[token.i + 1].text == "-")


def _role_text(words: list[Token]) -> str:
    """A role as a description, in lower case and full words: a title is capitalised (and abbreviated) only because
    it stands before a name ("President Volodymyr Zelenskyy", "Sen. Jane Roe"), and the role is shown apart from
    the name, so the same role reads (and is counted) the same however it was written ("Zelenskyy, the president").
    Acronyms ("CEO") keep their capitals; names never get here (the role's words stop at named entities)."""
    parts: list[str] = []
    for token, following in zip(words, [*words[1:], None], strict=True):
        parts.append(_role_word(token))
        if following is not None and (token.whitespace_ or following.i != token.i + 1):
            parts.append(" ")
    return "".join(parts)


def _role_word(token: Token) -> str:
    if len(token.text) > 1 and token.text.isupper():
        return token.text
    return lexicon.TITLE_ABBREVIATIONS.get(token.lower_, token.lower_)


def _title_words(doc: Doc, start: int, stop: int) -> list[Token]:
    """The run of title words just before a name ("Foreign Minister" in "Russian Foreign Minister Sergei
    Lavrov"), stopping at determiners, possessives, qualifiers and places."""
    words: list[Token] = []
    for token in reversed(doc[start:stop]):
        lower = token.lower_
        if lower in lexicon.HONORIFICS:
            continue  # "Mr.", "Dr.": a courtesy, not a role ("Health Secretary Dr. Jane Roe" is a secretary)
        if token.pos_ in {"DET", "PART", "PUNCT", "NUM"} or token.dep_ in {"poss", "case"}:
            break
        if lower in lexicon.QUALIFIERS or lower in PLACES or token.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"}:
            break
        if not words and only_adjective(token.text):
            # A title ends in a noun: "Unseeded Freya Halvard" has no role "unseeded", a word that is only an
            # adjective right before the name; "Foreign Minister" keeps its adjective, the noun after it.
            break
        if token.pos_ in {"NOUN", "PROPN"} or lower in lexicon.TITLES or (token.pos_ == "ADP" and lower == "of"):
            words.insert(0, token)
            continue
        break
    while words and words[0].pos_ == "ADP":
        words.pop(0)
    return words


def _possessor(nouns: list[Token], doc: Doc, mention: Mention) -> tuple[int, int] | None:
    """The person a role belongs to: a possessive before it ("Putin's spokesman") or "for"/"of" + a person
    after it ("a spokesman for Putin")."""
    for token in [*nouns, doc[mention.head]]:
        for child in token.children:
            if child.dep_ == "poss" and child.pos_ == "PROPN":
                return _name_tokens(child)
            if child.dep_ == "prep" and child.lower_ in {"for", "of", "to"}:
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.ent_type_ == "PERSON":
                        return _name_tokens(obj)
    return None


def _name_tokens(token: Token) -> tuple[int, int]:
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
        start -= 1
    return start, token.i + 1
