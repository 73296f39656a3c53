"""The linking, stance and time components in the full pipeline, on the example article.

Only what does not hang on the extractor's current output is checked here; the behaviours themselves are tested
on hand-placed attributions in the other test files.
"""

from __future__ import annotations

from spacy.language import Language

from accordingto.anchor.time import base_date, find_time_expressions
from accordingto.annotations import ARTICLE, ATTRIBUTIONS, PARENTS, STANCE, TIMES, analysis_from_doc
from accordingto.model import ArticleMeta
from accordingto.parse.pipeline import COMPONENTS
from handspans import EXAMPLE, EXAMPLE_PUBLISHED

OURS = ["accordingto_nesting", "accordingto_provenance", "accordingto_stance", "accordingto_time"]


def test_registered_in_data_order() -> None:
    names = [name for name, _ in COMPONENTS]
    positions = [names.index(name) for name in OURS]
    assert positions == sorted(positions)
    assert names.index("accordingto_sources") < positions[0]
    if "accordingto_summary" in names:
        assert positions[-1] < names.index("accordingto_summary")


def test_example_article_through_the_pipeline(nlp: Language) -> None:
    doc = nlp.make_doc(EXAMPLE.read_text(encoding="utf-8"))
    ARTICLE.set(doc, ArticleMeta(published=EXAMPLE_PUBLISHED))
    analysis = analysis_from_doc(nlp(doc))
    assert analysis.attributions, "the extractor found nothing in the example article"
    ids = list(ATTRIBUTIONS.require(doc))
    for field in (PARENTS, STANCE, TIMES):
        assert list(field.require(doc)) == ids
    names = [entry.name for entry in analysis.provenance]
    assert names[:2] == ["media", "The New York Times"]
    nyt = analysis.provenance[1]
    assert [analysis.text[start:end] for start, end in nyt.spans] == ["the New York Times", "the NYT"]
    # Which attribution gets which time depends on what the extractor finds; the expressions do not.
    expressions = {e.text: e.value for e in find_time_expressions(doc, base_date(doc))}
    assert expressions["Tuesday, December 19"] == "2023-12-19"
    assert expressions["a year earlier, in the fall of 2022"] == "2022-FA"
    assert expressions["since September 2023"] == "2023-09/.."
    times = [a.time for a in analysis.attributions if a.time is not None]
    assert all(analysis.text[t.start : t.end] == t.text for t in times)
