"""A hand-made analysis of the example article that uses every field of the model, so the renderers, the page
and the corpus views are tested on all they must show (sources, nesting, provenance, stance, dates) whatever
the extractor finds today."""

from __future__ import annotations

from pathlib import Path

import samples
from accordingto.model import (
    Analysis,
    ArticleMeta,
    Attribution,
    AttributionType,
    Provenance,
    Range,
    Source,
    Summary,
    TimeAnchor,
)

EXAMPLE_PATH = Path(__file__).resolve().parents[1] / "examples" / "putin-negotiations.txt"


class Finder:
    """Character ranges of phrases in a text, searched after a moving anchor so repeated words find the right
    one."""

    def __init__(self, text: str) -> None:
        self.text = text

    def start(self, after: str) -> int:
        """Where the anchor phrase ``after`` starts (0 without one)."""
        return self.text.index(after) if after else 0

    def range(self, phrase: str, after: str = "") -> Range:
        return samples.span(self.text, phrase, self.start(after))


def attribution(
    find: Finder,
    aid: str,
    kind: AttributionType,
    source: str | None,
    cue: str,
    content: str,
    after: str,
    **extra: object,
) -> Attribution:
    """An attribution of the example whose words are looked up after the phrase ``after``."""
    start = find.start(after)
    return samples.attribution(find.text, aid, source, cue, content, type=kind, after=start, **extra)  # type: ignore[arg-type]


def build_example_analysis(text: str) -> Analysis:
    find = Finder(text)
    line2 = "According to US officials, in the fall"
    line4 = "Vladimir Putin says"
    time_2022 = find.range("the fall of 2022", line2)
    tuesday = find.range("Tuesday, December 19", line4)
    since = find.range("since September 2023")
    attributions = [
        attribution(
            find,
            "a1",
            "indirect",
            "US officials",
            "According to",
            "in the fall of 2022, Putin reported that he was satisfied with the Ukrainian territory "
            "captured by Russia and was ready to negotiate a truce",
            line2,
            source_id="s1",
            cue_class="neutral",
        ),
        attribution(
            find,
            "a2",
            "indirect",
            "Putin",
            "reported",
            "that he was satisfied with the Ukrainian territory captured by Russia and was ready to negotiate a truce",
            line2,
            source_id="s2",
            parent="a1",
            cue_class="neutral",
            time=TimeAnchor(text="the fall of 2022", start=time_2022[0], end=time_2022[1], value="2022-FA"),
        ),
        attribution(
            find,
            "a3",
            "indirect",
            "the New York Times",
            "reported by",
            "This",
            "This is reported",
            source_id="s3",
            cue_class="neutral",
        ),
        attribution(
            find,
            "a4",
            "indirect",
            "Vladimir Putin",
            "says",
            "that Russia's military goals have not changed",
            line4,
            source_id="s2",
            negated=True,
        ),
        attribution(
            find,
            "a5",
            "mixed",
            "he",
            "boasted",
            'that Russian troops are doing "what we want" in Ukraine',
            line4,
            source_id="s2",
            cue_class="emphatic",
            time=TimeAnchor(text="Tuesday, December 19", start=tuesday[0], end=tuesday[1], value="2023-12-19"),
        ),
        attribution(
            find,
            "a6",
            "direct",
            "Putin",
            "said",
            '"We will not give away what is ours. If they want to negotiate, let them negotiate,"',
            '"We will not give away',
            source_id="s2",
        ),
        attribution(
            find,
            "a7",
            "indirect",
            "Two former senior Russian officials",
            "say",
            "since September 2023, Putin has signaled his openness to a ceasefire",
            "Two former senior",
            source_id="s4",
            time=TimeAnchor(text="since September 2023", start=since[0], end=since[1], value="2023-09/.."),
        ),
        attribution(
            find,
            "a8",
            "indirect",
            "Some US officials",
            "say",
            "this may be a misleading attempt by the Kremlin and does not reflect Putin's true desire to compromise",
            "Some US officials",
            source_id="s1",
            hedged=True,
        ),
        attribution(
            find,
            "a9",
            "direct",
            "Putin's spokesman Dmitry Peskov",
            "said",
            '"conceptually, these theses you presented are incorrect.”',
            "Responding to questions",
            source_id="s5",
            denial=True,
            cue_class="neutral",
        ),
        attribution(
            find,
            "a10",
            "direct",
            "one former senior Russian official",
            "told",
            '"He\'s really ready to stand his ground,"',
            "\"He's really",
            source_id="s6",
        ),
        attribution(
            find,
            "a11",
            "indirect",
            "Ukrainian President Volodymyr Zelenskyy",
            "says",
            "he sees no signs that Russia wants to negotiate",
            "Ukrainian President",
            source_id="s7",
        ),
        attribution(
            find,
            "a12",
            "indirect",
            None,
            "believes",
            "that Ukraine, led by President Volodymyr Zelenskyy, should decide on its own",
            "- The United States",
        ),
    ]
    nyt = find.range("the New York Times")
    nyt_short = find.range("the NYT")
    sources = [
        Source(
            id="s1",
            name="US officials",
            kind="government",
            named=False,
            description="US officials",
            qualifiers=["some"],
            affiliation="United States",
            mentions=[attributions[0].source],
        ),
        Source(
            id="s2",
            name="Vladimir Putin",
            kind="person",
            named=True,
            description="Vladimir Putin",
            role="president",
            role_of="Russia",
            mentions=[attributions[3].source, attributions[4].source],
        ),
        Source(
            id="s3",
            name="The New York Times",
            kind="media",
            named=True,
            description="the New York Times",
            mentions=[[nyt]],
        ),
        Source(
            id="s4",
            name="former senior Russian officials",
            kind="group",
            named=False,
            description="Two former senior Russian officials",
            count=2,
            qualifiers=["former", "senior"],
            affiliation="Russia",
        ),
        Source(
            id="s5",
            name="Dmitry Peskov",
            kind="person",
            named=True,
            description="Putin's spokesman Dmitry Peskov",
            role="spokesman",
            role_of="Vladimir Putin",
        ),
        Source(
            id="s6",
            name="former senior Russian official",
            kind="person",
            named=False,
            description="one former senior Russian official",
            count=1,
            qualifiers=["former", "senior"],
            affiliation="Russia",
        ),
        Source(
            id="s7",
            name="Volodymyr Zelenskyy",
            kind="person",
            named=True,
            description="Ukrainian President Volodymyr Zelenskyy",
            role="president",
            role_of="Ukraine",
        ),
    ]
    return Analysis(
        text=text,
        attributions=attributions,
        sources=sources,
        provenance=[Provenance(name="The New York Times", spans=[nyt, nyt_short], attribution_ids=["a1", "a10"])],
        summary=Summary(
            attributions=len(attributions),
            by_type={"direct": 3, "indirect": 8, "mixed": 1},
            by_source_kind={"person": 7, "government": 2, "group": 1, "media": 1, "unknown": 1},
            anonymous_share=5 / 12,
            named_sources=4,
            anonymous_sources=3,
            upstream=["The New York Times"],
        ),
        article=ArticleMeta(id="putin-negotiations", title=None, outlet="Example News", published="2023-12-23"),
    )
