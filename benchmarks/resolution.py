"""Speaker resolution on GUM: the learned resolver beside today's rules, by genre and by kind of mention.

Both systems answer for the same mentions — every "he", "she", "it", "they", "we", definite description and
short name in GUM whose gold entity was named earlier, as found by our own markable detection on spaCy's parse
(``accordingto.evaluate.resolution`` says exactly which, and what counts as right). The GUM texts go through our
pipeline up to the attribution extractor, so both systems see our attributions and quotes.

- ``model``: ``resolve.ranker`` with the shipped weights (``--weights`` for others), on GUM dev; on GUM train
  by cross-validation (``--folds``, trained afresh on the other folds);
- ``rules``: ``resolve.speakers`` as it is, asked about one mention at a time: the mention is added as the
  source of an extra attribution, the rules run, and the entity they give that attribution is the answer (its
  fullest name is what ``describe.sources`` would show).

It also times the resolver on real news (PolNeAR dev texts: finding markables, then resolving the mention each
of the extractor's attributions has as its source, as the pipeline would) against the whole analysis of the same
texts, and reports the size and load time of the weights.

    .venv/bin/python benchmarks/resolution.py                        # dev + train CV + speed: ~6 minutes
    .venv/bin/python benchmarks/resolution.py --no-cv --no-speed     # dev only
    .venv/bin/python benchmarks/resolution.py --cache-dir /tmp/gum   # keep the parses between runs
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span

from accordingto.annotations import ROLE_KEYS, role_spans
from accordingto.evaluate import read_annotated
from accordingto.evaluate.resolution import (
    TARGET_KINDS,
    TARGET_PRONOUNS,
    Alignment,
    Answer,
    Tally,
    Target,
    outcome,
    score_documents,
    targets,
)
from accordingto.parse import load_pipeline
from accordingto.resolve.markables import find_markables
from accordingto.resolve.ranker import WEIGHTS_PATH, MentionRanker, resolve_mentions
from accordingto.resolve.speakers import Entity, resolve_speakers
from accordingto.train.resolver import cross_validate, load_split, ranker_answers

PROBE = "probe"


def rules_answers(alignment: Alignment, found: Sequence[Target]) -> list[Answer | None]:
    """Today's rules, asked about each target in turn (see the module docstring)."""
    markables = alignment.markables
    doc = markables.doc
    key = ROLE_KEYS["source"]
    sources = list(doc.spans.get(key, []))
    answers: list[Answer | None] = []
    try:
        for target in found:
            if target.markable is None:
                answers.append(None)
                continue
            start, end = markables.spans[target.markable]
            doc.spans[key] = [*sources, Span(doc, start, end, label="SOURCE", span_id=PROBE)]
            answers.append(_rules_answer(doc, resolve_speakers(doc)))
    finally:
        doc.spans[key] = sources
    return answers


def _rules_answer(doc: Doc, entities: list[Entity]) -> Answer:
    for entity in entities:
        probe = next((o for o in entity.occurrences if PROBE in o.attributions), None)
        if probe is None:
            continue
        linked = any(o is not probe and o.tokens[0] < probe.tokens[0] for o in entity.occurrences)
        named = [o.mention for o in entity.occurrences if o.mention.form == "name"]
        if not named:
            return Answer(linked, None)
        # The fullest name, as describe.sources shows it; the first one written on a tie.
        fullest = max(named, key=lambda m: (len(m.name_tokens(doc)), -m.start))
        assert fullest.name_start is not None and fullest.name_end is not None
        name = doc[fullest.name_start : fullest.name_end]
        return Answer(linked, (name.start_char, name.end_char, doc[fullest.head].idx))
    return Answer(False, None)  # the rules read no mention in the span


def pronoun_tally(alignments: Sequence[Alignment], systems: dict[str, Any]) -> Tally:
    """Outcomes for pronoun targets by the pronoun itself (he, she, it, they, we), all genres together."""
    tally = Tally()
    for alignment in alignments:
        found = [t for t in targets(alignment) if t.kind == "pronoun"]
        for system, answer in systems.items():
            for target, given in zip(found, answer(alignment, found), strict=True):
                word = alignment.document.text[target.gold.start : target.gold.end].lower()
                tally.add(system, "all", word, outcome(alignment, target, given))
    return tally


def pronoun_table(tally: Tally, systems: Sequence[str]) -> str:
    header = ["pronoun", "n"] + [f"{system} {what}" for system in systems for what in ("right", "abstain")]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for word in sorted(TARGET_PRONOUNS):
        first = tally.total(systems[0], None, word)
        n = sum(count for result, count in first.items() if result != "undetected")
        row = [word, str(n)]
        for system in systems:
            counts = tally.total(system, None, word)
            row += [_percent(tally.share(counts)), _percent(tally.share(counts, "abstained"))]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def table(tally: Tally, systems: Sequence[str], genres: Sequence[str]) -> str:
    header = ["genre", "kind", "n"]
    for system in systems:
        header += [f"{system} right", f"{system} abstain"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for genre in [*genres, None]:
        for kind in [*TARGET_KINDS, None]:
            first = tally.total(systems[0], genre, kind)
            n = sum(count for result, count in first.items() if result != "undetected")
            if not n:
                continue
            row = [genre or "all", kind or "all", str(n)]
            for system in systems:
                counts = tally.total(system, genre, kind)
                row += [_percent(tally.share(counts)), _percent(tally.share(counts, "abstained"))]
            lines.append("| " + " | ".join(row) + " |")
    undetected = sum(tally.total(systems[0], None, kind).get("undetected", 0) for kind in TARGET_KINDS)
    lines.append(f"\n(mentions our markable detection did not find, left out above: {undetected})")
    return "\n".join(lines)


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def speed(polnear: str, limit: int, ranker: MentionRanker) -> dict[str, float]:
    """CPU seconds per 1,000 words: the whole analysis, and the resolver on its output."""
    nlp = load_pipeline()
    texts = [article.text for article in read_annotated(polnear, "dev", limit=limit)]
    words = sum(len(text.split()) for text in texts)
    started = time.process_time()
    docs = list(nlp.pipe(texts, batch_size=16))
    analysis = time.process_time() - started
    finding = resolving = 0.0
    resolved = 0
    for doc in docs:
        started = time.process_time()
        markables = find_markables(doc)
        finding += time.process_time() - started
        started = time.process_time()
        # What the pipeline would ask: the mention each attribution's source span stands for.
        spans = (spans[0] for roles in role_spans(doc).values() if (spans := roles["source"]))
        sources = sorted({k for span in spans if (k := markables.find(span.start, span.end)) is not None})
        resolved += len(resolve_mentions(markables, sources, ranker))
        resolving += time.process_time() - started
    per_1k = 1000 * 1000 / words
    return {
        "articles": len(texts),
        "words": words,
        "analysis_ms_per_1k_words": analysis * per_1k,
        "markables_ms_per_1k_words": finding * per_1k,
        "resolver_ms_per_1k_words": (finding + resolving) * per_1k,
        "resolver_share": (finding + resolving) / analysis,
        "source_mentions_resolved": resolved,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default="../shared/gum", help="GUM folder (with train/ and dev/)")
    parser.add_argument("--polnear", default="../shared/polnear", help="PolNeAR folder, for the speed figures")
    parser.add_argument("--weights", type=Path, default=WEIGHTS_PATH)
    parser.add_argument("--cache-dir", type=Path, help="keep our pipeline's parses of GUM here")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation on train")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed figures")
    parser.add_argument("--speed-articles", type=int, default=40)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    started = time.perf_counter()
    ranker = MentionRanker.load(args.weights)
    load_seconds = time.perf_counter() - started
    nlp = load_pipeline()
    report: dict[str, Any] = {
        "weights": str(args.weights),
        "weights_bytes": args.weights.stat().st_size,
        "weights_load_seconds": load_seconds,
    }
    dev = load_split(nlp, args.data, "dev", args.cache_dir)
    systems = {"model": ranker_answers(ranker), "rules": rules_answers}
    tally = score_documents(dev, systems)
    genres = sorted({alignment.document.genre for alignment in dev})
    report["dev"] = tally
    report["dev_pronouns"] = pronoun_tally(dev, systems)
    if not args.no_cv:
        train = load_split(nlp, args.data, "train", args.cache_dir)
        cv = cross_validate(train, folds=args.folds, seed=args.seed)
        score_documents(train, {"rules": rules_answers}, cv)
        report["train_cv"] = cv
    if not args.no_speed:
        report["speed"] = speed(args.polnear, args.speed_articles, ranker)

    if args.json:
        for split in ("dev", "dev_pronouns", "train_cv"):
            if split in report:
                report[split] = {"|".join(key): dict(counts) for key, counts in report[split].counts.items()}
        print(json.dumps(report, indent=2))
        return
    print(f"GUM dev ({len(dev)} documents): share of mentions resolved to the right entity, and abstentions\n")
    print(table(tally, ["model", "rules"], genres))
    print("\nGUM dev pronouns, by pronoun\n")
    print(pronoun_table(report["dev_pronouns"], ["model", "rules"]))
    if "train_cv" in report:
        print(f"\nGUM train, {args.folds}-fold cross-validation for the model (the rules as they are)\n")
        print(table(report["train_cv"], ["model", "rules"], genres))
    print(f"\nweights: {args.weights} ({report['weights_bytes'] / 1024:.0f} KiB), loaded in {load_seconds:.3f} s")
    if "speed" in report:
        figures = report["speed"]
        print(
            f"speed on {figures['articles']} PolNeAR dev articles ({figures['words']} words): whole analysis "
            f"{figures['analysis_ms_per_1k_words']:.0f} ms CPU per 1,000 words; resolver (markables "
            f"{figures['markables_ms_per_1k_words']:.1f} ms, then {figures['source_mentions_resolved']} source "
            f"mentions) {figures['resolver_ms_per_1k_words']:.1f} ms per 1,000 words = "
            f"{100 * figures['resolver_share']:.1f}% of the analysis"
        )


if __name__ == "__main__":
    main()
