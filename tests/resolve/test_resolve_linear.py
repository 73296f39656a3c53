"""The resolver's per-document work grows with the article, not with its square: quotations located in one
sweep, each entity's earlier markables shared by all its pronouns, nothing kept per pair of attribution and
markable. Checked on the mechanism (no timings: the complexity benchmark measures those)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from accordingto.analyze import analyze
from accordingto.resolve.learned import EarlierMarkables
from accordingto.resolve.markables import _innermost_quotes, find_markables
from accordingto.resolve.speakers import rules_links
from fuzz_inputs import FUZZ


def innermost_by_hand(char: int, quotes: list[tuple[int, int]]) -> int:
    """The definition: the shortest quotation holding ``char``; of equally short ones, the one listed last."""
    holding = [n for n, (start, end) in enumerate(quotes) if start <= char < end]
    return min(holding, key=lambda n: (quotes[n][1] - quotes[n][0], -n), default=-1)


quotations = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 30)), max_size=12).map(
    lambda pairs: sorted((start, start + length) for start, length in pairs)
)


@FUZZ
@given(quotes=quotations, chars=st.lists(st.integers(0, 100), max_size=30))
def test_the_innermost_quotation_of_each_offset_in_one_sweep(quotes: list[tuple[int, int]], chars: list[int]) -> None:
    assert _innermost_quotes(chars, quotes) == [innermost_by_hand(char, quotes) for char in chars]


def test_the_pronouns_of_one_entity_share_one_list_of_earlier_markables(nlp: Language) -> None:
    text = " ".join(f'"We agree on point {n}," he said.' for n in range(40))
    doc = nlp(f"Anna Baker met the council. {text}")
    markables = find_markables(doc)
    links = rules_links(markables)
    views = [view for view in links.values() if isinstance(view, EarlierMarkables)]
    assert len(views) == len(links) >= 30
    assert len({id(view.in_order) for view in views}) == 1  # one list for the whole entity, not one per pronoun
    counts = sorted(view.count for view in views)
    assert counts == sorted(set(counts))  # each pronoun sees the markables before it, more for later ones
    for view in views:
        assert list(view) == view.in_order[: view.count]
        assert all(k in view for k in view) and not any(k in view for k in view.in_order[view.count :])


def test_markables_keep_per_markable_lists_not_an_attribution_by_markable_matrix(nlp: Language) -> None:
    doc = nlp('The mayor said the bridge would open. "It will," she said, and officials said she was right.')
    markables = find_markables(doc)
    assert len(markables.contents) == len(markables.mentions)
    held = {doc[markables.mentions[k].head].text for k, attributions in enumerate(markables.contents) if attributions}
    assert "bridge" in held and "mayor" not in held  # in what the mayor said; the mayor is its source
    assert analyze(doc.text, nlp=nlp).attributions  # the whole pipeline still runs on them
