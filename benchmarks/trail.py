"""Statement clusters benchmark: are copied statements found, is their first appearance right, what does it cost?

1. The 84 PolNeAR dev articles are analysed once with the pipeline (the time per article is measured: it is
   what clustering's cost is compared with), or read from ``--analyses`` (JSON Lines of analyses).
2. A synthetic corpus is made of them. Every dev article is stored as it is (its outlet, its date): its
   statements are the originals. Each dev article is then retold by 3 to 8 articles of other outlets, each
   taking 40-80% of its statements with one edit each: an exact copy; punctuation, case, quotation marks or
   an ellipsis cut; a trim of 10-40% of the words at the ends; an excerpt (a middle piece of 40-60% of a long
   statement); a paraphrase (tense and person shifted as reported speech does, up to two words swapped for
   synonyms, clauses reordered); a re-attribution (the same words credited to another person, to anonymous
   officials, or "according to OUTLET, X said ..."); a paraphrase turned into a quote. A retelling is dated
   0-8 days after the article it copies, credits that article's outlet (always when dated the same day, and
   then 1 in 20 is dated a day *before* it: a clock skew only provenance can correct); 3 in 10 retellings
   copy an earlier retelling instead of the dev article (edits compound, the credit names that retelling's
   outlet). Decoys: a statement with a number or a name, the number changed or the name swapped for another
   one of the corpus, same source, in another outlet (and one exact copy of it): a different statement that
   must not join the original's cluster. Filler articles bring the corpus to ``--articles``: statements of
   random dev words, as many per article as a dev article has.
3. Every article is stored with ``Store.save``, which clusters it in the same transaction (the call to
   ``cluster_article`` is wrapped to time it), in a shuffled order: clusters must not depend on the order
   articles arrive in.
4. Printed: pairwise precision and recall of the clusters against the known truth (over every statement of the
   corpus: a pair of statements is a true pair when they come from the same original, or are the two copies of
   one decoy; precision = true pairs in the same cluster / pairs in the same cluster, recall = true pairs in
   the same cluster / true pairs); the first-appearance accuracy (for each original with copies, does the
   trail of the cluster holding it put it first?); recall by kind of edit; whether the re-attribution and the
   quote flags are set; and the time: clustering per article and per 10,000 articles, and its share of a
   corpus run (analysis + save, clustering included, per article).

    .venv/bin/python benchmarks/trail.py                          # 10,000 articles on SQLite: ~10 minutes
    .venv/bin/python benchmarks/trail.py --articles 2000 --postgresql
    .venv/bin/python benchmarks/trail.py --analyses dev.jsonl     # analyses read, not made (no analysis time)

The corpus is never copied into the repository: the store is a temporary file, removed afterwards.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from unittest import mock

from sqlalchemy import Connection, select

from accordingto import analyze_many, load_pipeline
from accordingto.model import Analysis, Article, Attribution, Provenance, Source
from accordingto.store import Store, open_store
from accordingto.store import db as store_db
from accordingto.store.clusters import cluster_article
from accordingto.store.schema import statement_members
from accordingto.store.statements import MIN_WORDS, statement_key
from accordingto.trail import statement_trail
from accordingto.trail.query import DIFFERENT_SOURCE, MADE_DIRECT

REPO = Path(__file__).resolve().parents[1]
DEFAULT_POLNEAR = REPO.parent / "shared" / "polnear"
# The outlets of PolNeAR's file names, as articles credit them (the trail matches credits to outlets by name).
POLNEAR_OUTLETS = {
    "breitbart": "Breitbart News",
    "huff-post": "HuffPost",
    "nyt": "The New York Times",
    "politico": "Politico",
    "usa-today": "USA Today",
    "wash-post": "The Washington Post",
    "west-journal": "Western Journal",
}
RETELLING_OUTLETS = [
    "Valley Herald",
    "Metro Daily",
    "Coastal Courier",
    "Northern Ledger",
    "Capital Dispatch",
    "Harbor Gazette",
    "Plains Tribune",
    "River Sentinel",
    "Summit Observer",
    "Lakeside Chronicle",
    "Union Standard",
    "Eastern Bulletin",
]
EDITS = {
    "exact": 0.15,
    "punctuation": 0.15,
    "trim": 0.2,
    "excerpt": 0.1,
    "paraphrase": 0.2,
    "reattributed": 0.12,
    "made direct": 0.08,
}
# Reported speech shifts tense and person ("I will" -> "he would").
SHIFTS = {
    "will": "would",
    "is": "was",
    "are": "were",
    "can": "could",
    "has": "had",
    "have": "had",
    "I": "he",
    "I'm": "he was",
    "we": "they",
    "We": "They",
    "my": "his",
    "our": "their",
    "me": "him",
    "us": "them",
}
# Words a paraphrase swaps (common words of political news, written here, not taken from the corpus).
SYNONYMS = {
    "said": "stated",
    "big": "large",
    "important": "significant",
    "help": "assist",
    "begin": "start",
    "started": "began",
    "want": "wish",
    "wants": "wishes",
    "people": "citizens",
    "country": "nation",
    "plan": "proposal",
    "plans": "proposals",
    "very": "really",
    "great": "tremendous",
    "bad": "poor",
    "problem": "issue",
    "problems": "issues",
    "job": "position",
    "jobs": "positions",
    "support": "back",
    "supports": "backs",
    "attack": "assault",
    "buy": "purchase",
    "show": "demonstrate",
    "shows": "demonstrates",
    "think": "believe",
    "believe": "think",
    "money": "funds",
    "tax": "levy",
    "taxes": "levies",
    "talk": "speak",
    "voters": "electorate",
    "campaign": "race",
    "president": "commander in chief",
    "law": "statute",
    "new": "fresh",
    "old": "former",
    "fight": "battle",
    "need": "require",
    "needs": "requires",
    "stop": "halt",
    "change": "alter",
    "many": "numerous",
    "get": "obtain",
    "make": "create",
    "made": "created",
    "hard": "difficult",
    "clear": "obvious",
    "whole": "entire",
    "try": "attempt",
    "tried": "attempted",
    "end": "finish",
    "give": "provide",
    "use": "employ",
    "work": "labor",
    "world": "globe",
    "city": "town",
    "children": "kids",
    "government": "administration",
    "really": "truly",
}
OTHER_SOURCES = ["a senior adviser", "Russian media", "a campaign spokesman", "local officials", "Pat Rivera"]
CAPITALIZED_FUNCTION_WORDS = {"The", "This", "That", "It", "He", "She", "We", "You", "They", "I", "A", "But", "And"}
QUOTES = "“”\"'"
_NAME = re.compile(r"^[A-Z][a-z]+$")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")


@dataclass
class Statement:
    """One attribution of the synthetic corpus, and the truth about it."""

    content: str
    source: str | None
    type: str
    origin: str  # the truth: statements with the same origin are the same statement
    edit: str  # original, one of EDITS, decoy, filler
    hedged: bool = False
    cue: str = "said"


@dataclass
class SynthArticle:
    id: str
    outlet: str
    published: date
    statements: list[Statement]
    credits: str | None = None
    analysis: Analysis | None = None  # the dev articles keep their real analysis
    source_article: str | None = None

    def stored(self) -> tuple[Article, Analysis]:
        article = Article(text="", id=self.id, outlet=self.outlet, published=self.published.isoformat(), title=self.id)
        if self.analysis is not None:
            article.text = self.analysis.text
            return article, self.analysis
        analysis = build_analysis(self)
        article.text = analysis.text
        return article, analysis


@dataclass
class Truth:
    """Each stored statement: (article id, attribution id) -> its origin and edit kind."""

    origin: dict[tuple[str, str], str] = field(default_factory=dict)
    edit: dict[tuple[str, str], str] = field(default_factory=dict)
    first: dict[str, tuple[str, str]] = field(default_factory=dict)
    # Statements with enough content words to be clustered at all (statements.MIN_WORDS).
    in_scope: set[tuple[str, str]] = field(default_factory=set)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="articles in the corpus (filler included)")
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR, help="the PolNeAR folder")
    parser.add_argument("--analyses", type=Path, help="JSON Lines of the dev analyses, instead of analysing")
    parser.add_argument("--postgresql", action="store_true", help="a throw-away PostgreSQL server, not SQLite")
    parser.add_argument("--seed", type=int, default=2016)
    args = parser.parse_args()

    analyses, analysis_seconds = dev_analyses(args)
    rng = random.Random(args.seed)
    corpus, truth = make_corpus(analyses, rng, args.articles)
    print(f"corpus: {len(corpus)} articles, {len(truth.origin)} statements", file=sys.stderr, flush=True)
    work = Path(tempfile.mkdtemp(prefix="accordingto-trail-"))
    try:
        if args.postgresql:
            sys.path.insert(0, str(Path(__file__).parent))
            from pgserver import postgres_server

            with postgres_server() as url:
                report(run(url, corpus, truth, rng), analysis_seconds, args, "PostgreSQL")
        else:
            report(run(f"sqlite:///{work / 'trail.sqlite'}", corpus, truth, rng), analysis_seconds, args, "SQLite")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def dev_analyses(args: argparse.Namespace) -> tuple[list[Analysis], float | None]:
    """The dev analyses and the pipeline's seconds per article (None when read from a file)."""
    if args.analyses is not None:
        lines = args.analyses.read_text(encoding="utf-8").splitlines()
        return [Analysis.from_dict(json.loads(line)) for line in lines if line.strip()], None
    texts = sorted((args.polnear / "dev" / "text").glob("*.txt"))
    if not texts:
        raise SystemExit(f"no PolNeAR dev articles in {args.polnear / 'dev' / 'text'}")
    articles = []
    for path in texts:
        prefix, published = path.stem.split("_")[:2]
        articles.append(Article(text=path.read_text(encoding="utf-8"), id=path.stem, published=published))
        articles[-1].outlet = prefix
    nlp = load_pipeline()
    print(f"analysing {len(articles)} dev articles", file=sys.stderr, flush=True)
    started = time.perf_counter()
    analyses = []
    for outcome in analyze_many(articles, nlp=nlp):
        if outcome.analysis is None:
            raise SystemExit(f"{outcome.article.id}: {outcome.error}")
        analyses.append(outcome.analysis)
    return analyses, (time.perf_counter() - started) / len(articles)


def originals(analysis: Analysis) -> list[tuple[Attribution, str | None]]:
    """The attributions of a dev article that are statements (what the clustering takes: enough content words,
    not the frame of a nested one), each with its source's name."""
    frames = {item.parent for item in analysis.attributions if item.parent}
    names = {source.id: source.name for source in analysis.sources}
    return [
        (item, names.get(item.source_id or "", item.source_text))
        for item in analysis.attributions
        if item.id not in frames and statement_key(item.content_text).eligible
    ]


def make_corpus(analyses: list[Analysis], rng: random.Random, size: int) -> tuple[list[SynthArticle], Truth]:
    truth = Truth()
    corpus: list[SynthArticle] = []
    # Names to swap into decoys: named people's full names ("Tim Kaine").
    names = sorted(
        {
            source.name
            for analysis in analyses
            for source in analysis.sources
            if source.named and source.kind == "person" and all(_NAME.match(word) for word in source.name.split())
        }
    )
    for analysis in analyses:
        meta = analysis.article
        assert meta.id and meta.published
        published = date.fromisoformat(meta.published)
        outlet = POLNEAR_OUTLETS.get(meta.outlet or "", meta.outlet or "")
        dev = SynthArticle(meta.id, outlet, published, [], analysis=analysis)
        corpus.append(dev)
        statements = []
        for attribution, source in originals(analysis):
            origin = f"{meta.id}/{attribution.id}"
            truth.origin[(meta.id, attribution.id)] = origin
            truth.edit[(meta.id, attribution.id)] = "original"
            truth.first[origin] = (meta.id, attribution.id)
            truth.in_scope.add((meta.id, attribution.id))
            statements.append(
                Statement(attribution.content_text, source, attribution.type, origin, "original", attribution.hedged)
            )
        dev.statements = statements
        corpus.extend(retellings(dev, rng))
        corpus.extend(decoys(dev, names, rng))
    vocabulary = [word for analysis in analyses for item in analysis.attributions for word in item.content_text.split()]
    sources = [source.name for analysis in analyses for source in analysis.sources if source.named]
    lengths = [len(item.content_text.split()) for analysis in analyses for item, _ in originals(analysis)]
    per_article = [len(originals(analysis)) for analysis in analyses]
    first_day = min(article.published for article in corpus)
    for number in range(max(0, size - len(corpus))):
        statements = [
            Statement(" ".join(rng.choices(vocabulary, k=rng.choice(lengths))), rng.choice(sources), "indirect", "", "")
            for _ in range(rng.choice(per_article))
        ]
        filler_id = f"filler-{number}"
        for index, statement in enumerate(statements):
            statement.origin, statement.edit = f"{filler_id}/{index}", "filler"
        corpus.append(
            SynthArticle(
                filler_id, rng.choice(RETELLING_OUTLETS), first_day + timedelta(days=rng.randrange(60)), statements
            )
        )
    for article in corpus:
        if article.analysis is None:
            for index, statement in enumerate(article.statements, start=1):
                key = (article.id, f"a{index}")
                truth.origin[key] = statement.origin
                truth.edit[key] = statement.edit
                if statement_key(statement.content).eligible:
                    truth.in_scope.add(key)
    return corpus, truth


def retellings(dev: SynthArticle, rng: random.Random) -> Iterator[SynthArticle]:
    """3-8 articles of other outlets retelling ``dev``; some copy an earlier retelling instead."""
    outlets = rng.sample([name for name in RETELLING_OUTLETS if name != dev.outlet], rng.randint(3, 8))
    told = [dev]
    for number, outlet in enumerate(outlets):
        copied = rng.choice(told[1:]) if len(told) > 1 and rng.random() < 0.3 else dev
        delay = rng.choice([0, 0, 1, 1, 1, 2, 3, 5, 8])
        credits = copied.outlet if delay == 0 or rng.random() < 0.6 else None
        if credits and rng.random() < 0.05:
            delay = -1  # a clock skew: dated before what it copies, which it credits
        chosen = [item for item in copied.statements if rng.random() < rng.uniform(0.4, 0.8)]
        statements = [edit(item, rng, copied.outlet) for item in chosen]
        article = SynthArticle(
            f"{dev.id}~{number}",
            outlet,
            copied.published + timedelta(days=delay),
            statements,
            credits=credits,
            source_article=copied.id,
        )
        told.append(article)
        yield article


def edit(statement: Statement, rng: random.Random, copied_outlet: str) -> Statement:
    """A retelling's version of ``statement``: one edit of ``EDITS``; "exact" when the edit did not apply."""
    kind = rng.choices(list(EDITS), weights=list(EDITS.values()))[0]
    words = statement.content.split()
    changed = replace(statement, edit=kind)
    if kind == "punctuation":
        changed.content = punctuate(words, rng)
    elif kind == "trim" and len(words) >= 8:
        cut = min(len(words) - 6, max(1, round(len(words) * rng.uniform(0.1, 0.4))))
        front = rng.randint(0, cut)
        changed.content = " ".join(words[front : len(words) - (cut - front)])
    elif kind == "excerpt" and len(words) >= 12:
        length = max(6, round(len(words) * rng.uniform(0.4, 0.6)))
        start = rng.randint(1, len(words) - length)
        changed.content = " ".join(words[start : start + length])
    elif kind == "paraphrase":
        changed.content, changed.type = paraphrase(words, rng), "indirect"
    elif kind == "reattributed":
        if rng.random() < 0.4 and statement.source:
            unquoted = statement.content.strip(QUOTES)
            changed.content, changed.type = f"{statement.source} said {unquoted}", "indirect"
            changed.source, changed.cue = copied_outlet, "according to"
        else:
            changed.source = rng.choice([name for name in OTHER_SOURCES if name != statement.source])
    elif kind == "made direct" and statement.type != "direct":
        changed.content, changed.type = f"“{statement.content}”", "direct"
    if (changed.content, changed.source, changed.type) == (statement.content, statement.source, statement.type):
        changed.edit = "exact"
    return changed


def punctuate(words: list[str], rng: random.Random) -> str:
    """Case, quotation marks, commas, or an ellipsis where a few words were: no word changed."""
    text = " ".join(words)
    change = rng.randrange(4)
    if change == 0 and len(words) >= 10:
        start = rng.randint(2, len(words) - 6)
        return " ".join([*words[:start], "…", *words[start + rng.randint(2, 3) :]])
    if change == 1:
        return text.replace("“", '"').replace("”", '"') if "“" in text else f"“{text}”"
    if change == 2:
        return text[:1].swapcase() + text[1:]
    return text.replace(",", "") if "," in text else text.rstrip(".") + "."


def paraphrase(words: list[str], rng: random.Random) -> str:
    """Reported speech: tense and person shifted, up to two words swapped for synonyms, clauses reordered."""
    plain = [word.strip('“”"') for word in words]
    shifted = [SHIFTS.get(word, word) for word in plain]
    swappable = [index for index, word in enumerate(shifted) if word.lower() in SYNONYMS]
    for index in rng.sample(swappable, min(2, len(swappable))):
        shifted[index] = SYNONYMS[shifted[index].lower()]
    text = " ".join(word for word in shifted if word)
    if rng.random() < 0.5:
        head, comma, tail = text.partition(", ")
        if comma and len(tail.split()) >= 3:
            text = f"{tail.rstrip('.')}, {head}"
        elif len(shifted) >= 8:
            cut = len(shifted) - rng.randint(3, 5)
            text = " ".join([*shifted[cut:], *shifted[:cut]])
    return text


def decoys(dev: SynthArticle, names: list[str], rng: random.Random) -> Iterator[SynthArticle]:
    """For 1 in 3 short statements (templates are short: at most 20 words) with a number or a name: the same
    words with another number, or another person's full name in place of a name, same source, in another
    outlet, and one exact copy of it: a different statement."""
    for index, statement in enumerate(dev.statements):
        words = statement.content.split()
        numbers = [position for position, word in enumerate(words) if _NUMBER.match(word.strip(QUOTES + ".,;:"))]
        # A name inside a sentence: capitalized, not after a sentence's end, not a capitalized function word.
        named = [
            position
            for position, word in enumerate(words)
            if position
            and _NAME.match(word)
            and word not in CAPITALIZED_FUNCTION_WORDS
            and not words[position - 1].endswith(tuple(".!?:" + QUOTES))
        ]
        if len(words) > 20 or not (numbers or named) or rng.random() >= 1 / 3:
            continue
        if numbers:
            position = rng.choice(numbers)
            value = words[position].strip(QUOTES + ".,;:").replace(",", "")
            words[position] = str(int(float(value)) + rng.randint(1, 9))
        else:
            start = rng.choice(named)
            end = start + 1
            while end < len(words) and _NAME.match(words[end]):
                end += 1
            replaced = " ".join(words[start:end])
            words[start:end] = [rng.choice([name for name in names if name != replaced])]
        origin = f"decoy:{statement.origin}"
        decoy = Statement(" ".join(words), statement.source, statement.type, origin, "decoy")
        for copy, outlet in enumerate(rng.sample(RETELLING_OUTLETS, 2)):
            yield SynthArticle(
                f"{dev.id}~decoy{index}~{copy}", outlet, dev.published + timedelta(days=1 + copy), [decoy]
            )


def build_analysis(article: SynthArticle) -> Analysis:
    """A text with one sentence per statement, and the analysis the pipeline would give it."""
    text = ""
    attributions: list[Attribution] = []
    sources: dict[str, Source] = {}
    provenance: list[Provenance] = []
    if article.credits:
        lead = "This is reported by "
        start = len(lead)
        text = f"{lead}{article.credits}.\n"
        provenance.append(Provenance(name=article.credits, spans=[(start, start + len(article.credits))]))
    for index, statement in enumerate(article.statements, start=1):
        source_name = statement.source or "It"
        if statement.source and statement.source not in sources:
            sources[statement.source] = Source(
                id=f"s{len(sources) + 1}",
                name=statement.source,
                kind="person" if _NAME.match(statement.source.split()[0]) else "group",
                named=bool(_NAME.match(statement.source.split()[0])),
                description=statement.source,
            )
        if statement.cue == "according to":
            # "According to The New York Times, Trump said ...": the outlet is the source.
            cue_start = len(text)
            cue = "According to"
            source_start = cue_start + len(cue) + 1
            text += f"{cue} {source_name}, "
        else:
            cue = "said" if statement.source else "was said"
            source_start = len(text)
            cue_start = source_start + len(source_name) + 1
            text += f"{source_name} {cue} "
        content_start = len(text)
        text += f"{statement.content}.\n"
        attributions.append(
            Attribution(
                id=f"a{index}",
                type=statement.type,  # type: ignore[arg-type]
                source=[(source_start, source_start + len(source_name))] if statement.source else [],
                cue=[(cue_start, cue_start + len(cue))],
                content=[(content_start, content_start + len(statement.content))],
                source_text=statement.source,
                cue_text=cue,
                content_text=statement.content,
                source_id=sources[statement.source].id if statement.source else None,
                hedged=statement.hedged,
            )
        )
    for item in provenance:
        item.attribution_ids = [attribution.id for attribution in attributions]
    return Analysis(text=text, attributions=attributions, sources=list(sources.values()), provenance=provenance)


@dataclass
class RunResult:
    store_url: str
    articles: int
    save_seconds: list[float]
    cluster_seconds: list[float]
    predicted: dict[tuple[str, str], int]
    trails: dict[int, list[tuple[str, str]]]
    flags: dict[tuple[str, str], list[str]]
    corpus: list[SynthArticle]
    truth: Truth


def run(url: str, corpus: list[SynthArticle], truth: Truth, rng: random.Random) -> RunResult:
    order = list(corpus)
    rng.shuffle(order)
    save_seconds: list[float] = []
    cluster_seconds: list[float] = []

    def timed_cluster_article(connection: Connection, article_id: str) -> list[int]:
        """The save path's own call, timed: clustering's share of each save transaction."""
        started = time.perf_counter()
        try:
            return cluster_article(connection, article_id)
        finally:
            cluster_seconds.append(time.perf_counter() - started)

    # Store.save clusters each article in its transaction (store/db.py); the benchmark only wraps that call.
    with mock.patch.object(store_db, "cluster_article", timed_cluster_article), open_store(url) as store:
        for number, item in enumerate(order, start=1):
            article, analysis = item.stored()
            started = time.perf_counter()
            store.save(article, analysis)
            save_seconds.append(time.perf_counter() - started)
            if number % 1000 == 0:
                print(f"  {number} articles stored and clustered", file=sys.stderr, flush=True)
        predicted, trails, flags = read_back(store, truth)
        return RunResult(store.url, len(order), save_seconds, cluster_seconds, predicted, trails, flags, corpus, truth)


def read_back(
    store: Store, truth: Truth
) -> tuple[dict[tuple[str, str], int], dict[int, list[tuple[str, str]]], dict[tuple[str, str], list[str]]]:
    """Each statement's cluster, and for the clusters holding an original with copies: the trail's order and
    the flags of each appearance."""
    with store.connect() as connection:
        rows = connection.execute(
            select(statement_members.c.article_id, statement_members.c.attribution_id, statement_members.c.cluster_id)
        ).all()
    predicted = {(article_id, attribution_id): cluster_id for article_id, attribution_id, cluster_id in rows}
    sizes = Counter(truth.origin.values())
    wanted = {predicted[first] for origin, first in truth.first.items() if sizes[origin] > 1 and first in predicted}
    trails: dict[int, list[tuple[str, str]]] = {}
    flags: dict[tuple[str, str], list[str]] = {}
    for cluster_id in sorted(wanted):
        trail = statement_trail(store, cluster_id)
        assert trail is not None
        trails[cluster_id] = [(item.article_id, item.attribution_id) for item in trail.appearances]
        for item in trail.later:
            flags[(item.article_id, item.attribution_id)] = item.flags
    return predicted, trails, flags


def pairs(groups: Counter[object]) -> int:
    return sum(math.comb(count, 2) for count in groups.values())


def pairwise(
    predicted: dict[tuple[str, str], object], origin: dict[tuple[str, str], str], keys: list[tuple[str, str]]
) -> tuple[float, float, int, int, int]:
    """Pairwise precision and recall over ``keys``, with the pair counts behind them."""
    together = pairs(Counter((predicted[key], origin[key]) for key in keys))
    predicted_pairs = pairs(Counter(predicted[key] for key in keys))
    true_pairs = pairs(Counter(origin[key] for key in keys))
    precision = together / predicted_pairs if predicted_pairs else 1.0
    recall = together / true_pairs if true_pairs else 1.0
    return precision, recall, together, predicted_pairs, true_pairs


def report(result: RunResult, analysis_seconds: float | None, args: argparse.Namespace, backend: str) -> None:
    truth = result.truth
    statements = list(truth.origin)
    # A statement the clustering left out is a cluster of its own.
    predicted = {key: result.predicted.get(key, f"alone:{key}") for key in statements}
    precision, recall, together, predicted_pairs, true_pairs = pairwise(predicted, truth.origin, statements)
    in_scope = [key for key in statements if key in truth.in_scope]
    _, scope_recall, scope_together, _, scope_pairs = pairwise(predicted, truth.origin, in_scope)
    copies = [key for key in statements if truth.edit[key] not in ("original", "filler")]
    out_of_scope = sum(1 for key in copies if key not in truth.in_scope)

    sizes = Counter(truth.origin.values())
    judged = [origin for origin in truth.first if sizes[origin] > 1]
    right = sum(
        1
        for origin in judged
        if truth.first[origin] in result.predicted
        and result.trails[result.predicted[truth.first[origin]]][0] == truth.first[origin]
    )
    by_edit: dict[str, list[bool]] = defaultdict(list)
    for key in statements:
        kind = truth.edit[key]
        if kind in ("original", "filler"):
            continue
        origin = truth.origin[key]
        if kind == "decoy":
            original = truth.first.get(origin.removeprefix("decoy:"))
            apart = original is None or predicted[key] != predicted.get(original)
            by_edit["decoy kept apart"].append(apart)
            continue
        by_edit[kind].append(predicted[key] == predicted[truth.first[origin]])
    flagged = {
        "reattributed -> different_source": (result.flags, "reattributed", DIFFERENT_SOURCE),
        "made direct -> made_direct": (result.flags, "made direct", MADE_DIRECT),
    }

    cluster_ms = statistics.mean(result.cluster_seconds) * 1000
    save_ms = statistics.mean(result.save_seconds) * 1000
    p95 = sorted(result.cluster_seconds)[int(0.95 * len(result.cluster_seconds))] * 1000
    lines = [
        f"{result.articles} articles ({sum(1 for a in result.corpus if a.analysis is not None)} dev, "
        f"{sum(1 for a in result.corpus if a.source_article)} retellings, "
        f"{sum(1 for a in result.corpus if '~decoy' in a.id)} decoy articles, rest filler), "
        f"{len(statements)} statements, on {backend}, seed {args.seed}",
        "",
        "| measure | value | target |",
        "|---|---|---|",
        f"| pairwise precision | {precision:.3f} ({together} of {predicted_pairs} pairs) | ≥ 0.95 |",
        f"| pairwise recall | {recall:.3f} ({together} of {true_pairs} pairs) | ≥ 0.90 |",
        f"| pairwise recall, statements of ≥ {MIN_WORDS} content words | {scope_recall:.3f} ({scope_together} of "
        f"{scope_pairs} pairs; {out_of_scope} of {len(copies)} copies are shorter) | |",
        f"| first appearance | {right / len(judged):.3f} ({right} of {len(judged)} originals with copies) | ≥ 0.95 |",
        f"| clustering per article (in the save transaction) | {cluster_ms:.1f} ms (p95 {p95:.1f} ms) | |",
        f"| clustering per 10,000 articles | {cluster_ms * 10:.0f} s | |",
        f"| Store.save per article, clustering included | {save_ms:.1f} ms | |",
    ]
    if analysis_seconds is not None:
        run_ms = analysis_seconds * 1000 + save_ms
        lines += [
            f"| pipeline analysis per article (dev, 1 process) | {analysis_seconds * 1000:.0f} ms | |",
            f"| clustering's share of a corpus run (analysis + save) | {cluster_ms / run_ms:.1%} | ≤ 10% |",
            f"| clustering time / analysis time | {cluster_ms / (analysis_seconds * 1000):.1%} | |",
        ]
    lines += ["", "| edit | copies | in the original's cluster |", "|---|---|---|"]
    for kind in [*EDITS, "decoy kept apart"]:
        found = by_edit.get(kind, [])
        if found:
            lines.append(f"| {kind} | {len(found)} | {sum(found) / len(found):.3f} |")
    lines += ["", "| planted change -> flag | copies in the trail | flagged |", "|---|---|---|"]
    for label, (flags, kind, flag) in flagged.items():
        seen = [flag in found for key, found in flags.items() if truth.edit.get(key) == kind]
        if seen:
            lines.append(f"| {label} | {len(seen)} | {sum(seen) / len(seen):.3f} |")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
