"""What a source mention is made of: its head, its proper name, its form, number, gender and likely kind.

Attribution sources are spans chosen by the extractor ("a senior international official who met with Russian
officials anonymously this fall", "Putin's spokesman Dmitry Peskov", "he"). Resolving and describing them
needs the noun phrase's parts, read off spaCy's dependency parse and entities: the head word, the proper name
if any, and the core noun phrase without relative clauses. Both ``resolve.speakers`` and ``describe.sources``
use this.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from typing import Any, Literal, cast, get_args

import numpy as np
from spacy.strings import get_string_id
from spacy.symbols import ADJ, ADP, CCONJ, DET, NOUN, NUM, PART, PRON, PROPN, PUNCT, SPACE, SYM
from spacy.tokens import Doc, Token

from .. import lexicon
from ..annotations import TokenCodes, doc_token_codes
from ..clauses import SUBJECT_DEPS
from ..model import SourceKind
from ..parse.word_classes import noun_not_adjective, only_adjective, unknown_word
from ..records import MentionForm
from .first_names import first_name_gender, is_first_name
from .name_kinds import SURE, name_head, shipped_name_kinds

Form = MentionForm
Number = Literal["sing", "plur"]
Gender = Literal["masc", "fem", "neut"]

NOMINAL_POS = {"NOUN", "PROPN", "PRON"}
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}


def _feature(value: str, allowed: Any) -> Any:
    """A grammatical feature read from the lexicon, checked against its type's values."""
    if value not in get_args(allowed):
        raise ValueError(f"lexicon: {value!r} is not one of {get_args(allowed)}")
    return value


def _pronoun_features(section: str) -> tuple[int, Number, Gender | None]:
    """ "3 sing masc" -> (3, "sing", "masc"): the lexicon's pronoun sections name person, number and gender."""
    person, number, *gender = section.split()
    return int(person), _feature(number, Number), _feature(gender[0], Gender) if gender else None


# Person, number and gender of the pronouns a source can be (possessives only matter as possessors).
PRONOUNS: dict[str, tuple[int, Number, Gender | None]] = {
    pronoun: _pronoun_features(section) for section, pronouns in lexicon.PRONOUNS.items() for pronoun in pronouns
}
# The gender honorifics, titles and nouns give a person ("Mrs.", "King", "the woman").
HONORIFIC_GENDER: dict[str, Gender] = {
    word: _feature(gender, Gender) for word, gender in lexicon.GENDERED_WORDS.items()
}
# Words written before a person's name that are not part of it: titles, roles, person nouns ("Host Dan
# Miller") and honorifics.
TITLE_WORDS = lexicon.PEOPLE_NOUNS | lexicon.HONORIFICS
# Any word of an organisation's name that makes it a news outlet's: common outlet words in any case ("Times",
# "Post") and the brands' own words ("reuters", "cnn").
MEDIA_NAME_WORDS = frozenset(word.lower() for word in lexicon.OUTLET_WORDS_ANYWHERE) | lexicon.OUTLET_BRAND_WORDS
# The order a description's head is looked up in when it is listed under a kind (lexicon DESCRIPTION_HEADS).
_HEAD_KINDS: tuple[SourceKind, ...] = ("media", "document", "government", "organization", "group")
# Kinds also looked up by the word as written, for plurals the lemmatizer leaves ("businesses", "reports") or
# changes ("data", lemmatized "datum", and "findings": "data from the analytics site StreamPulse" had been a source of
# no kind named with the whole phrase, news21).
_KINDS_AS_WRITTEN = {"media", "organization", "document"}


@dataclass(slots=True)
class Mention:
    """One noun phrase that may refer to a source, as token offsets into its ``Doc``.

    ``start``/``end`` bound the core noun phrase (the mention without relative clauses and other trailing
    material); ``name_start``/``name_end`` the proper name inside it, when there is one. With slots: a document's
    markables are thousands of these, kept while it is resolved.
    """

    start: int
    end: int
    head: int
    form: Form
    number: Number
    gender: Gender | None
    kind: SourceKind
    person: int = 3
    name_start: int | None = None
    name_end: int | None = None
    appos: int | None = None  # head of an apposition that carries the name or the role
    through: int | None = None  # head of the document this author spoke through ("a report by X": report)

    def name_tokens(self, doc: Doc) -> list[str]:
        """The proper name's words, as written (empty for descriptions and pronouns)."""
        if self.name_start is None or self.name_end is None:
            return []
        codes = doc_token_codes(doc)
        return [codes.word(i) for i in range(self.name_start, self.name_end)]

    def name(self, doc: Doc) -> str | None:
        if self.name_start is None or self.name_end is None:
            return None
        return doc_token_codes(doc).span_text(self.name_start, self.name_end)

    def head_lemma(self, doc: Doc) -> str:
        return doc_token_codes(doc).lemma_text(self.head)

    @property
    def determiner_and_head(self) -> bool:
        """One word before the head and none after ("the city", "the league"): a description whose noun alone says
        what it stands for, which the text resolves by salience or by the name that ends in the noun."""
        return self.start + 1 == self.head and self.end == self.head + 1

    @property
    def genderless_person(self) -> bool:
        """A person by the tagger's say only: no first name, honorific, pronoun or gendered word gave it a gender.
        The small model tags many one-word company names as people's, so such a person may be a company the text
        calls one ("Budget airline Skyreach")."""
        return self.kind == "person" and self.gender is None


_MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "det", "case"}
_NEVER_HEADS = {"DET", "ADP", "PUNCT", "SYM", "CCONJ", "PART", "SPACE"}
# The same sets as spaCy's integer ids and hashes, for reading spans off ``TokenCodes``.
_NOMINAL_IDS = frozenset({NOUN, PROPN, PRON})
_NEVER_HEAD_IDS = frozenset({DET, ADP, PUNCT, SYM, CCONJ, PART, SPACE})
_NAME_LABEL_IDS = frozenset(get_string_id(label) for label in NAME_LABELS)
_MODIFIER_DEP_IDS = frozenset(get_string_id(dep) for dep in _MODIFIER_DEPS)
_APPOS, _CONJ, _PREP, _PUNCT_DEP, _POBJ = (get_string_id(dep) for dep in ("appos", "conj", "prep", "punct", "pobj"))
_RELCL, _COMPOUND, _FLAT, _NMOD = (get_string_id(dep) for dep in ("relcl", "compound", "flat", "nmod"))
_AMOD = get_string_id("amod")
# Kinds of source that are one body, not people: a proper name of one names one body whatever the number of its
# last word ("Brightwell Foods"); a definite description of one ("the agency", "the ministry", "the company", "the
# paper") takes the learned resolver's vote over its best candidates (``learned.LearnedAnswers.revise``).
BODY_KINDS = frozenset({"organization", "government", "media"})
_PLURAL_TAGS = frozenset(get_string_id(tag) for tag in ("NNS", "NNPS"))
_POSSESSIVE_TAG, _NORP, _PERSON = get_string_id("POS"), get_string_id("NORP"), get_string_id("PERSON")
_GPE, _ORG = get_string_id("GPE"), get_string_id("ORG")
_BODY_NAME_LABEL_IDS = frozenset({_ORG, get_string_id("FAC")})


def _ids(words: Collection[str]) -> frozenset[int]:
    """The string hashes of ``words``: a lower-cased word's is what ``TokenCodes.lower`` holds."""
    return frozenset(get_string_id(word) for word in words)


_RELATIVE_IDS = _ids(lexicon.RELATIVE_PRONOUNS)
_WHO_IDS, _WHICH = _ids({"who", "whom", "whose"}), get_string_id("which")
_PRONOUN_IDS = {get_string_id(pronoun): features for pronoun, features in PRONOUNS.items()}
_GROUP_PRONOUN_IDS = _ids({"they", "them", "we", "us"})
_AFFILIATION_IDS = _ids(lexicon.AFFILIATION_PREPOSITIONS)
_ARTICLE_IDS, _TITLE_IDS, _TITLE_WORD_IDS = _ids(lexicon.ARTICLES), _ids(lexicon.TITLES), _ids(TITLE_WORDS)
_OPEN_BRACKET = get_string_id("(")
_PERSONAL_ABBREVIATION_IDS = _ids(set(lexicon.TITLE_ABBREVIATIONS) | lexicon.HONORIFICS)


# Entity types that are never sources: "the fall of 2022" or "two" caught in a source span is not who spoke.
NON_SOURCE_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
_NON_SOURCE_IDS = _ids(NON_SOURCE_LABELS)
_OLD_IDS, _HYPHEN, _AGE_UNIT_IDS = _ids({"old", "olds"}), get_string_id("-"), _ids({"year", "month", "week"})


def is_age_noun(codes: TokenCodes, head: int) -> bool:
    """Whether ``head`` ends an age used as a noun ("the 45-year-old", "a 3-month-old"): spaCy tags the words
    a DATE, but as a noun phrase an age stands for the person of that age, a common way news names someone."""
    return (
        codes.lower[head] in _OLD_IDS
        and head >= 2
        and codes.lower[head - 1] == _HYPHEN
        and codes.lower[head - 2] in _AGE_UNIT_IDS
    )


def find_head(codes: TokenCodes, start: int, end: int) -> int | None:
    """The syntactic head of the tokens ``start:end``: the nominal whose own head lies outside the range.

    A source span normally is one noun phrase; when the extractor's span is wider ("according to US
    officials") or the parse is odd, the first nominal that is not a modifier stands in.
    """
    governor, pos, dep = codes.governor, codes.pos, codes.dep
    indices = range(max(start, 0), min(end, len(pos)))
    roots = [i for i in indices if not start <= governor[i] < end or governor[i] == i]
    # A noun the parser made a second subject beside the name right after it introduces that name: in "The proxy
    # adviser Clearvote had urged", "adviser" and "Clearvote" are both subjects, and the source had been named
    # "proxy adviser" apart from Clearvote (news18). The name is the head, the noun what it is. The name's own head
    # may be its last word, its first a compound: in "The charity Spinal Futures, which …, said", "charity" and
    # "Futures" are the subjects, and the charity had been resolved to a college named before (news21).
    roots = [
        i
        for i in roots
        if not (
            pos[i] == NOUN
            and i + 1 < len(pos)
            and codes.ent_type[i + 1] in _NAME_LABEL_IDS
            and codes.entity_start[i + 1] == i + 1
            and any(
                j in roots and dep[j] == dep[i] and pos[j] == PROPN
                for j in range(i + 1, min(codes.entity_end[i + 1], end))
            )
        )
    ]
    # A modifier the parser hung outside the span is no head when a word it should modify is one too: in the
    # headline "…, think tank claims" both "think" (a compound of "claims") and "tank" are roots, and the
    # source was named "think" (news16).
    # Nor is a title the parser cut off from the name it stands before ("Cathaoirleach Cllr Seán Mulvihill (FF)
    # opened …": "Cllr" hung on the verb, "Seán" its subject; the source was named "Cllr": news18).
    for i in sorted(roots, key=lambda i: (dep[i] in _MODIFIER_DEP_IDS, _title_before_name(codes, i))):
        # A determiner is no head even inside a name: an entity cut short ("the National Iodine" of "the
        # National Iodine Study") has its "the" hanging off a word outside it. Nor is a hyphen the parser tagged a
        # noun: "The Portuguese super-agent told", "super", "-" and "agent" each a subject, had been a source
        # named "-" (news19); the compound's last part heads it.
        if codes.lower[i] == _HYPHEN:
            continue
        i = _past_nickname(codes, i, end)
        if (
            pos[i] in _NOMINAL_IDS
            or (codes.ent_type[i] in _NAME_LABEL_IDS and pos[i] not in _NEVER_HEAD_IDS)
            or is_age_noun(codes, i)
        ):
            return _hyphenated_head(codes, i, roots)
    for i in indices:
        if pos[i] in _NOMINAL_IDS and codes.dep[i] not in _MODIFIER_DEP_IDS:
            # A compound adjective's first part is no head ("The Samoan-born forward", "forward" tagged an adverb,
            # had been a source named "Samoan"): the word the compound modifies is, whatever its tag.
            modified = governor[i + 2] if opens_compound_modifier(codes, i) else i
            return modified if start <= modified < end else i
    nominals = [i for i in indices if pos[i] in _NOMINAL_IDS]
    return nominals[-1] if nominals else None


_OPENING_QUOTE_TAG, _CLOSING_QUOTE_TAG = get_string_id("``"), get_string_id("''")


def _quoted_word(codes: TokenCodes, i: int) -> bool:
    """Whether token ``i`` is one word between quotation marks."""
    tag = codes.tag
    return 0 < i < len(tag) - 1 and tag[i - 1] == _OPENING_QUOTE_TAG and tag[i + 1] == _CLOSING_QUOTE_TAG


def _past_nickname(codes: TokenCodes, i: int, end: int) -> int:
    """The surname after a nickname the parser made the head: in 'Streamer Kiki "kikibites" Osei, who …, said', the
    quoted handle is a subject and "Osei" its apposition, and the source had been a description of no kind,
    "Streamer Kiki "kikibites" Osei, who …", whose "she" went to another woman (news21). A nickname is written in
    quotation marks between a first name and a surname; the name's head is the proper noun after it."""
    after = i + 2
    if _quoted_word(codes, i) and after < end and codes.pos[after] == PROPN and codes.governor[after] == i:
        return after
    return i


def _title_before_name(codes: TokenCodes, i: int) -> bool:
    """Whether token ``i`` is a title written inside a named entity that goes on after it ("*Cllr* Seán
    Mulvihill")."""
    return codes.lower[i] in _TITLE_IDS and codes.entity_start[i] >= 0 and codes.entity_end[i] > i + 1


def _hyphenated_head(codes: TokenCodes, head: int, roots: list[int]) -> int:
    """The last word of a hyphenated compound the parser split into separate heads ("Her co-author, Professor
    Gareth Mullins": "co", "-" and "author" each a subject of "said"), which is the compound's head: read from
    its first part, the mention was "her co" (news13). The last part may hang on the hyphen instead ("my
    co-host, Ruth Abara, argues": "host" an apposition of "-"; the source had been "my co": news18)."""
    while (
        head + 2 < len(codes.pos)
        and (head + 2 in roots or (head + 1 in roots and codes.governor[head + 2] == head + 1))
        and codes.lower[head + 1] == _HYPHEN
        and codes.pos[head + 2] in _NOMINAL_IDS
    ):
        head += 2
    return head


def joined_word_start(codes: TokenCodes, token: int) -> int:
    """The first token of the hyphenated word ``token`` ends ("vice-president", "secretary-general", split by the
    tokenizer into three tokens): words joined by hyphens with no space between are one word, whose last part is
    its head, and a description or role keeps all of it (it had been "president of the company", role "general")."""
    start = token
    while (
        start >= 2
        and codes.lower[start - 1] == _HYPHEN
        and codes.idx[start - 2] + codes.length[start - 2] == codes.idx[start - 1]
        and codes.idx[start - 1] + 1 == codes.idx[start]
        and spelled_word(codes.word(start - 2))
    ):
        start -= 2
    return start


# An apostrophe between letters is a letter of the word, not punctuation: Irish and Norman surnames are written
# with one ("O'Shaughnessy", "D'Arcy"), and so are elided particles ("N'Golo", "Dell'Olio").
_APOSTROPHES = str.maketrans("", "", "'’")


def spelled_word(word: str) -> bool:
    """Whether ``word`` is letters only, an apostrophe between letters counted as one: a part of a hyphenated
    word ("O'Shaughnessy" of "O'Shaughnessy-Kaur" had been left out of the word, and the surname shown as
    "Kaur")."""
    return word[:1].isalpha() and word[-1:].isalpha() and word.translate(_APOSTROPHES).isalpha()


# Right-hand dependents that belong to the core phrase: "a spokesman for the Kremlin", "Trump and Pence",
# "Dmitry Peskov, Putin's spokesman".
_KEPT_RIGHT = {"prep", "conj", "cc", "case", "nummod", "compound", "amod", "poss", "appos"}
_KEPT_RIGHT_IDS = _ids(_KEPT_RIGHT)
_ACL_DEP, _PAST_PARTICIPLE_TAG, _DEP_DEP = get_string_id("acl"), get_string_id("VBN"), get_string_id("dep")
# Participles that name where a source's words were reported, not who the source is: "an officer *quoted by* the
# news site", "a friend *cited in* the magazine", "a resident *interviewed by* the paper" (news21: the site took the
# officer's two statements, and the friend was listed as "friend of the actress quoted by <magazine>").
_REPORTING_PARTICIPLES = frozenset({"quote", "cite", "interview"})


def _reporting_participle(codes: TokenCodes, i: int) -> bool:
    """Whether token ``i`` is a participle that says through whom a source's words reached the reader."""
    return (
        codes.dep[i] == _ACL_DEP
        and codes.tag[i] == _PAST_PARTICIPLE_TAG
        and codes.lemma_text(i) in _REPORTING_PARTICIPLES
    )


def _comma_relative(codes: TokenCodes, i: int) -> bool:
    """Whether token ``i`` is a comma opening a relative clause (", who …", ", which …"): a clause that describes
    the phrase before it, never a part of who it is."""
    return codes.lower[i] == _COMMA and i + 1 < len(codes.lower) and codes.lower[i + 1] in _RELATIVE_IDS


def _name_word_hung_apart(codes: TokenCodes, head: int, child: int) -> bool:
    """Whether ``child`` is a proper noun of the person's name ``head`` opens, hung on it as an unlabelled
    dependent. (Extending every tagged person's mention over its entity moved GUM train's cross-validated
    descriptions 26.2 -> 25.9 through the ranker's features; this case alone is what the name needs.)"""
    return (
        codes.dep[child] == _DEP_DEP
        and codes.pos[child] == PROPN
        and codes.ent_type[head] == _PERSON
        and codes.entity_start[child] == codes.entity_start[head] >= 0
    )


def _identifying_participle(codes: TokenCodes, head: int, child: int) -> bool:
    """Whether a past participle right after an unnamed person noun says who the source is, as an anonymous
    source is written: "a person *briefed on the deal*", "officials *involved in the talks*" (no name says who
    they are, and the source had been named "person", "officials": news18). Not a present participle, which says
    what they were doing ("protesters carrying signs")."""
    return (
        codes.dep[child] == _ACL_DEP
        and codes.tag[child] == _PAST_PARTICIPLE_TAG
        and not _reporting_participle(codes, child)
        and child == head + 1
        and not codes.ent_type[head]
        and codes.pos[head] == NOUN
        and is_person_noun(codes.lemma_text(head))
    )


def core_span(codes: TokenCodes, head: int, start: int, end: int) -> tuple[int, int]:
    """Token bounds of the head's noun phrase, clipped to ``start:end``: left modifiers, the head, and right
    dependents that say who the source is (prepositions of affiliation, coordinated names, appositions); not
    relative clauses or participles, which describe what the source did rather than who it is."""
    # A hyphenated word is one word, and the words before it are its modifiers whichever part the parser hangs them
    # on: "Bernadette" hangs on "O'Shaughnessy" of "Bernadette O'Shaughnessy-Kaur", and the name had lost her.
    first = low = joined_word_start(codes, head)
    for child in codes.lefts(head) + (codes.lefts(first) if first < head else []):
        low = min(low, codes.left_edge[child])
    if head >= 2 and codes.governor[head] == head - 2 and _quoted_word(codes, head - 2):
        low = min(low, codes.left_edge[head - 2])  # the first name and nickname before a surname (``_past_nickname``)
    high = head + 1
    for child in codes.rights(head):
        dep = codes.dep[child]
        if dep == _PUNCT_DEP:
            continue  # the commas around an apposition
        if _name_word_hung_apart(codes, head, child):
            # A person's name is one phrase however the parser hangs its words: in "Cathaoirleach Cllr Seán
            # Mulvihill (FF) opened", "Mulvihill" is an unlabelled dependent of "Seán" (news18).
            high = max(high, child + 1)
            continue
        if _identifying_participle(codes, head, child):
            # up to a comma: a relative clause after the phrase says what they did ("…, who spoke on condition …")
            edge = codes.right_edge[child] + 1
            high = max(high, next((i for i in range(child, edge) if codes.lower[i] == _COMMA), edge))
            continue
        if dep not in _KEPT_RIGHT_IDS:
            break
        if dep == _PREP and codes.lower[child] not in _AFFILIATION_IDS:
            break
        edge = codes.right_edge[child] + 1
        # "a friend of the actress quoted by the magazine": the participle hangs on the affiliation's noun but
        # names the channel, not the source (above); the phrase stops before it. So does a relative clause set off
        # by a comma, which says what the source did, wherever the parser hung it: "A senior nurse at the clinic,
        # who did not want to be named" is a nurse at the clinic (the clause on "clinic" had been kept in her
        # display name, news23).
        high = max(
            high,
            next((i for i in range(child, edge) if _reporting_participle(codes, i) or _comma_relative(codes, i)), edge),
        )
    low, high = max(low, start), min(high, end)
    punct, space = codes.punct, codes.space
    while high > low + 1 and (punct[high - 1] or space[high - 1]):
        high -= 1
    while low < head and (punct[low] or space[low]):
        low += 1
    return low, high


def _entity_bounds(codes: TokenCodes, token: int) -> tuple[int, int] | None:
    """Bounds of the named entity holding ``token``, if it is a kind that names a source."""
    if codes.entity_start[token] < 0 or codes.ent_type[token] not in _NAME_LABEL_IDS:
        return None
    return codes.entity_start[token], codes.entity_end[token]


def _title_word(codes: TokenCodes, i: int) -> bool:
    """A title, role or person noun, or an honorific, that a person's name is written after ("President", "Mr.")."""
    return codes.lower[i] in _TITLE_WORD_IDS or codes.lemma_text(i) in TITLE_WORDS


def name_bounds(codes: TokenCodes, head: int, low: int, high: int, body: bool = False) -> tuple[int, int] | None:
    """The proper name the head belongs to, without a leading "the", a person's titles or a possessive
    ending. ``body``: the text calls the name's bearer a body (an apposition or a noun before the name), so that
    its "for" part is its name's (``through_name_part``)."""
    pos, dep, ent_type, lower = codes.pos, codes.dep, codes.ent_type, codes.lower
    head = _name_before_post_nominals(codes, head, low)
    bounds = _entity_bounds(codes, head)
    if bounds is None and (
        (pos[head] != PROPN and not _capitalised_body_noun(codes, head, high, body))
        or (codes.word(head).islower() and joined_word_start(codes, head) < head)
        or (codes.word(head).islower() and lower[head] in _DESCRIPTION_HEAD_IDS)
    ):
        # The lower-case last part of a hyphenated word is no name: the small model tags the "general" of
        # "secretary-general" a proper noun, which made the UN's secretary-general a source named "general"
        # (news16). (Any untagged lower-case proper noun left out, "study hall" in a GUM interview became a
        # description, and through the ranker's features one "he" went elsewhere: GUM dev pronouns 75.7 -> 74.8.)
        # Nor is an untagged lower-case word the lexicon lists as a description's head: "The Marenian defence
        # ministry said", "ministry" tagged a proper noun, had been a person named "ministry" (news17).
        return None
    start, end = bounds or (head, head + 1)
    through = through_name_part(codes, end, high, body)
    # A name read through a body's "of" or "for" part, or through the list of its members, is a body's, not a
    # person's whose titles fall away (the small model tags a list's last member a person's: "… and Wildlife
    # Parks").
    joined = _joined_name_end(codes, through)
    listed = _members_list_end(codes, start, joined, high)
    body_part = through > end or listed > joined
    end = coordinated_name_end(codes, start, listed, high)
    if body:
        end = _called_body_conjuncts_end(codes, start, end, high)
    start = _joined_person_start(codes, start, low)
    # Untagged proper nouns right before the name belong to it ("Ivanka" when only "Trump" is tagged), whether
    # the parser hangs them as a compound or as a modifier ("Cllr Aoife Brennan": "Aoife" an nmod, news18).
    # Not a sentence's first word that is only an adjective, whose capital says nothing ("Neighbouring Tarsia
    # said", the adjective tagged a proper noun, had been the country's name).
    while (
        start > low
        and pos[start - 1] == PROPN
        and dep[start - 1] in (_COMPOUND, _FLAT, _NMOD)
        and not ent_type[start - 1]
        and lower[start - 1] not in _TITLE_IDS
        and not _opening_adjective(codes, start - 1)
    ):
        start -= 1
    # A nickname in quotation marks and the first name before it belong to the name: 'Kiki "kikibites" Osei' (see
    # ``_past_nickname``).
    if start - 4 >= low and _quoted_word(codes, start - 2) and pos[start - 4] == PROPN:
        start -= 4
        while (
            start > low and pos[start - 1] == PROPN and not ent_type[start - 1] and lower[start - 1] not in _TITLE_IDS
        ):
            start -= 1  # the first name's own untagged words
    # A number between "the" and a name is the name's first word: "Dunmore fans' group the 1886 Trust said", the
    # small model tagging "1886" a date and hanging it apart, had been a source named "Trust" (news19), as "the
    # 1922 Committee" would be. A date modifying a name does not stand between it and its article ("the
    # Trust's 1886 charter", "in 1886 the Trust"), so the article before the number says the number opens the name.
    # Only a body's name, by its last word: a body keeps the year it was named for, but an event or an award is
    # dated by it ("the 2004 Olympics", "the 2017 Brit Awards" are the Olympics and the Brit Awards of a year, and
    # in GUM reading them so moved the ranker's features) and "the 13 Zurbarán artworks" counts.
    if (
        start - 2 >= low
        and pos[start - 1] == NUM
        and codes.word(start - 1).isdigit()
        and lower[start - 2] in _DEFINITE_ARTICLE_IDS
        and (_ends_a_body_name(codes.word(end - 1)) or lower[end - 1] in _INSTITUTION_HEAD_IDS)
    ):
        start -= 1
    # A person's name the small model tagged short of its last word is the whole name: in "mission manager Dr
    # Elodie Marchand told", only "Dr Elodie" is tagged a person and the untagged head "Marchand" had been the
    # source's name on its own, the first name lost (news19). The tagged words end right before the head and
    # hang on it, as a first name hangs on a surname.
    if (
        bounds is None
        and start > low
        and ent_type[start - 1] == _PERSON
        and codes.entity_end[start - 1] == start
        and dep[start - 1] in (_COMPOUND, _FLAT)
        and codes.governor[start - 1] == head
    ):
        start = codes.entity_start[start - 1]
    start, end = max(start, low), min(end, high)
    # A body's name may open with a capitalised adjective that the parser read as a modifier of it: "Open Rights for
    # Children, a campaign group" had been shown as "Rights for Children" (news26), as "Royal Society" would be
    # "Society". Inside a sentence the capital says the adjective is the name's; as the sentence's first word only
    # a word that is more than an adjective in WordNet ("Open", "Royal"), not one that only describes ("Embattled
    # Acme Holdings").
    # A people's adjective is left to the organisation rules (``body_name_start``: "The British Airline Crew
    # Association").
    if (
        (body or _body_named(codes, (start, end)))
        and start > low
        and pos[start - 1] == ADJ
        and dep[start - 1] == _AMOD
        and start <= codes.governor[start - 1] < end
        and codes.word(start - 1)[:1].isupper()
        and not ent_type[start - 1]
        and not _opening_adjective(codes, start - 1)
    ):
        start -= 1
    # A name never runs across a line break: the small model joins a heading to the name opening the next
    # paragraph ("Our Stories\n\nMarta Kowalczyk"), and the heading's words are not the person's name.
    start = max([start] + [i + 1 for i in range(start, end - 1) if codes.breaks[i]])
    # Nor across an opening bracket: a party or place label in brackets after a name ("Cllr Aoife Brennan (Ind)",
    # "Sen. Jane Roe (D-Ohio)") is no part of it, though the small model tags it with the name (news18).
    end = min([end] + [i for i in range(start + 1, end) if codes.lower[i] == _OPEN_BRACKET])
    if ent_type[start] == _NORP and pos[start] == ADJ:
        return None
    start = body_name_start(codes, _possessor_in_name(codes, start, low), end, low)
    # Only a person's name loses its titles and roles: "President Volodymyr Zelenskyy", "Prosecutor Anna
    # Berg" (the small model often tags the role as part of the name), but "the State Department".
    personal = (
        (
            ent_type[end - 1] in (_PERSON, 0)
            or _opens_with_personal_title(codes, start, end)
            or _surname_tagged_a_place(codes, start, end)
            or _surname_after_title(codes, start, end)
        )
        and not _owned_institution(codes, start, end)
        and not body_part
    )
    while start < end - 1 and (lower[start] in _ARTICLE_IDS or (personal and _title_word(codes, start))):
        start += 1
    # A person's name opens with the first name: a capitalised word before a listed first name that is no first
    # name itself is a headline's word or a title the lists lack ("Tearful Delia Ransome wins …", tagged one
    # person, had been the source "Tearful Delia Ransome"; "Activist Angela Davis" on PolNeAR dev; news17).
    # A capitalised surname particle the lists hold as a given name ("Mac", "Von", "Del") opens the surname, not a
    # second first name: "Ruairí Mac Giolla Bhríde" had been shown as "Mac Giolla Bhríde" (news27).
    while (
        personal
        and start < end - 2
        and is_first_name(codes.word(start + 1))
        and codes.string(lower[start + 1]) not in lexicon.SURNAME_PARTICLES
        and not is_first_name(codes.word(start))
        and not codes.word(start).isupper()
    ):
        start += 1
    # Nor with a common adjective opening the sentence: "Unseeded Freya Halvard produced the upset", the adjective
    # capitalised as the sentence's first word and tagged a proper noun with the name, had been the winner's
    # display name, and the lists lack "Freya" for the rule above (news19). A word that in lower case is only an
    # adjective in WordNet (no noun, verb or adverb: "unseeded", "tearful", "embattled") is no word of a person's
    # name; a word that is a noun too ("Veteran", "Royal", "Grand", "Young") may be a title or a name and stays, and
    # so does an adjective opening a title ("Foreign Minister …"). Only where the sentence's first word, whose
    # capital says nothing: inside a sentence the capital makes the adjective part of a name ("the United States
    # Congress", "Reactive Oxygen Species", untagged in GUM, are names with it). Nor in a name ending in a body's
    # noun ("Electrical Engineering Department", opening a GUM paragraph). Only before two more words, so a
    # two-word name keeps both.
    if (
        personal
        and _opens_sentence(codes, start)
        and lower[end - 1] not in _DESCRIPTION_HEAD_IDS
        and not _ends_a_body_name(codes.string(lower[end - 1]))
        and start < end - 2
        and not is_first_name(codes.word(start))
        and not codes.word(start).isupper()
        and only_adjective(codes.word(start))
        and not _title_word(codes, start + 1)
    ):
        start += 1
    # Nor with a person noun naming what the person does, opening the sentence before a name of two words or
    # more: "Bassist Tamsin Okoro offered …", tagged one person, had been her display name for three statements,
    # the lists lacking "Tamsin" for the first-name rule above (news21). The word is a WordNet common noun that
    # names a person by the lexicon ("-ist", "-ian", "-man": "Guitarist", "Historian", "Chairman"), no adjective
    # ("Christian", "Italian" may open a name) and no listed first name; only at the sentence's first word, where
    # the capital says nothing.
    if (
        personal
        and _opens_sentence(codes, start)
        and start < end - 2
        and not is_first_name(codes.word(start))
        and not codes.word(start).isupper()
        and noun_not_adjective(codes.word(start))
        and is_person_noun(codes.word(start).lower())
    ):
        start += 1
    # Nor with a body's noun: "Drugmaker Halvorsen paid doctors …", a headline's capitalised "drugmaker" tagged
    # with the name as one person, is the company Halvorsen (news18). Only in a name that may be a person's: a
    # body's own name keeps its words ("The British Airline Crew Association", untagged, had lost its "Airline").
    while (
        personal
        and not _ends_a_body_name(codes.string(lower[end - 1]))
        and start < end - 1
        and _body_noun(codes, start)
        and not is_first_name(codes.word(start + 1))
    ):
        start += 1
    # Nor does a person's name end with a preposition, a conjunction or an article: the small model tags "Ruth
    # Calloway of" a person in "Ruth Calloway of Stanmere Securities said", whose "of" opens her firm's name
    # (news20). (A body's name cut before its "of" part is another matter: "Bank of" is not "Bank".)
    # Nor with the letters of an honour, an office or a degree ("Alison Treharne KC", "Tom Wexley MP"): they say
    # what the person holds, and the same person is "Treharne" or "Ms Treharne" without them, which had been a
    # second source apart from the full name (news23). Only people bear them: cut whatever the name was tagged.
    while end > start + 1 and (
        codes.tag[end - 1] == _POSSESSIVE_TAG
        or codes.punct[end - 1]
        or (personal and pos[end - 1] in (ADP, CCONJ, DET))
        or codes.word(end - 1) in lexicon.POST_NOMINALS
    ):
        end -= 1
    if (
        personal
        and end - start == 1
        and _title_word(codes, start)
        and (
            (
                start > low
                and (
                    pos[start - 1] == ADJ
                    or (lower[start - 1] in _TITLE_IDS and lower[start - 1] not in _PERSONAL_ABBREVIATION_IDS)
                    # "Another MP said", "One MP said": a proper name takes no indefinite determiner or count,
                    # so a title after one is a role (it had been a source named "MP", news23)
                    or lower[start - 1] in _INDEFINITE_IDS
                    or pos[start - 1] == NUM
                )
            )
            or (end < len(pos) and pos[end] == ADP)
        )
    ):
        # "The Mayor of Eastbury said", "the retired General", "The Prime Minister": a capitalised title alone,
        # before the place it is held over or after an adjective or another title's word, is a role, not the
        # person's name ("The Prime Minister has defended …" had been a person named "Minister", news21). ("Mr.
        # King" and a bare "King" may be a surname; "the Secretary" who signed is, in GUM's reading, the name of
        # the office's holder.)
        return None
    if pos[start] == ADP:
        return None  # "the King of Athens" without its title is "of Athens": a role held over a place, not a name
    return (start, end) if end > start else None


def _name_before_post_nominals(codes: TokenCodes, head: int, low: int) -> int:
    """The last word of the name that post-nominal letters follow, or ``head`` itself: letters written after a
    person's name for an honour or an office ("Rupert Vance-Akindele KC", "Ewan Strachan-Moir MSP") say what the
    person holds, and the parser makes them the phrase's head while the small model tags them apart (an
    organisation, or nothing); read from them, the name had been "KC" or the surname's last part, and "MSP" had been
    a source's name. Only after a tagged name that no determiner opens: "the Labour MP" and "a Tory MSP" are a
    party's members, the letters a role there, not post-nominals."""
    last = head
    while last > low and codes.word(last) in lexicon.POST_NOMINALS and codes.entity_end[last - 1] == last:
        last -= 1
    if last == head or codes.ent_type[last] not in _NAME_LABEL_IDS:
        return head
    opening = max(codes.entity_start[last] - 1, low)
    return head if any(codes.pos[i] == DET for i in range(opening, last)) else last


def _opening_adjective(codes: TokenCodes, i: int) -> bool:
    """Whether token ``i`` opens its sentence and is only an adjective in WordNet: its capital says nothing, and an
    adjective that only describes ("Neighbouring Tarsia said", "Embattled Acme Holdings") is no word of the name.
    Not a modifier that coins a place's or a body's name (lexicon ``name_modifiers``): "Greater Salvingham Fire and
    Rescue Service said", "Upper Norwood", "New Labour" name another place or body with it, and the service had been
    shown without its "Greater"."""
    return (
        _opens_sentence(codes, i)
        and only_adjective(codes.word(i))
        and codes.word(i).lower() not in lexicon.NAME_MODIFIERS
    )


def _surname_tagged_a_place(codes: TokenCodes, start: int, end: int) -> bool:
    """Whether a name the small model tagged a place on its last word alone holds a listed first name, untagged,
    right before that word: a surname it does not know reads as a place ("Doreen Blackstock", "Blackstock" tagged
    a place), and the untagged words before it are the person's name and whatever the sentence opened with
    ("Pensioner Doreen Blackstock"), which the person's rules trim."""
    last = end - 1
    return (
        end - start >= 2
        and codes.ent_type[last] == _GPE
        and codes.entity_start[last] == last
        and not codes.ent_type[last - 1]
        and is_first_name(codes.word(last - 1))
    )


def _surname_after_title(codes: TokenCodes, start: int, end: int) -> bool:
    """Whether a name opens with a title or role word ("Captain", "Professor") followed by the last words of a
    person's name the text gave in full before ("Captain Annika Solberg-Hale … Captain Solberg-Hale replied"): news
    calls a person by title and surname after naming them in full, and the small model, seeing a capitalised noun
    before an unfamiliar surname, may tag the pair a body's name. Read as a body, the captain had been a source of
    her own and her "She said" had gone to the other woman quoted before (news28)."""
    if end - start < 2 or not _title_word(codes, start) or not codes.word(start)[:1].isupper():
        return False
    lowers = codes.arrays.lower
    length = end - start - 1
    for i in np.flatnonzero(lowers[:start] == lowers[end - 1]).tolist():
        first = i - length + 1
        if (
            codes.entity_end[i] == i + 1
            and 0 <= codes.entity_start[i] < first
            and (codes.ent_type[i] == _PERSON or is_first_name(codes.word(codes.entity_start[i])))
            and all(codes.lower[first + k] == codes.lower[start + 1 + k] for k in range(length))
        ):
            return True
    return False


def _joined_person_start(codes: TokenCodes, start: int, low: int) -> int:
    """Where a person's name starts that the small model began inside a hyphenated word (``joined_word_start``): a
    double-barrelled surname ("Lady Justice Okafor-Reid", untagged, had been shown as "Reid", news26) or a
    hyphenated given name ("Hyun-woo Park", "Jean-Luc", tagged from "Park" or "woo", had lost the given name, news27).
    A name never starts inside a word. Only a person's (the word's first part or the name tagged a person, or a
    title before the word) with a capitalised first part: a place's or a thing's name may be a hyphenated word's
    last part ("Comic-Con", "Bourg-la-Reine": reading those whole moved GUM's markables, names27). The given name's
    last part may stand before the name as a word of its own, read as a common noun ("Hyun-woo": "woo")."""
    last = start
    if (
        start - 1 > low
        and not codes.ent_type[start - 1]
        and codes.dep[start - 1] in (_COMPOUND, _FLAT)
        and codes.governor[start - 1] == start
    ):
        last = start - 1
    joined = joined_word_start(codes, last)
    if joined >= last or joined < low or not codes.word(joined)[:1].isupper():
        return start
    person = _PERSON in (codes.ent_type[joined], codes.ent_type[start])
    titled = joined > low and codes.lower[joined - 1] in _TITLE_IDS
    # Nor does a tag that covers only a part of the word, or no tag on any of its proper-noun parts, say the name
    # starts inside it: "Castellani-Rossi told the stewards" ("Castellani" alone tagged a place) and "Torrino-Valle
    # told the hearing" (nothing tagged) had been "Rossi" and "Valle" (news30).
    untagged = all(not codes.ent_type[i] and codes.pos[i] == PROPN for i in range(joined, start + 1, 2))
    return joined if person or titled or untagged or _tag_ends_inside_word(codes, joined) else start


def _tag_ends_inside_word(codes: TokenCodes, i: int) -> bool:
    """Whether the small model's entity at token ``i`` ends inside a hyphenated word with a capitalised last part:
    the tag is on a fragment of a word and says nothing of what the whole word names. In "Castellani-Rossi told
    the stewards", only "Castellani" is tagged (a place), and the driver had been shown as "Rossi", while the same
    shape tagged whole ("Baumgartner-Hess", a person) read whole (news30). A name never starts or ends inside a
    word, whatever the tag on a part of it."""
    end = codes.entity_end[i]
    return bool(codes.ent_type[i]) and end < len(codes.pos) and _joined_name_end(codes, end) > end


def _joined_name_end(codes: TokenCodes, end: int) -> int:
    """Where a name ends that the small model tagged short of a hyphenated word: a hyphen with no space on either
    side joins one word, and a name never ends inside a word. "Denise M. Adeyemi-Reyes", tagged "Denise M.
    Adeyemi" with "-Reyes" left out, had been shown as "Denise M. Adeyemi" (news25). Only a capitalised last part:
    a double-barrelled surname or place ("Stratford-upon-Avon" keeps its lower-case middle parts through the
    capitalised end), not a compound the name modifies ("Adeyemi-led", "Brightwell-owned")."""
    last = end
    while (
        last + 1 < len(codes.pos)
        and codes.lower[last] == _HYPHEN
        and codes.idx[last - 1] + codes.length[last - 1] == codes.idx[last]
        and codes.idx[last] + 1 == codes.idx[last + 1]
        and spelled_word(codes.word(last + 1))
    ):
        last += 2
        if codes.word(last - 1)[:1].isupper():
            end = last
    return end


_AND_IDS = _ids({"and", "&"})


def coordinated_name_end(codes: TokenCodes, start: int, end: int, high: int) -> int:
    """Where a body's name ends that holds an "and" the small model cut it at: a name whose second part ends in a
    body's word, its first part no name of its own (the tagger ran through the "and", or it ends in a common noun),
    is one body named by both ("Pentreath Fire and Rescue Service", tagged "Pentreath Fire" a person and "Rescue
    Service" a body, had been a group "Pentreath Fire", news25; as "the Food and Drug Administration"). The second
    part's body word may take an "of" or "for" part of its own (``through_name_part``): "Asthma and Lung Alliance
    of Great Britain", "Country Fire and Rescue Authority of Westmarch" (news26). (An "and" inside a body's "of"
    part is its members': ``_members_list_end``.)
    The second part must be capitalised proper nouns with no determiner: two bodies coordinated each take their
    own ("Halvorsen Shipping and the port authority"); and a second part that ends in no body's word is another
    party ("Google and Microsoft", "Obama and Biden")."""
    through = end - 1 > start and codes.lower[end - 1] in _AND_IDS
    conjunction = end - 1 if through else end
    if conjunction >= high or codes.lower[conjunction] not in _AND_IDS:
        return end
    conjunct = next(
        (i for i in range(conjunction + 1, high) if codes.dep[i] == _CONJ and start <= codes.governor[i] < conjunction),
        None,
    )
    if conjunct is None:
        return end
    edge = _conjunct_edge(codes, conjunct)
    if edge > high:
        return end
    if not all(
        _capitalised_proper_noun(codes, i) or _inner_hyphen(codes, i) for i in range(conjunction + 1, conjunct + 1)
    ):
        return end
    if not body_word(codes.word(conjunct)):
        return end
    # The conjunct's phrase must be its name and nothing more: its words up to its body word, and the "of" or "for"
    # part that word takes.
    if through_name_part(codes, conjunct + 1, high) != edge:
        return end
    before = conjunction - 1
    # The first part is no name of its own: the tagger ran through the "and", or it ends in a common noun ("Fire",
    # "Food") that a body's name takes; not a body's own word ("Marlow Council and Fenwick University" are two)
    # nor a one-word name tagged on its own ("Smith and Rescue Service").
    first_word = codes.word(before)
    modifier = (
        through
        or _person_tag_after_article(codes, before)
        or (
            noun_not_adjective(first_word.lower())
            and not body_word(first_word)
            and not (codes.ent_type[before] and codes.entity_start[before] == before)
        )
    )
    # Two lines of business joined, the second a lone word, are one company's trades ("Castellane Shipping and
    # Logistics", news27, had been "Castellane Shipping"): a line of business alone names no company, whereas a
    # second body names itself ("Marlow Shipping and Fenwick Logistics" are two).
    trades = conjunct == conjunction + 1 and _ends_a_body_name(first_word) and _ends_a_body_name(codes.word(conjunct))
    return edge if modifier or trades else end


def _person_tag_after_article(codes: TokenCodes, i: int) -> bool:
    """Whether token ``i`` is a one-word name the small model tagged a person's after "the": English names a person
    without an article, so "the Clyde" of "the Clyde and Lomond Regional Transport Partnership" is a river's or a
    place's name opening the body's (it had been read as a person beside "Lomond Regional Transport Partnership",
    and "The partnership estimates" had shown the cut name)."""
    return (
        i > 0
        and codes.ent_type[i] == _PERSON
        and codes.entity_start[i] == i
        and codes.entity_end[i] == i + 1
        and codes.lower[i - 1] in _DEFINITE_ARTICLE_IDS
    )


def coordinated_name_start(codes: TokenCodes, start: int, end: int) -> int:
    """Where a body's name starts whose second part, after an "and", the small model tagged as a name of its own
    ("Severn Vale and Marches Water": "Severn Vale" a place, "Marches Water" a person): the first conjunct's name,
    when reading on from it through the "and" ends the name at ``end`` (``coordinated_name_end``); ``start``
    otherwise."""
    root = next((i for i in range(start, end) if not start <= codes.governor[i] < end), None)
    if root is None or codes.dep[root] != _CONJ or not codes.governor[root] < start:
        return start
    first = codes.governor[root]
    first_start = codes.entity_start[first] if codes.entity_start[first] >= 0 else codes.left_edge[first]
    if coordinated_name_end(codes, first_start, first + 1, end) == end:
        return first_start
    return start


def _called_body_conjuncts_end(codes: TokenCodes, start: int, end: int, high: int) -> int:
    """Where the name of a bearer the text calls one body ends when it coordinates common words: "Open Rights and
    Digital Liberty, a campaign group" (news26, shown as "Open Rights"), "the consultancy Cornhill Energy Research,
    Forecasting and Advisory" (cut at its comma). A singular body's noun in apposition or before the name says the
    coordination is one body's name, not two parties; and a campaign's or a firm's name coordinates ordinary words
    (its causes, its trades), which name no body alone. The conjuncts must be capitalised words of the dictionary,
    joined by "and" (closing a list whose commas it ends), inside the name's phrase; a conjunct with a word of its
    own (a coined or a person's name: "Oxfam and Ofgem") or a body's word ("and the Harbour Board") is another
    party, and a plural apposition ("two charities") makes no ``body``."""
    if end >= high or not (codes.lower[end] in _AND_IDS or _list_comma(codes, end, high)):
        return end
    conjunct = next(
        (i for i in range(end + 1, high) if codes.dep[i] == _CONJ and start <= codes.governor[i] < end), None
    )
    if conjunct is None:
        return end
    edge = _conjunct_edge(codes, conjunct)
    if edge > high or not any(codes.lower[i] in _AND_IDS for i in range(end, edge)):
        return end
    for i in range(end + 1, edge):
        joining = codes.lower[i] in _AND_IDS or _list_comma(codes, i, edge) or _inner_hyphen(codes, i)
        word = _capitalised_proper_noun(codes, i) and _dictionary_word(codes.word(i)) and not body_word(codes.word(i))
        if not (joining or word):
            return end
    return edge


def _conjunct_edge(codes: TokenCodes, conjunct: int) -> int:
    """Where a conjunct's phrase ends: a comma the parser hung on the conjunct, before a relative clause or an
    apposition, is no word of it."""
    edge = codes.right_edge[conjunct] + 1
    while edge - 1 > conjunct and codes.punct[edge - 1]:
        edge -= 1
    return edge


def _dictionary_word(word: str) -> bool:
    """Whether a word, or the singular of a plural in "-s" ("Streets") or of a Latin plural in "-a" ("Media",
    "Data": medium, datum), is a word of WordNet's lists (which hold lemmas): an ordinary word, not a coined or a
    person's name."""
    return (
        not unknown_word(word)
        or (word.endswith("s") and not unknown_word(word[:-1]))
        or (word.endswith("a") and not unknown_word(word[:-1] + "um"))
    )


def opens_compound_modifier(codes: TokenCodes, i: int) -> bool:
    """Whether token ``i`` is the first part of a compound adjective, hyphenated to a lower-case participle or
    adjective ("*Paisley*-born", "*London*-based", "*Samoan*-born"): the compound modifies the noun after it, and the
    name inside says where the noun's bearer was born or is based, not who they are. As a participant of its own
    ("Paisley" taking the businessman's "he said") or as the phrase's head, it had been shown as the source's name
    (a double-barrelled name's parts are both capitalised: "Vance-Akindele")."""
    return i + 2 < len(codes.pos) and _inner_hyphen(codes, i + 1) and codes.word(i + 2).islower()


def _inner_hyphen(codes: TokenCodes, i: int) -> bool:
    """Whether token ``i`` is a hyphen inside one word, with no space on either side ("Anti-Doping")."""
    return (
        codes.lower[i] == _HYPHEN
        and 0 < i < len(codes.pos) - 1
        and codes.idx[i - 1] + codes.length[i - 1] == codes.idx[i]
        and codes.idx[i] + 1 == codes.idx[i + 1]
    )


_OF, _FOR = get_string_id("of"), get_string_id("for")
_NAME_PART_JOIN_IDS = _ids({"the", "and", "&"})
_AMPERSAND, _AND = get_string_id("&"), get_string_id("and")


def body_word(word: str) -> bool:
    """Whether a word heads or ends a body's name (``BODY_NAME_HEADS``, ``ORGANIZATION_NAME_ENDINGS``): "Union",
    "Alliance", "Authority", "Shipping"."""
    return _ends_a_body_name(word) or word.lower() in lexicon.BODY_NAME_HEADS


def _capitalised_proper_noun(codes: TokenCodes, i: int) -> bool:
    """Whether token ``i`` is a proper noun written with a capital, as a name's own words are."""
    return codes.pos[i] == PROPN and codes.word(i)[:1].isupper()


def _another_body(codes: TokenCodes, conjunct: int) -> bool:
    """Whether a conjunct inside a name's "of" or "for" part names a body of its own: its last word is a body's
    ("the Ministry of Defence and the Treasury"), or the small model tagged it an organisation alone and it is one
    singular name ("the Bank of Arden and Goldman Sachs"). Plural words ("Guards", "Signal Workers", "Tutors") and
    places ("Kilbarrow", "the Northern Isles") are whom or where the body is of, inside its name. So is one
    ordinary word the small model tagged an organisation alone: a department or a charity is for subjects
    ("Department for Culture, Media and Sport", "Media" and "Sport" tagged apart), while a second body's name is
    coined or holds more than one word ("Goldman Sachs")."""
    if body_word(codes.word(conjunct)):
        return True
    return (
        codes.ent_type[conjunct] == _ORG
        and codes.tag[conjunct] not in _PLURAL_TAGS
        and codes.entity_start[conjunct] > codes.governor[conjunct]
        and not (
            codes.entity_end[conjunct] - codes.entity_start[conjunct] == 1 and _dictionary_word(codes.word(conjunct))
        )
    )


def _name_part_end(codes: TokenCodes, first: int, last: int) -> int:
    """Where the capitalised words ``first:last`` that continue a body's name stop being its words: the words of
    a name's "of" or "for" part, or the rest of a list its members are named in. A body's formal name coordinates
    the people, trades, subjects or places it is of or for ("Society of Drivers, Guards and Signal Workers", "Rugby
    Union of Caledonia and the Northern Isles", "Passenger Voice for the North and Midlands"), so its words are
    capitalised proper nouns joined only by the words a name holds: "the", "and", "&", and a comma inside a list
    that an "and" closes (the serial list of a union's trades). Any other word (a lower-case noun, a verb, a
    sentence's punctuation, an apposition's comma with no "and" after it) says the name ended before it; so does
    an "and" before a body of its own (``_another_body``: two bodies each keep their name). ``first`` when the
    words are no such part."""
    # A comma that is no list's ends the name: what follows describes it ("Fair Play for Carers, a campaign group").
    last = next(
        (i for i in range(first + 1, last) if codes.lower[i] == _COMMA and not _list_comma(codes, i, last)), last
    )
    for i in range(first, last):
        if not (
            _capitalised_proper_noun(codes, i) or codes.lower[i] in _NAME_PART_JOIN_IDS or _list_comma(codes, i, last)
        ):
            return first
    if not any(codes.pos[i] == PROPN for i in range(first, last)):
        return first
    # A list with a body of its own among its conjuncts is a list of parties: the name ends at its first comma or
    # "and".
    other = next((j for j in range(first, last) if codes.dep[j] == _CONJ and _another_body(codes, j)), None)
    if other is not None:
        separator = next(
            (i for i in range(first, other) if codes.lower[i] in _AND_IDS or codes.lower[i] == _COMMA), first
        )
        return _trimmed_end(codes, first, separator)
    return _trimmed_end(codes, first, last)


def _list_comma(codes: TokenCodes, i: int, last: int) -> bool:
    """Whether token ``i`` is a comma inside a list of capitalised words that an "and" before ``last`` closes."""
    return (
        codes.lower[i] == _COMMA
        and i + 1 < last
        and _capitalised_proper_noun(codes, i + 1)
        and any(codes.lower[j] in _AND_IDS for j in range(i + 1, last))
    )


def _trimmed_end(codes: TokenCodes, first: int, end: int) -> int:
    """``end`` moved back over the joining words and commas a name's part cannot end with."""
    while end > first and not _capitalised_proper_noun(codes, end - 1):
        end -= 1
    return end


def through_name_part(codes: TokenCodes, end: int, high: int, body: bool = False) -> int:
    """Where a body's name ends that is headed by a capitalised body noun with an "of" or "for" part the small
    model left out of the name: "the Fenwick Chamber of Trade", "the Institute of Coastal Studies"
    (``BODY_NAME_HEADS``), "the Passenger Voice for the North and Midlands". The capitalised words after the
    preposition say which chamber, institute or voice it is, so they are the name's; cut before them, the name
    was "Fenwick Chamber", a body of its own apart from the full name (news23). Only capitalised words joined as
    a name joins them (``_name_part_end``): "the Chamber of commerce leaders" or "the Board of the company" are no
    one name. The head must be a body's word, or the text must call the name's bearer a body (``body``: "The
    watchdog Passenger Voice for …", "Open Rights for Children, a campaign group"); a title's "of" or "for" is
    not read ("the Mayor of Eastbury", "Minister for Health": no body). The part runs at most to the preposition's
    last dependent: it ends where the phrase the parser gave the preposition ends, or before."""
    head = end - 1
    if end >= high or codes.lower[end] not in (_OF, _FOR) or codes.governor[end] != head:
        return end
    word = codes.word(head)
    if not word[:1].isupper() or not (body or body_word(word)):
        return end
    edge = codes.right_edge[end] + 1
    if edge > high:
        return end
    part_end = _name_part_end(codes, end + 1, edge)
    return part_end if part_end > end + 1 else end


def _capitalised_body_noun(codes: TokenCodes, head: int, high: int, body: bool) -> bool:
    """Whether an untagged common noun heads a body's name: written with a capital inside a sentence, where the
    capital says it is a name's word, and followed by the name's "of" or "for" part (``through_name_part``): "The
    Campaign for Clean Rivers, a pressure group", "campaign" read as a common noun, had been shown with its
    apposition as a description. Not a sentence's first word, whose capital says nothing, nor a title ("the
    Minister for Health": no body's word and not called a body)."""
    return (
        codes.pos[head] == NOUN
        and codes.word(head)[:1].isupper()
        and not _opens_sentence(codes, head)
        and through_name_part(codes, head + 1, high, body) > head + 1
    )


def _members_list_end(codes: TokenCodes, start: int, end: int, high: int) -> int:
    """Where a body's name ends whose "of" part lists its members and the small model tagged only the first of
    them: "The Associated Society of Drivers, Guards and Signal Workers", tagged "… of Drivers", had been shown as
    "Associated Society of Drivers" (news26); "the Rugby Union of Caledonia and the Northern Isles", tagged "…
    of Caledonia", as "Rugby Union of Caledonia". The list goes on after a comma or an "and" with capitalised words
    (``_name_part_end``), and every one of its words hangs inside the name, so that it is the "of" part's list
    and not a coordination of the whole name with another party."""
    # The tagger may have run through the "and" ("… of Primary Teachers and") or the list's first comma ("… of
    # Zoos,", the next member tagged apart): the list goes on from that word.
    joined = end - 1 > start and (codes.lower[end - 1] in _AND_IDS or codes.lower[end - 1] == _COMMA)
    first = end - 1 if joined else end
    if first >= high or not (codes.lower[first] in _AND_IDS or codes.lower[first] == _COMMA):
        return end
    if not _body_word_before_part(codes, start, first):
        return end
    last = first
    while last < high and (
        _capitalised_proper_noun(codes, last) or codes.lower[last] in _NAME_PART_JOIN_IDS or codes.lower[last] == _COMMA
    ):
        last += 1
    last = _trimmed_end(codes, first, last)
    if not any(codes.lower[i] in _AND_IDS for i in range(first, last)):
        return end
    part_end = _name_part_end(codes, first, last)
    if part_end <= first or not all(start <= codes.governor[i] < part_end for i in range(first, part_end)):
        return end
    return part_end


def _body_word_before_part(codes: TokenCodes, start: int, end: int) -> bool:
    """Whether a capitalised body's word stands before an "of" or "for" in ``start:end``: the part is the body's,
    and lists what it is of or for ("Society of Drivers, Guards and …", "Department for Culture, Media and …"; a
    department or a campaign is for its subjects as a society is of its members). A title's "for" is no body's
    ("Minister for Culture, Media and Sport" is a person's title with its portfolio)."""
    return any(
        codes.lower[i + 1] in (_OF, _FOR) and codes.word(i)[:1].isupper() and body_word(codes.word(i))
        for i in range(start, end - 1)
    )


def headed_before_of(words: list[str]) -> bool:
    """Whether a name's words hold a capitalised body noun before an "of" ("Chamber of Trade", "Bank of Arden"):
    such a name is a body's, whatever the small model tagged it (it tags "The Fenwick Chamber of Trade" a person's;
    no person's name is headed by a chamber or a bank)."""
    return any(
        word[:1].isupper() and word.lower() in lexicon.BODY_NAME_HEADS and after.lower() == "of"
        for word, after in zip(words, words[1:], strict=False)
    )


def _ends_a_body_name(word: str) -> bool:
    """Whether a name's last word is a company's legal form or line of business ("Shipping", "Inc."), which no
    person's name ends with (``ORGANIZATION_NAME_ENDINGS``)."""
    return word.lower().strip(".") in lexicon.ORGANIZATION_NAME_ENDINGS


def _headed_by_institution(words: list[str]) -> bool:
    """Whether a name ends in a noun naming an institution (``INSTITUTION_HEADS``: "the Financial Conduct Regulator",
    "Lakeside Bank", a headline's lone "Regulator") and opens with no first name of the lists: an English name's
    head is its last word, so such a name is the institution's, whatever the small model read (untagged, a
    singular name is taken for a person's, and "The regulator said" then could not join it and went to the bank it
    fined: who25). A first name keeps the person ("Margaret Court")."""
    return words[-1].lower() in lexicon.INSTITUTION_HEADS and not is_first_name(words[0])


def _body_noun(codes: TokenCodes, i: int) -> bool:
    """Whether token ``i`` is a noun the lexicon gives a body as its description's head ("drugmaker", "retailer")."""
    return lexicon.DESCRIPTION_HEADS.get(codes.string(codes.lower[i])) in BODY_KINDS


def _owned_institution(codes: TokenCodes, start: int, end: int) -> bool:
    """Whether a name is an institution's named after its holder's office ("The Prime Minister's Office", "the
    Governor's Mansion"): its titles are the possessor's, not a person's to drop, and without them the source had
    been a person named "'s Office" (news18)."""
    return (
        any(codes.tag[i] == _POSSESSIVE_TAG for i in range(start + 1, end - 1))
        and codes.lower[end - 1] in _INSTITUTION_HEAD_IDS
    )


def _opens_with_personal_title(codes: TokenCodes, start: int, end: int) -> bool:
    """Whether a name the small model tagged a body's or a place's opens with an abbreviated title or an honorific
    that only a person bears, before two words of the name ("Cllr Aoife Brennan", tagged ORG, had been an
    organisation named with its title: news18). An abbreviation stands before a person's name, not a body's; one
    word after it may be a brand ("Dr Pepper"), and a body's name ending ("Mr Price Group") keeps the tag. An
    honorific that says a gender ("Ms", "Mr", "Mrs") before one word is the second reference news makes to a
    person ("Asked whether …, Ms Hollings laughed", tagged ORG, had left her "she said" to a body: news21)."""
    return (
        (end - start >= 3 or (end - start == 2 and codes.lower[start] in _GENDER_BY_ID))
        and codes.lower[start] in _PERSONAL_ABBREVIATION_IDS
        and all(codes.pos[i] == PROPN for i in range(start + 1, end))
        and not _ends_a_body_name(codes.string(codes.lower[end - 1]))
    )


def _possessor_in_name(codes: TokenCodes, start: int, low: int) -> int:
    """Where a name starts that holds a proper noun's possessive after "the" ("The *Alzheimer's* Alliance",
    "The *Prison Governors'* Forum"): an article cannot go with a possessor that is a proper name ("the
    Alzheimer" is no phrase), so it goes with the capitalised noun after the possessive, and the possessor and
    its proper nouns are that body's name. The small model tags only the last part (or the first), and the cut
    name ("Alliance", "Forum") was a junk source of its own (news16). The possessor may be two trades or places
    joined by "and", however the parser hangs its parts under the body's noun ("The *Oil and Gas Producers'*
    Association of the United Kingdom", "The *Lime Walk and Orchard Close Residents'* Association", cut to
    "Association …"): the article still goes with the noun after the possessive. A person's possessive has no
    article ("Calder's chief medical officer"), and is left out as before."""
    marker = start - 1
    if marker <= low or codes.tag[marker] != _POSSESSIVE_TAG or codes.pos[start] != PROPN:
        return start
    first = marker - 1
    if codes.pos[first] != PROPN or codes.governor[first] != start:
        return start
    while (
        first > low
        and (codes.pos[first - 1] == PROPN or codes.lower[first - 1] in _AND_IDS)
        and _governs(codes, start, first - 1)
    ):
        first -= 1
    if (
        first > low
        and codes.pos[first] == PROPN
        and codes.lower[first - 1] in _ARTICLE_IDS
        and not codes.breaks[first - 1]
    ):
        return first
    return start


def body_name_start(codes: TokenCodes, start: int, end: int, low: int) -> int:
    """Where an organisation's name starts when the small model tagged only its last part: the proper nouns, a
    people's adjective and "and" before it that its last word governs belong to it ("The *Kelbury and* District
    Hospitals Trust", tagged "Kelbury" and "District Hospitals Trust"; "The *British* Airline Crew Association").
    A body's name often coordinates places or opens with a nationality, and the cut name is a junk name of a
    body that does not exist. Not for people ("Obama and Biden" are two) nor places. A possessive ending the small
    model tagged with the name is not its last word ("Fenmouth and District Council's budget")."""
    last = end - 2 if end - 2 >= start and codes.tag[end - 1] == _POSSESSIVE_TAG else end - 1
    if codes.ent_type[last] not in _BODY_NAME_LABEL_IDS:
        return start
    pos, ent_type = codes.pos, codes.ent_type
    while start > low and _governs(codes, last, start - 1):
        before = start - 1
        joins = pos[before] == PROPN or (pos[before] == ADJ and ent_type[before] == _NORP)
        if pos[before] == CCONJ and before > low and pos[before - 1] == PROPN:
            joins = True
        # Two possessors coordinated before the body's noun: "The *Potters' and* Kiln Workers' Union" is one union
        # of both trades (news23's "Food Workers' Union", cut from "The Bakers' and Food Workers' Union"). The
        # possessive before "and" matches the one inside the name; a lone possessor before a body's name stays
        # out ("Trump's Justice Department").
        if pos[before] == CCONJ and before - 1 > low and codes.tag[before - 1] == _POSSESSIVE_TAG:
            joins = pos[before - 2] == PROPN and any(codes.tag[i] == _POSSESSIVE_TAG for i in range(start, last))
        if codes.tag[before] == _POSSESSIVE_TAG and pos[start] == CCONJ and before > low:
            joins = pos[before - 1] == PROPN
        # A body's word and its "of" before the name's first part, the whole governed by its last word: "The
        # International Federation *of* Red Cross and Red Crescent Societies", parsed with "Societies" as the head,
        # had been shown as "Red Cross and Red Crescent Societies" (news27); what the federation is of is its name.
        if codes.lower[before] == _OF and before > low and pos[before - 1] == PROPN:
            joins = body_word(codes.word(before - 1))
        # An honorific or an abbreviated title is a person's, never a body's first word: "Mr Achebe-Rowe's
        # solicitors", the surname and its possessive tagged an organisation, is Mr Achebe-Rowe.
        if (
            not joins
            or codes.breaks[before]
            or codes.lower[before] in _PERSONAL_ABBREVIATION_IDS
            or _opening_adjective(codes, before)
        ):
            break
        start = before
    return start


_SHARE_IDS, _SHARE_LABEL_IDS, _ONE = _ids(lexicon.SHARE_WORDS), _ids({"PERCENT", "CARDINAL"}), get_string_id("one")


def share_of_people(codes: TokenCodes, start: int, end: int) -> Mention | None:
    """A source that counts people instead of naming them ("59 percent of voters", "six in 10", "many", "the
    two"), read as a group description (a person for "one"): only people make statements, so a number or share
    in a source's place counts speakers. Source spans only: numbers are no antecedents for the resolver."""
    root = next((i for i in range(start, end) if not start <= codes.governor[i] < end or codes.governor[i] == i), None)
    if root is None or not (
        codes.pos[root] == NUM or codes.ent_type[root] in _SHARE_LABEL_IDS or codes.lower[root] in _SHARE_IDS
    ):
        return None
    low, high = core_span(codes, root, start, end)
    if codes.lower[root] == _ONE:
        return Mention(low, high, root, "description", "sing", None, "person")
    return Mention(low, high, root, "description", "plur", None, "group")


def _description_kind(codes: TokenCodes, head: int, number: Number) -> SourceKind:
    if is_age_noun(codes, head):
        return "group" if number == "plur" else "person"
    lemma = codes.lemma_text(head)
    kinds = {lexicon.DESCRIPTION_HEADS.get(lemma)}
    written = lexicon.DESCRIPTION_HEADS.get(codes.string(codes.lower[head]))
    if written in _KINDS_AS_WRITTEN:
        kinds.add(written)
    for kind in _HEAD_KINDS:
        if kind in kinds:
            return kind
    if not is_person_noun(lemma):
        return "unknown"  # "a problem that demands a response", "brain cancer": not someone who speaks
    return "group" if number == "plur" else "person"


def is_person_noun(lemma: str) -> bool:
    """Whether a common noun names people: a listed noun, a title, or a person-making suffix ("economist",
    "politician", "congressman", "pollster"). spaCy's small model has no animacy, and a "he" must not land on
    "a problem"."""
    return lemma in lexicon.PEOPLE_NOUNS or lemma.endswith(lexicon.PERSON_SUFFIXES)


_SINGULAR_PROPER_NOUN = get_string_id("NNP")
_DEFINITE_ARTICLE_IDS = _ids({"the"})
_INDEFINITE_IDS = _ids(lexicon.INDEFINITE)


def name_label(codes: TokenCodes, bounds: tuple[int, int], number: Number) -> str:
    """The small model's entity label of a name, as ``name_kind`` reads it: its last word's, else its first's; an
    untagged singular name is taken for a person's."""
    fallback = "PERSON" if number == "sing" else ""
    # (A number opening the name, tagged a date, says nothing of what the name names: "the 1886 Trust".)
    # Nor does a tag on a fragment of a hyphenated word ("Castellani" of "Castellani-Rossi", tagged a place).
    first_label = (
        codes.string(codes.ent_type[bounds[0]])
        if codes.pos[bounds[0]] != NUM and not _tag_ends_inside_word(codes, bounds[0])
        else ""
    )
    # A given name tagged a person's before a surname tagged a people ("Seo-yeon Han", "Han" read as the Han
    # people): no people's name follows a given name, the whole is a person's.
    if first_label == "PERSON" and codes.ent_type[bounds[1] - 1] == _NORP and bounds[1] - bounds[0] > 1:
        return first_label
    return codes.string(codes.ent_type[bounds[1] - 1]) or first_label or fallback


def _lone_surname_read_as_people(codes: TokenCodes, words: list[str], index: int) -> bool:
    """Whether a lone word the small model tagged a people (NORP) is more likely a surname: a singular proper
    noun ("Tallis told reporters" after "Pennick's mayor, Gwen Tallis"), not a people's plural ("Democrats",
    "Russians", tagged NNPS) nor an adjective or noun of affiliation the lexicon lists ("Republican"). Read as a
    people, the mayor's later statements were listed under a group "Tallis" and her "she" went elsewhere
    (news14); read as an undecided name, it joins the person named in full with it, as any lone surname does. A
    surname takes no article: "The Czech said", after "Procházková … said", is one of a people, and had been a
    source of no kind apart from her (news19)."""
    return (
        len(words) == 1
        and codes.tag[index] == _SINGULAR_PROPER_NOUN
        and words[0].lower() not in lexicon.AFFILIATION_ADJECTIVES
        and not (index > 0 and codes.lower[index - 1] in _DEFINITE_ARTICLE_IDS)
    )


def _body_kind(words: list[str]) -> SourceKind:
    """The kind of body a name names, by its words: an outlet's words make it the media's, a government's words
    ("Council", "Ministry") a government's, and any other name an organisation's. A surname's particle written in
    lower case ("Gwilym ap Rhys", "Khalid al-Rashid") is no outlet's word: an outlet writes its "AP" or "Al" with a
    capital, and read as one the person had been a news outlet apart from "Mr ap Rhys" (news27)."""
    lowered = {word.lower().strip(".") for word in words}
    outlet = {word.lower().strip(".") for word in words if not (word.islower() and word in lexicon.SURNAME_PARTICLES)}
    if outlet & MEDIA_NAME_WORDS and not lowered & {"house", "department", "ministry"}:
        return "media"
    if lowered & lexicon.GOVERNMENT_NAME_WORDS:
        return "government"
    return "organization"


_SUBJECT_DEP_IDS = _ids(SUBJECT_DEPS)


def learned_kind(codes: TokenCodes, bounds: tuple[int, int], words: list[str], kind: SourceKind) -> SourceKind:
    """The kind of the name in ``bounds``: the learned model's (``name_kinds``) where it is sure, else ``kind``
    (``name_kind``'s, where no word list decided it). The small model's label misses names of a new shape
    ("Ashgrove Investors" tagged a person, "Alison Treharne KC" an organisation, a dateline's "PORTO SALVE" a
    person: news23); the model, trained on GUM's gold types, reads the name's words, endings, titles and context.
    A people or a party (NORP) is none of its classes. A person is a person; an organisation keeps the body's kind
    the rules gave it, or takes the one its words say (``_body_kind``); a place that is a verb's subject speaks as
    its government ("Downing Street said"), and a place anywhere else (a dateline, "in Vila Cruz", "the Marrowport
    mayor") names where, not who: no kind of speaker. A body the small model tagged one keeps its kind when the
    model reads a place in its name (an organisation named after a place, "Westerly Ferries", speaks as itself). A
    name of a thing ("other") leaves the rules' kind, which reads documents and works by the small model's labels."""
    if kind == "group" or (kind == "unknown" and len(words) == 1) or not words[-1][:1].isupper():
        # A lone word the rules leave undecided stays so (``name_kind``): a surname's later "he" or fuller name
        # settles it, and the resolver was trained to wait for them (read as an organisation, a headline's
        # "Halvard" was a source apart from "Freya Halvard"). A name whose last word is not capitalised is a span
        # misread as a name, a verb or a common noun taken in ("Byron composed", "study hall"): the model learned
        # names as written, and has no say on these.
        return kind
    klass, probability = shipped_name_kinds().classify(codes, bounds[0], bounds[1])
    if probability < SURE or klass == "other":
        return kind
    head = name_head(codes, bounds[0], bounds[1])
    if klass == "person":
        if kind == "government":
            # The small model's place (GPE) read as a person's: the one change the model loses on in GUM train's
            # cross-validation (the rules right 9 times, the model 7, at a probability of 0.5 or more: "Athens").
            return kind
        # A person's name is singular: a plural last word ("Halden Films") is a body's name, or a family's.
        return kind if kind in BODY_KINDS and codes.tag[head] in _PLURAL_TAGS else "person"
    if klass == "organization":
        # Which body, the word lists say, as they do for a name tagged one ("Eastwick Gazette", tagged a person).
        return kind if kind in BODY_KINDS else _body_kind(words)
    if kind in BODY_KINDS:
        return kind
    return "government" if codes.dep[head] in _SUBJECT_DEP_IDS else "unknown"


def _owned(words: list[str]) -> bool:
    """Whether a name holds a possessive before its last word, which a person's name never does: "The Prime
    Minister's Office", tagged a person, is an institution named after its holder's office (news18), "St Peter's
    Square" a place named after its saint, which had taken the pope's "He said" and become his display name
    (news19)."""
    return any(word in {"'s", "’s"} for word in words[:-1])


def name_kind(words: list[str], label: str) -> SourceKind:
    """The kind of source a proper name names, from its entity label and its words."""
    return _name_kind(words, label)[0]


def _name_kind(words: list[str], label: str) -> tuple[SourceKind, bool]:
    """``name_kind``, and whether a word list decided it (a company's ending, a possessive, a government's or an
    outlet's word): each list was added for names the small model mislabels, and says what the name is by a word
    of it, which the learned model (``learned_kind``) reads as one feature among many."""
    lowered = {word.lower().strip(".") for word in words}
    if label == "PERSON" and (
        _ends_a_body_name(words[-1]) or _owned(words) or headed_before_of(words) or _headed_by_institution(words)
    ):
        # "Halvorsen Shipping", which the small model tags a person; a council's name is a government's, as it is
        # when tagged an organisation ("Hollins District Council", tagged a person, against its "The council").
        return ("government" if lowered & lexicon.GOVERNMENT_NAME_WORDS else "organization"), True
    if label == "PERSON":
        return "person", False
    if label == "GPE":
        # A place's name never ends in a company's legal form or line of business: "Castellane Shipping and
        # Logistics", its last word tagged a place, is a company.
        if _ends_a_body_name(words[-1]):
            return "organization", True
        return "government", False
    if label == "NORP":
        return "group", False
    body = _body_kind(words)
    if body != "organization":
        return body, True
    if len(words) == 1 and not words[0].isupper():
        # The small model often tags a lone surname as an organisation or a work ("Smith said", "Trump
        # said"): undecided until a pronoun ("he", "it") or a fuller name settles it.
        return "unknown", False
    if label in {"WORK_OF_ART", "LAW", "PRODUCT"}:
        return "document", False
    if label in {"ORG", "FAC"}:
        return "organization", False
    return "unknown", False


def _number(codes: TokenCodes, head: int, low: int, high: int) -> Number:
    """Plural for a plural noun, and for coordinated nouns ("Trump and Pence", "the family, protesters and
    civic leaders"), however the parser attached the list."""
    if codes.tag[head] in _PLURAL_TAGS:
        return "plur"
    governor, pos = codes.governor, codes.pos
    # A conjunct counts only when what it is coordinated with is in the phrase too ("Clinton" alone in "Trump and
    # Clinton" is one person).
    # Nor one coordinated with a modifier of another noun: "the police and crime commissioner" is one person.
    # Nor one inside a preposition's object, which says whose or what the head is, not how many: "A spokesman
    # for Harwood & Lyle said" is one man, and had been a group his "He" could not stand for (news18).
    coordinated = (
        i
        for i in range(low, high)
        if codes.dep[i] == _CONJ
        and low <= governor[i] < high
        and codes.dep[governor[i]] not in _MODIFIER_DEP_IDS
        and not _in_prepositional_object(codes, governor[i], head)
        and not _second_role(codes, i)
    )
    if any(pos[i] in _NOMINAL_IDS and pos[governor[i]] in _NOMINAL_IDS for i in coordinated):
        return "plur"
    if codes.lemma_text(head) in lexicon.QUANTITY_HEADS and any(
        codes.dep[t] == _POBJ and codes.tag[t] in _PLURAL_TAGS
        for child in codes.rights(head)
        for t in codes.children(child)
    ):
        return "plur"  # "a wide array of black artists", "a number of officials"
    if codes.plural[head]:
        return "plur"
    return "sing"


_INSTITUTION_HEAD_IDS = _ids(lexicon.INSTITUTION_HEADS)


def _in_prepositional_object(codes: TokenCodes, token: int, head: int) -> bool:
    """Whether ``token`` sits inside a prepositional phrase below the mention's head ("for *Harwood* & Lyle")."""
    while token != head and codes.governor[token] != token:
        if codes.dep[token] == _POBJ:
            return True
        token = codes.governor[token]
    return False


def _second_role(codes: TokenCodes, conjunct: int) -> bool:
    """Whether a conjunct adds a second role to an apposition ("Sir Anthony Webb, the MP for Kelham and a former
    rail minister"; "Farah Naseem, the study's lead author and a sleep researcher"): news describes one person
    by two roles so, and reading the pair as two people made the person a group (news13). A singular common
    noun that is no body: "Smith, the mayor, and councillors", "Lee, the council and the union", or a second
    name, are more participants."""
    first = codes.governor[conjunct]
    while codes.dep[first] == _CONJ and codes.governor[first] != first:
        first = codes.governor[first]
    return (
        (codes.dep[first] == _APPOS or _one_name_in_apposition(codes, first))
        and codes.pos[conjunct] == NOUN
        and codes.tag[conjunct] not in _PLURAL_TAGS
        and not codes.ent_type[conjunct]
        and codes.lower[conjunct] not in _INSTITUTION_HEAD_IDS
        and codes.ent_type[first] != _PERSON
    )


def _one_name_in_apposition(codes: TokenCodes, head: int) -> bool:
    """Whether one singular proper name, coordinated with no other, stands in apposition to a singular noun: the
    roles before it are that one person's ("Emberfall's founder and chief executive, Callum Quinn, denied …"), as
    roles after a name are (``_second_role``). Read as two people, the founder had been a group his "The
    39-year-old said" could not be (news30: it went to a programmer quoted before). Two names ("The owner and the
    chairman, Peter Hale and Ann Lee") are two people."""
    return codes.tag[head] not in _PLURAL_TAGS and any(
        codes.dep[child] == _APPOS
        and codes.tag[child] == _SINGULAR_PROPER_NOUN
        and not any(codes.dep[c] == _CONJ for c in codes.children(child))
        for child in codes.children(head)
    )


def analyze_mention(doc: Doc, start: int, end: int) -> Mention | None:
    """Read the mention in tokens ``start:end`` (a source span, or a named entity): None if it holds no
    nominal. Read once per document (kept with its token codes, ``TokenCodes.mentions``): the speakers stage and
    the sources' profiles read many of the same spans, and share the answer: read it, never change it."""
    codes = doc_token_codes(doc)
    key = (start, end)
    if key not in codes.mentions:
        codes.mentions[key] = _read_mention(codes, start, end)
    return cast("Mention | None", codes.mentions[key])


def _read_mention(codes: TokenCodes, start: int, end: int) -> Mention | None:
    head = find_head(codes, start, end)
    if head is None or (codes.ent_type[head] in _NON_SOURCE_IDS and not is_age_noun(codes, head)):
        return None
    governor, pos, lower = codes.governor, codes.pos, codes.lower
    relative = governor[head]
    if lower[head] in _RELATIVE_IDS and codes.dep[relative] == _RELCL and pos[governor[relative]] in _NOMINAL_IDS:
        # "Stevie Wonder, who joked": the source is the relative clause's antecedent.
        antecedent = governor[relative]
        if codes.dep[antecedent] == _APPOS and pos[governor[antecedent]] in _NOMINAL_IDS:
            # "Green Streets, a local organization which said": the clause hangs on the apposition, which is
            # the name's; the mention is the name with its apposition.
            return _read_mention(codes, codes.left_edge[governor[antecedent]], antecedent + 1)
        return _read_mention(codes, codes.left_edge[antecedent], antecedent + 1)
    if pos[head] == PRON and lower[head] in _PRONOUN_IDS:
        person, number, gender = _PRONOUN_IDS[lower[head]]
        # "I" and "you" are people too; "it" is not, and "they" may be anything plural.
        kind: SourceKind = "person" if gender in {"masc", "fem"} or (person < 3 and number == "sing") else "unknown"
        if lower[head] in _GROUP_PRONOUN_IDS:
            kind = "group"
        return Mention(head, head + 1, head, "pronoun", number, gender, kind, person=person)
    low, high = core_span(codes, head, start, end)
    number = _number(codes, head, low, high)
    # The apposition may hang off the head or, misparsed, off a word inside its phrase ("a spokesman for the
    # Kremlin, Dmitry Peskov" attaches Peskov to Kremlin).
    appos = _apposition(codes, head, start, end)
    if appos == head:
        # Read past an opening adverbial ("Outside court, the family's lawyer, Paul Nguyen"), the head may be the
        # apposition of a word outside the span; its own apposition, the name, comes after it (news17).
        appos = _apposition(codes, head, head + 1, end)
    if appos is not None and not low <= codes.governor[appos] < high:
        # An apposition inside a participle or relative clause describes a word of that clause, not the source:
        # "a study published in the journal *Marine Ecology Letters*" is no name of the study.
        appos = None
    if (
        appos is not None
        and codes.governor[appos] != head
        and _description_kind(codes, head, number) == "document"
        and _description_kind(codes, codes.governor[appos], "sing") in BODY_KINDS
    ):
        # "data from the analytics site StreamPulse": an apposition to a body's noun inside a document's phrase
        # names its author (``document_author`` reads it), not the document, which had been a source of no kind
        # named "StreamPulse" (news21). The misparse the deeper apposition is read for is a person's ("a spokesman
        # for the Kremlin, Dmitry Peskov").
        appos = None
    if appos is None:
        appos = _split_apposition(codes, head, start, end)
        if appos is not None and codes.dep[appos] == _CONJ and _singular_noun(codes, head):
            number = "sing"  # one party named in apposition, not two coordinated (``_name_read_as_conjunct``)
    named = _name_given(codes, head, start, end) if appos is None else None
    appos = appos if named is None else named
    # An apposition or a noun before the name that calls its bearer a body ("Open Rights for Children, a campaign
    # group", "The regulator Fair Fares for …") says that the name's "for" part is its own (``through_name_part``).
    # (Singular: "Oxfam and Save the Children, two charities" are two.)
    called_body = (appos is not None and _calls_a_body(codes, appos) and _singular_noun(codes, appos)) or any(
        codes.governor[i] == head and _calls_a_body(codes, i) for i in range(low, head)
    )
    bounds = name_bounds(codes, head, low, high, body=called_body)
    if bounds is not None and appos is not None and codes.ent_type[head] == _NORP:
        # "Another Republican, Representative Lorna Haskett": the party or people is what the person in the
        # apposition belongs to; the name is hers (it had been a group named by the whole phrase, news17).
        bounds = None
    # Only words up to the head say who the mention is: "the head of the women's group" is not a woman.
    # Nor do the words of a possessor, who is someone else: "Mrs Hale's lawyer" is no woman by Mrs Hale's title
    # (the solicitor, made a woman, had lost his "He said" to a partner named in his firm's name, news28).
    possessors = [i for i in codes.lefts(head) if codes.dep[i] == _POSS]
    owned = {j for i in possessors for j in range(codes.left_edge[i], codes.right_edge[i] + 1)}
    gender = next(
        (_GENDER_BY_ID[lower[i]] for i in range(low, head + 1) if lower[i] in _GENDER_BY_ID and i not in owned), None
    )
    if bounds is not None and appos is not None and number == "sing" and _lone_title(codes, bounds):
        # "The local MP, Rhodri Evans": the parser made the title a proper noun; the name follows. Not in a
        # coordination ("both President Barack Obama and his wife Michelle"), which is named as a whole.
        bounds = None
    # The word that says what the name's bearer is: its apposition, or the head when the name is the apposition.
    described = appos
    if bounds is None and appos is not None:
        # "a spokesman for the Kremlin, Dmitry Peskov": the name is in the apposition, the role in the head.
        appos_low, appos_high = core_span(codes, appos, start, end)
        bounds = name_bounds(codes, appos, appos_low, appos_high, body=_calls_a_body(codes, head))
        inner = _apposition(codes, appos, appos + 1, appos_high) if bounds is None else None
        if inner is not None and _name_word(codes, inner):
            # "One judge, the critic Benedict Farrow-Lyle, said": the apposition is itself a description with the
            # name after it ("the critic X", the name its close apposition); the name is the source's, as in "a
            # spokesman, Dmitry Peskov", and the head and the first description both describe its bearer. The
            # whole phrase had been shown as the name.
            bounds = name_bounds(codes, inner, *core_span(codes, inner, start, end))
        if bounds is not None:
            high = max(high, bounds[1])
            described = head
    if bounds is not None and number == "plur" and _conjuncts_in_name(codes, head, bounds, called_body):
        number = "sing"  # "Pentreath Fire and Rescue Service": the "and" is inside one body's name, not two parties
    tagged_elsewhere = ""
    if bounds is not None and number == "plur" and not codes.ent_type[bounds[1] - 1]:
        # The whole proper name the mention writes before its head, whose "and" the parser may have cut off.
        opening = low + 1 if codes.pos[low] == DET else low
        if all(codes.pos[i] in {PROPN, CCONJ, PUNCT} for i in range(opening, bounds[1])):
            tagged_elsewhere = _body_label_elsewhere(codes, (opening, bounds[1]))
            bounds = (opening, bounds[1]) if tagged_elsewhere else bounds
    if (
        bounds is not None
        and number == "plur"
        and not codes.ent_type[bounds[1] - 1]
        and not tagged_elsewhere
        and not _one_body(codes, appos)
        and not _set_off_name(codes, described, head, bounds)
    ):
        bounds = None  # an untagged plural proper noun ("super PACs", "Democrat Voters") names no one source
    if bounds is not None and number == "sing" and _epithet_read_as_name(codes, low, high, head):
        # "The Welshwoman said", "the Scot said": a people's or a region's word for one of its members, which news
        # uses as an epithet for a person it has named (the small model tags it a person's name, or an
        # organisation's). English writes a person's name without an article, so an article and one such word
        # describe a person ("a Scot" a new one), whose gender a "-woman" or "-man" ending gives; as a name it had
        # been a source of its own.
        return Mention(low, high, head, "description", "sing", _epithet_gender(codes, head), "person", appos=appos)
    if bounds is not None:
        words = [codes.word(i) for i in range(bounds[0], bounds[1])]
        label = name_label(codes, bounds, number) or tagged_elsewhere
        kind, listed = _name_kind(words, label)
        if not listed:
            kind = learned_kind(codes, bounds, words, kind)
        if kind == "group" and _lone_surname_read_as_people(codes, words, bounds[0]):
            kind = "unknown"
        if described is None and (
            (bounds[0] > low and (codes.pos[bounds[0] - 1] == NOUN or _body_noun(codes, bounds[0] - 1)))
            or (bounds[0] > start and _body_noun(codes, bounds[0] - 1))
        ):
            # A common noun written before the name: "Residents' group Save Westcombe"; a body's noun also where the
            # parser made it a second subject beside the name, outside the name's phrase ("Consumer group Which
            # Way": see ``find_head``).
            described = bounds[0] - 1
        if described is not None and kind in {"person", "unknown", "government"}:
            # "Green Streets, a local organization which said", "Residents' group Save Westcombe", "the energy
            # regulator, Ofpower": the description says what kind of source it is (the small model tags many
            # organisations' names as people's or places').
            body = _description_kind(codes, described, number)
            kind = body if body in BODY_KINDS else kind
            if kind in {"unknown", "government"} and described != head and body == "person" and number == "sing":
                # "Fashola, a painter from Leeds, said": an apposition naming an occupation says its bearer is a
                # person, and no place is a painter; the small model tags unfamiliar surnames as places, and the
                # runner-up's "She said" after it went to a woman quoted a paragraph before (news27).
                kind = "person"
        if kind in {"organization", "unknown", "government", "media"} and _titled(codes, described, low, bounds[0]):
            # "water secretary Esteban Quiroga", "the local MP, Rhodri Evans", tagged ORG; "Its secretary, Joanne
            # Mbeki", tagged GPE: a place holds no office. Nor does an outlet: "Its president, Gwilym ap Rhys",
            # whose unfamiliar name the learned kind took for a medium's, had kept his "the 61-year-old said" apart.
            kind = "person"
        if (
            kind in {"organization", "unknown", "government"}
            and bounds[0] > low
            and (
                _opens_with_personal_title(codes, bounds[0] - 1, bounds[1])
                or _surname_after_title(codes, bounds[0] - 1, bounds[1])
            )
        ):
            # "Monsignor Anselm Vrabec", tagged an organisation with his style: the style the name lost is borne
            # only by people, and his "he said" had gone to a minister quoted before him (news19).
            kind = "person"
        if kind == "unknown" or (kind == "person" and len(words) > 1 and _first_name_gender(words) is None):
            # "Greystone Residential, which manages 9,000 homes", tagged PERSON: no person is a "which". A name
            # opening with a first name stays a person's, and so does a lone surname: a "which" the parser hangs
            # on it is likelier the whole clause's ("… Clinton, which is a problem", PolNeAR dev).
            kind = _relative_kind(codes, head) if kind == "unknown" else _relative_body(codes, head)
        if number == "plur" and kind in BODY_KINDS:
            # "Brightwell Foods", "General Motors", "the United Nations": one body, whose "it" a name ending in a
            # plural word must not rule out (the parser tags "Foods" a plural proper noun); but "Acme and the
            # port authority" are two parties, not one body a later "the authority" may stand for; only the head's
            # own conjuncts count ("the Food and Drug Administration", "the Tax Policy Center at the Urban Institute
            # and Brookings Institution" are one body each).
            parties = any(codes.dep[child] == _CONJ for child in codes.children(head))
            number, kind = ("plur", "group") if parties else ("sing", kind)
        if number == "plur" and kind == "person":
            kind = "group"
        if kind == "group" and label == "NORP":
            if (
                codes.tag[head] == _SINGULAR_PROPER_NOUN
                and codes.lower[low] in _DEFINITE_ARTICLE_IDS
                and (
                    high - low == 2
                    or (head == high - 1 and all(codes.ent_type[i] == _GPE for i in range(low + 1, head)))
                )
            ):
                # "the Republican said", "the Briton": one member of a party or a people, a person news calls by
                # what they belong to once it has named them (``matching._gives_background``); it had been the
                # party, a group (news17). So is one with the place they represent: "The Ohio Republican said",
                # after "Senator … of Ohio", had been a group "Ohio Republican" (news21).
                return Mention(low, high, head, "description", "sing", None, "person", appos=appos)
            # "Democrats", "Russians": a people, not a name of one identifiable source.
            return Mention(low, high, head, "description", "plur", None, "group", appos=appos)
        if kind == "government" and gender is None:
            gender = "neut"
        first = _first_name_gender(words) if number == "sing" else None
        if (
            first is not None
            and kind == "organization"
            and (_described_as_person(codes, described) or _described_as_person(codes, _apposed_to(codes, head, low)))
        ):
            # "Priya Mistry, a teacher from Leicester", "Another customer, Gemma Holt", tagged organisations: a name
            # opening with a first name that the text calls by a noun only people are is a person's; without such
            # a noun it keeps its tag, as organisations named after people do ("John Deere"). Her "she" had gone
            # to the woman quoted before her (news17). The noun may stand outside the mention read, the name in
            # apposition to it: "The shop's owner, Lidia Marchetti, was more critical. She believes …", the name
            # read alone and tagged an organisation, had left "She" with no one (news20).
            kind = "person"
        if kind in {"organization", "unknown"} and any(_quoted_word(codes, i) for i in range(bounds[0], bounds[1])):
            # 'Kiki "kikibites" Osei', the first name tagged an organisation with the word before it: a nickname
            # written between a first name and a surname is a person's (news21; see ``_past_nickname``).
            kind = "person"
        if named is not None and kind != "person" and is_person_noun(codes.lemma_text(head)):
            # "the Swedish player known as Nordlys": the name a person noun's bearer goes by (a handle, a stage
            # name) is a person's, whatever the small model tagged it (an organisation: his "He wrote" had gone
            # to the streamer named before him, news21).
            kind = "person"
        if first is not None and kind in {"person", "unknown", "document", "group"}:
            # "Isabel Ruiz", "Donald Trump": a full name opening with a first name of one gender is a person's,
            # of that gender, unless an honorific already said otherwise ("Mrs. Morgan Lee"); the small model
            # tags some as works or peoples. Organisations named after people ("John Deere") keep their tag.
            kind = "person"
            gender = gender or first
        return Mention(
            low,
            high,
            head,
            "name",
            number,
            _bodies_sexless(gender, kind),
            kind,
            name_start=bounds[0],
            name_end=bounds[1],
            appos=appos,
        )
    kind = _description_kind(codes, head, number)
    if (
        kind == "person"
        and appos is not None
        and _calls_a_body(codes, appos)
        and _singular_noun(codes, appos)
        and lower[head] not in _OFFICE_IDS
    ):
        # "The group's organiser, a walking club based in Rathmines, said": an apposition names what its head
        # names, and a body's noun there says that an agent noun a body may be as well as a person ("organiser",
        # "owner", "sponsor") is the body. Read as a person, the club's "It said" in the next sentence had gone to a
        # body named a paragraph before (news28). Not a title or role only people hold ("The chairman, a
        # charity": a misparse more likely than a charity in the chair).
        kind = _description_kind(codes, appos, "sing")
    if kind == "person" and _relative_kind(codes, head) == "organization":
        kind = "organization"  # "the grid operator, which runs the network": "which" says it is not a person
    elif kind in BODY_KINDS and is_person_noun(codes.lemma_text(head)) and _relative_kind(codes, head) == "person":
        # "The regulator, who …": a body's noun that names a person too by its ending ("-ator"), and "who" says
        # which (a body's own noun keeps its kind: "the council, who met on Monday").
        kind = "person"
    return Mention(low, high, head, "description", number, _bodies_sexless(gender, kind), kind, appos=appos)


_GENDER_BY_ID = {get_string_id(word): gender for word, gender in HONORIFIC_GENDER.items()}
# Titles and role nouns that only people bear ("secretary", "MP", "lawyer"), for a name the small model tagged an
# organisation's; not the person nouns a company may be called too ("a rival", "a partner"), nor the heads of
# bodies ("chipmaker", "regulator").
_DESCRIPTION_HEAD_IDS = _ids(lexicon.DESCRIPTION_HEADS)
_OFFICE_IDS = _ids((lexicon.TITLES | lexicon.ROLE_NOUNS) - set(lexicon.DESCRIPTION_HEADS))


def _conjuncts_in_name(codes: TokenCodes, head: int, bounds: tuple[int, int], called_body: bool = False) -> bool:
    """Whether a singular head is plural only by conjuncts that lie inside its own name (``coordinated_name_end``),
    a body's name: one whose last word is a body's word ("Pentreath Fire and Rescue Service"), or whose body word
    takes an "of" or "for" part ("Asthma and Lung Alliance of Great Britain": the place says which alliance, the
    "and" is inside its name, news26). Other names the small model tagged as one across an "and" stay plural: they
    are as often two people ("Obama and Biden"), and reading every such name as one party cost GUM train CV
    pronouns half a point through the fold models' features (junk25). ``called_body``: the text calls the bearer one
    body (``_called_body_conjuncts_end``: "Open Rights and Digital Liberty, a campaign group")."""
    conjuncts = [child for child in codes.children(head) if codes.dep[child] == _CONJ]
    # The body's word before an "of" or "for" part reads only an "and" inside the name (``_joined_by_and``).
    body = (
        body_word(codes.word(bounds[1] - 1))
        or (_body_named(codes, bounds) and any(_joined_by_and(codes, head, c, bounds[1]) for c in conjuncts))
        or _joined_by_ampersand(codes, bounds)
    )
    # A singular body's noun calling the bearer one body outweighs a plural head ("Open *Rights* and …").
    one = (body and _singular_noun(codes, head)) or (
        called_body and any(_joined_by_and(codes, head, c, bounds[1]) for c in conjuncts)
    )
    return one and bool(conjuncts) and all(bounds[0] <= c < bounds[1] for c in conjuncts)


def _joined_by_ampersand(codes: TokenCodes, bounds: tuple[int, int]) -> bool:
    """Whether a name's parts are joined by "&" and no "and": the ampersand is a firm's way of joining its
    founders' names ("Fenwick & Lowe", "Strand & Pelham Fine Art"); prose joins two people or two bodies with
    "and", so the name is one body's, a later "the publisher" and "it" its own."""
    words = range(bounds[0], bounds[1])
    return any(codes.lower[i] == _AMPERSAND for i in words) and not any(codes.lower[i] == _AND for i in words)


def _joined_by_and(codes: TokenCodes, first: int, conjunct: int, end: int) -> bool:
    """Whether an "and" or "&" stands between two conjuncts: a comma alone between two names the parser
    coordinated is an apposition or an address ("the University of California, Berkeley", "County of Maui,
    Department of Finance" in GUM), not the "and" inside one body's name; reading those as one body moved a GUM
    court document's markables and its pronouns with them (names27). A list's comma counts when an "and" closes the
    list later: the parser chains "Culture, Media and Sport" as conjunct of conjunct, and the "and" before the last
    joins them all ("Department for Culture, Media and Sport" is one department). Only inside the name, which ends
    at ``end``: an "and" after it joins the name to another party ("County of Maui, Department of Finance, and
    County of Maui", a GUM court document's list of defendants)."""
    last = conjunct
    while (
        chained := next((c for c in codes.children(last) if codes.dep[c] == _CONJ and last < c < end), None)
    ) is not None:
        last = chained
    return any(codes.lower[i] in _AND_IDS for i in range(first + 1, last))


def heads_in_name(codes: TokenCodes, mention: Mention) -> list[int]:
    """The conjuncts of a singular name's head that lie inside the name: the words that head one body's name with
    it ("Authority" of "the Country Fire and Rescue Authority of Westmarch", where the parser made "Fire" the head
    and "Authority" its conjunct; ``_conjuncts_in_name`` read the name as one body). A later "the authority" is
    that body by its head word, and the conjunct's own noun phrase is no participant apart from the name."""
    if mention.form != "name" or mention.number != "sing" or mention.name_start is None or mention.name_end is None:
        return []
    return [
        i
        for i in range(mention.name_start, mention.name_end)
        if i != mention.head
        and codes.governor[i] == mention.head
        and codes.dep[i] == _CONJ
        and _joined_by_and(codes, mention.head, i, mention.name_end)
    ]


def _body_named(codes: TokenCodes, bounds: tuple[int, int]) -> bool:
    """Whether a name is a body's by its words: it ends in a body's word, or a body's word stands before its "of"
    or "for" part ("Rugby Union of Caledonia", "Lung Alliance of Great Britain")."""
    start, end = bounds
    return body_word(codes.word(end - 1)) or any(
        codes.lower[i + 1] in (_OF, _FOR) and body_word(codes.word(i)) for i in range(start, end - 1)
    )


def _singular_noun(codes: TokenCodes, token: int) -> bool:
    """Whether a noun is singular in itself, whatever it is coordinated with."""
    return codes.tag[token] not in _PLURAL_TAGS and not codes.plural[token]


def _set_off_name(codes: TokenCodes, described: int | None, head: int, bounds: tuple[int, int]) -> bool:
    """Whether an untagged plural name is the apposition of the description, set off by a comma after it: "The
    headliners, The Velvet Lanterns, said" names the headliners, a band (with "The" kept capitalised inside the
    sentence, as only a name's is), and had been shown as "headliners, The Velvet Lanterns" (news25). Plural
    proper nouns that are no one source ("super PACs") are written as the head, not named in apposition to it."""
    start = bounds[0] - 1 if bounds[0] > 0 and codes.word(bounds[0] - 1) == "The" else bounds[0]
    return described == head and start > head and codes.punct[start - 1] and codes.word(start - 1) == ","


def _body_label_elsewhere(codes: TokenCodes, bounds: tuple[int, int]) -> str:
    """The body's label (ORG, FAC) the small model gave the same words where it tagged them elsewhere in the
    text, "" if it tagged them nowhere. A proper name names the same bearer all through an article, but the tag
    is read afresh at each occurrence: "Meadowbank Care and Nursing Homes Ltd" tagged an organisation in one
    paragraph, "Meadowbank Care and Nursing Homes said it …" untagged in another, where its plural last word
    and its "and" had made it no one source, and the company's "In a statement, it said" after it had gone to
    a thing named before ("The rota … showed", news28). An untagged plural proper noun the model never tags
    ("super PACs") keeps no source."""
    name = codes.span_text(*bounds)
    at = codes.text.find(name)
    while at >= 0:
        token = bisect.bisect_left(codes.idx, at)
        if token < len(codes.idx) and codes.idx[token] == at and codes.ent_type[token] in _BODY_NAME_LABEL_IDS:
            end = bisect.bisect_left(codes.idx, at + len(name)) - 1
            if all(codes.ent_type[i] == codes.ent_type[token] for i in range(token, end + 1)):
                return codes.string(codes.ent_type[token])
        at = codes.text.find(name, at + 1)
    return ""


def _calls_a_body(codes: TokenCodes, noun: int | None) -> bool:
    """Whether a common noun describing a name's bearer is a body's ("the watchdog", "a campaign group")."""
    return noun is not None and codes.pos[noun] == NOUN and _description_kind(codes, noun, "sing") in BODY_KINDS


def _one_body(codes: TokenCodes, appos: int | None) -> bool:
    """Whether an apposition says its name is one body: "Nimbara Systems, *the cloud storage company*" (an
    untagged plural proper noun is otherwise no one source; company names often end in a plural)."""
    return (
        appos is not None
        and codes.pos[appos] == NOUN
        and codes.tag[appos] not in _PLURAL_TAGS
        and _description_kind(codes, appos, "sing") in BODY_KINDS
    )


# The endings of a compound that names a man or a woman of a people or place ("Frenchman", "Welshwoman"),
# "woman" first as it ends in "man".
_GENDERED_ENDINGS = ("woman", "man")


def _epithet_read_as_name(codes: TokenCodes, low: int, high: int, head: int) -> bool:
    """Whether a mention is an article and one capitalized singular proper noun that names a person: tagged a
    person's name ("the Scot", "a Scot") or ending in "-man"/"-woman" ("the Frenchman", tagged an organisation).
    A title ("the Pope") is an office and read as one; a body's one-word name ("the Treasury", "the Guardian") is
    tagged no person's and ends in neither."""
    if high - low != 2 or head != low + 1 or codes.lower[low] not in _ARTICLE_IDS:
        return False
    if codes.tag[head] != _SINGULAR_PROPER_NOUN or codes.lower[head] in _TITLE_IDS:
        return False
    return codes.ent_type[head] == _PERSON or codes.string(codes.lower[head]).endswith(_GENDERED_ENDINGS)


def _epithet_gender(codes: TokenCodes, head: int) -> Gender | None:
    """The gender of a people's word for one member, by its ending ("Welshwoman": feminine); none for "Scot"."""
    word = codes.string(codes.lower[head])
    return next((HONORIFIC_GENDER[e] for e in _GENDERED_ENDINGS if word.endswith(e)), None)


def _lone_title(codes: TokenCodes, bounds: tuple[int, int]) -> bool:
    """Whether a would-be name is an untagged title ("MP", "Senator"), or an office written in capitals that ends
    in one ("The Environment Secretary, Rachel Moffat": news14, where "Environment Secretary" was the name, and
    her "she" a person apart from Rachel Moffat), and so no one's name."""
    start, end = bounds
    return not any(codes.ent_type[start:end]) and codes.lower[end - 1] in _OFFICE_IDS


def office_named_beside(codes: TokenCodes, head: int) -> bool:
    """Whether ``head`` is an untagged office ("Secretary" of "The Environment Secretary, Rachel Moffat, visited")
    whose apposition names its holder: the holder's name is the mention to collect, not the office's words."""
    return (
        codes.lower[head] in _OFFICE_IDS
        and not codes.ent_type[head]
        and any(codes.dep[child] == _APPOS and codes.ent_type[child] for child in codes.rights(head))
    )


def _described_as_person(codes: TokenCodes, described: int | None) -> bool:
    """Whether the noun that says what a name's bearer is (its apposition, or the noun written before it) names
    only people: a listed person noun or one with a person-making suffix ("teacher", "customer", "veteran"), not
    a body's head ("a Leeds-based manufacturer")."""
    if described is None or codes.pos[described] != NOUN:
        return False
    return is_person_noun(codes.lemma_text(described)) and _description_kind(codes, described, "sing") == "person"


def _apposed_to(codes: TokenCodes, head: int, low: int) -> int | None:
    """The noun before the mention (it starts at ``low``) that the mention's head is in apposition to, if any."""
    governor = codes.governor[head]
    return governor if codes.dep[head] == _APPOS and governor < low else None


def _titled(codes: TokenCodes, described: int | None, low: int, name_start: int) -> bool:
    """Whether the text gives a name a title or role only people hold: written before it ("Provincial water
    *secretary* Esteban Quiroga") or as its description ("The local *MP*, Rhodri Evans"; "Rhodri Evans, the
    *MP*"). The small model tags many people's names it has not seen as organisations' (first names the US lists
    lack: "Esteban", "Rhodri"), and the name's "he" then finds no person. A word that only says what a body's
    noun deals in is no title: "The *coach* company, Skyline Travel" is a company (news14)."""
    words = list(range(low, name_start)) + ([described] if described is not None else [])
    return any(
        (codes.lower[i] in _OFFICE_IDS or codes.lemma[i] in _OFFICE_IDS)
        and not (i != described and codes.lemma[codes.governor[i]] in _INSTITUTION_HEAD_IDS)
        for i in words
    )


def _apposition(codes: TokenCodes, head: int, start: int, end: int) -> int | None:
    """The first apposition in ``head``'s subtree, in the order ``Token.subtree`` gives, within ``start:end``."""
    found = [
        i for i in range(max(start, 0), min(end, len(codes.dep))) if codes.dep[i] == _APPOS and _governs(codes, head, i)
    ]
    if len(found) > 1:
        # In a non-projective parse the subtree's order is not the text's: walk it as ``Token.subtree`` does.
        first = next((i for i in _subtree(codes, head) if i in found), None)
        # A hyphenated word the parser split into appositions ("the firm's co-founder": "co", "-", "founder") is
        # one apposition, headed by its last part.
        return None if first is None else _hyphenated_head(codes, first, found)
    return found[0] if found else None


_NAMING_PARTICIPLES = frozenset({"know", "call", "name", "nickname", "dub"})
_AS, _OPRD = get_string_id("as"), get_string_id("oprd")


def _name_given(codes: TokenCodes, head: int, start: int, end: int) -> int | None:
    """The name a participle gives the head inside the mention: "the Swedish player *known as* Nordlys", "a
    streamer *called* Kestrel". Such a participle does what an apposition does, naming the one the description
    describes; the source had been listed as "Swedish player known as Nordlys" (news21). Only a person's or a
    body's description: a thing's name given so ("The program, called EB-5") is no source's and had been matched
    to a coalition named after it (PolNeAR dev). None without one."""
    if not (is_person_noun(codes.lemma_text(head)) or _body_noun(codes, head)):
        return None
    for verb in codes.children(head):
        if not (start <= verb < end and codes.dep[verb] == _ACL_DEP and codes.lemma_text(verb) in _NAMING_PARTICIPLES):
            continue
        for child in codes.children(verb):
            if codes.dep[child] == _OPRD and _name_word(codes, child):
                return child
            if codes.dep[child] == _PREP and codes.lower[child] == _AS:
                return next((obj for obj in codes.children(child) if _name_word(codes, obj)), None)
    return None


def _name_word(codes: TokenCodes, i: int) -> bool:
    """A proper noun, or a word the tagger put in a name ("known as Flits", "Flits" a plural noun to the parser)."""
    return codes.pos[i] == PROPN or codes.ent_type[i] in _NAME_LABEL_IDS


def _split_apposition(codes: TokenCodes, head: int, start: int, end: int) -> int | None:
    """A name the parser made a second subject of the verb instead of the head's apposition ("Its *chair*,
    Deborah *Finch*, a retired teacher, said": two subjects of "said"): a common noun, a comma, and a tagged
    name with the same head and relation is a description and its name."""
    if codes.pos[head] != NOUN:
        return None
    conjunct = _name_read_as_conjunct(codes, head, end)
    if conjunct is not None:
        return conjunct
    after = codes.right_edge[head] + 1
    if after >= end or not codes.punct[after]:
        return None
    name = next(
        (
            i
            for i in range(after + 1, min(end, len(codes.dep)))
            if codes.governor[i] == codes.governor[head] and codes.governor[i] != i
        ),
        None,
    )
    if name is None or codes.dep[name] != codes.dep[head] or codes.ent_type[name] not in _NAME_LABEL_IDS:
        return None
    return name if codes.left_edge[name] == after + 1 else None


_CC = get_string_id("cc")


def _name_read_as_conjunct(codes: TokenCodes, head: int, end: int) -> int | None:
    """A tagged name the parser made the head's conjunct though nothing coordinates them: in "The haulage company,
    Brindle & Sons Logistics, said", "Brindle" is a conjunct of "company", and the source had been shown as
    "haulage company, Brindle & Sons Logistics" (news24). A list of parties joins its last member with "and" or
    "or" outside the names ("the union, the council and the firm"); a comma alone before a whole tagged name that
    the head has no conjunction for is an apposition. The name's first word is returned: the parser hangs the rest of
    the name on it."""
    comma = head + 1
    if comma + 1 >= end or codes.word(comma) != "," or any(codes.dep[c] == _CC for c in codes.children(head)):
        return None
    first = comma + 1
    if codes.dep[first] != _CONJ or codes.governor[first] != head or codes.ent_type[first] not in _NAME_LABEL_IDS:
        return None
    if codes.entity_start[first] != first or codes.entity_end[first] > end:
        return None
    return first


def _subtree(codes: TokenCodes, token: int) -> Iterator[int]:
    """``Token.subtree``'s order: each left child's subtree, the token, each right child's subtree."""
    for child in codes.lefts(token):
        yield from _subtree(codes, child)
    yield token
    for child in codes.rights(token):
        yield from _subtree(codes, child)


def _governs(codes: TokenCodes, ancestor: int, i: int) -> bool:
    """Whether token ``i`` is ``ancestor`` or lies below it in the parse tree."""
    governor = codes.governor
    while i != ancestor:
        if governor[i] == i:
            return False
        i = governor[i]
    return True


def _first_name_gender(words: list[str]) -> Gender | None:
    """The gender the first-name lists give the words before the surname ("Councillor Omar Hale": Omar), when
    they agree: "Marie-Paul Durand" is written with a name of each sex."""
    genders = {g for word in words[:-1] if (g := first_name_gender(word))}
    return genders.pop() if len(genders) == 1 else None


def _bodies_sexless(gender: Gender | None, kind: SourceKind) -> Gender | None:
    """An organisation, outlet or document has no sex, whatever gendered word its name holds ("the Award for
    Best Actress", "the Women's League")."""
    return None if gender in {"masc", "fem"} and kind in {"organization", "media", "document"} else gender


def read_source(doc: Doc, start: int, end: int) -> Mention | None:
    """How a source span reads as a mention, the same for the resolver and for the source's profile: a
    coordination of people's names as their group, else a noun phrase or pronoun (``analyze_mention``), else a
    share of people."""
    codes = doc_token_codes(doc)
    start = past_dateline(codes, start, end)
    subject = _past_participle_agent(codes, start, end)  # ``start`` when the span opens with no participle's agent
    agent = start < subject
    start = _past_opening_adverbial(codes, _past_opening_participle(codes, start, end), end)
    if start >= end:
        return None
    mention = (
        misread_surname(doc, start, end) or coordinated_people(doc, start, end) or _member_picked_out(codes, start, end)
    )
    if mention is None:
        mention = analyze_mention(doc, start, end)
    if mention is not None and mention.kind == "document" and mention.form == "description":
        mention = document_author(codes, mention, start, end) or mention
    if agent and mention is not None and mention.head < subject:
        return read_source(doc, subject, end)  # the participle's agent, the medium: the subject instead
    return mention or share_of_people(codes, start, end)


_COMMA = get_string_id(",")


def misread_surname(doc: Doc, start: int, end: int) -> Mention | None:
    """A person's surname opening a sentence that the small model read as a common noun or an adjective
    ("Reyes objected", tagged a plural noun; "Prowse, 41, said", an adjective; "Rowntree disagreed"), read as
    that name: a capitalised word, alone but for punctuation and an age, that is the last word of a person's
    name the text gave earlier. Read as the model reads it, it was no one (the statement listed under no
    source) or a description the pronouns after it could not go to (news13, news14)."""
    codes = doc_token_codes(doc)
    word = codes.word(start)
    if (
        codes.pos[start] == PROPN
        or codes.ent_type[start]
        or not (word[:1].isupper() and word[1:].islower())
        or not doc[start].is_sent_start
        or any(not (codes.punct[i] or codes.pos[i] == NUM) for i in range(start + 1, end))
    ):
        return None
    # The last word of a person's name of two words or more, earlier (read off the token table: ``doc.ents``
    # would build every entity of the document for each word asked about). The earlier words spelt the same are
    # found in one array comparison: a word-by-word scan of everything before each sentence-opening subject would
    # grow with the square of the document's length.
    # A name that opens with a listed first name is a person's whatever the small model tagged it ("The deputy
    # governor, Sigrid Lunde," tagged an organisation, then "Lunde later told reporters" read as a noun; news16).
    lowers = codes.arrays.lower
    if not any(
        codes.entity_end[i] == i + 1
        and codes.entity_start[i] < i
        and (codes.ent_type[i] == _PERSON or is_first_name(codes.word(codes.entity_start[i])))
        for i in np.flatnonzero(lowers[:start] == lowers[start]).tolist()
    ):
        return None
    return Mention(start, end, start, "name", "sing", None, "person", name_start=start, name_end=start + 1)


_DATELINE_DASHES = _ids({"—", "–", "-", "--"})
_DATELINE_WORDS = 10  # the longest dateline read: "SAN JOSE, Calif., Nov. 14 (Meridian) -" and the like
_CLOCK_TIME = re.compile(r"\d{1,2}[:.]\d{2}")


def past_dateline(codes: TokenCodes, start: int, end: int) -> int:
    """Where a source span's mention starts, past what heads an entry rather than names anyone: a live blog's
    clock time ("09:40 Pennick's mayor, Gwen Tallis, declared"; "17:10 Tallis told reporters") and a wire
    story's dateline in capitals before a dash ("SAN JOSE — Lumina, the Californian phone maker, unveiled"), with
    the date and the agency's name if the wire gives them ("KHARVEL, March 9 (Meridian) - Tarvanian forces said").
    Both open the paragraph, not the noun phrase: read with them, the small model made "09:40 Pennick's" a
    person, "Tallis" a group and the city the subject (news14). Only at a paragraph's start, where both stand
    (the small model tags datelines as places, bodies and peoples alike, so their tag cannot tell)."""
    if start > 0 and not codes.space[start - 1] and not codes.breaks[start - 1]:
        return start  # not the paragraph's first word
    if end - start > 1 and _CLOCK_TIME.fullmatch(codes.word(start)):
        return start + 1
    dash = start
    while dash < end - 1 and codes.word(dash).isupper() and codes.word(dash).isalpha():
        dash += 1
    if dash > start and dash < end - 1 and codes.lower[dash] == _COMMA:
        # A wire service's dateline carries the date and its own name before the dash ("KHARVEL, March 9
        # (Meridian) - Tarvanian forces said"): only a date's words, numbers, names and brackets stand there.
        dash += 1
        while dash < end - 1 and codes.lower[dash] not in _DATELINE_DASHES and dash - start <= _DATELINE_WORDS:
            if not (codes.pos[dash] in {NUM, PROPN} or codes.word(dash) in "()"):
                return start
            dash += 1
    elif dash > start and dash < end - 1 and codes.word(dash) == "(":
        # Or the agency's name alone in brackets, the US wires' style ("VATICAN CITY (AW) — Pope Clement XV
        # called"): read with it, the source had been named "VATICAN CITY" and took the pope's statement (news19).
        close = dash + 1
        while close < min(end - 1, dash + 4) and codes.pos[close] == PROPN:
            close += 1
        if close > dash + 1 and codes.word(close) == ")":
            dash = close + 1
    if dash > start and dash < end - 1 and codes.lower[dash] in _DATELINE_DASHES:
        return dash + 1
    return start


def _past_opening_participle(codes: TokenCodes, start: int, end: int) -> int:
    """Where a source span's mention starts, past an opening participle set off by a comma: court reports name
    the side a barrister speaks for so ("Prosecuting, Annabel Fairweather told the jury"; "Defending, …"), and
    the small model, taking the participle for a name, made the source "Prosecuting" (news13)."""
    if (
        end - start > 2
        and codes.lower[start + 1] == _COMMA
        and not codes.ent_type[start]
        and codes.string(codes.lower[start]).endswith("ing")
        and codes.ent_type[start + 2]
    ):
        return start + 2
    return start


def _past_participle_agent(codes: TokenCodes, start: int, end: int) -> int:
    """Where a source span's mention starts, past the agent of a participle phrase set off by commas that hangs on
    what comes before the span ("In an email to staff, seen by the Courier, the vice-chancellor said"; "…, obtained
    by Reuters, the minister wrote"). The agent of "seen", "obtained" or "reported" is the medium that saw the
    document or heard the words, never the one who said them: the sentence's subject is the phrase after the
    comma that closes the participle phrase. The small model hangs that subject on the agent's name as an
    apposition, and the extractor's span opens at "by", so the mention had been the newspaper (news28). Only an
    agent whose participle governs it from before the span, and only where a noun phrase follows the comma; and
    only when the span read whole gives the agent (``read_source``): where the parse hangs the subject's name on the
    agent, the whole span reads as that name ("seen by the Courier, the landlord's director, Mr Tomas Kerr"), which
    the phrase after the comma alone would lose to its description."""
    first = start + 1 if start + 1 < end and codes.tag[start] == _PAST_PARTICIPLE_TAG else start
    if first + 2 >= end or codes.lower[first] != _BY or codes.dep[first] != _AGENT:
        return start
    participle = codes.governor[first]
    if codes.tag[participle] != _PAST_PARTICIPLE_TAG or participle > start:
        return start
    comma = next((i for i in range(first + 2, end - 1) if codes.lower[i] == _COMMA), None)
    return comma + 1 if comma is not None and find_head(codes, comma + 1, end) is not None else start


# Words that set a sentence's scene in place or time before its subject, which the small model reads as other
# parts of speech when they open a sentence ("Backstage" a proper noun, "Outside" an adjective).
_SCENE_WORD_IDS = _ids(
    {"backstage", "outside", "inside", "afterwards", "afterward", "later", "earlier", "meanwhile", "elsewhere"}
    | {"separately", "nearby", "overnight", "privately", "publicly", "downstairs", "upstairs", "offstage"}
)
_SCENE_WORDS_BEFORE_COMMA = 4  # "Outside the crown court," at most


def _past_opening_adverbial(codes: TokenCodes, start: int, end: int) -> int:
    """Where a source span's mention starts, past an opening adverbial of place or time set off by a comma
    ("Backstage, the actress told …", "Outside court, the family's lawyer, Paul Nguyen, said", "Later, she
    said"): it says where or when the statement was made, not who made it, and it is no part of the subject's
    noun phrase, but the extractor's source span may open with it. Read with it, the small model made
    "Backstage" the source's name and "Outside court" its head (news17). Only a phrase opened by a preposition or
    a word of place or time, with no name of a person or a body in it, before a noun phrase."""
    last = min(end, start + _SCENE_WORDS_BEFORE_COMMA + 1)
    comma = next((i for i in range(start + 1, last) if codes.lower[i] == _COMMA), None)
    if comma is None and end < len(codes.lower) and end - start <= _SCENE_WORDS_BEFORE_COMMA:
        # A source in pieces ("Backstage" … "the actress", the comma between them left out): the piece that is the
        # adverbial alone is no mention, and the next piece is read instead.
        comma = end if codes.lower[end] == _COMMA and _opens_sentence(codes, start) else None
    if comma is None or (comma + 1 >= end and comma != end):
        return start
    # Not any adverb: a focus adverb belongs to the noun phrase ("Even China, Pyongyang's only ally, said").
    opener = codes.pos[start] == ADP or codes.lower[start] in _SCENE_WORD_IDS
    if not opener or codes.lower[start] == _OF:
        return start  # "Of the officials, one said": the "of" phrase says whom the speaker is one of
    if any(codes.ent_type[i] in {_PERSON, _ORG, _NORP} for i in range(start, comma)):
        return start
    if comma == end:
        return end
    return comma + 1 if find_head(codes, comma + 1, end) is not None else start


_SENTENCE_ENDS = _ids({".", "!", "?"})


def _opens_sentence(codes: TokenCodes, i: int) -> bool:
    """Whether token ``i`` opens a sentence or a paragraph (after a full stop or a line break)."""
    return i == 0 or codes.breaks[i - 1] or codes.space[i - 1] or codes.lower[i - 1] in _SENTENCE_ENDS


def _member_picked_out(codes: TokenCodes, start: int, end: int) -> Mention | None:
    """A source span that is a number picked out of a group ("one of the officials, who spoke on condition of
    anonymity", "One of them, a retired teacher"), read as that member, named by the number and its "of" phrase
    alone: the speaker is a member, not the group its head noun or pronoun names (news12: the group had been
    listed as the source). None for any other span."""
    root = next((i for i in range(start, end) if not start <= codes.governor[i] < end or codes.governor[i] == i), None)
    if root is None or codes.pos[root] != NUM:
        return None
    of = next((child for child in codes.children(root) if codes.lower[child] == _OF), None)
    group = next((child for child in codes.children(of) if codes.dep[child] == _POBJ), None) if of else None
    if group is None:
        return None
    named = next((c for c in codes.children(root) if codes.dep[c] == _APPOS and codes.pos[c] == PROPN), None)
    if named is not None:
        # "one of the family's attorneys, Justin Bamberg": the member is named; the name is the source.
        return _read_mention(codes, codes.left_edge[named], min(codes.right_edge[named] + 1, end))
    high = core_span(codes, group, start, end)[1]  # "one of the officials", without ", who spoke …"
    if codes.lower[root] == _ONE:
        return Mention(root, high, root, "description", "sing", None, "person")
    return Mention(root, high, root, "description", "plur", None, "group")


# Who a document's own phrase names as its author: "a report by the Chronicle", "a statement from the ministry",
# "a report published by Amnesty", "the ministry's statement", "a Reuters report". A document is a source of its
# own only where no person or organisation speaks through it (a report, a release, the new rules); when the
# phrase names who wrote it, that author is who the reader must count, and a later "the report" is the author's
# too (``speakers._channels``). "From" also names an origin ("a report from Syria"), so after it a place's name is
# no author; a participle names an author only when it says the document was made or put out by it ("emails
# combed through by Vox" are not Vox's).
_AUTHOR_PREPOSITIONS, _FROM, _BY = _ids({"by", "from"}), get_string_id("from"), get_string_id("by")
_OF = get_string_id("of")
_POSS, _ACL, _AGENT = (get_string_id(label) for label in ("poss", "acl", "agent"))
_AUTHORING_VERBS = frozenset(
    {"publish", "release", "issue", "conduct", "commission", "write", "produce", "prepare", "compile", "author"}
    | {"sign", "file", "post", "carry", "put"}
)
_AUTHOR_KINDS = frozenset({"person", "organization", "government", "media"})


def document_author(codes: TokenCodes, document: Mention, start: int, end: int) -> Mention | None:
    """The author a document's phrase names (see above), read as a mention of its own that remembers the
    document (``through``); None without one."""
    for low, high, preposition in _author_spans(codes, document.head):
        low, high = max(low, start), min(high, end)
        if low >= high or (preposition == _FROM and codes.ent_type[high - 1] == _GPE):
            continue
        while high - 1 > low and codes.tag[high - 1] == _POSSESSIVE_TAG:  # "the ministry's": the ministry
            high -= 1
        author = _read_mention(codes, low, high)
        if author is not None and _description_kind(codes, author.head, "sing") == "document":
            continue  # "data from the 2014 American Community Survey": a document's name, no author (news21)
        if author is not None and author.kind in _AUTHOR_KINDS and author.form != "pronoun":
            return replace(author, through=document.head)
    return None


def _author_spans(codes: TokenCodes, head: int) -> Iterator[tuple[int, int, int]]:
    """Token bounds of the candidate authors of the document noun ``head``, with the preposition before each
    (0 for none)."""
    for child in codes.children(head):
        dep = codes.dep[child]
        if dep == _POSS:
            yield codes.left_edge[child], codes.right_edge[child] + 1, 0
        elif dep == _COMPOUND and codes.entity_end[child] == child + 1 and codes.ent_type[child] in (_ORG, _PERSON):
            # "a Reuters report", "a Government Accountability Office report": the whole name before the noun,
            # if the parse makes it one phrase ("a New York Times/CBS News poll" hangs "York" on "poll" too)
            low = codes.entity_start[child]
            if all(low <= codes.governor[i] <= child for i in range(low, child)):
                yield low, child + 1, 0
        elif dep == _PREP and codes.lower[child] in _AUTHOR_PREPOSITIONS:
            for obj in codes.children(child):
                if codes.dep[obj] == _POBJ:
                    yield codes.left_edge[obj], codes.right_edge[obj] + 1, codes.lower[child]
        elif dep == _ACL and codes.lemma_text(child) in _AUTHORING_VERBS:  # "a report published by Amnesty"
            for agent in codes.children(child):
                if codes.dep[agent] == _AGENT or (codes.dep[agent] == _PREP and codes.lower[agent] == _BY):
                    for obj in codes.children(agent):
                        if codes.dep[obj] == _POBJ:
                            yield codes.left_edge[obj], codes.right_edge[obj] + 1, _BY


def _relative_body(codes: TokenCodes, head: int) -> SourceKind:
    """A name tagged a person's is an organisation's when a "which" clause hangs on it, else a person's."""
    return "organization" if _relative_kind(codes, head) == "organization" else "person"


def _relative_kind(codes: TokenCodes, head: int) -> SourceKind:
    """What a relative clause on a name says of it: "Northgrid, which runs the network" is a thing (an
    organisation, when it speaks), "Harper, who ran the city" a person; "unknown" without one."""
    for clause in codes.children(head):
        if codes.dep[clause] != _RELCL:
            continue
        pronoun = next((t for t in codes.children(clause) if codes.lower[t] in _RELATIVE_IDS), None)
        if pronoun is not None and codes.lower[pronoun] in _WHO_IDS:
            return "person"
        if pronoun is not None and codes.lower[pronoun] == _WHICH:
            return "organization"
    return "unknown"


def coordinated_people(doc: Doc, start: int, end: int) -> Mention | None:
    """The group a span opening with a coordination of people's names stands for ("Mario Lucero and Isabel Ruiz
    of Heaven Sent Gaming"): a plural mention named by the whole coordination, of kind group. A "they" after it,
    and the "we" of what they say, is the pair, not either one; each name stays a mention of its own person too.
    None when the span does not open with two or more people's names joined by "and"."""
    # The person entity opening the span, read off the per-document table: building ``doc.ents`` for every
    # span asked about was most of the rules' time.
    codes = doc_token_codes(doc)
    if start >= len(codes.ent_type) or codes.entity_start[start] != start or codes.ent_type[start] != _PERSON:
        return None
    first = doc[start : codes.entity_end[start]]
    if first.root.dep_ == "conj":
        return None
    # Two names tagged people, the last ending in a body's word, that read as one body's name ("Dunmore Vale and
    # Hexley Water": ``coordinated_name_end``) are that body: a person's name never ends in a line of business.
    if coordinated_name_end(codes, start, first.end, len(doc)) > first.end:
        return None
    root, last_end, joined = first.root, first.end, None
    while True:
        # "A and B": the conjunct right after the "and", itself right after the name before it (not a noun
        # of an apposition in between: "Oppenheimer, a professor of geosciences and international affairs").
        joiner = [c for c in root.children if c.dep_ == "cc" and c.lower_ == "and" and c.i == last_end]
        following = [
            c
            for c in root.children
            if c.dep_ == "conj" and joiner and c.left_edge.i == joiner[0].i + 1 and _person_name(c) and c.i < end
        ]
        if not following:
            break
        joined = joined if joined is not None else joiner[0].i
        root, last_end = following[0], following[0].i + 1
    if joined is None:
        return None
    return Mention(
        start=first.start,
        end=last_end,
        head=joined,  # "and": the heads of the names are their own persons' mentions
        form="name",
        number="plur",
        gender=None,
        kind="group",
        name_start=first.start,
        name_end=last_end,
    )


def _person_name(token: Token) -> bool:
    """Whether a conjunct is a person's name: tagged a person, or a proper noun the small model left untagged or
    folded into another name ("Isabel Ruiz of Heaven Sent Gaming", tagged a work of art) opening with a first
    name."""
    if token.pos_ != "PROPN":
        return False
    first = token.left_edge if token.left_edge.pos_ == "PROPN" else token
    return token.ent_type_ == "PERSON" or is_first_name(first.lower_)
