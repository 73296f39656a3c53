"""A rank written as its abbreviation before a surname ("DS Marsh", "Insp Ruiz", "Det Supt Okafor") for the person
the text named in full with that surname ("Detective Sergeant Colin Marsh"). British and Irish news write a police
officer's rank in full with the full name once, then abbreviate both ("DS Marsh said"); the abbreviation is no
name word and no title the word lists hold (the dotted "Sgt." is; the undotted police forms are not), so "DS
Marsh" matched no earlier name (its key "ds marsh" is neither "colin marsh" nor its surname) and became a second
source beside the officer (news24: "DS Marsh" twice apart from "Detective Sergeant Colin Marsh").

The abbreviations are spelled out here, not in the lexicon: they mean a rank only before a surname, where this
module reads them, and elsewhere are other words ("DC" is a place, "PC" a computer). The rank is what keeps two
officers of one surname apart: the abbreviation joins a person whose given rank it agrees with, or who was given
no rank, never one the text gave another rank ("PC Marsh" is not "Detective Sergeant Colin Marsh").
"""

from __future__ import annotations

# Each abbreviation (lower case, without a full stop) by the rank nouns it stands for, in the order written. From
# UK and Irish police usage (College of Policing rank names) and the common military ones news writes undotted.
RANK_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "pc": ("police", "constable"),
    "wpc": ("police", "constable"),
    "dc": ("detective", "constable"),
    "ds": ("detective", "sergeant"),
    "di": ("detective", "inspector"),
    "dci": ("detective", "chief", "inspector"),
    "dsupt": ("detective", "superintendent"),
    "dcs": ("detective", "chief", "superintendent"),
    "det": ("detective",),
    "sgt": ("sergeant",),
    "insp": ("inspector",),
    "supt": ("superintendent",),
    "ch": ("chief",),
    "con": ("constable",),
    "cst": ("constable",),
    "lt": ("lieutenant",),
    "capt": ("captain",),
    "col": ("colonel",),
    "maj": ("major",),
    "cpl": ("corporal",),
    "pte": ("private",),
}
# The rank nouns the abbreviations end with: a person given one of them holds that rank, and an abbreviation of
# another does not stand for them.
RANK_NOUNS = frozenset(words[-1] for words in RANK_ABBREVIATIONS.values() if words[-1] != "detective") - {"chief"}


def split_rank(key: list[str]) -> tuple[tuple[str, ...], list[str]] | None:
    """A normalized name opening with rank abbreviations, as the rank nouns they stand for and the name after
    them ("ds marsh" -> (("detective", "sergeant"), ["marsh"])); None for a name that does not open so, or has
    nothing after the rank. At most two abbreviations ("det supt"), and only before a capitalised word the
    abbreviation cannot be part of: the rest must be one or two words, a surname or a given name and surname."""
    opening = 0
    while opening < min(2, len(key) - 1) and key[opening].rstrip(".") in RANK_ABBREVIATIONS:
        opening += 1
    rest = key[opening:]
    if opening == 0 or not 1 <= len(rest) <= 2:
        return None
    rank = tuple(word for abbreviation in key[:opening] for word in RANK_ABBREVIATIONS[abbreviation.rstrip(".")])
    return rank, rest


def rank_agrees(rank: tuple[str, ...], given: set[str]) -> bool:
    """Whether a person given the nouns ``given`` (their heads and roles) may hold ``rank``: they were given no
    rank noun at all, or the rank's own (a "detective sergeant" is a sergeant; a constable is not one)."""
    held = given & RANK_NOUNS
    noun = next((word for word in reversed(rank) if word in RANK_NOUNS), None)
    return not held or (noun is not None and noun in held)
