"""The roles the text gives a person or body: titles, appositions, predicates ("Dmitry Peskov, the Kremlin's
spokesman", "who served as mayor"), read from the parse, and the words a role is described by."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .. import lexicon
from ..clauses import SUBJECT_DEPS
from ..parse.spelling import lemma_spelling
from .mentions import Mention, is_person_noun

# Verbs whose predicate says what their subject is: "Grant is a billionaire", "who became mayor".
COPULAS = {"be", "become"}

# Verbs whose "as" phrase says what their subject is: "who served as mayor", "who worked as a nurse".
SERVING_VERBS = {"serve", "work", "act"}

# Entity labels of names, which an apposition to a name may be ("Smith, Jones" is a list, not a role).
NAME_ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "EVENT", "PRODUCT"}


def given_roles(doc: Doc, mention: Mention) -> list[Token]:
    """The nouns the text itself gives a named participant as what it is, each the head of its phrase: a title
    written before the name ("Former *Mayor* John Harper"), an apposition either way ("Harper, the former
    *mayor* of Springfield"; "the former *mayor*, John Harper"), a predicate ("Grant is a *billionaire*") and a
    predicate in a relative clause on the name ("Harper, who was *mayor* of Springfield", "who served as
    *senator*"), a role noun used as its verb ("who has *captained* the club"), and each role coordinated with
    one of those ("a lawyer and former *senator*"). News introduces people this way once and then calls them by
    the role ("the former mayor argued"), so a later definite description refers back to the one participant
    given that role."""
    if mention.name_start is None or mention.name_end is None:
        return []
    head = doc[mention.head]
    if not mention.name_start <= mention.head < mention.name_end:
        # A description the name is written in apposition to, read as one mention ("The state's campaign
        # chairman, Phil Lovas"): its head is the role, not the nouns before it ("campaign").
        return [head] if _role_noun(head) else []
    # A title may hang on any word of the name, not only its head: the small model hung "Secretary" of "Press
    # Secretary Marisol Ortega" on "Marisol", so "the press secretary replied" had found no one named (news17).
    name_words = [doc[i] for i in range(mention.name_start, mention.name_end)]
    roles = [
        child
        for word in name_words
        for child in word.children
        if child.dep_ == "compound"
        and child.i < mention.name_start
        and child.pos_ in {"NOUN", "PROPN"}
        and (child.ent_type_ not in NAME_ENTITY_LABELS or _title_in_name(child))
        # "Mr." is no role; "Dr" is, abbreviated ("the doctor said" after "Dr Alan Whitcombe": news14)
        and (child.lower_ not in lexicon.HONORIFICS or child.lower_ in lexicon.TITLE_ABBREVIATIONS)
    ]
    roles += [child for child in head.children if child.dep_ == "appos" and _role_noun(child)]
    if head.dep_ == "appos" and _role_noun(head.head):
        roles.append(head.head)
    predicates = [head.head] if head.dep_ in SUBJECT_DEPS else []
    predicates += [child for child in head.children if child.dep_ == "relcl"]
    for verb in predicates:
        if verb.pos_ == "VERB" and is_person_noun(verb.lemma_.lower()):
            # A role noun used as a verb says the subject holds the role: "Fonoti, who has captained the club"
            # is its captain, as "who chaired the inquiry", "who coached the side" are its chair and coach
            # (English makes verbs of role nouns without a suffix); a later "the captain" refers back to him.
            roles.append(verb)
        elif verb.lemma_.lower() in COPULAS:
            roles += [c for c in verb.children if c.dep_ == "attr" and _role_noun(c)]
        elif verb.lemma_.lower() in SERVING_VERBS:
            roles += [
                o
                for p in verb.children
                if p.dep_ == "prep" and p.lower_ == "as"
                for o in p.children
                if o.dep_ == "pobj" and _role_noun(o)
            ]
    return roles + _coordinated_roles(roles)


def _title_in_name(token: Token) -> bool:
    """Whether a word the small model tagged as part of a name is a title written before it ("*Councillor*
    Peter Ruddock" tagged one PERSON): the name reader leaves it out of the name (``mentions.name_bounds``), so
    it is a role the text gave the person like any untagged title ("Councillor Janet Albright"), and a later
    "the councillor" may refer back to either."""
    return token.ent_type_ == "PERSON" and token.lemma_.lower() in lexicon.PEOPLE_NOUNS


def _coordinated_roles(roles: list[Token]) -> list[Token]:
    """The roles coordinated with given ones: "Phoenix is the capital of Arizona as well as its most populous
    *city*", "Grant, a lawyer and former *senator*" — each conjunct says what the participant is, and a later
    "the city", "the former senator" refers back to it as to the first."""
    found: list[Token] = []
    for role in roles:
        found += [c for c in role.conjuncts if c.i > role.i and _role_noun(c) and c not in roles and c not in found]
    return found


def _role_noun(token: Token) -> bool:
    """Whether a token heads a phrase that says what someone is: a common noun, or a title written as a proper
    noun ("the Duchess of Kent"), not another name."""
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.ent_type_ not in NAME_ENTITY_LABELS)


def role_words(role: Token) -> set[str]:
    """The words a later description may be headed by for a role (``given_roles``): its head, and a noun
    before it that names people ("a *billionaire* investor": "the billionaire" refers back too; "a campaign
    spokesman" does not make its bearer "the campaign")."""
    # An abbreviated title is the word it stands for: "the senator" refers back to "Sen. Jane Roe".
    words = {title_lemma(role.doc, role.lower_, role.lemma_.lower())}
    if role.dep_ != "compound":  # a title's own modifiers ("Trump campaign spokesman") are someone else's
        words |= {
            t.lemma_.lower()
            for t in role.children
            if t.dep_ in {"compound", "amod"} and t.pos_ == "NOUN" and is_person_noun(t.lemma_.lower())
        }
    return words


def title_lemma(doc: Doc, word: str, lemma: str) -> str:
    """The lemma a role word is compared by: an abbreviated title is the word it stands for ("Sen." the senator),
    spelt as lemmas are (``parse.spelling``: "Cllr" is "councilor", as the lemma of "Councillor" and of "the
    councillor" is)."""
    full = lexicon.TITLE_ABBREVIATIONS.get(word)
    return lemma if full is None else lemma_spelling(doc.vocab, full)
