"""Nesting, provenance, stance and time on PolNeAR gold attributions: what they find, and how fast.

The components after the extractor are run on the gold attributions (placed on spaCy's parse of each article,
the publication date from ``metadata.tsv``), so the figures describe these components alone, not the
extractor's errors. PolNeAR annotates no stance, time or provenance, so the script prints distributions,
timings and (``--sample N``) random cases to judge by hand; the figures quoted in ``docs/time.md`` and
``docs/stance.md`` come from it.

    .venv/bin/python benchmarks/linking.py                     # dev: about 30 s (spaCy's parse is most of it)
    .venv/bin/python benchmarks/linking.py --sample 30         # plus random times, denials, negations, hedges,
                                                               # hypotheticals (with the cue's sentence)
    .venv/bin/python benchmarks/linking.py --split train --unlisted 60   # cue words the lexicon misses (~4 min)

``--unlisted`` is how the lexicon's cue classes grow: the most frequent lemmas heading gold cues of class
``other`` on **train** (never dev, which is only reported).
"""

from __future__ import annotations

import argparse
import collections
import random
import time
from pathlib import Path

from spacy.tokens import Doc, Span

from accordingto.anchor.time import anchor_attributions
from accordingto.annotations import ARTICLE, ATTRIBUTIONS, PARENTS, add_attribution, role_spans
from accordingto.clauses import cue_head
from accordingto.describe.stance import describe_stance
from accordingto.evaluate.polnear import read_annotated
from accordingto.find.quotes import annotate_quotes
from accordingto.link.nesting import find_parents
from accordingto.link.provenance import find_provenance
from accordingto.model import ArticleMeta, Ranges
from accordingto.parse.pipeline import SPACY_MODEL

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "polnear"


def spans(doc: Doc, ranges: Ranges) -> list[Span]:
    found = (doc.char_span(start, end, alignment_mode="expand") for start, end in ranges)
    return [span for span in found if span is not None and len(span)]


def published_dates(data: Path) -> dict[str, str]:
    dates = {}
    with open(data / "metadata.tsv", encoding="utf-8") as lines:
        header = next(lines).rstrip("\n").split("\t")
        for line in lines:
            row = dict(zip(header, line.rstrip("\n").split("\t"), strict=False))
            dates[row["filename"]] = row["publication_date"]
    return dates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--sample", type=int, default=0, help="print this many random cases of each kind")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--unlisted", type=int, default=0, help="print the N most frequent heads of 'other' cues")
    args = parser.parse_args()

    import spacy

    nlp = spacy.load(SPACY_MODEL)
    articles = list(read_annotated(args.data, args.split))
    dates = published_dates(args.data)
    started = time.perf_counter()
    docs = list(nlp.pipe((article.text for article in articles), batch_size=8))
    parse_seconds = time.perf_counter() - started

    seconds: collections.Counter[str] = collections.Counter()
    classes: collections.Counter[str | None] = collections.Counter()
    unlisted: collections.Counter[str] = collections.Counter()
    flags: collections.Counter[str] = collections.Counter()
    upstream: collections.Counter[str] = collections.Counter()
    cases: dict[str, list[tuple[str, ...]]] = collections.defaultdict(list)
    total = with_parent = timed = normalized = with_provenance = 0
    for article, doc in zip(articles, docs, strict=True):
        annotate_quotes(doc)
        ARTICLE.set(doc, ArticleMeta(published=dates.get(article.name)))
        ATTRIBUTIONS.start(doc)
        for gold in article.attributions:
            add_attribution(
                doc,
                cue=spans(doc, gold.cue),
                content=spans(doc, gold.content),
                source=spans(doc, gold.source),
                type=gold.type,
            )
        clock = time.perf_counter()
        parents = find_parents(doc)
        seconds["nesting"] += time.perf_counter() - clock
        PARENTS.set(doc, parents)
        clock = time.perf_counter()
        provenance = find_provenance(doc)
        seconds["provenance"] += time.perf_counter() - clock
        roles = role_spans(doc)
        clock = time.perf_counter()
        stances = {aid: describe_stance(roles[aid]["cue"], roles[aid]["content"]) for aid in parents}
        seconds["stance"] += time.perf_counter() - clock
        clock = time.perf_counter()
        times = anchor_attributions(doc)
        seconds["time"] += time.perf_counter() - clock

        total += len(parents)
        with_parent += sum(parent is not None for parent in parents.values())
        with_provenance += bool(provenance)
        upstream.update(entry.name for entry in provenance)
        for aid, stance in stances.items():
            classes[stance.cue_class] += 1
            head = cue_head(roles[aid]["cue"])
            if stance.cue_class == "other" and head is not None:
                unlisted[head.lemma_.lower()] += 1
            cue = " ".join(span.text for span in roles[aid]["cue"])
            content = " ".join(span.text for span in roles[aid]["content"])[:120]
            sentence = head.sent.text.replace("\n", " ")[:200] if head is not None else "-"
            for flag in ("denial", "negated", "hedged", "hypothetical"):
                if getattr(stance, flag):
                    flags[flag] += 1
                    cases[flag].append((cue, content, sentence))
        for aid, found in times.items():
            if found:
                timed += 1
                normalized += found.value is not None
                cue_spans = roles[aid]["cue"]
                at = cue_spans[0].start_char if cue_spans else found.start
                low, high = min(at, found.start), max(at, found.end)
                context = article.text[max(0, low - 40) : high + 40].replace("\n", " ")
                cases["time"].append((dates.get(article.name) or "-", found.text, str(found.value), context))

    print(f"{len(articles)} articles, {total} gold attributions ({args.split})")
    print(f"nesting: {with_parent} with a parent (PolNeAR marks no nesting: no gold cue lies in a gold content)")
    print(f"stance classes: {dict(classes.most_common())}")
    if args.unlisted:
        print(f"unlisted cue heads: {', '.join(f'{word} {n}' for word, n in unlisted.most_common(args.unlisted))}")
    print(f"stance flags: {dict(flags)}")
    print(f"time: {timed} attributions with a time, {normalized} normalized")
    print(f"provenance: {with_provenance} articles with an upstream report; {dict(upstream.most_common(15))}")
    print(f"seconds: spaCy parse {parse_seconds:.1f}; " + ", ".join(f"{k} {v:.2f}" for k, v in seconds.items()))
    if args.sample:
        rng = random.Random(args.seed)
        for kind, rows in cases.items():
            print(f"\n== {kind}: {min(args.sample, len(rows))} of {len(rows)}")
            for row in rng.sample(rows, min(args.sample, len(rows))):
                print("  " + " | ".join(row))


if __name__ == "__main__":
    main()
