"""Invisible characters (zero-width, bidi controls, soft hyphens) hide no attribution, and offsets still count in
the text as given."""

from __future__ import annotations

import random
import sys
import unicodedata

from spacy.language import Language

from accordingto import Article, analyze_many
from accordingto.visible import FORMAT_CHARACTERS, INVISIBLE, VisibleText
from hand_analysis import EXAMPLE_PATH

MARKS = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u00ad"]


def test_the_list_is_unicodes_format_characters() -> None:
    listed = {code for low, high in FORMAT_CHARACTERS for code in range(low, high + 1)}
    assert listed == {code for code in range(sys.maxunicode + 1) if unicodedata.category(chr(code)) == "Cf"}
    assert INVISIBLE.findall("a\u200bb\u202ec") == ["\u200b", "\u202e"]


def test_offsets_of_the_visible_text_map_back_into_the_original() -> None:
    original = "\u200bHe sa\u200did\u2066 yes\u2069."
    visible = VisibleText.of(original)
    assert visible.text == "He said yes."
    start = visible.text.index("said")
    assert visible.original_range(start, start + 4) == (original.index("sa"), original.index("id") + 2)
    assert visible.original_range(0, 2) == (1, 3)  # the mark before "He" stays outside
    assert VisibleText.of("plain").positions is None


def sprinkled(text: str, seed: int, share: float) -> str:
    chooser = random.Random(seed)
    return "".join(char + (chooser.choice(MARKS) if chooser.random() < share else "") for char in text)


def test_marks_inside_words_hide_no_attribution_and_offsets_point_into_the_original(nlp: Language) -> None:
    text = EXAMPLE_PATH.read_text(encoding="utf-8")
    noisy = sprinkled(text, seed=7, share=0.3)
    [plain, marked] = analyze_many(
        [Article(text=text, published="2023-12-23"), Article(text=noisy, published="2023-12-23")], nlp=nlp
    )
    assert plain.analysis is not None and marked.analysis is not None
    assert len(plain.analysis.attributions) >= 20
    assert marked.analysis.text == noisy
    strip = {ord(mark): None for mark in MARKS}
    for before, after in zip(plain.analysis.attributions, marked.analysis.attributions, strict=True):
        assert after.content_text.translate(strip) == before.content_text
        assert after.cue_text == " … ".join(noisy[start:end] for start, end in after.cue)
        assert after.content_text == " … ".join(noisy[start:end] for start, end in after.content)
        if after.time is not None:
            assert noisy[after.time.start : after.time.end] == after.time.text
    for source in marked.analysis.sources:
        assert all(0 <= start < end <= len(noisy) for mention in source.mentions for start, end in mention)
