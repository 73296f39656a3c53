"""The judged news rounds as tests: each round's articles (``tests/fixtures/news/``) read from their judgment files
(``tests/fixtures/news/judgments/``, written by hand at first contact; ``benchmarks/news_judgments.py`` counts the
same lines), shared by every round's test module so that the matching and the marks are written once.

Every statement line whose speaker the tool gave right is pinned; every one it gave wrong is a strict xfail whose
reason is the error's class and note (``wrong who``, ``junk``, ``split``, ``extractor``, or ``missed`` for a
statement the extractor does not find), so that a fix that corrects one shows as an XPASS and its line in the
judgment file loses its ``error``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from accordingto.evaluate.judgments import judged_attributions, judgment_lines, match, normal_name, right_names

NEWS = Path(__file__).resolve().parent / "fixtures" / "news"
JUDGMENTS = NEWS / "judgments"

ROUNDS = {
    "news24": (
        "strike-tram-drivers.txt",
        "wire-campaign-trail-abroad.txt",
        "results-call-energy.txt",
        "school-exclusions-trust.txt",
        "inquest-cyclist-junction.txt",
        "tech-ai-tutor-launch.txt",
        "sport-netball-semifinal.txt",
        "obituary-conductor.txt",
        "page-regional-police-appeal.html",
        "page-broadcaster-solar-farm.html",
    ),
    "news25": (
        "strike-hospital-cleaners.txt",
        "byelection-count-night.txt",
        "university-funding-row.txt",
        "sentencing-charity-fraud.txt",
        "storm-imelda-agencies.txt",
        "football-manager-sacked.txt",
        "festival-cancelled-promoter.txt",
        "wire-ceasefire-highlands.txt",
        "page-metro-rezoning-vote.html",
        "page-tradepress-bank-fine.html",
    ),
    "news26": (
        "rail-timetable-chaos.txt",
        "wire-island-election-count.txt",
        "pharma-recall-inhalers.txt",
        "memoir-row-publisher.txt",
        "page-radio-school-inspection.html",
        "rugby-captain-retires.txt",
        "wildfire-ridge-evacuations.txt",
        "page-techsite-layoffs.html",
        "appeal-fraud-barristers.txt",
        "wire-summit-foreign-ministers.txt",
    ),
    "news27": (
        "maternity-inquest-trust.txt",
        "port-crane-collapse.txt",
        "cycling-doping-ban.txt",
        "campus-speaker-row.txt",
        "farmers-protest-tractors.txt",
        "art-prize-withdrawn.txt",
        "wire-earthquake-aid.txt",
        "energy-price-cap.txt",
        "page-newsgroup-council-cuts.html",
        "page-bizwire-data-breach.html",
    ),
    "news28": (
        "shipping-grounding-insurers.txt",
        "museum-restitution-masks.txt",
        "zoo-elephant-welfare.txt",
        "deadline-day-transfers.txt",
        "inquiry-hearing-water.txt",
        "school-street-road-safety.txt",
        "satellite-launch-failure.txt",
        "tribunal-unfair-dismissal.txt",
        "page-studentpaper-halls-rent-strike.html",
        "page-irishdaily-mountain-rescue.html",
    ),
    "news29": (
        "housing-association-fire-doors.txt",
        "pension-fund-divestment-vote.txt",
        "wedding-venue-licence-hearing.txt",
        "airport-runway-appeal.txt",
        "cricket-selection-row.txt",
        "libel-trial-presenter.txt",
        "hosepipe-ban-drought.txt",
        "police-misconduct-hearing.txt",
        "page-scotnational-bus-franchising.html",
        "page-publicradio-newspaper-closure.html",
    ),
    "news30": (
        "church-synod-closures.txt",
        "cruise-norovirus-outbreak.txt",
        "racing-stewards-inquiry.txt",
        "fashion-director-exit.txt",
        "motorsport-teammates-clash.txt",
        "archaeology-villa-housing.txt",
        "games-studio-crunch.txt",
        "shark-nets-council-vote.txt",
        "page-indiaregional-metro-delay.html",
        "page-financialdaily-fund-gated.html",
    ),
}
_WRONG = ("wrong who", "junk", "split", "extractor")
_OUTPUTS: dict[str, list[dict[str, Any]]] = {}


def speaker_cases(articles: tuple[str, ...]) -> list[Any]:
    """One case per judged statement of the articles, a strict xfail where the tool was wrong when judged."""
    cases = []
    for article in articles:
        for line in judgment_lines(JUDGMENTS / f"{article}.jsonl"):
            if not line["statement"] or "speaker" not in line:
                continue
            marks = []
            if line.get("error") in _WRONG:
                reason = f"{line['error']}: {line.get('note', '')} (shown as {line['output']!r})"
                marks.append(pytest.mark.xfail(strict=True, reason=reason))
            elif line.get("error") == "missed":
                reason = f"a statement the extractor misses: {line.get('note', line['cue'])}"
                marks.append(pytest.mark.xfail(strict=True, reason=reason))
            cases.append(pytest.param(article, line, marks=marks, id=f"{article}:{line['content'][:30]}"))
    return cases


def _outputs(nlp: Language, article: str) -> list[dict[str, Any]]:
    if article not in _OUTPUTS:
        _OUTPUTS[article] = judged_attributions(NEWS / article, nlp)
    return _OUTPUTS[article]


def assert_the_speaker_a_reader_names(nlp: Language, article: str, line: dict[str, Any]) -> None:
    """The attributions matched to the line exist and all name one of its right speakers."""
    lines = judgment_lines(JUDGMENTS / f"{article}.jsonl")
    found = [a for a in _outputs(nlp, article) if match(a, lines) == line]
    assert found, "no attribution has this content"
    assert {normal_name(a["speaker"]) for a in found} <= right_names(line), [a["speaker"] for a in found]


def judged_articles() -> set[str]:
    """The fixtures that have a judgment file."""
    return {path.name.removesuffix(".jsonl") for path in JUDGMENTS.glob("*.jsonl")}
