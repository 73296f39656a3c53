"""The learned resolver, asked directly about one mention of a text run through our pipeline: one table per
class of error the speaker issue lists, in sentences written for these tests. Each case names the mention
(``handspans``' notation: "[he] added" is the "he" right before "added") and the participant it should be
shown as: the proper name, or the mention's own words when the participant has no earlier antecedent."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from spacy.language import Language
from spacy.tokens import Doc

from accordingto.errors import ModelError
from accordingto.resolve.markables import find_markables
from accordingto.resolve.ranker import (
    FEATURE_VERSION,
    DocumentResolver,
    MentionRanker,
    resolve_span,
    shipped_ranker,
)

_docs: dict[str, Doc] = {}


def find(doc: Doc, mention: str | tuple[str, int]) -> tuple[int, int]:
    """Token bounds of a mention written as in ``handspans``: "[he] added" is the "he" right before "added";
    ("Park", 3) the third "Park"."""
    words, nth = (mention, 1) if isinstance(mention, str) else mention
    offset, length = 0, len(words)
    if "[" in words:
        offset, length = words.index("["), words.index("]") - words.index("[") - 1
        words = words.replace("[", "").replace("]", "")
    start = -1
    for _ in range(nth):
        start = doc.text.index(words, start + 1)
    span = doc.char_span(start + offset, start + offset + length, alignment_mode="expand")
    assert span is not None
    return span.start, span.end


def shown_as(nlp: Language, text: str, mention: str | tuple[str, int]) -> str | None:
    """Who the resolver says the mention is: the participant's name, else its first mention's words."""
    if text not in _docs:
        _docs[text] = nlp(text)
    doc = _docs[text]
    resolver = DocumentResolver(find_markables(doc), shipped_ranker())
    resolved = resolve_span(doc, *find(doc, mention), resolver=resolver)
    # An unnamed participant is known by its first mention: follow the antecedents back to it.
    while resolved is not None and resolved.name is None and resolved.antecedent is not None:
        resolved = resolve_span(doc, resolved.antecedent.start, resolved.antecedent.end, resolver=resolver)
    if resolved is None:
        return None
    return resolved.name.text if resolved.name is not None else resolved.mention.text


def check(nlp: Language, text: str, mention: str | tuple[str, int], expected: str) -> None:
    assert shown_as(nlp, text, mention) == expected


# Pronouns where the nearest name is the other side of the story.
WRONG_SIDE = [
    pytest.param(
        "Tom Reyes, who represents the shop owner, spoke to reporters on Friday. He said that the prosecutor, "
        "Mark Webb, had ignored the bank records. He added that the trial should be halted.",
        "[He] added",
        "Tom Reyes",
        id="court-report-he-added-is-the-defence-not-the-prosecutor-named-in-his-content",
    ),
    pytest.param(
        "Union leader Sarah Kent called the offer an insult. The employers' spokesman, James Hill, disagreed. "
        '"The offer matches inflation," he said.',
        "[he] said",
        "James Hill",
        id="pay-dispute-he-is-the-male-spokesman",
    ),
    pytest.param(
        "Ruth Adler, the employers' negotiator, said the offer was final. Union leader Ken Marsh rejected it. "
        "She said the talks would resume on Monday.",
        "[She] said",
        "Ruth Adler",
        id="pay-dispute-she-skips-the-nearer-union-leader",
    ),
    pytest.param(
        "Omar Haddad has run the bakery for twenty years. Our reporter, Mike Dunn, met him on Tuesday. "
        "Haddad said the shop had lost money since the spring. He added that no buyer had come forward.",
        "[He] added",
        "Omar Haddad",
        id="interview-write-up-he-added-is-the-interviewee",
    ),
    pytest.param(
        "The lawyer for the tenants, Anne Price, spoke after the landlord's lawyer, Robert Cole. "
        "She said the rent increase broke the lease.",
        "[She] said",
        "Anne Price",
        id="court-report-she-is-the-only-woman",
    ),
]


@pytest.mark.parametrize(("text", "mention", "expected"), WRONG_SIDE)
def test_pronoun_goes_to_the_right_side(nlp: Language, text: str, mention: str, expected: str) -> None:
    check(nlp, text, mention, expected)


# Interview transcripts: outside quotation marks "I" is the one answering, and a "she" in the same answer is
# someone else.
TRANSCRIPTS = [
    pytest.param(
        "Our reporter met Lena Ortiz and Paul Grant at their studio in Denver.\n\nWhat do you each do?\n\n"
        "I write the stories, and she draws every page by hand.",
        "and [she] draws",
        "Lena Ortiz",
        id="she-in-an-answer-is-not-the-i-who-answers",
    ),
    pytest.param(
        "Mark Hale and Lena Ortiz run a small comics studio in Denver.\n\nWho does the drawing?\n\nLena does. I "
        "write, and she said long ago that she would never write a word.",
        "and [she] said",
        "Lena Ortiz",
        id="she-said-in-an-answer-is-the-partner-not-the-speaker",
    ),
]


@pytest.mark.parametrize(("text", "mention", "expected"), TRANSCRIPTS)
def test_third_person_in_a_transcript_is_not_the_speaker(nlp: Language, text: str, mention: str, expected: str) -> None:
    check(nlp, text, mention, expected)


# The news rule and the example article's pattern: the unnamed speaker of the quote just before, and the
# speaker of the latest quote, not the most talked-about person.
NEWS_SPEAKERS = [
    pytest.param(
        '"The king will not move," one former senior diplomat told the paper, describing a message he said came '
        "from the palace. He added that the talks would fail.",
        "[He] added",
        "one former senior diplomat",
        id="he-added-is-the-unnamed-official-who-just-spoke",
        marks=pytest.mark.xfail(
            reason="alone, the model follows its best candidate, the 'he' of 'a message he said came', to the "
            "king named inside the quotation; the pipeline keeps the rules' answer here (the news rule, and no "
            "antecedent named only inside quotes: tests/resolve/test_resolve_pipeline.py)",
            strict=True,
        ),
    ),
    pytest.param(
        "President Ivan Petrov of Northland says his army is ready. Petrov has ruled for ten years. Andriy Koval, "
        'the leader of Southland, disagrees. "We just see a willingness to fight," he said.',
        "[he] said",
        "Andriy Koval",
        id="he-said-after-the-quote-is-its-speaker-not-the-most-mentioned",
        marks=pytest.mark.xfail(
            reason="the vote sums the mentions of each participant: the president, named three times, outvotes "
            "the speaker introduced in the sentence before (the rules get this; the example article's Zelenskyy "
            "'he said' goes the same way)",
            strict=True,
        ),
    ),
]


@pytest.mark.parametrize(("text", "mention", "expected"), NEWS_SPEAKERS)
def test_news_speakers(nlp: Language, text: str, mention: str, expected: str) -> None:
    check(nlp, text, mention, expected)


# Descriptions that refer back to a person named (and described) earlier.
DESCRIPTIONS = [
    pytest.param(
        "Maria Lopez, the former mayor of Riverton, opposed the plan. The council voted on Tuesday. "
        "The former mayor argued that the vote had been rushed.",
        "The former mayor",
        "Maria Lopez",
        id="former-mayor-after-apposition",
    ),
    pytest.param(
        "Mayor Daniel Ortiz opened the new bridge on Sunday. Hundreds of residents came. "
        "The mayor said the bridge would cut traffic.",
        "The mayor",
        "Daniel Ortiz",
        id="the-mayor-after-title",
        marks=pytest.mark.xfail(
            reason="GUM teaches that a definite description mostly starts a new participant; a title repeated as "
            "'the mayor' is too rare in GUM train to outweigh that",
            strict=True,
        ),
    ),
    pytest.param(
        "Harbor Foods announced on Monday that it would close two plants. The company said demand had fallen.",
        "The company",
        "Harbor Foods",
        id="the-company-after-its-name",
        marks=pytest.mark.xfail(
            reason="'no antecedent' wins for 'the company' (GUM: definite descriptions mostly new); the head word "
            "and the organisation's label are learned only from GUM's few companies",
            strict=True,
        ),
    ),
    pytest.param(
        "Paul Grant, a billionaire investor, bought the club last year. Fans protested outside the stadium. "
        "The billionaire suggested that the team might move.",
        "The billionaire",
        "Paul Grant",
        id="the-billionaire-after-apposition",
    ),
]


@pytest.mark.parametrize(("text", "mention", "expected"), DESCRIPTIONS)
def test_description_joins_the_named_person(nlp: Language, text: str, mention: str, expected: str) -> None:
    check(nlp, text, mention, expected)


# A description by another word than the one the participant was introduced by, and descriptions that must
# stay their own: the only earlier participant is of another kind.
DESCRIPTIONS_BY_MEANING = [
    pytest.param(
        "Lena Holt, a songwriter from Dublin, released her first album in March. Critics praised the record. "
        "The singer said she had written most of it on tour.",
        "The singer",
        "Lena Holt",
        id="the-singer-after-a-songwriter",
        marks=pytest.mark.xfail(
            reason="'no antecedent' wins: in GUM a definite description mostly opens a participant, and a head "
            "near in meaning to the apposition's (one GloVe word cluster, desc16) was weak evidence there",
            strict=True,
        ),
    ),
    pytest.param(
        "Corvane Logistics Ltd cut 300 jobs this spring. Its shares fell sharply. The firm said the cuts were over.",
        "The firm",
        "Corvane Logistics Ltd",
        id="the-firm-after-a-company-name",
        marks=pytest.mark.xfail(
            reason="'no antecedent' wins for 'the firm', as for 'the company' above: GUM's few companies teach "
            "the head word and the organisation's label little (desc16)",
            strict=True,
        ),
    ),
    pytest.param(
        "Omar Haddad, a fisherman, spoke to reporters on the pier. The company said its boats would stay in port.",
        "The company",
        "The company",
        id="the-company-is-not-the-fisherman",
    ),
    pytest.param(
        "Judge Carla Mendes adjourned the hearing. The city said it would appeal the ruling.",
        "The city",
        "The city",
        id="the-city-is-not-the-judge",
    ),
]


@pytest.mark.parametrize(("text", "mention", "expected"), DESCRIPTIONS_BY_MEANING)
def test_description_by_meaning(nlp: Language, text: str, mention: str, expected: str) -> None:
    check(nlp, text, mention, expected)


# Organisations: "it", "which", and a place nearby that is not the speaker.
ORGANISATIONS = [
    pytest.param(
        "Northgrid, which runs the regional power network, said it acted to protect the grid.",
        "[it] acted",
        "Northgrid",
        id="it-acted-is-the-grid-operator",
    ),
    pytest.param(
        "Northgrid, which runs the regional power network, said it acted to protect the grid. It also cited the storm.",
        "[It] also",
        "Northgrid",
        id="it-also-cited-in-the-next-sentence",
    ),
    pytest.param(
        "Harbor Foods will close its plant in Toledo next year, it said on Monday.",
        "[it] said",
        "Harbor Foods",
        id="it-said-is-the-company-not-the-town",
    ),
    pytest.param(
        "The protest was organised by Clean Water Watch, a local organization which said in a release that "
        "the river was polluted.",
        "which",
        "Clean Water Watch",
        id="which-said-hangs-on-the-named-organisation",
    ),
]


@pytest.mark.parametrize(("text", "mention", "expected"), ORGANISATIONS)
def test_organisations(nlp: Language, text: str, mention: str, expected: str) -> None:
    check(nlp, text, mention, expected)


RELATIVES_AND_SHORT_NAMES = [
    pytest.param(
        "Senator Amy Ross, who said she would vote against the bill, left the chamber early.",
        "who",
        "Amy Ross",
        id="who-said-is-the-senator",
    ),
    pytest.param(
        "David Marcus founded the firm in 2004. Investors liked the plan. Marcus said the firm would grow.",
        "[Marcus] said",
        "David Marcus",
        id="surname-is-the-full-name",
    ),
    pytest.param(
        "Helen Park and her brother Victor Park ran the shop. The city closed it in May. Park said the "
        "decision was unfair, and she appealed.",
        ("Park", 3),
        "Helen Park",
        id="shared-surname-is-the-one-who-speaks-as-she",
        marks=pytest.mark.xfail(
            reason="a lone surname shared by two people is left unlinked: names are resolved before the 'she' "
            "that would tell them apart",
            strict=True,
        ),
    ),
]


@pytest.mark.parametrize(("text", "mention", "expected"), RELATIVES_AND_SHORT_NAMES)
def test_relatives_and_short_names(nlp: Language, text: str, mention: str | tuple[str, int], expected: str) -> None:
    check(nlp, text, mention, expected)


FIRST_MENTIONS = [
    pytest.param("A spokesman said the talks were over.", "A spokesman", "A spokesman", id="indefinite-is-new"),
    pytest.param(
        "The weather was cold all week. Officials said the roads would stay closed.",
        "Officials",
        "Officials",
        id="bare-plural-without-antecedent",
    ),
]


@pytest.mark.parametrize(("text", "mention", "expected"), FIRST_MENTIONS)
def test_first_mentions_stay_their_own(nlp: Language, text: str, mention: str, expected: str) -> None:
    check(nlp, text, mention, expected)


def test_a_span_without_markable_is_none(nlp: Language) -> None:
    doc = nlp("It rained in the morning, and the match was delayed.")
    assert resolve_span(doc, 2, 3) is None  # "in"


def test_one_resolver_serves_many_spans(nlp: Language) -> None:
    doc = nlp("David Marcus founded the firm. Marcus said it would grow. He added that sales were up.")
    resolver = DocumentResolver(find_markables(doc), shipped_ranker())
    first = resolve_span(doc, *find(doc, "[Marcus] said"), resolver=resolver)
    second = resolve_span(doc, *find(doc, "He"), resolver=resolver)
    assert first is not None and second is not None
    assert first.name is not None and first.name.text == "David Marcus"
    assert second.name is not None and second.name.text == "David Marcus"


def test_a_mention_known_to_refer_does_not_stop_at_no_antecedent(nlp: Language) -> None:
    """An "it" that is a source refers back: its chain goes on to its best candidate even where "no antecedent"
    scores higher, as it does here for the model (a one-word place, which GUM's "it"s seldom name)."""
    doc = nlp("Tuvalu lies halfway between Hawaii and Australia. It says rising seas will swallow it within decades.")
    markables = find_markables(doc)
    resolver = DocumentResolver(markables, shipped_ranker())
    k = markables.by_head[find(doc, "[It] says")[0]]
    tuvalu = markables.by_head[find(doc, "Tuvalu")[0]]
    assert resolver.antecedent(k) is None
    assert resolver.best_candidate(k) == tuvalu
    assert resolver.best_chains([k], lambda j: j == tuvalu) == {k: []}
    assert resolver.best_chains([k], lambda j: j == tuvalu, referring={k}) == {k: [tuvalu]}


def test_a_chain_through_a_predicate_goes_on_to_its_subject(nlp: Language) -> None:
    """A description that is the predicate or apposition of an earlier mention is that mention's participant, as
    the parse says: a chain reaching it goes on to the subject instead of stopping where the description, often
    a first mention, scores "no antecedent"."""
    doc = nlp("Calverton is the oldest port on the coast. Today it handles grain and timber.")
    markables = find_markables(doc)
    resolver = DocumentResolver(markables, shipped_ranker())
    port = markables.by_head[find(doc, "port")[0]]
    calverton = markables.by_head[find(doc, "Calverton")[0]]
    assert resolver.linked_subject(port) == calverton
    assert resolver.linked_subject(calverton) is None  # a name is no predicate
    assert resolver.best_chains([port], lambda j: j == calverton) == {port: [calverton]}


def test_weights_round_trip(tmp_path: Path) -> None:
    weights = np.zeros(1 << 10, dtype=np.float32)
    weights[[3, 700]] = [1.5, -2.0]
    path = tmp_path / "ranker.npz"
    MentionRanker(weights, temperature=7.0, top=4).save(path)
    loaded = MentionRanker.load(path)
    assert loaded.bits == 10
    assert (loaded.temperature, loaded.top) == (7.0, 4)
    np.testing.assert_array_equal(loaded.weights, weights)


def test_weights_of_other_features_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.npz"
    np.savez(
        path,
        rows=np.array([1], dtype=np.uint32),
        values=np.array([1.0], dtype=np.float16),
        bits=np.array(10),
        temperature=np.array(1.0),
        top=np.array(3),
        feature_version=np.array(FEATURE_VERSION + 1),
    )
    with pytest.raises(ModelError, match="retrain"):
        MentionRanker.load(path)
    with pytest.raises(ModelError, match="cannot load"):
        MentionRanker.load(tmp_path / "missing.npz")
