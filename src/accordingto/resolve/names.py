"""Whether two proper names can name the same participant: the same words, an alias ("US", "United States"), an
acronym ("NYT"), a surname of a person's full name, a shorter form of an organisation's name. Both the rules
(``resolve.speakers``) and the learned resolver (``resolve.ranker``) match names this way."""

from __future__ import annotations

import functools

from .. import lexicon
from .first_names import is_first_name


def normalized(words: list[str]) -> list[str]:
    return [w.lower().rstrip(".") for w in words if w.lower() not in {"the", "'s", "’s"}]


def _canonical(words: list[str]) -> str:
    """One spelling for the names of a country or union ("u.s.", "america" and "united states" are "US")."""
    joined = " ".join(words)
    return lexicon.PLACE_NAMES.get(joined, lexicon.PLACE_NAMES.get(joined.replace(".", ""), joined))


def _acronym(words: list[str]) -> str:
    return "".join(word[0] for word in words if word and word not in lexicon.ACRONYM_SKIP_WORDS)


def name_keys(words: list[str], stored: bool) -> list[tuple[str, ...]]:
    """Index keys of a normalized name, such that two names ``names_match`` only if some key of the name
    ``stored`` in the index equals some key of the name looked up: the same last word (the same name, a
    surname, a shorter organisation name), the same canonical spelling, or a one-word name that is the acronym
    of a longer one (filed by its letters under "short" or "long", and looked up under the other)."""
    if not words:
        return []
    short = len(words) == 1
    letters = words[0].replace(".", "") if short else _acronym(words)
    side = "short" if short == stored else "long"
    keys: list[tuple[str, ...]] = [("last", words[-1]), ("canonical", _canonical(words)), (side, letters)]
    if stored and len(words) > 2:
        keys.append(("last", words[-2]))  # a first surname of two ("Ocampo" of "Juan Esteban Ocampo Restrepo")
    return keys


def names_match(first: list[str], second: list[str], person: bool) -> bool:
    """Whether two names can name the same source: same words, aliases, an acronym, or (for a person) a
    surname of the full name or the full name without its middle names; for an organisation, a shorter form
    keeping the last word ("the Post" for "The New York Post") or the name without its legal form ("Brannock
    Hartwell" for "Brannock Hartwell Partners"), but not only the name an "of" introduces ("Michigan" is not "the
    University of Michigan")."""
    return _names_match(tuple(first), tuple(second), person)


@functools.lru_cache(maxsize=8192)
def _names_match(first: tuple[str, ...], second: tuple[str, ...], person: bool) -> bool:
    # Cached: an article compares the same few names many times.
    a, b = normalized(list(first)), normalized(list(second))
    if not a or not b:
        return False
    if a == b or _canonical(a) == _canonical(b):
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) == 1 and len(long) > 1 and short[0].replace(".", "") == _acronym(long):
        return True
    if person:
        # A surname alone ("Lynch"), or first name and surname without the middle name or initial the first
        # mention had ("Loretta Lynch" after "Loretta E. Lynch", "Hillary Clinton" after "Hillary Rodham Clinton").
        # No person's name opens with "Old" or "South": such a name is a place's the small model tagged a person's
        # ("Old Athens", whose "Athens" is not a surname).
        surname = long[-len(short) :] == short and not _distinguished(short, long)
        return (
            surname or (len(short) == 2 and (short[0], short[1]) == (long[0], long[-1])) or _first_surname(short, long)
        )
    # A surname is a person's convention only: a place or a body is called by a shorter name that keeps its head
    # ("the Post"), never by what follows an "of" or an "and" in it, nor by the name a modifier opening the
    # longer one distinguishes it from ("Athens" is not "Old Athens").
    if len(short) > 1 and short == long[:-1] and long[-1] in lexicon.LEGAL_FORMS:
        return True  # "Brannock Hartwell" for "Brannock Hartwell Partners": the name without its legal form
    return (
        short[-1] == long[-1]
        and set(short) <= set(long)
        and not _after_preposition(short, long)
        and not _after_conjunction(short, long)
        and not _distinguished(short, long)
    )


def _first_surname(short: list[str], long: list[str]) -> bool:
    """Whether ``short`` is the first of two surnames closing ``long``: Spanish and Portuguese names carry the
    father's surname and then the mother's, and the press calls the person by the first alone ("Ocampo" for "Juan
    Esteban Ocampo Restrepo", "García" for "Gabriel García Márquez"). Only one word before the last, after at least
    one given name, and no word a first name of the lists: an English middle name stands there ("Lee Harvey
    Oswald" is not "Harvey"), nor before a generational suffix ("Peskov" is not "Dmitry Peskov Jr.", his son)."""
    return (
        len(short) == 1
        and len(long) >= 3
        and long[-2] == short[0]
        and not is_first_name(short[0])
        and long[-1] not in lexicon.GENERATIONAL_SUFFIXES
    )


def _after_preposition(short: list[str], long: list[str]) -> bool:
    """Whether ``short`` is only words that follow an "of"/"de" in ``long``: "America" in "Bank of America" names
    another participant than the bank, except after a place's own head ("Republic of Korea" is Korea)."""
    joins = [i for i, word in enumerate(long) if word in lexicon.NAME_PREPOSITIONS]
    if not joins:
        return False
    last = joins[-1]
    return set(short) <= set(long[last + 1 :]) and not (last > 0 and long[last - 1] in lexicon.NAMED_PLACE_HEADS)


def _after_conjunction(short: list[str], long: list[str]) -> bool:
    """Whether ``short`` is only words that follow an "and"/"&" in ``long``: a name of two joined names ("Bosnia
    and Herzegovina", "Tempe & Mesa", a firm "Marsden & Mackey") is not its second one ("Herzegovina")."""
    joins = [i for i, word in enumerate(long) if word in lexicon.NAME_CONJUNCTIONS]
    return bool(joins) and set(short) <= set(long[joins[-1] + 1 :])


# Words after which a name's part opens: "the University of *Southern* California", "North and *South* Korea".
_JOINS = lexicon.NAME_PREPOSITIONS | lexicon.NAME_CONJUNCTIONS


def _distinguished(short: list[str], long: list[str]) -> bool:
    """Whether ``long`` opens (or opens its "of" part, or a conjunct) with a modifier that makes it another place
    or body than the one ``short`` names: a compass or position word, "old", "new", "greater"... directly before
    words the shorter name keeps ("South Australia" and "Australia", "Old Athens" and "Athens", "the University of
    Southern California" and "the University of California", "North and South Korea" and North Korea). Such a
    modifier coins a name of its own, a part, namesake or successor of the other; inside a name it modifies its
    neighbour ("New York" in "The New York Post", whose shorter form "the Post" stays one)."""
    kept = set(short)
    for i, word in enumerate(long[:-1]):
        opening = i == 0 or long[i - 1] in _JOINS
        if opening and word in lexicon.NAME_MODIFIERS and word not in kept and long[i + 1] in kept:
            return True
    return False
