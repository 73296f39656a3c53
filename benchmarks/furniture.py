"""Page furniture: does the HTML reader keep the article, drop the rest, and does anything outside the article
become an attribution?

Two measurements, one command:

1. **Synthetic outlet pages** (``furniture_pages.py``: 24 pages, 12 outlet templates x 2 articles, furniture of
   every kind issue 14 lists). For each reader configuration:
   - *main text kept*: characters of the article's paragraphs found in the extracted text, over those expected;
   - *furniture kept*: furniture lines (related links, "MORE:", credits, copyright, boxes...) left in the text;
   - *attributions*: of the full analysis of the extracted text, how many lie in the article (its paragraphs or
     headline) and how many touch anything else (a word of their source, cue or content outside it).
   Configurations: ``trafilatura`` is the reader before furniture removal (``bare_extraction``, comments off,
   defaults otherwise); ``trafilatura precision`` adds its ``favor_precision``; ``reader`` is
   ``accordingto.read.html`` as shipped.
2. **Real article text** (PolNeAR train and dev, if the corpus is there): the line rules of the reader
   (``is_furniture``) on every line of every article: lines flagged, of which the annotators marked as
   ``Discard`` (boilerplate), and lines flagged that hold a gold attribution's cue (article text lost: should be 0).

    .venv/bin/python benchmarks/furniture.py              # both tables (about 40 s)
    .venv/bin/python benchmarks/furniture.py --pages      # one row per synthetic page
    .venv/bin/python benchmarks/furniture.py --show       # the furniture kept, the attributions on it, the lines
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from furniture_pages import Page, pages  # noqa: E402

from accordingto import analyze_many  # noqa: E402
from accordingto.evaluate.polnear import read_annotated  # noqa: E402
from accordingto.model import Article, Attribution, Ranges  # noqa: E402
from accordingto.read.furniture import is_furniture  # noqa: E402
from accordingto.read.html import html_article  # noqa: E402

DEFAULT_POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "polnear"
MIN_BLOCK = 12  # shorter difflib matches are coincidences (a shared word), not kept article text
_DISCARD = re.compile(r"^T\d+\tDiscard (\d+ \d+(?:;\d+ \d+)*)")


def trafilatura_text(page: bytes, **options: bool) -> str:
    """The reader before furniture removal: trafilatura's extraction, reader comments off."""
    import trafilatura

    document = trafilatura.bare_extraction(page, include_comments=False, with_metadata=True, **options)
    return getattr(document, "text", "") or ""


CONFIGURATIONS: dict[str, Callable[[bytes], str]] = {
    "trafilatura": trafilatura_text,
    "trafilatura precision": lambda page: trafilatura_text(page, favor_precision=True),
    "reader": lambda page: html_article(page, "page").text,
}


@dataclass
class Result:
    page: Page
    text: str
    main: Ranges  # where the article's own text (paragraphs, headline) is in the extracted text
    kept_chars: int
    furniture_kept: list[str]
    in_article: int = 0
    on_furniture: list[Attribution] = field(default_factory=list)


def measure(page: Page, text: str) -> Result:
    main: Ranges = []
    kept_chars = 0
    for paragraph in page.paragraphs:
        found = _find(paragraph, text)
        main += found
        kept_chars += sum(end - start for start, end in found)
    # The headline is the article's own text too (PolNeAR annotates attributions in headlines): neither kept
    # paragraph text nor furniture.
    main += _find(page.title, text)
    article_words = _words("\n".join(page.paragraphs))
    kept = [
        line
        for line in page.furniture
        if _words(line) and _words(line) in _words(text) and _words(line) not in article_words
    ]
    return Result(page=page, text=text, main=main, kept_chars=kept_chars, furniture_kept=kept)


def _find(paragraph: str, text: str) -> Ranges:
    """Where a paragraph is in the text: the whole of it, or the pieces of it difflib finds."""
    start = text.find(paragraph)
    if start >= 0:
        return [(start, start + len(paragraph))]
    matcher = difflib.SequenceMatcher(None, paragraph, text, autojunk=False)
    return [(b.b, b.b + b.size) for b in matcher.get_matching_blocks() if b.size >= MIN_BLOCK]


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text))


def _outside(attribution: Attribution, main: Ranges, text: str) -> bool:
    """Whether a word character of the attribution's spans lies outside the article's own text."""
    for start, end in [*attribution.source, *attribution.cue, *attribution.content]:
        for position in range(start, end):
            if text[position].isalnum() and not any(s <= position < e for s, e in main):
                return True
    return False


def synthetic(args: argparse.Namespace) -> None:
    corpus = pages()
    results: dict[str, list[Result]] = {}
    for name, extract in CONFIGURATIONS.items():
        results[name] = [measure(page, extract(page.html.encode("utf-8"))) for page in corpus]
        articles = [Article(text=result.text, id=result.page.name) for result in results[name]]
        for result, outcome in zip(results[name], analyze_many(articles), strict=True):
            attributions = outcome.analysis.attributions if outcome.analysis else []
            result.on_furniture = [a for a in attributions if _outside(a, result.main, result.text)]
            result.in_article = len(attributions) - len(result.on_furniture)

    if args.pages:
        for name, rows in results.items():
            print(f"\n{name}\n{'page':<16}{'kept %':>8}{'furniture kept':>16}{'article':>9}{'furniture':>11}")
            for r in rows:
                share = 100 * r.kept_chars / sum(len(p) for p in r.page.paragraphs)
                print(
                    f"{r.page.name:<16}{share:>8.1f}{len(r.furniture_kept):>9} / {len(r.page.furniture):<4}"
                    f"{r.in_article:>9}{len(r.on_furniture):>11}"
                )
        print()
    print(f"Synthetic outlet pages ({len(corpus)}: 12 templates x 2 articles)")
    print(
        f"{'configuration':<23}{'main text kept (chars)':>30}{'furniture lines kept':>22}"
        f"{'attributions: in article':>26}{'on furniture':>14}"
    )
    for name, rows in results.items():
        expected = sum(len(p) for r in rows for p in r.page.paragraphs)
        kept = sum(r.kept_chars for r in rows)
        furniture = sum(len(r.page.furniture) for r in rows)
        furniture_kept = sum(len(r.furniture_kept) for r in rows)
        print(
            f"{name:<23}{f'{kept:,} / {expected:,} ({100 * kept / expected:.1f}%)':>30}"
            f"{f'{furniture_kept} / {furniture}':>22}{sum(r.in_article for r in rows):>26}"
            f"{sum(len(r.on_furniture) for r in rows):>14}"
        )
    if args.show:
        for name, rows in results.items():
            print(f"\n== {name}")
            for r in rows:
                for line in r.furniture_kept:
                    print(f"{r.page.name}: kept: {line}")
                for a in r.on_furniture:
                    print(f"{r.page.name}: attribution: [{a.source_text or '—'}] [{a.cue_text}] [{a.content_text}]")


def polnear_lines(data: Path, show: bool) -> None:
    """The line rules on real article text: what they flag, against the annotators' Discard spans and cues."""
    counts = {"lines": 0, "flagged": 0, "discarded by annotators": 0, "flagged and discarded": 0}
    lost: list[str] = []
    flagged_lines: list[str] = []
    for split in ("train", "dev"):
        for article in read_annotated(data, split):
            ann = _annotation_path(data / split, article.name)
            discards = [
                tuple(int(n) for n in piece.split())
                for match in map(_DISCARD.match, ann.read_text(encoding="utf-8").splitlines())
                if match
                for piece in match[1].split(";")
            ]
            cues = [start for attribution in article.attributions for start, _ in attribution.cue]
            position = 0
            for raw in article.text.split("\n"):
                start, end = position, position + len(raw)
                position = end + 1
                line = " ".join(raw.split())
                if not line:
                    continue
                discarded = any(a < end and start < b for a, b in discards)
                counts["lines"] += 1
                counts["discarded by annotators"] += discarded
                if is_furniture(line):
                    counts["flagged"] += 1
                    counts["flagged and discarded"] += discarded
                    flagged_lines.append(f"{article.name}: {line[:120]}")
                    if any(start <= cue < end for cue in cues):
                        lost.append(f"{article.name}: {line[:120]}")
    print("\nReal article text: the reader's line rules on every line of PolNeAR train and dev")
    print(
        f"{'lines':>8}{'discarded by annotators':>25}{'flagged':>9}{'flagged, discarded':>20}"
        f"{'flagged, holding a gold cue':>29}"
    )
    print(
        f"{counts['lines']:>8}{counts['discarded by annotators']:>25}{counts['flagged']:>9}"
        f"{counts['flagged and discarded']:>20}{len(lost):>29}"
    )
    if show:
        print("\n".join(["", "flagged lines:", *flagged_lines]))
    for line in lost:
        print(f"  gold cue lost: {line}")


def _annotation_path(folder: Path, name: str) -> Path:
    """The annotation file ``read_annotated`` reads (the annotator id that sorts first)."""
    return min((folder / "attributions").glob(f"{name}_*.ann"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", action="store_true", help="one row per synthetic page")
    parser.add_argument("--show", action="store_true", help="print furniture kept, attributions on it, lines flagged")
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR, help="PolNeAR folder (skipped if absent)")
    args = parser.parse_args()
    synthetic(args)
    if (args.polnear / "train").is_dir():
        polnear_lines(args.polnear, args.show)


if __name__ == "__main__":
    main()
