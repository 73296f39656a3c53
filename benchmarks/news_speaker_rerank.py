"""A last step for attributions' sources learned from the judged news (rerank27, issue 10): measured by
cross-validation by article, not shipped unless it gains.

The resolver is trained on GUM, which has few quotations and few speaking organisations; the judged news
(``tests/fixtures/news/judgments/*.jsonl``) give the right display name of every statement's speaker in 30 news
articles. This experiment asks whether a small ranker fitted on them can move a source the pipeline got wrong to
the right participant without moving right ones away.

For every output attribution matched to a judged statement line (``evaluate.judgments``: the same matching as the
benchmark and the golden tests), the candidates are the article's sources as the pipeline built them that are
mentioned before the attribution's source mention or in its sentence, the pipeline's own choice among them. The
label is the candidate whose display name is one of the line's right names. A logistic ranker scores each
candidate (features below, each with its reason); the source moves to the best-scored candidate only when that
beats the pipeline's choice by more than a margin, and the margin is chosen inside each training fold (nested,
grouped by article), so every figure printed is out of fold.

    .venv/bin/python benchmarks/news_speaker_rerank.py                    # collect (cached) and cross-validate
    .venv/bin/python benchmarks/news_speaker_rerank.py --cache DIR --list # and list every move made in CV

It reads the pipeline's output (sources with their mention ranges, attributions) and spaCy's parse of the text;
no feature reads the judgments except the label.
"""

from __future__ import annotations

import argparse
import bisect
import math
import pickle
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from accordingto.batch.runner import model_components
from accordingto.evaluate.judgments import judgment_lines, match, normal_name, read_article, right_names
from accordingto.parse import load_pipeline

NEWS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "news"
JUDGMENTS = NEWS / "judgments"
PRONOUNS = {
    "he": "he",
    "him": "he",
    "his": "he",
    "she": "she",
    "her": "she",
    "it": "it",
    "its": "it",
    "they": "they",
    "them": "they",
    "their": "they",
    "who": "who",
    "which": "who",
    "that": "who",
}
DEFINITE = {"the", "this", "that", "these", "those"}
INDEFINITE = {"a", "an", "one", "some", "another", "two", "three", "several", "many"}
BODY_KINDS = {"organization", "government", "media", "group", "document"}
MENTION_CLASSES = ("he", "she", "it", "they", "who", "definite", "indefinite", "name", "other")
PENALTY = 2.0  # a wrong move costs two kept errors: a reader trusts a moved speaker as much as a kept one
MARGINS = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, math.inf)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_STOP = {"the", "a", "an", "of", "and", "its", "his", "her", "their", "for", "in", "on", "at", "to", "who"}


@dataclass
class Case:
    """One judged attribution: its candidates' features and names, which is the pipeline's, which are right."""

    article: str
    mention_class: str
    error: str  # the line's recorded class when the output gives its recorded wrong name, else "right"/"other"
    names: list[str]
    features: np.ndarray  # candidates x features
    current: int
    right: list[bool]
    text: str


# The feature names in column order, filled by the first ``pair_features`` call (or from the cache).
FEATURES: list[str] = []


def _words(text: str) -> set[str]:
    """Content words cut to their first five letters, so that a word matches its derivations ("Welshman" and
    "Welsh", "regulator" and "Regulatory"): the small model has no word vectors to say that they are near."""
    return {w.casefold()[:5] for w in _WORD.findall(text)} - _STOP


def _name_part(short: str | None, full: str | None) -> bool:
    """Whether every word of a name is in a longer name ("Whitlock" in "Dana Whitlock", "Lung Alliance" in
    "Asthma and Lung Alliance of Great Britain"): the short name of the same participant."""
    if not short or not full:
        return False
    a, b = set(short.casefold().split()), set(full.casefold().split())
    return bool(a) and a < b


class Article:
    """The parse and output of one article, with the lookups every feature needs."""

    def __init__(self, output: dict[str, Any], doc: Doc) -> None:
        self.output, self.doc = output, doc
        text = output["text"]
        self.token_starts = [t.idx for t in doc]
        self.sentence_starts = [s.start_char for s in doc.sents]
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]
        self.sources = output["sources"]
        self.source_index = {s["id"]: n for n, s in enumerate(self.sources)}
        self.attributions = sorted((a for a in output["attributions"] if a["source"]), key=lambda a: a["source"][0][0])
        self.speakers = Counter(a["source_id"] for a in output["attributions"])

    def sentence(self, char: int) -> int:
        return bisect.bisect_right(self.sentence_starts, char) - 1

    def paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, char) - 1

    def token(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.token_starts, char) - 1)

    def mention_text(self, ranges: list[list[int]]) -> str:
        return " ".join(self.output["text"][s:e] for s, e in ranges)

    def window(self, ranges: list[list[int]], width: int = 8) -> set[str]:
        """The words near a mention (an apposition, a title or role before or after a name)."""
        start, end = self.token(ranges[0][0]), self.token(ranges[-1][1] - 1) + 1
        sentence = self.doc[start].sent
        low, high = max(sentence.start, start - width), min(sentence.end, end + width)
        return _words(self.doc[low:high].text)


def mention_class(source_text: str) -> str:
    words = source_text.split()
    if not words:
        return "other"
    first = words[0].casefold().strip("\"'“”‘’")
    if len(words) == 1 and first in PRONOUNS:
        return PRONOUNS[first]
    if first in DEFINITE:
        return "definite"
    if first in INDEFINITE:
        return "indefinite"
    if words[0][:1].isupper():
        return "name"
    return "other"


def _gender_of(article: Article, source: dict[str, Any]) -> str | None:
    """The gender the text gave a participant through its pronouns (none: unknown)."""
    texts = [article.mention_text(m).casefold() for m in source["mentions"]]
    he = sum(t in {"he", "him", "his"} for t in texts)
    she = sum(t in {"she", "her", "hers"} for t in texts)
    return "he" if he > she else "she" if she > he else None


def pair_features(
    article: Article,
    attribution: dict[str, Any],
    source: dict[str, Any],
    rivals: int,
    current: bool,
    chosen_kind: str | None,
    chosen_name: str | None,
    nearest: bool,
) -> dict[str, float]:
    """What speaks for one candidate as the attribution's speaker, each with its reason."""
    ranges = attribution["source"]
    at = ranges[0][0]
    klass = mention_class(attribution["source_text"])
    kind = source["kind"] or "none"
    person = kind == "person"
    body = kind in BODY_KINDS
    before = [m for m in source["mentions"] if m[0][0] < at and m != ranges]
    own = [m for m in source["mentions"] if m == ranges]
    same_sentence = [m for m in source["mentions"] if article.sentence(m[0][0]) == article.sentence(at)]
    last = max((m[0][0] for m in before), default=None)
    named_before = [m for m in before if article.mention_text(m)[:1].isupper() and source["named"]]
    last_named = max((m[0][0] for m in named_before), default=None)
    f: dict[str, float] = {}
    # The pipeline's choice, and how sure it was: the ranker moves only what its own evidence outweighs.
    f["current"] = float(current)
    f["current x confidence"] = float(current) * (attribution.get("speaker_confidence") or 0.0)
    for c in MENTION_CLASSES:  # each class of mention trusts the pipeline differently (pronouns vs descriptions)
        f[f"current x {c}"] = float(current and klass == c)
    # Kind and gender agreement: "he"/"she" is a person, "it" a body, "they" a group or a body.
    gender = _gender_of(article, source)
    f["he/she x person"] = float(klass in {"he", "she"} and person)
    f["he/she x body"] = float(klass in {"he", "she"} and body)
    f["gender agrees"] = float(klass in {"he", "she"} and gender == klass)
    f["gender disagrees"] = float(klass in {"he", "she"} and gender is not None and gender != klass)
    f["it x body"] = float(klass in {"it", "who"} and body)
    f["it x person"] = float(klass == "it" and person)
    f["they x group/body"] = float(klass == "they" and (body or kind == "group"))
    f["they x person"] = float(klass == "they" and person)
    f["he/she x not person"] = float(klass in {"he", "she"} and not person)
    # The pipeline's reading of the mention's own kind (a description it left as its own participant has the
    # kind the description says: "the league" a body, "the person" a person): a candidate of another kind is
    # another sort of thing.
    f["kind as chosen"] = float(kind == chosen_kind)
    f["person vs body as chosen"] = float((chosen_kind == "person") != person and chosen_kind is not None)
    f["description x person"] = float(klass in {"definite", "indefinite"} and person)
    # Distance: sentences and paragraphs back to the candidate's last mention and to its name.
    sentence, paragraph = article.sentence(at), article.paragraph(at)
    # A candidate mentioned only in the attribution's sentence, after its source, is as far back as can be.
    f["sentences back"] = min(sentence - article.sentence(last), 10) / 10 if last is not None else 1.0
    f["paragraphs back"] = min(paragraph - article.paragraph(last), 5) / 5 if last is not None else 1.0
    f["same paragraph"] = float(last is not None and article.paragraph(last) == paragraph)
    f["not before"] = float(last is None)
    f["in sentence"] = float(bool(same_sentence) and not own)
    f["name sentences back"] = min(sentence - article.sentence(last_named), 20) / 20 if last_named is not None else 1.0
    # Alternation: the speaker of the previous and next attribution in the paragraph.
    order = [a for a in article.attributions if article.paragraph(a["source"][0][0]) == paragraph]
    position = next((n for n, a in enumerate(order) if a["id"] == attribution["id"]), None)
    previous = order[position - 1] if position is not None and position > 0 else None
    following = order[position + 1] if position is not None and position + 1 < len(order) else None
    f["spoke previous"] = float(previous is not None and previous["source_id"] == source["id"])
    f["spoke next"] = float(following is not None and following["source_id"] == source["id"])
    earlier = [a for a in article.attributions if a["source"][0][0] < at]
    f["last speaker"] = float(bool(earlier) and earlier[-1]["source_id"] == source["id"])
    # A description introduced with the candidate's name: the description's words near a name of it (an apposition,
    # a title, a role, an age, an origin) or in its description or role.
    words = _words(attribution["source_text"])
    near = set().union(*(article.window(m) for m in before)) if before else set()
    given = _words(" ".join(filter(None, [source.get("description"), source.get("role")])))
    descriptive = klass in {"definite", "indefinite", "other"}
    f["description words near its name"] = (
        float(descriptive and bool(words & near)) * len(words & near) / max(len(words), 1)
    )
    f["description words given"] = float(descriptive and bool(words & given))
    # Salience: how often it is mentioned and how often it speaks.
    f["mentions"] = math.log1p(len(before))
    f["speaks"] = math.log1p(article.speakers[source["id"]])
    f["named"] = float(source["named"])
    f["named x description"] = float(source["named"] and klass in {"definite", "other"})
    f["named x pronoun"] = float(source["named"] and klass in {"he", "she", "it", "they", "who"})
    # An anonymous speaker ("a spokesman", "one driver") continued by "he said": the unnamed candidate spoke last.
    f["unnamed speaker x pronoun"] = float(
        not source["named"] and klass in {"he", "she"} and f["last speaker"] and person
    )
    f["rivals"] = math.log1p(rivals)
    # A short name or a cut name is the same participant as the fuller name that holds it.
    capitalised = " ".join(
        w for w in attribution["source_text"].split() if w[:1].isupper() and w.casefold() not in DEFINITE
    )
    f["mention's name in its name"] = float(not current and _name_part(capitalised, source["name"]))
    f["chosen name in its name"] = float(not current and _name_part(chosen_name, source["name"]))
    # A definite description left as a participant of its own ("the operator said") most often stands for the
    # nearest named participant of its kind.
    f["nearest named of chosen kind"] = float(nearest)
    f["current unnamed x definite"] = float(current and not source["named"] and klass == "definite")
    if not FEATURES:
        FEATURES.extend(f)
    return f


def cases_of(article_name: str, output: dict[str, Any], doc: Doc, lines: list[dict[str, Any]]) -> list[Case]:
    article = Article(output, doc)
    cases = []
    for attribution in output["attributions"]:
        line = match(attribution, lines)
        if line is None or not line["statement"] or not attribution["source"] or attribution["source_id"] is None:
            continue
        at = attribution["source"][0][0]
        end_sentence = article.sentence(at)
        candidates = [
            s
            for s in article.sources
            if s["id"] == attribution["source_id"]
            or any(m[0][0] < at or article.sentence(m[0][0]) == end_sentence for m in s["mentions"])
        ]
        rivals = len(candidates) - 1
        chosen = next(s for s in candidates if s["id"] == attribution["source_id"])
        last_of = {s["id"]: max((m[0][0] for m in s["mentions"] if m[0][0] < at), default=-1) for s in candidates}
        of_kind = [s for s in candidates if s["named"] and s["kind"] == chosen["kind"] and s is not chosen]
        nearest = max(of_kind, key=lambda s: last_of[s["id"]], default=None)
        rows = [
            pair_features(
                article, attribution, s, rivals, s is chosen, chosen["kind"] or "none", chosen["name"], s is nearest
            )
            for s in candidates
        ]
        names = [s["name"] for s in candidates]
        right = right_names(line)
        shown = chosen["name"]
        if normal_name(shown) in right:
            error = "right"
        elif "output" in line and normal_name(line["output"]) == normal_name(shown):
            error = line["error"]
        else:
            error = "other wrong"
        cases.append(
            Case(
                article=article_name,
                mention_class=mention_class(attribution["source_text"]),
                error=error,
                names=names,
                features=np.array([[row[k] for k in FEATURES] for row in rows]),
                current=[s["id"] for s in candidates].index(attribution["source_id"]),
                right=[normal_name(n) in right for n in names],
                text=f"{attribution['source_text']!r} {attribution['cue_text']} {attribution['content_text'][:50]!r}",
            )
        )
    return cases


def collect(nlp: Language) -> list[Case]:
    model = model_components(nlp)
    cases: list[Case] = []
    for path in sorted(JUDGMENTS.glob("*.jsonl")):
        output = read_article(NEWS / path.stem, nlp)
        with nlp.select_pipes(enable=model):
            doc = nlp(output["text"])
        cases += cases_of(path.stem, output, doc, judgment_lines(path))
    return cases


def fit(cases: Sequence[Case], c: float) -> np.ndarray:
    """A conditional-logit ranker (softmax over each case's candidates, L2 penalty ``1/c``) fitted by L-BFGS on the
    cases whose right answer is among the candidates."""
    from scipy.optimize import minimize

    usable = [case for case in cases if any(case.right)]
    width = usable[0].features.shape[1]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = 0.5 * w @ w / c, w / c
        for case in usable:
            scores = case.features @ w
            scores -= scores.max()
            p = np.exp(scores)
            p /= p.sum()
            right = np.array(case.right)
            # The likelihood of picking any right candidate (a line may accept several names).
            total -= float(np.log(p[right].sum()))
            q = np.where(right, p / p[right].sum(), 0.0)
            grad = grad + case.features.T @ (p - q)
        return total, grad

    result = minimize(loss, np.zeros(width), jac=True, method="L-BFGS-B")
    return np.asarray(result.x)


@dataclass
class Outcome:
    case: Case
    moved_to: int | None
    gain: float


def decide(case: Case, w: np.ndarray) -> tuple[int, float]:
    scores = case.features @ w
    best = int(np.argmax(scores))
    return best, float(scores[best] - scores[case.current])


def tally(outcomes: Sequence[Outcome], margin: float) -> Counter[str]:
    counts: Counter[str] = Counter()
    for o in outcomes:
        if o.moved_to is None or o.moved_to == o.case.current or o.gain <= margin:
            continue
        before, after = o.case.right[o.case.current], o.case.right[o.moved_to]
        counts["moved"] += 1
        if before and not after:
            counts["right->wrong"] += 1
        elif not before and after:
            counts["wrong->right"] += 1
        elif not before:
            counts["wrong->wrong"] += 1
    return counts


def net(counts: Counter[str]) -> float:
    """What a margin gains: fixes, less ``PENALTY`` per right speaker moved away, less one per wrong speaker moved
    to another wrong one (a change a reader pays for with nothing)."""
    return counts["wrong->right"] - PENALTY * counts["right->wrong"] - counts["wrong->wrong"]


def scored(train: Sequence[Case], test: Sequence[Case], c: float) -> list[Outcome]:
    w = fit(train, c)
    return [Outcome(case, *decide(case, w)) for case in test]


def grouped_folds(articles: list[str], k: int) -> list[set[str]]:
    return [set(articles[n::k]) for n in range(k)]


def choose_margin(train: Sequence[Case], c: float, k: int = 5) -> float:
    """The margin that gains most (wrong moves counted ``PENALTY`` times) out of fold within the training articles."""
    articles = sorted({case.article for case in train})
    inner: list[Outcome] = []
    for fold in grouped_folds(articles, k):
        inner += scored([x for x in train if x.article not in fold], [x for x in train if x.article in fold], c)
    return max(MARGINS, key=lambda m: (net(tally(inner, m)), m))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, help="keep the collected cases here (a directory)")
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 strength of the ranker")
    parser.add_argument("--folds", type=int, default=0, help="outer folds by article (default: leave one out)")
    parser.add_argument("--list", action="store_true", help="list every move made out of fold")
    parser.add_argument(
        "--classes", nargs="*", choices=MENTION_CLASSES, help="let only these classes of source mention move"
    )
    args = parser.parse_args()
    cache = args.cache / "cases.pickle" if args.cache else None
    if cache is not None and cache.exists():
        cases, names = pickle.loads(cache.read_bytes())
        FEATURES.extend(names)
    else:
        cases = collect(load_pipeline())
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            cache.write_bytes(pickle.dumps((cases, FEATURES)))
    if args.classes:
        for case in cases:  # the others keep the pipeline's choice: their only candidate is it
            if case.mention_class not in args.classes:
                keep = case.current
                case.features, case.names = case.features[[keep]], [case.names[keep]]
                case.right, case.current = [case.right[keep]], 0
    articles = sorted({case.article for case in cases})
    by_class = Counter((case.error) for case in cases)
    reachable = Counter(case.error for case in cases if any(case.right))
    print(f"{len(cases)} judged attributions in {len(articles)} articles; {len(FEATURES)} features")
    print("by the output's verdict (reachable: a right candidate exists):")
    for key, n in sorted(by_class.items()):
        print(f"  {key:<12} {n:>4}  reachable {reachable[key]:>4}")
    outcomes: list[Outcome] = []
    margins: Counter[float] = Counter()
    # The outer folds: one article each by default; the margin is chosen inside the other articles.
    outer = grouped_folds(articles, args.folds or len(articles))
    for fold in outer:
        train = [x for x in cases if x.article not in fold]
        margin = choose_margin(train, args.c)
        margins[margin] += 1
        for o in scored(train, [x for x in cases if x.article in fold], args.c):
            outcomes.append(o if o.gain > margin else Outcome(o.case, None, o.gain))
    print(f"\n{len(outer)} folds by article, margin chosen in each training set by grouped 5-fold: {dict(margins)}")
    counts = tally(outcomes, -math.inf)
    print(f"  moved {counts['moved']}: wrong->right {counts['wrong->right']}, right->wrong {counts['right->wrong']},")
    print(f"  wrong->wrong {counts['wrong->wrong']}")
    print("  by class (class of the pipeline's verdict / mention class):")
    for key in sorted({o.case.error for o in outcomes} | {o.case.mention_class for o in outcomes}):
        sub = [o for o in outcomes if key in (o.case.error, o.case.mention_class)]
        c = tally(sub, -math.inf)
        print(
            f"    {key:<12} n={len(sub):>4} wrong->right {c['wrong->right']:>3} right->wrong {c['right->wrong']:>3}"
            f" wrong->wrong {c['wrong->wrong']:>3}"
        )
    before = sum(o.case.right[o.case.current] for o in outcomes)
    after = sum(o.case.right[o.case.current if o.moved_to is None else o.moved_to] for o in outcomes)
    print(f"  right speakers: {before} -> {after} of {len(outcomes)}")
    print("\nout-of-fold, every margin (moves at the margin, all articles; for the curve, not for choosing):")
    raw: list[Outcome] = []
    for article in articles:
        raw += scored([x for x in cases if x.article != article], [x for x in cases if x.article == article], args.c)
    for m in MARGINS:
        c = tally(raw, m)
        print(
            f"  margin {m:>4}: moved {c['moved']:>3} wrong->right {c['wrong->right']:>3}"
            f" right->wrong {c['right->wrong']:>3} wrong->wrong {c['wrong->wrong']:>3}"
        )
    w = fit(cases, args.c)
    print("\nweights fitted on all 30 (for reading, not a figure):")
    for name, value in sorted(zip(FEATURES, w, strict=True), key=lambda item: -abs(item[1])):
        print(f"  {value:+.2f} {name}")
    if args.list:
        for o in outcomes:
            if o.moved_to is not None and o.moved_to != o.case.current:
                verdict = "right" if o.case.right[o.moved_to] else "wrong"
                print(
                    f"{o.case.article}: {o.case.text} {o.case.names[o.case.current]!r} -> "
                    f"{o.case.names[o.moved_to]!r} ({verdict}, was {o.case.error}, gain {o.gain:.2f})"
                )


if __name__ == "__main__":
    main()
