"""Lemmas in American spelling, so that British news reads like the news the tagger learnt from.

The tagger's weights, its cue lexicon and word clusters (looked up by lemma), the confidence model's cue classifier
and the word lists of the rules (cue classes, stance) all know a reporting verb by its lemma, and PolNeAR is American:
"criticize" is a cue 123 times in its training articles, "criticise" twice. So "Ms Patel emphasised that ..." went
unseen where "emphasized" was found with confidence 0.96. spaCy's English model ships the table that relates the
two spellings (``lexeme_norm``, about 3,500 British forms with their American ones, from spacy-lookups-data: it
is what ``token.norm_`` reads); here each lemma found in it is replaced by its American form, after the
lemmatizer and before anything reads lemmas. Word forms (``token.lower_``, the text) are untouched. spaCy
lower-cases the lemmas of names' words too, so "the Barbican Centre" and a later "the centre" keep one head
("center").

The tagger's training parses PolNeAR with spaCy's model alone, without this step; 44 of its 759,257 tokens have a
lemma in the table, so weights trained with it would not differ measurably.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import LEMMA
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..pipes import component_factory

NORM_TABLE = "lexeme_norm"


def american_spellings(vocab: Vocab) -> tuple[np.ndarray, np.ndarray]:
    """The model's British→American table as sorted string ids and the ids of their American forms. Entries whose
    norm is more than one word ("flier / flyer") are left out: a lemma is one word."""
    if not vocab.lookups.has_table(NORM_TABLE):
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.uint64)
    table = vocab.lookups.get_table(NORM_TABLE)
    pairs = sorted((int(key), vocab.strings.add(norm.strip())) for key, norm in table.items() if norm.strip().isalpha())
    return np.array([key for key, _ in pairs], dtype=np.uint64), np.array([norm for _, norm in pairs], dtype=np.uint64)


def lemma_spelling(vocab: Vocab, word: str) -> str:
    """A lower-case word as this step spells lemmas: a word list's British form ("councillor", what "Cllr" stands
    for in ``lexicon.TITLE_ABBREVIATIONS``) compared with lemmas must be spelt as they are ("councilor"), or one
    title written two ways ("Councillor Priya Shah", "Cllr Jo Dunn") makes two roles a later "the councillor"
    cannot tell apart."""
    if not vocab.lookups.has_table(NORM_TABLE):
        return word
    norm = vocab.lookups.get_table(NORM_TABLE).get(word)
    return norm.strip() if isinstance(norm, str) and norm.strip().isalpha() else word


class AmericanSpelling:
    """Placed right after the lemmatizer: every lemma the model's norm table spells otherwise in American English
    takes the American form."""

    def __init__(self, vocab: Vocab, name: str) -> None:
        self.name = name
        self.british, self.american = american_spellings(vocab)

    def __call__(self, doc: Doc) -> Doc:
        if len(self.british) == 0 or len(doc) == 0:
            return doc
        lemmas = doc.to_array(LEMMA).astype(np.uint64)
        found = np.searchsorted(self.british, lemmas).clip(0, len(self.british) - 1)
        for i in np.flatnonzero(self.british[found] == lemmas).tolist():
            doc[i].lemma = int(self.american[found[i]])
        return doc


@component_factory("accordingto_american_spelling", assigns=["token.lemma"], requires=["token.lemma"])
def make_american_spelling(nlp: Language, name: str) -> AmericanSpelling:
    return AmericanSpelling(nlp.vocab, name)
