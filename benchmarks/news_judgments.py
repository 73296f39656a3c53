"""Re-measure the news rounds from written judgments: who said what in the invented news fixtures, as a person read
it, against what ``accordingto.analyze`` outputs today.

Every round so far read every attribution by hand once, counted the errors by class and wrote a table into
``docs/experiments/news-rounds.md``; the table could not be measured again after a later change without reading
everything again. A judgment file keeps that reading: ``tests/fixtures/news/judgments/<article>.jsonl`` (the
article's file name with ``.jsonl`` added), one JSON object a line, for each attribution the tool should output
or does output:

- ``content``: the first words of its content as the tool gives it (leading quotation marks dropped); an output
  is matched to the line whose ``content`` its own content starts with (case and spacing aside);
- ``cue``: the cue's text; only used to choose between lines that share a start;
- ``statement``: ``true`` for a statement the tool should output, ``false`` for an output that is no statement
  (an action, a state of mind that is not reported, a question's irrealis, furniture...), with its ``class``;
- ``speaker``: the right display name (the fullest proper name of the speaker; for someone never named the
  description, without a relative clause; ``null`` when the text names no source), or a list of names that are
  all right; omitted on a non-statement, whose speaker is not judged;
- ``output`` and ``error``: for a speaker the tool got wrong when the line was written, the display name it gave
  (``null`` when the tool gave no source) and the class of the error: ``wrong who`` (another entity), ``junk`` (a
  display name that is no name of the entity: cut, a determiner or pronoun, a description glued on), ``split``
  (the right entity under another of its names or a description, apart from its fullest name) or ``extractor``
  (the extractor's source span is wrong);
  ``error`` is ``missed`` on a statement the tool did not output when the line was written (``output`` none);
- ``note``: free text.

Each output is then one of: **right**; **wrong** with the recorded class when it gives the recorded wrong name;
**wrong, unjudged** when it gives a wrong name nobody has classed yet (listed with the article); **not a
statement**; or **unjudged** (its content matches no line: listed, for a person to judge and add). A statement
line that no output matches is **missed**. A speaker fix shows as a wrong class falling and "right" rising
without editing the file; an output that changed shape shows as unjudged.

    .venv/bin/python benchmarks/news_judgments.py                 # the table, per article and in total
    .venv/bin/python benchmarks/news_judgments.py --bands         # and confidence by band, what is marked
    .venv/bin/python benchmarks/news_judgments.py --draft FILE    # judgment lines drafted from today's output
    .venv/bin/python benchmarks/news_judgments.py ARTICLE ...     # only these judged articles (one round)
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from accordingto.evaluate.judgments import judged_attributions, judgment_lines, match, normal_name, right_names
from accordingto.lexicon import NOT_STATEMENT_CUE_CLASSES
from accordingto.parse import load_pipeline
from accordingto.train.speaker_confidence import BANDS

NEWS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "news"
JUDGMENTS = NEWS / "judgments"
ERRORS = ("wrong who", "junk", "split", "extractor")
COLUMNS = ("attributions", "right", *ERRORS, "wrong unjudged", "not statement", "missed", "unjudged")
_LEADING = re.compile(r"^[\s\"“”'‘’…]+")


@dataclass
class Tally:
    """One article's (or the total's) counts, and what a person should look at."""

    counts: Counter[str] = field(default_factory=Counter)
    to_judge: list[str] = field(default_factory=list)
    bands: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        self.counts.update(other.counts)
        self.bands.update(other.bands)


def band(value: float | None) -> str:
    if value is None:
        return "none"
    return next(f"{low:.1f}-{min(high, 1.0):.1f}" for low, high in BANDS if low <= value < high)


def marked(attribution: dict[str, Any]) -> bool:
    """Whether the output itself tells a user counting statements to leave the attribution out: an act's cue class
    or a belief no one named holds (``lexicon.NOT_STATEMENT_CUE_CLASSES``), or a saying that did not take place
    (``hypothetical``)."""
    return attribution.get("cue_class") in NOT_STATEMENT_CUE_CLASSES or bool(attribution.get("hypothetical"))


def judge(attributions: list[dict[str, Any]], lines: list[dict[str, Any]]) -> Tally:
    tally = Tally()
    matched: set[int] = set()
    for attribution in attributions:
        tally.counts["attributions"] += 1
        line = match(attribution, lines)
        shown = f"{attribution['cue_text']!r} {attribution['content_text'][:60]!r} -> {attribution['speaker']!r}"
        if line is None:
            tally.counts["unjudged"] += 1
            tally.to_judge.append(f"unjudged: {shown}")
            continue
        matched.add(id(line))
        kind = "statement" if line["statement"] else "not statement"
        tally.bands[kind, band(attribution["confidence"])] += 1
        if marked(attribution):
            tally.bands[kind, "marked"] += 1
        if not line["statement"]:
            tally.counts["not statement"] += 1
            continue
        if normal_name(attribution["speaker"]) in right_names(line):
            verdict = "right"
        elif "output" in line and normal_name(line["output"]) == normal_name(attribution["speaker"]):
            verdict = line["error"]
        else:
            verdict = "wrong unjudged"
            tally.to_judge.append(f"wrong, unjudged (right: {line.get('speaker')!r}): {shown}")
        tally.counts[verdict] += 1
        speaker = "speaker right" if verdict == "right" else "speaker wrong"
        tally.bands[speaker, band(attribution["speaker_confidence"])] += 1
    for line in lines:
        if line["statement"] and id(line) not in matched:
            tally.counts["missed"] += 1
            tally.to_judge.append(f"missed: {line['cue']!r} {line['content']!r} ({line.get('speaker')!r})")
    return tally


def draft(attributions: list[dict[str, Any]]) -> list[str]:
    """Judgment lines as today's output has them, every speaker taken as right: a start for a person to correct."""
    out = []
    for attribution in attributions:
        words = _LEADING.sub("", attribution["content_text"]).split()[:6]
        line = {"content": " ".join(words), "cue": attribution["cue_text"], "statement": True}
        out.append(json.dumps({**line, "speaker": attribution["speaker"]}, ensure_ascii=False))
    return out


def table(rows: dict[str, Tally]) -> str:
    width = max(map(len, rows))
    header = f"{'article':<{width}} " + " ".join(f"{c:>{max(len(c), 5)}}" for c in COLUMNS)
    lines = [header]
    for name, tally in rows.items():
        lines.append(f"{name:<{width}} " + " ".join(f"{tally.counts[c]:>{max(len(c), 5)}}" for c in COLUMNS))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bands", action="store_true", help="speaker_confidence and confidence by band")
    parser.add_argument("--draft", metavar="FILE", help="print judgment lines drafted from one fixture's output")
    parser.add_argument("--quiet", action="store_true", help="the table only, no list of things to judge")
    parser.add_argument("articles", nargs="*", help="count only these judged fixtures (one round); default: all")
    args = parser.parse_args()
    nlp = load_pipeline()
    if args.draft:
        print("\n".join(draft(judged_attributions(NEWS / args.draft, nlp))))
        return
    rows: dict[str, Tally] = {}
    total = Tally()
    paths = [JUDGMENTS / f"{name}.jsonl" for name in args.articles] or sorted(JUDGMENTS.glob("*.jsonl"))
    for path in paths:
        tally = judge(judged_attributions(NEWS / path.stem, nlp), judgment_lines(path))
        rows[path.stem] = tally
        total.add(tally)
    print(table({**rows, "all": total}))
    if args.bands:
        print(
            "\nby band (speaker_confidence for speakers, confidence for statements; marked: an act's or unheld belief's"
        )
        print("cue class, or hypothetical: what a user counting statements leaves out):")
        for kind in ("speaker right", "speaker wrong", "statement", "not statement"):
            columns = ("0.0-0.5", "0.5-0.8", "0.8-1.0", "none") + (("marked",) if "statement" in kind else ())
            counts = " ".join(f"{b}: {total.bands[kind, b]}" for b in columns)
            print(f"  {kind:<14} {counts}")
    if not args.quiet:
        for name, tally in rows.items():
            for item in tally.to_judge:
                print(f"{name}: {item}")


if __name__ == "__main__":
    main()
