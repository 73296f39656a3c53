"""One way through a batch: articles (and read failures) in, outcomes out, in input order.

``analyze_stream`` is what every front end runs: the library's ``analyze_many``, ``accordingto analyze``,
``accordingto run`` (in this process, or in ``jobs`` worker processes) and each Dask worker of a cluster run. An
article that cannot be analysed (no text, too large, a bad date, a component that fails on it) becomes an
``Outcome`` with a ``Failure``; a read failure passes through as it is; neither stops the stream.

Worker processes (``jobs`` > 1, ``pool.py``) are spawned, not forked (a forked child would inherit the parent's
database connections and threads), load the pipeline once each (``load_pipeline``'s per-process cache) and send
back outcomes: plain dataclasses, never a spaCy ``Doc`` (a pickled Doc drags its whole vocabulary along).

What one article may cost is bounded (``budget.py``, ``parse/bounds.py``): batches hold at most ``batch_size``
articles and ``BATCH_CHARS`` characters; a text over ``CHUNK_TOKENS`` tokens goes through spaCy's model in chunks;
each article runs the accordingto stages under its own deadline, and one over its budget becomes a failure.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from ..annotations import analysis_from_doc, article_info
from ..budget import NO_BUDGET, Budget, Deadline, watch
from ..errors import AccordingtoError, AnalysisCancelledError, AnalysisFailedError, BudgetExceededError, InputError
from ..model import Article
from ..outcome import Failure, Outcome
from ..parse import load_pipeline
from ..parse.attributes import TokenAttributes
from ..parse.bounds import CHUNK_TOKENS, parse_in_chunks
from ..pipes import AnnotatingPipe, doc_error
from ..read import check_text, check_tokens, check_unicode, parse_published
from ..visible import VisibleText

DEFAULT_BATCH_SIZE = 16
# Characters of article text in one batch: spaCy's model holds about 16 KB per token of the batch while it runs
# (about 3 KB per character of news), so a batch of 50,000 characters adds some 150 MB to a worker whatever the
# articles' lengths.
BATCH_CHARS = 50_000
DEFAULT_BUDGET = Budget()

T = TypeVar("T")
Item = Article | Failure
Result = Outcome | Failure


@dataclass
class BatchProgress:
    """Counts so far of a stream of results, for progress bars and summaries."""

    analysed: int = 0
    failed: int = 0
    skipped: int = 0
    unreadable: int = 0
    total: int | None = None
    started: float = field(default_factory=time.monotonic)

    def count(self, result: Result) -> None:
        """Count one result: analysed, failed (in the pipeline) or unreadable (not a text it could analyse)."""
        failure = failure_of(result)
        if failure is None:
            self.analysed += 1
        elif failure.stage == "read":
            self.unreadable += 1
        else:
            self.failed += 1

    @property
    def done(self) -> int:
        """Inputs dealt with (analysed, failed, skipped or unreadable): what a progress bar counts."""
        return self.analysed + self.failed + self.skipped + self.unreadable

    @property
    def problems(self) -> int:
        return self.failed + self.unreadable

    @property
    def rate(self) -> float:
        """Inputs per second so far."""
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0


def analyze_stream(
    items: Iterable[Item],
    *,
    nlp: Language | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    jobs: int = 1,
    budget: Budget | None = DEFAULT_BUDGET,
    cancelled: threading.Event | None = None,
) -> Iterator[Result]:
    """One result per item, in input order: an ``Outcome`` per article, each read failure as it came.

    ``jobs`` > 1 analyses in that many worker processes (``pool.py``: a worker that dies is replaced and its
    batch tried again once). ``nlp`` replaces the pipeline in this process (it cannot be sent to workers);
    without it the pipeline is loaded when the first article needs it. ``budget`` bounds each article's time
    and memory (``None``: no limit); ``cancelled``, once set, stops the articles still being analysed.
    """
    if jobs < 1 or batch_size < 1:
        raise ValueError("jobs and batch_size must be at least 1")
    if jobs == 1:
        return _analyze_here(items, nlp, batch_size, budget or NO_BUDGET, cancelled)
    if nlp is not None:
        raise ValueError("a pipeline object cannot be sent to worker processes: give nlp only with jobs=1")
    from .pool import analyze_in_pool

    return analyze_in_pool(items, jobs, batch_size, budget or NO_BUDGET)


def check_article(article: Article) -> None:
    """Raise the ``InputError`` that stops this article before the pipeline (text, date, fields that are not
    Unicode); normalizes the date."""
    where = where_of(article)
    check_text(article.text, where)
    for name in ("id", "title", "url", "outlet", "published"):
        value = getattr(article, name)
        if isinstance(value, str):
            check_unicode(value, where, name)
    article.published = parse_published(article.published, where)


def failure_of(result: Result) -> Failure | None:
    """The failure a result reports, if any: a read failure itself, or an article's failed analysis."""
    return result if isinstance(result, Failure) else result.error


def where_of(article: Article) -> str | None:
    """How failures name an article: the place it was read from, else its id."""
    return getattr(article, "where", None) or article.id


def text_length(item: object) -> int:
    """Characters of article text an item brings to a batch (a read failure, or anything else, brings none)."""
    article = item[1] if isinstance(item, tuple) else item
    return len(article.text) if isinstance(article, Article) else 0


def batches(
    items: Iterable[T], size: int, max_chars: int | None = None, length: Callable[[T], int] = text_length
) -> Iterator[list[T]]:
    """The items in lists of at most ``size``, and of at most ``max_chars`` characters of article text when it
    is given (an article longer than that is a batch by itself): a batch of long articles costs memory in
    proportion to its characters, not to its count."""
    batch: list[T] = []
    chars = 0
    for item in items:
        item_chars = length(item)
        if batch and max_chars is not None and chars + item_chars > max_chars:
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += item_chars
        if len(batch) >= size:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _analyze_here(
    items: Iterable[Item],
    nlp: Language | None,
    batch_size: int,
    budget: Budget,
    cancelled: threading.Event | None = None,
) -> Iterator[Result]:
    """The stream analysed in this process, in batches of at most ``batch_size`` articles and ``BATCH_CHARS``
    characters."""
    # Results waiting for their turn, by input position: failures are known at once, analyses come later.
    pending: dict[int, Result | None] = {}
    checked = _checked(items, pending)
    first = next(checked, None)
    if first is None:  # nothing to analyse: the model is not loaded for nothing
        yield from _ready(pending)
        return
    nlp = nlp or load_pipeline()
    model = model_components(nlp)
    for batch in batches(itertools.chain([first], checked), batch_size, BATCH_CHARS):
        for key, outcome in _analyze_batch(nlp, model, batch, budget, cancelled):
            pending[key] = outcome
            yield from _ready(pending)
    yield from _ready(pending)


def model_components(nlp: Language) -> list[str]:
    """The components of spaCy's model (and those before the parser): every component before the first
    accordingto stage. They run batch by batch, a long text in chunks; the stages run one document at a time."""
    names = []
    for name, component in nlp.pipeline:
        # The vectorised attribute ruler and lemmatizer stand in for two of the model's own components, so they
        # run with it (and ``ner`` after them), batch by batch and chunk by chunk: run on a whole long text
        # instead, ``ner`` held memory for every token at once (1.2 GB more at 200k characters).
        if isinstance(component, AnnotatingPipe) and not isinstance(component, TokenAttributes):
            break
        names.append(name)
    return names


def _analyze_batch(
    nlp: Language,
    model: list[str],
    batch: list[tuple[int, Article]],
    budget: Budget,
    cancelled: threading.Event | None,
) -> Iterator[tuple[int, Outcome]]:
    """The outcomes of one batch: spaCy's model on the batch's short texts together (on a long text, chunk by
    chunk), then the accordingto stages on each document under its own deadline."""
    stages = [name for name in nlp.pipe_names if name not in model]
    docs: list[tuple[int, Article, Doc]] = []
    visible: dict[int, VisibleText] = {}
    for key, article in batch:
        # The pipeline reads the text without invisible characters; offsets are mapped back in ``_outcome``.
        visible[key] = VisibleText.of(article.text)
        doc = nlp.make_doc(visible[key].text)
        try:
            check_tokens(len(doc), where_of(article))
        except InputError as error:
            yield key, Outcome(article, error=Failure.from_error(error, "read", where_of(article)))
            continue
        article_info(doc)["article"] = dataclasses.asdict(article.meta())
        docs.append((key, article, doc))
    short = [doc for _, _, doc in docs if len(doc) <= CHUNK_TOKENS]
    started = time.thread_time()
    parsed = iter(list(nlp.pipe(short, batch_size=max(1, len(short)), disable=stages)) if short else [])
    shared = time.thread_time() - started  # the model's time on the batch, counted to each of its articles
    for key, article, doc in docs:
        if len(doc) <= CHUNK_TOKENS:
            doc = next(parsed)
            deadline = budget.start(spent=shared, cancelled=cancelled)
        else:
            deadline = budget.start(cancelled=cancelled)
            try:
                doc = parse_in_chunks(
                    doc, lambda chunk: nlp(chunk, disable=stages), between=functools.partial(deadline.check, "a chunk")
                )
            except (BudgetExceededError, AnalysisCancelledError):
                yield key, _stopped(article, deadline)
                continue
        watch(doc, deadline)
        doc = nlp(doc, disable=model)
        yield key, _outcome(article, doc, deadline, visible[key])


def _outcome(article: Article, doc: Doc, deadline: Deadline, visible: VisibleText) -> Outcome:
    if deadline.stopped is not None:
        return _stopped(article, deadline)
    error = doc_error(doc)
    if error is not None:
        return Outcome(article, error=Failure.from_error(AnalysisFailedError(error, where_of(article)), "analyze"))
    return Outcome(article, analysis=visible.restore(analysis_from_doc(doc), article.text))


def _stopped(article: Article, deadline: Deadline) -> Outcome:
    """The outcome of an article its budget (or a cancellation) stopped."""
    assert deadline.stopped is not None
    stopped = type(deadline.stopped)(deadline.stopped.reason, where_of(article))
    return Outcome(article, error=Failure.from_error(stopped, "analyze"))


def _ready(pending: dict[int, Result | None]) -> Iterator[Result]:
    """Take the results at the head of ``pending`` that are done, in order, up to the first still waiting."""
    for key, result in list(pending.items()):
        if result is None:
            return
        del pending[key]
        yield result


def _checked(items: Iterable[Item], pending: dict[int, Result | None]) -> Iterator[tuple[int, Article]]:
    """The articles that pass ``check_article``, numbered; every item gets its place in ``pending`` (None until
    its analysis is done)."""
    for key, item in enumerate(items):
        if isinstance(item, Failure):
            pending[key] = item
            continue
        try:
            check_article(item)
        except AccordingtoError as error:
            pending[key] = Outcome(item, error=Failure.from_error(error, "read", where_of(item)))
            continue
        pending[key] = None
        yield key, item


def analyze_batch(items: list[Item], batch_size: int, budget: Budget) -> list[Result]:
    """What a worker process does with one batch (the pipeline is loaded once per process)."""
    return list(_analyze_here(items, None, batch_size, budget))
