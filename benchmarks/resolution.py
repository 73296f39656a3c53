"""Speaker resolution on GUM: the pipeline's resolver beside the old rules and the learned model alone, by genre
and by kind of mention, on all measured mentions and on the speaker subset.

Every system answers for the same mentions — every "he", "she", "it", "they", "we", definite description and
short name in GUM whose gold entity was named earlier, as found by our own markable detection on spaCy's parse
(``accordingto.evaluate.resolution`` says exactly which, what counts as right, and what the speaker subset is).
The GUM texts go through our pipeline up to the attribution extractor, so every system sees our attributions and
quotes.

- ``pipeline``: ``resolve.speakers`` as the pipeline runs it (``DEFAULT_STRATEGY``: the rules, the learned
  resolver where they find no antecedent, and the resolver first for "she"), asked about one mention at a time:
  the mention is added as the source of an extra attribution, the resolver runs, and the entity it gives that
  attribution is the answer (its fullest name is what ``describe.sources`` would show);
- ``rules``: the same, with every class of mention left to the rules (the resolver before phase 2);
- ``model``: ``resolve.ranker`` alone, with the shipped weights (``--weights`` for others).

On GUM dev with the shipped weights; on GUM train by cross-validation (``--folds``: the model trained afresh on
the other folds, for ``model`` and ``pipeline``). It also times the speakers stage on real news (PolNeAR dev
texts) against the whole analysis of the same texts, and reports the size and load time of the weights.

    .venv/bin/python benchmarks/resolution.py                        # dev + train CV + speed: ~7 minutes
    .venv/bin/python benchmarks/resolution.py --no-cv --no-speed     # dev only
    .venv/bin/python benchmarks/resolution.py --cache-dir /tmp/gum   # keep the parses between runs
    .venv/bin/python benchmarks/resolution.py --no-cv --no-speed --compare OTHER.npz   # what other weights change
    .venv/bin/python benchmarks/resolution.py --no-speed --seed 0 1 2   # train CV summed over three dealings

``--compare`` lists, on GUM dev, every measured mention whose outcome differs between the two weight files, for
the pipeline and the model alone, and how many each document holds: a difference of a few points on dev is
often one decision in one document (a chain of "he"s in a biography, or one name link that renames every "the
city" of a travel guide), which is not a difference of the models (resolver17).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span

from accordingto.annotations import ATTRIBUTIONS, ROLE_KEYS
from accordingto.evaluate import read_annotated
from accordingto.evaluate.resolution import (
    TARGET_KINDS,
    TARGET_PRONOUNS,
    Alignment,
    Answer,
    Outcome,
    Tally,
    Target,
    outcome,
    score_documents,
    targets,
)
from accordingto.parse import load_pipeline
from accordingto.records import AttributionRecord
from accordingto.resolve.entities import Entity
from accordingto.resolve.ranker import WEIGHTS_PATH, MentionRanker
from accordingto.resolve.speakers import DEFAULT_STRATEGY, resolve_speakers
from accordingto.train.resolver import System, cross_validate, load_split, ranker_answers

PROBE = "probe"
SYSTEMS = ("pipeline", "rules", "model")


def speakers_answers(strategy: dict[str, str], ranker: MentionRanker) -> System:
    """``resolve.speakers`` with ``strategy``, asked about each target in turn (see the module docstring)."""

    def answer(alignment: Alignment, found: Sequence[Target]) -> list[Answer | None]:
        markables = alignment.markables
        doc = markables.doc
        key = ROLE_KEYS["source"]
        sources = list(doc.spans.get(key, []))
        records = dict(ATTRIBUTIONS.require(doc))
        answers: list[Answer | None] = []
        try:
            for target in found:
                if target.markable is None:
                    answers.append(None)
                    continue
                start, end = markables.spans[target.markable]
                doc.spans[key] = [*sources, Span(doc, start, end, label="SOURCE", span_id=PROBE)]
                ATTRIBUTIONS.put(doc, PROBE, AttributionRecord(type="indirect"))  # and the role views follow
                answers.append(_rules_answer(doc, resolve_speakers(doc, strategy=strategy, ranker=ranker)))
        finally:
            doc.spans[key] = sources
            ATTRIBUTIONS.set(doc, records)
        return answers

    return answer


def systems(ranker: MentionRanker) -> dict[str, System]:
    return {
        "pipeline": speakers_answers(DEFAULT_STRATEGY, ranker),
        "rules": speakers_answers({}, ranker),
        "model": ranker_answers(ranker),
    }


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


def differences(
    alignments: Sequence[Alignment], ours: dict[str, System], theirs: dict[str, System]
) -> list[tuple[str, str, str, str, Outcome, Outcome]]:
    """``(system, document, kind, mention text, our outcome, their outcome)`` for every target whose outcome differs
    between two sets of the same systems."""
    found_differences = []
    for alignment in alignments:
        found = targets(alignment)
        markables = alignment.markables
        for system in ours:
            for target, mine, other in zip(
                found, ours[system](alignment, found), theirs[system](alignment, found), strict=True
            ):
                before, after = outcome(alignment, target, mine), outcome(alignment, target, other)
                if before != after and target.markable is not None:
                    start, end = markables.spans[target.markable]
                    text = markables.doc[start:end].text
                    found_differences.append((system, alignment.document.name, target.kind, text, before, after))
    return found_differences


def differences_table(rows: Sequence[tuple[str, str, str, str, Outcome, Outcome]]) -> str:
    """The differences counted by system, document and kind, as right gained and lost (one line per group)."""
    groups: dict[tuple[str, str, str], list[int]] = {}
    for system, document, kind, _, before, after in rows:
        counts = groups.setdefault((system, document, kind), [0, 0, 0])
        counts[0] += after == "right"
        counts[1] += before == "right"
        counts[2] += 1
    lines = ["| system | document | kind | changed | right gained | right lost |", "|---|---|---|---|---|---|"]
    for (system, document, kind), (gained, lost, changed) in sorted(groups.items()):
        lines.append(f"| {system} | {document} | {kind} | {changed} | {gained} | {lost} |")
    return "\n".join(lines)


def pronoun_tally(alignments: Sequence[Alignment], systems: dict[str, System]) -> Tally:
    """Outcomes for pronoun targets by the pronoun itself (he, she, it, they, we), all genres together."""
    tally = Tally()
    for alignment in alignments:
        found = [t for t in targets(alignment) if t.kind == "pronoun"]
        for system, answer in systems.items():
            for target, given in zip(found, answer(alignment, found), strict=True):
                word = alignment.document.text[target.gold.start : target.gold.end].lower()
                tally.add(system, "all", word, outcome(alignment, target, given), target.speaker)
    return tally


def pronoun_table(tally: Tally, systems: Sequence[str], speakers_only: bool = False) -> str:
    header = ["pronoun", "n"] + [f"{system} {what}" for system in systems for what in ("right", "abstain")]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for word in sorted(TARGET_PRONOUNS):
        first = tally.total(systems[0], None, word, speakers_only)
        n = sum(count for result, count in first.items() if result != "undetected")
        row = [word, str(n)]
        for system in systems:
            counts = tally.total(system, None, word, speakers_only)
            row += [_percent(tally.share(counts)), _percent(tally.share(counts, "abstained"))]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def table(tally: Tally, systems: Sequence[str], genres: Sequence[str], speakers_only: bool = False) -> str:
    header = ["genre", "kind", "n"]
    for system in systems:
        header += [f"{system} right", f"{system} abstain"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for genre in [*genres, None]:
        for kind in [*TARGET_KINDS, None]:
            first = tally.total(systems[0], genre, kind, speakers_only)
            n = sum(count for result, count in first.items() if result != "undetected")
            if not n:
                continue
            row = [genre or "all", kind or "all", str(n)]
            for system in systems:
                counts = tally.total(system, genre, kind, speakers_only)
                row += [_percent(tally.share(counts)), _percent(tally.share(counts, "abstained"))]
            lines.append("| " + " | ".join(row) + " |")
    undetected = sum(tally.total(systems[0], None, kind, speakers_only).get("undetected", 0) for kind in TARGET_KINDS)
    lines.append(f"\n(mentions our markable detection did not find, left out above: {undetected})")
    return "\n".join(lines)


def fold_table(folds: Sequence[Tally], systems: Sequence[str], speakers_only: bool = False) -> str:
    """Share right in each fold of the cross-validation, and the spread between folds: a difference between
    two learners smaller than the spread is not one to choose by."""
    header = ["system", "kind", *[f"fold {n + 1}" for n in range(len(folds))], "spread"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for system in systems:
        for kind in [*TARGET_KINDS, None]:
            shares = [Tally.share(fold.total(system, None, kind, speakers_only)) for fold in folds]
            known = [share for share in shares if share is not None]
            spread = f"{100 * (max(known) - min(known)):.1f}" if known else "-"
            lines.append("| " + " | ".join([system, kind or "all", *map(_percent, shares), spread]) + " |")
    return "\n".join(lines)


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def speed(polnear: str, limit: int, ranker: MentionRanker, repeats: int = 1) -> dict[str, float]:
    """CPU milliseconds per 1,000 words: the whole analysis, and the speakers stage run again on its output, as
    the pipeline runs it and with the rules alone (the learned resolver's share is the difference). Each is
    the fastest of ``repeats`` runs: on a shared machine the slower ones measure the neighbours."""
    nlp = load_pipeline()
    texts = [article.text for article in read_annotated(polnear, "dev", limit=limit)]
    words = sum(len(text.split()) for text in texts)
    analysis = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        docs = list(nlp.pipe(texts, batch_size=16))
        analysis = min(analysis, time.process_time() - started)
    stage: dict[str, float] = {}
    for name, strategy in (("pipeline", DEFAULT_STRATEGY), ("rules", {})):
        stage[name] = float("inf")
        for _ in range(repeats):
            started = time.process_time()
            for doc in docs:
                resolve_speakers(doc, strategy=strategy, ranker=ranker)
            stage[name] = min(stage[name], time.process_time() - started)
    per_1k = 1000 * 1000 / words
    return {
        "articles": len(texts),
        "words": words,
        "analysis_ms_per_1k_words": analysis * per_1k,
        "speakers_ms_per_1k_words": stage["pipeline"] * per_1k,
        "rules_ms_per_1k_words": stage["rules"] * per_1k,
        "speakers_share": stage["pipeline"] / analysis,
        "model_share": (stage["pipeline"] - stage["rules"]) / analysis,
    }


def _counts(tally: Tally) -> dict[str, dict[str, int]]:
    return {"|".join(key): {str(result): n for result, n in counts.items()} for key, counts in tally.counts.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default="../shared/gum", help="GUM folder (with train/ and dev/)")
    parser.add_argument("--polnear", default="../shared/polnear", help="PolNeAR folder, for the speed figures")
    parser.add_argument("--weights", type=Path, default=WEIGHTS_PATH)
    parser.add_argument("--cache-dir", type=Path, help="keep our pipeline's parses of GUM here")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--seed",
        type=int,
        nargs="+",
        default=[0],
        help="how the documents are dealt into folds; several seeds sum their cross-validations (one seed's fold "
        "models swing by points: compare learners over several)",
    )
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation on train")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed figures")
    parser.add_argument("--speed-articles", type=int, default=40)
    parser.add_argument("--speed-repeats", type=int, default=3, help="time each part this often, keep the fastest")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--compare", type=Path, help="other weights: list the dev mentions whose outcome differs, by document"
    )
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
    tally = score_documents(dev, systems(ranker))
    genres = sorted({alignment.document.genre for alignment in dev})
    report["dev"] = tally
    report["dev_pronouns"] = pronoun_tally(dev, systems(ranker))
    if args.compare is not None:
        ours, theirs = systems(ranker), systems(MentionRanker.load(args.compare))
        compared = ("pipeline", "model")
        report["compare"] = differences(dev, {s: ours[s] for s in compared}, {s: theirs[s] for s in compared})
    if not args.no_cv:
        train = load_split(nlp, args.data, "train", args.cache_dir)
        report["train_folds"] = []
        report["train_cv"] = Tally()
        for seed in args.seed:
            cross_validate(
                train,
                folds=args.folds,
                seed=seed,
                systems=systems,
                tally=report["train_cv"],
                fold_tallies=report["train_folds"],
            )
    if not args.no_speed:
        report["speed"] = speed(args.polnear, args.speed_articles, ranker, args.speed_repeats)

    if args.json:
        for split in ("dev", "dev_pronouns", "train_cv"):
            if split in report:
                report[split] = _counts(report[split])
        if "train_folds" in report:
            report["train_folds"] = [_counts(fold) for fold in report["train_folds"]]
        print(json.dumps(report, indent=2))
        return
    for speakers_only, subset in ((False, "all measured mentions"), (True, "speaker subset")):
        print(f"\nGUM dev ({len(dev)} documents), {subset}: share resolved to the right entity, and abstentions\n")
        print(table(tally, SYSTEMS, genres, speakers_only))
        print(f"\nGUM dev pronouns, {subset}, by pronoun\n")
        print(pronoun_table(report["dev_pronouns"], SYSTEMS, speakers_only))
        if "train_cv" in report:
            seeds = ", ".join(map(str, args.seed))
            print(f"\nGUM train, {args.folds}-fold cross-validation of the model (seeds {seeds}), {subset}\n")
            print(table(report["train_cv"], SYSTEMS, genres, speakers_only))
            print(f"\nGUM train, each fold's share right (seed by seed), {subset}\n")
            print(fold_table(report["train_folds"], ("pipeline", "model"), speakers_only))
    if "compare" in report:
        print(f"\nGUM dev, what {args.compare} changes against {args.weights} (outcomes that differ)\n")
        print(differences_table(report["compare"]))
        for system, document, kind, text, before, after in report["compare"]:
            print(f"- {system}, {document}, {kind} {text!r}: {before} -> {after}")
    print(f"\nweights: {args.weights} ({report['weights_bytes'] / 1024:.0f} KiB), loaded in {load_seconds:.3f} s")
    if "speed" in report:
        figures = report["speed"]
        print(
            f"speed on {figures['articles']} PolNeAR dev articles ({figures['words']} words): whole analysis "
            f"{figures['analysis_ms_per_1k_words']:.0f} ms CPU per 1,000 words; speakers stage "
            f"{figures['speakers_ms_per_1k_words']:.1f} ms ({100 * figures['speakers_share']:.1f}% of the "
            f"analysis), of which the learned resolver {100 * figures['model_share']:.1f}% (the rules alone: "
            f"{figures['rules_ms_per_1k_words']:.1f} ms)"
        )


if __name__ == "__main__":
    main()
