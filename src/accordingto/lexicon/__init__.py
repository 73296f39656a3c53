"""The lexicon: every word list the rules use, in one place, as data.

Each list is a text file in this package (shipped with it as package data), read through ``importlib.resources``
so that it works from a wheel as from a checkout. File format:

- lines starting with ``#`` are comments; the comment lines at the top are the list's note (what it is, which
  stage uses it and why, where it comes from);
- one entry per line, as written (case is kept; most lists are lower case); an entry may hold spaces
  ("according to", "north korean");
- ``[name]`` starts a section: a list of lists ("[neutral]" cues, "[media]" heads) or a table whose values are
  the section names ("[US]" for "u.s.", "america"...). An entry appears once per file.

Add words to these files, never to the modules. Where two stages need the same notion they read the same list;
where they need different notions the list names say how they differ (``TITLES`` are written before a name,
``ROLE_NOUNS`` name a role without being titles, ``PERSON_NOUNS`` name people without a role).
"""

from __future__ import annotations

import functools
import re
from importlib import resources

_SECTION = re.compile(r"^\[(?P<name>[^\]]+)\]$")


@functools.cache
def _read(name: str) -> tuple[str, dict[str | None, tuple[str, ...]]]:
    """A list file's note and its entries by section (``None``: entries before any section)."""
    text = resources.files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    note: list[str] = []
    entries: dict[str | None, list[str]] = {}
    section: str | None = None
    seen: set[str] = set()
    at_top = True
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("#"):
            if at_top:
                note.append(line.lstrip("#").strip())
            continue
        at_top = False
        if not line:
            continue
        header = _SECTION.match(line)
        if header is not None:
            section = header["name"]
            entries.setdefault(section, [])
            continue
        if line in seen:
            raise ValueError(f"lexicon list {name!r} lists {line!r} twice")
        seen.add(line)
        entries.setdefault(section, []).append(line)
    return " ".join(note).strip(), {key: tuple(values) for key, values in entries.items()}


def list_names() -> list[str]:
    """The names of every list in the lexicon."""
    return sorted(
        item.name.removesuffix(".txt") for item in resources.files(__name__).iterdir() if item.name.endswith(".txt")
    )


def note(name: str) -> str:
    """What a list is, who uses it and where it comes from (its file's opening comment)."""
    return _read(name)[0]


def ordered(name: str) -> tuple[str, ...]:
    """A list without sections, in file order."""
    entries = _read(name)[1]
    if set(entries) - {None}:
        raise ValueError(f"lexicon list {name!r} has sections: read it with sections()")
    return entries.get(None, ())


def words(name: str) -> frozenset[str]:
    """A list without sections, as a set."""
    return frozenset(ordered(name))


def sections(name: str) -> dict[str, tuple[str, ...]]:
    """A list of lists: ``{section: entries}``, both in file order."""
    entries = _read(name)[1]
    if entries.get(None):
        raise ValueError(f"lexicon list {name!r} has entries outside sections")
    return {key: values for key, values in entries.items() if key is not None}


def table(name: str) -> dict[str, str]:
    """A table read from sections: ``{entry: its section}``."""
    return {entry: key for key, values in sections(name).items() for entry in values}


# People and their roles (resolve.mentions, resolve.speakers, describe.sources, find.cues).
TITLES = words("titles")
TITLE_ABBREVIATIONS = table("title_abbreviations")
TITLE_SYNONYMS = table("title_synonyms")
ROLE_NOUNS = words("role_nouns")
HONORIFICS = words("honorifics")
PERSON_NOUNS = words("person_nouns")
# Nouns that name people: titles, role nouns and other person nouns (besides the suffixes of PERSON_SUFFIXES).
PEOPLE_NOUNS = TITLES | ROLE_NOUNS | PERSON_NOUNS
PERSON_SUFFIXES = ordered("person_suffixes")
SURNAME_PARTICLES = words("surname_particles")
GENERATIONAL_SUFFIXES = words("generational_suffixes")
GENDERED_WORDS = table("gendered_words")
PRONOUNS = sections("pronouns")
RELATIVE_PRONOUNS = words("relative_pronouns")
QUANTIFIED_PRONOUNS = words("quantified_pronouns")
QUALIFIERS = words("qualifiers")
COUNT_WORDS = {word: int(count) for word, count in table("count_words").items()}
_DETERMINERS = sections("determiners")
ARTICLES = frozenset(_DETERMINERS["definite article"] + _DETERMINERS["indefinite articles"])
DEFINITE = frozenset(_DETERMINERS["definite article"] + _DETERMINERS["demonstratives"])
INDEFINITE = frozenset(_DETERMINERS["indefinite articles"] + _DETERMINERS["indefinite quantifiers"])
ACRONYM_SKIP_WORDS = words("acronym_skip_words")
_NAME_PREPOSITIONS = sections("name_prepositions")
NAME_PREPOSITIONS = frozenset(_NAME_PREPOSITIONS["prepositions"])
NAMED_PLACE_HEADS = frozenset(_NAME_PREPOSITIONS["place heads"])
NAME_CONJUNCTIONS = frozenset(_NAME_PREPOSITIONS["conjunctions"])
NAME_MODIFIERS = words("name_modifiers")

# Organisations, places and outlets (resolve.mentions, describe.sources, link.provenance).
DESCRIPTION_HEADS = table("description_heads")
INSTITUTION_HEADS = words("institution_heads")
QUANTITY_HEADS = words("quantity_heads")
SHARE_WORDS = words("share_words")
GOVERNMENT_NAME_WORDS = words("government_name_words")
ORGANIZATION_NAME_ENDINGS = words("organization_name_endings")
LEGAL_FORMS = words("legal_forms")
BODY_NAME_HEADS = words("body_name_heads")
KINDS_OF_BODY = table("kinds_of_body")
POST_NOMINALS = words("post_nominals")
THING_NAME_WORDS = words("thing_name_words")
OUTLETS = sections("outlets")
_OUTLET_NAME_WORDS = sections("outlet_name_words")
OUTLET_NAME_WORDS = frozenset(_OUTLET_NAME_WORDS["anywhere"] + _OUTLET_NAME_WORDS["last word"])
OUTLET_WORDS_ANYWHERE = frozenset(_OUTLET_NAME_WORDS["anywhere"])
OUTLET_NAME_ENDINGS = words("outlet_name_endings")
OUTLET_BRAND_WORDS = words("outlet_brand_words")
MEDIA_QUALIFIERS = ordered("media_qualifiers")
PLACE_NAMES = table("place_names")
AFFILIATION_ADJECTIVES = table("affiliation_adjectives")
AFFILIATION_PREPOSITIONS = words("affiliation_prepositions")
SETTING_PREPOSITIONS = words("setting_prepositions")

# Cues and stance (find.nested, describe.stance), and the marks that introduce speech (find).
CUE_CLASSES = sections("cue_classes")
# Cue classes of acts rather than statements (cue_classes.txt says why PolNeAR annotates them).
ACTION_CUE_CLASSES = frozenset({"decision", "perception", "refusal", "gesture"})
# Cue classes a user counting statements leaves out: the acts, and a belief that no one named holds ("is expected
# to last": the writer's forecast).
NOT_STATEMENT_CUE_CLASSES = ACTION_CUE_CLASSES | {"expectation"}
# Single cue words of every class but acts (a decision, a perception or a refusal reports nothing): the words that
# may report a statement (find.nested's reporting frames, parse.repairs' verbs misread as nouns).
STATEMENT_CUE_WORDS = frozenset(
    word
    for name, entries in CUE_CLASSES.items()
    if name not in ACTION_CUE_CLASSES
    for word in entries
    if " " not in word
)
LIGHT_CUE_WORDS = words("light_cue_words")
_HEDGES = sections("hedges")
HEDGE_MODALS = frozenset(_HEDGES["modals"])
HEDGE_VERBS = frozenset(_HEDGES["verbs"])
HEDGE_WORDS = frozenset(_HEDGES["words"])
_NEGATION = sections("negation")
NEGATING_ADVERBS = frozenset(_NEGATION["adverbs"])
NEGATING_DETERMINERS = frozenset(_NEGATION["determiners"])
NEGATIVE_SUBJECTS = frozenset(_NEGATION["subjects"])
_IRREALIS = sections("irrealis")
IRREALIS_MODALS = frozenset(_IRREALIS["modals"])
IRREALIS_CONDITIONS = frozenset(_IRREALIS["conditions"])
NARRATIVE_ADVERBS = frozenset(_IRREALIS["narrative"])
POLITE_WISHES = frozenset(_IRREALIS["polite_wishes"])
GENERIC_SUBJECTS = frozenset(_IRREALIS["generic_subjects"])
UNTRUE_WORDS = ordered("untrue_words")
REQUEST_NOUNS = words("request_nouns")
HEARING_BODIES = words("hearing_bodies")
LABELLING_CUES = words("labelling_cues")
SPEECH_MARKS = words("speech_marks")
HEADLINE_SOURCES = words("headline_sources")
