"""spaCy's ``attribute_ruler`` and ``lemmatizer``, computed with numpy over whole documents.

The two components cost about a fifth of spaCy's time (``benchmarks/speed.py --profile``), almost all of it Python
work per token: the ruler matches 179 one- or two-token patterns (mostly a tag, sometimes with a word or a
dependency) and sets POS, morphology and a few lemmas; the lemmatizer looks up each token's (word, POS,
morphology) in its cache. Both are pure functions of token attributes, so here the same patterns are compiled into
array comparisons, and lemmas are cached by one hashed key per (word, POS, morphology) and looked up for a whole
document at once. The patterns, attribute values and lemma rules are the spaCy model's own (read from its two
components when the pipeline is built), so the output is the same, token for token: ``differing_tokens``
compares two parses, and ``benchmarks/token_attributes.py`` does it over a corpus.

A model whose ruler uses a pattern this module cannot compile keeps spaCy's components (``UnsupportedPattern``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, Token
from thinc.types import Ints2d

from ..pipes import AnnotatingPipe, component_factory

# The attributes a pattern may test, and those it may set, as the columns of one ``Doc.to_array``.
TESTED = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
SET = (POS, MORPH, LEMMA, TAG, DEP)
COLUMNS = [ORTH, LOWER, IS_SPACE, *SET]
COLUMN = {attr: k for k, attr in enumerate(COLUMNS)}


class UnsupportedPattern(ValueError):
    """The attribute ruler holds a pattern the vectorised version does not implement."""


class TestedDocument:
    """A document's attributes as the ruler's tests read them, and the tests computed on it so far.

    The 180 patterns hold 297 tests but only 178 different ones (29 test the tag PRP), and the three regular
    expressions all test the lower-case form: each different test, and each distinct word's string, is computed
    once per document."""

    def __init__(self, values: np.ndarray, strings: Any) -> None:
        self.columns = np.ascontiguousarray(values.T)  # one row per attribute of ``COLUMNS``
        self.strings = strings
        self.results: dict[tuple[Any, ...], np.ndarray] = {}
        self._words: dict[int, tuple[list[str], np.ndarray]] = {}

    def __len__(self) -> int:
        return int(self.columns.shape[1])

    def words(self, column: int) -> tuple[list[str], np.ndarray]:
        """The distinct strings of a column, and for each token the index of its own among them."""
        if column not in self._words:
            unique, inverse = np.unique(self.columns[column], return_inverse=True)
            self._words[column] = ([self.strings[int(key)] for key in unique], inverse.reshape(-1))
        return self._words[column]


@dataclass(frozen=True)
class TokenTest:
    """One attribute of one token against a pattern value, as a boolean per token of the document; ``key``
    says which attribute and which value, so that equal tests are computed once per document."""

    key: tuple[Any, ...]
    evaluate: Callable[[TestedDocument], np.ndarray]

    def on(self, document: TestedDocument) -> np.ndarray:
        result = document.results.get(self.key)
        if result is None:
            result = document.results[self.key] = self.evaluate(document)
        return result


def _compile_value(doc_attr: int, spec: Any, strings: Any) -> TokenTest:
    """A test of one attribute against a pattern value: a string, a boolean, or {IN | NOT_IN | REGEX: ...}."""
    column = COLUMN[doc_attr]
    if isinstance(spec, bool):
        return TokenTest((column, "bool", spec), lambda document: (document.columns[column] != 0) == spec)
    if isinstance(spec, str):
        key = np.uint64(strings.add(spec) if spec else 0)
        return TokenTest((column, "equal", spec), lambda document: document.columns[column] == key)
    if isinstance(spec, dict) and len(spec) == 1:
        ((operator, operand),) = spec.items()
        if operator in ("IN", "NOT_IN") and all(isinstance(value, str) for value in operand):
            keys = np.array([strings.add(value) if value else 0 for value in operand], dtype=np.uint64)
            inside = operator == "IN"
            # One comparison with all the keys at once: ``np.isin``'s own checks cost more on lists this short.
            return TokenTest(
                (column, operator, tuple(operand)),
                lambda document: (document.columns[column][:, None] == keys).any(axis=1) == inside,
            )
        if operator == "REGEX" and isinstance(operand, str) and doc_attr == LOWER:
            pattern = re.compile(operand)

            def regex(document: TestedDocument) -> np.ndarray:
                distinct, inverse = document.words(column)
                return np.array([pattern.search(word) is not None for word in distinct], dtype=bool)[inverse]

            return TokenTest((column, operator, operand), regex)
    raise UnsupportedPattern(f"attribute ruler value {spec!r}")


def _compile_token(token: dict[str, Any], strings: Any) -> list[TokenTest]:
    tests = []
    for name, spec in token.items():
        if name not in TESTED:
            raise UnsupportedPattern(f"attribute ruler pattern on {name}")
        tests.append(_compile_value(TESTED[name], spec, strings))
    return tests


@dataclass
class CompiledRule:
    """One rule of the ruler: its patterns (each a list of per-token tests), the token it sets (``index`` into the
    match) and the attribute values it sets (attribute id → value id)."""

    patterns: list[list[list[TokenTest]]]
    index: int
    attrs: dict[int, int]

    def targets(self, document: TestedDocument) -> np.ndarray:
        """The tokens this rule sets: for every match, the ``index``-th token of the match."""
        n = len(document)
        found: list[np.ndarray] = []
        for pattern in self.patterns:
            length = len(pattern)
            if n < length:
                continue
            width = n - length + 1
            starts: np.ndarray | None = None  # combined with ``&``, a new array: the results are shared
            for offset, tests in enumerate(pattern):
                for test in tests:
                    window = test.on(document)[offset : width + offset]
                    starts = window if starts is None else starts & window
            if starts is None:  # a pattern of tokens without tests matches everywhere
                starts = np.ones(width, dtype=bool)
            index = self.index if self.index >= 0 else length + self.index
            found.append(starts.nonzero()[0] + index)
        if len(found) == 1:
            return found[0]  # already sorted and distinct
        return np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.intp)


def compile_ruler(ruler: AttributeRuler) -> list[CompiledRule]:
    """The ruler's rules in the order it applies them (it sorts matches by rule, so a later rule overrides an
    earlier one; every rule tests the tokens as they were before the ruler ran)."""
    strings = ruler.vocab.strings
    rules = []
    for number, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices, strict=True)):
        _, patterns = ruler.matcher.get(str(number))
        unknown = set(attrs) - set(SET)
        if unknown:
            raise UnsupportedPattern(f"attribute ruler sets {sorted(unknown)}")
        compiled = [[_compile_token(token, strings) for token in pattern] for pattern in patterns]
        rules.append(CompiledRule(compiled, int(index), {int(k): int(v) for k, v in attrs.items()}))
    return rules


# Mixing constant for the (word, POS, morphology) key of the lemma cache.
_MUL = np.uint64(0x9E3779B97F4A7C15)
_LEMMA_KEY = np.array([COLUMN[ORTH], COLUMN[POS], COLUMN[MORPH]], dtype=np.intp)


class RuleLemmas:
    """spaCy's ``Lemmatizer.rule_lemmatize``, line for line, with each part of speech's word list as a set.

    spaCy keeps the known lemmas of a part of speech as a list (57,000 nouns) and tests every candidate form with
    ``in``, a scan of the list: that, not the rules, is most of the lemmatizer's time on words it has not seen yet.
    A set answers the same question. Base forms are the component's own ``is_base_form`` (English has its own).
    """

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.tables: dict[str, tuple[set[str], dict[str, list[str]], list[tuple[str, str]]]] = {}

    def _tables(self, univ_pos: str) -> tuple[set[str], dict[str, list[str]], list[tuple[str, str]]]:
        if univ_pos not in self.tables:
            lookups = self.lemmatizer.lookups
            self.tables[univ_pos] = (
                set(lookups.get_table("lemma_index", {}).get(univ_pos, [])),
                lookups.get_table("lemma_exc", {}).get(univ_pos, {}),
                [(old, new) for old, new in lookups.get_table("lemma_rules", {}).get(univ_pos, [])],
            )
        return self.tables[univ_pos]

    def __call__(self, token: Token) -> str:
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space") or self.lemmatizer.is_base_form(token):
            return string.lower()
        index, exceptions, rules = self._tables(univ_pos)
        if not (index or exceptions or rules):
            return string if univ_pos == "propn" else string.lower()
        lower = string.lower()
        forms: list[str] = []
        oov_forms = []
        for old, new in rules:
            if lower.endswith(old):
                form = lower[: len(lower) - len(old)] + new
                if not form:
                    pass
                elif form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(lower, []):
            if form not in forms:
                forms.insert(0, form)
        return (forms or oov_forms or [string])[0]


class LemmaCache:
    """Lemmas by (word, POS, morphology), computed for each key the first time it is seen (spaCy's rule
    lemmatizer caches by the same key: the lemma is a function of it) by ``RuleLemmas``, or by the component itself
    if it lemmatizes otherwise than spaCy's rules."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        own_rules = type(lemmatizer).rule_lemmatize is Lemmatizer.rule_lemmatize and lemmatizer.mode == "rule"
        self.lemmatize: Callable[[Token], str] = (
            RuleLemmas(lemmatizer) if own_rules else lambda token: lemmatizer.lemmatize(token)[0]
        )
        self.lemmas: dict[tuple[int, int, int], int] = {}

    def lookup(self, doc: Doc, tokens: np.ndarray, values: np.ndarray) -> np.ndarray:
        """The lemma ids of ``tokens`` (indices into ``doc``), whose POS and morphology are in ``values`` (the
        component's columns, already set on ``doc`` where a lemma has to be computed)."""
        keys = values[np.ix_(tokens, _LEMMA_KEY)]
        # One hash per key to find the distinct keys of the document at numpy speed; a collision (two keys with
        # one hash) would give a token another key's lemma, so it is checked, and then every key is its own.
        with np.errstate(over="ignore"):
            hashed = ((keys[:, 0] * _MUL) ^ keys[:, 1]) * _MUL ^ keys[:, 2]
        _, first, inverse = np.unique(hashed, return_index=True, return_inverse=True)
        inverse = inverse.reshape(-1)
        if not np.array_equal(keys[first][inverse], keys):
            first, inverse = np.arange(len(tokens)), np.arange(len(tokens))
        strings = doc.vocab.strings
        known = self.lemmas
        lemmas = []
        for k, key in zip(first.tolist(), map(tuple, keys[first].tolist()), strict=True):
            lemma = known.get(key)
            if lemma is None:
                lemma = known[key] = strings.add(self.lemmatize(doc[int(tokens[k])]))
            lemmas.append(lemma)
        return np.array(lemmas, dtype=np.uint64)[inverse]


def differing_tokens(reference: Doc, doc: Doc) -> list[int]:
    """The tokens whose POS, morphology, lemma, tag or dependency label differ between two parses of one text."""
    attrs = list(SET)
    return np.nonzero((reference.to_array(attrs) != doc.to_array(attrs)).any(axis=1))[0].tolist()


@component_factory(
    "accordingto_token_attributes",
    assigns=["token.pos", "token.morph", "token.lemma"],
    requires=["token.tag", "token.dep"],
    default_config={"ruler": "attribute_ruler", "lemmatizer": "lemmatizer"},
)
def make_token_attributes(nlp: Language, name: str, ruler: str, lemmatizer: str) -> TokenAttributes:
    return TokenAttributes(nlp, name, ruler, lemmatizer)


class TokenAttributes(AnnotatingPipe[np.ndarray]):
    """POS, morphology and lemmas as spaCy's ``attribute_ruler`` then ``lemmatizer`` set them, vectorised.

    It reads the two components (by name) from the pipeline it belongs to, where they stay, disabled: a saved
    pipeline keeps them, and this component compiles them again when loaded.
    """

    def __init__(self, nlp: Language, name: str, ruler: str, lemmatizer: str) -> None:
        self.name = name
        self.nlp = nlp
        self.ruler_name = ruler
        self.lemmatizer_name = lemmatizer
        self._rules: list[CompiledRule] | None = None
        self._lemmas: LemmaCache | None = None

    def initialize(
        self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Language | None = None
    ) -> None:
        """Compile the ruler and bind the lemmatizer (``UnsupportedPattern`` if the ruler cannot be compiled)."""
        ruler = self.nlp.get_pipe(self.ruler_name)
        lemmatizer = self.nlp.get_pipe(self.lemmatizer_name)
        if not isinstance(ruler, AttributeRuler) or not isinstance(lemmatizer, Lemmatizer):
            raise UnsupportedPattern(f"{self.ruler_name} and {self.lemmatizer_name} are not spaCy's components")
        if lemmatizer.mode != "rule" or lemmatizer.overwrite:
            raise UnsupportedPattern(f"lemmatizer mode {lemmatizer.mode!r} (overwrite={lemmatizer.overwrite})")
        self._rules = compile_ruler(ruler)
        self._lemmas = LemmaCache(lemmatizer)

    def predict(self, doc: Doc) -> np.ndarray:
        """The document's ``COLUMNS`` after the ruler's rules."""
        if self._rules is None:
            self.initialize()
        assert self._rules is not None
        values = doc.to_array(COLUMNS)
        tested = TestedDocument(values, doc.vocab.strings)  # a copy: every rule tests the tokens as they were
        for rule in self._rules:
            targets = rule.targets(tested)
            if len(targets):
                for attr, value in rule.attrs.items():
                    values[targets, COLUMN[attr]] = value
        return values

    def set_annotations(self, doc: Doc, values: np.ndarray) -> None:
        assert self._lemmas is not None
        if len(doc) == 0:
            return
        # The lemmatizer reads POS and morphology from the tokens: set them before it computes a new lemma.
        doc.from_array([POS, MORPH], cast(Ints2d, values[:, [COLUMN[POS], COLUMN[MORPH]]]))
        missing = np.nonzero(values[:, COLUMN[LEMMA]] == 0)[0]
        if len(missing):
            values[missing, COLUMN[LEMMA]] = self._lemmas.lookup(doc, missing, values)
        doc.from_array(list(SET), cast(Ints2d, values[:, [COLUMN[attr] for attr in SET]]))
