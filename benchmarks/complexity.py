"""Complexity benchmark: does the cost of one article grow linearly with its length, whatever its shape?

For each input shape it generates texts of 10k, 50k, 200k and 500k characters (500,000 is the input limit) and
analyses each in a fresh child process (the full pipeline, no time or memory budget), measuring

* CPU seconds of the analysis (the model load and a warm-up article are not counted),
* the peak resident memory of the process during the analysis (the kernel's high-water mark, reset after the
  warm-up), as the whole process (``peak MB``, model included) and above what the loaded model already held
  (``+MB``),

and prints them per 1,000 characters, with the growth of the totals from 50k to 500k characters (input ×10; a
linear cost grows ×10, the target is at most ×12) and the 500k totals (targets: at most 60 CPU s and 1.5 GB).

Shapes (adversarial ones first, then real news):

==================  ==========================================================================================
``quote-cue``       ``“We agree,” he said,`` repeated in one sentence (nested frames searched per verb)
``newlines``        a sentence, a long run of newlines, a sentence (regexes that rescan each run)
``quote-marks``     nothing but quotation marks of every kind
``one-sentence``    one grammatical sentence of clauses joined by commas and "and", never a full stop
``no-full-stop``    words from a fixed vocabulary with no punctuation at all (100k words at 500k characters)
``deep-nesting``    "X said that Y told reporters that Z believed that ..." without end
``attributions``    short quoted statements by many different named people, one per sentence
``quoted-paragraphs`` a quoted statement with its speaker, then a quotation without one, paragraph after paragraph
``realistic``       real news articles one after another (PolNeAR dev, else the examples), as one long text
==================  ==========================================================================================

    .venv/bin/python benchmarks/complexity.py                       # everything, about 15 minutes here
    .venv/bin/python benchmarks/complexity.py --sizes 10000 50000 --shapes quote-cue newlines
    .venv/bin/python benchmarks/complexity.py --profile --shapes realistic --sizes 200000   # CPU per component

A run over its ``--timeout`` (wall-clock seconds, default 600) or over ``--memory-limit`` is reported as such.
The machine may be shared: CPU seconds move less than wall-clock time, but read small differences with care.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_POLNEAR = REPO.parent / "shared" / "polnear"
SIZES = [10_000, 50_000, 200_000, 500_000]
MB = 1024 * 1024
KB = 1024
# Targets from issue 11: growth 50k -> 500k at most x12, and no 500k article over 60 CPU s or 1.5 GB.
MAX_GROWTH = 12.0
MAX_CPU_500K = 60.0
MAX_PEAK_500K = 1.5 * 1024 * MB

# Names for the generated shapes: common first names and surnames (no real people meant).
FIRST_NAMES = ["Anna", "Boris", "Carla", "David", "Elena", "Farid", "Grace", "Hugo", "Irina", "James", "Keiko", "Luis"]
SURNAMES = ["Adler", "Baker", "Costa", "Duval", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanova", "Jensen"]
VOCABULARY = (
    "minister plan city council water budget report talks week officials market price school road election "
    "village harbour court farmers train bridge energy summer vote power union trade border river hospital tax"
).split()


# ---------------------------------------------------------------- shapes: size -> text of at most size characters


def _name(n: int) -> str:
    return f"{FIRST_NAMES[n % len(FIRST_NAMES)]} {SURNAMES[(n // len(FIRST_NAMES)) % len(SURNAMES)]}"


def _word(n: int) -> str:
    return VOCABULARY[n % len(VOCABULARY)]


def _repeat(pieces: Iterator[str], size: int, end: str = "") -> str:
    """Pieces joined until the text would pass ``size`` characters, then ``end``."""
    parts: list[str] = []
    length = len(end)
    for piece in pieces:
        if length + len(piece) > size:
            break
        parts.append(piece)
        length += len(piece)
    return "".join(parts) + end


def quote_cue(size: int) -> str:
    return _repeat(itertools.repeat("“We agree,” he said, "), size, "and left.")


def newlines(size: int) -> str:
    first = "The minister said on Tuesday that the talks would resume.\n"
    last = "\nOfficials said they expected a deal by Friday."
    return first + "\n" * max(0, size - len(first) - len(last)) + last


def quote_marks(size: int) -> str:
    return _repeat(itertools.cycle(['"', "“", "”", "'", "‘", "’", "«", "»", " "]), size)


def one_sentence(size: int) -> str:
    clauses = (
        f"{_name(n)} said that the {_word(n)} would be discussed on Tuesday, and officials, who met in the "
        f"{_word(n * 7)}, agreed, "
        for n in itertools.count()
    )
    return _repeat(clauses, size, "and that was all")


def no_full_stop(size: int) -> str:
    words = (VOCABULARY[(n * 7 + n // len(VOCABULARY)) % len(VOCABULARY)] + " " for n in itertools.count())
    return _repeat(words, size).rstrip()


def deep_nesting(size: int) -> str:
    frames = itertools.cycle(
        [
            f"{first} {last} {cue} that "
            for first, last, cue in zip(
                FIRST_NAMES, itertools.cycle(SURNAMES), itertools.cycle(["said", "told reporters", "believed"])
            )
        ]
    )
    return _repeat(frames, size, "it rained.")


def attributions(size: int) -> str:
    statements = (
        f"“The {VOCABULARY[n % len(VOCABULARY)]} will change,” said {FIRST_NAMES[n % len(FIRST_NAMES)]} "
        f"{SURNAMES[(n // len(FIRST_NAMES)) % len(SURNAMES)]}{n // 120 or ''}, a spokesperson. "
        for n in itertools.count()
    )
    return _repeat(statements, size)


def quoted_paragraphs(size: int) -> str:
    paragraphs = (
        f"“The {_word(n)} will change,” said {_name(n)}.\n“Nobody expected the {_word(n * 3)} to go.”\n"
        for n in itertools.count()
    )
    return _repeat(paragraphs, size)


@functools.cache
def _articles(polnear: Path) -> list[str]:
    folder = polnear / "dev" / "text"
    paths = sorted(folder.glob("*.txt")) or sorted((REPO / "examples").glob("*.txt"))
    return [path.read_text(encoding="utf-8").strip() + "\n\n" for path in paths]


def realistic(size: int, polnear: Path = DEFAULT_POLNEAR) -> str:
    return _repeat(itertools.cycle(_articles(polnear)), size)


SHAPES: dict[str, Callable[[int], str]] = {
    "quote-cue": quote_cue,
    "newlines": newlines,
    "quote-marks": quote_marks,
    "one-sentence": one_sentence,
    "no-full-stop": no_full_stop,
    "deep-nesting": deep_nesting,
    "attributions": attributions,
    "quoted-paragraphs": quoted_paragraphs,
    "realistic": realistic,
}


# ---------------------------------------------------------------- the child: one analysis, measured


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def child(shape: str, size: int, polnear: Path, profile: bool) -> dict[str, Any]:
    from accordingto import Article, analyze_many, load_pipeline

    text = realistic(size, polnear) if shape == "realistic" else SHAPES[shape](size)
    nlp = load_pipeline()
    # A warm-up article first, so that lazy set-up (the tagger's weights, regex caches) is not counted.
    warm_up = (REPO / "examples" / "putin-negotiations.txt").read_text(encoding="utf-8")
    list(analyze_many([Article(text=warm_up)], nlp=nlp, **_no_budget()))
    if profile:
        return {"profile": _profile(nlp, text)}
    Path("/proc/self/clear_refs").write_text("5")  # reset the peak resident memory (VmHWM) to the current RSS
    before_kb = _status_kb("VmRSS")
    started = time.process_time()
    [outcome] = analyze_many([Article(text=text)], nlp=nlp, **_no_budget())
    cpu = time.process_time() - started
    peak_kb = _status_kb("VmHWM")
    return {
        "chars": len(text),
        "cpu": cpu,
        "peak": peak_kb * KB,
        "added": max(0, peak_kb - before_kb) * KB,
        "attributions": len(outcome.analysis.attributions) if outcome.analysis else None,
        "error": outcome.error.reason if outcome.error else None,
    }


def _no_budget() -> dict[str, Any]:
    """``analyze_many``'s argument that turns the per-article budget off, where the library has one."""
    import inspect

    from accordingto import analyze_many

    return {"budget": None} if "budget" in inspect.signature(analyze_many).parameters else {}


def _profile(nlp: Any, text: str) -> dict[str, float]:
    """CPU seconds per pipeline component on one text."""
    from accordingto.annotations import analysis_from_doc

    seconds: dict[str, float] = {}
    started = time.process_time()
    doc = nlp.make_doc(text)
    seconds["tokenizer"] = time.process_time() - started
    for name, component in nlp.pipeline:
        started = time.process_time()
        doc = component(doc)
        seconds[name] = time.process_time() - started
    started = time.process_time()
    analysis_from_doc(doc)
    seconds["to Analysis"] = time.process_time() - started
    return seconds


# ---------------------------------------------------------------- the parent: one child per measure, the table


def measure(shape: str, size: int, args: argparse.Namespace, profile: bool = False) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", shape, str(size), "--polnear", str(args.polnear)]
    if profile:
        command.append("--profile")
    limit = int(args.memory_limit * 1024 * MB)

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    # One thread for the numeric libraries: CPU seconds then measure the work, not threads spinning.
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=args.timeout, preexec_fn=limit_memory, env=env
        )
    except subprocess.TimeoutExpired:
        return {"shape": shape, "size": size, "failed": f"over {args.timeout:.0f} s"}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["(no message)"])[-1]
        if "MemoryError" in done.stderr or "std::bad_alloc" in done.stderr:
            last = f"over the {args.memory_limit:g} GB address-space limit"
        return {"shape": shape, "size": size, "failed": last[:80]}
    return {"shape": shape, "size": size, **json.loads(done.stdout.strip().splitlines()[-1])}


def format_table(rows: list[dict[str, Any]], sizes: list[int]) -> str:
    size_names = [f"{size // 1000}k" for size in sizes]
    header = f"{'shape':<14}" + "".join(f"{'ms/1k ' + name:>13}" for name in size_names)
    header += "".join(f"{'MB/1k ' + name:>13}" for name in size_names)
    header += f"{'x time':>8}{'x +MB':>8}{'CPU s':>8}{'peak MB':>9}{'+MB':>7}  verdict"
    lines = [
        "per 1,000 characters: CPU ms and peak MB above the loaded model (+MB); x time, x +MB: growth of the "
        "totals from 50k to 500k characters (x10 is linear); CPU s, peak MB (whole process), +MB: at 500k",
        header,
    ]
    by_shape: dict[str, dict[int, dict[str, Any]]] = {}
    for row in rows:
        by_shape.setdefault(row["shape"], {})[row["size"]] = row
    for shape, measures in by_shape.items():
        cells_time, cells_memory = [], []
        for size in sizes:
            row = measures.get(size)
            if row is None:
                cells_time.append(f"{'-':>13}")
                cells_memory.append(f"{'-':>13}")
            elif "failed" in row:
                cells_time.append(f"{row['failed'][:12]:>13}")
                cells_memory.append(f"{'?':>13}")
            else:
                per = row["chars"] / 1000
                cells_time.append(f"{1000 * row['cpu'] / per:>13.1f}")
                cells_memory.append(f"{row['added'] / MB / per:>13.3f}")
        verdict, tail = _verdict(measures)
        lines.append(f"{shape:<14}" + "".join(cells_time) + "".join(cells_memory) + tail + f"  {verdict}")
    return "\n".join(lines)


def _verdict(measures: dict[int, dict[str, Any]]) -> tuple[str, str]:
    small, large = measures.get(50_000), measures.get(500_000)
    if not large or "failed" in large:
        return ("FAIL" if large else "-"), f"{'':>8}{'':>8}{'':>8}{'':>9}{'':>7}"
    problems = []
    time_growth = memory_growth = None
    if small and "failed" not in small:
        time_growth = large["cpu"] / max(small["cpu"], 1e-3)
        # Memory above the model: a floor of 5 MB, so that allocator noise on a tiny figure is no "growth".
        memory_growth = max(large["added"], 5 * MB) / max(small["added"], 5 * MB)
        if time_growth > MAX_GROWTH:
            problems.append("time grows")
        if memory_growth > MAX_GROWTH:
            problems.append("memory grows")
    if large["cpu"] > MAX_CPU_500K:
        problems.append("over 60 CPU s")
    if large["peak"] > MAX_PEAK_500K:
        problems.append("over 1.5 GB")
    growth = f"{time_growth:>8.1f}" if time_growth else f"{'':>8}"
    growth += f"{memory_growth:>8.1f}" if memory_growth else f"{'':>8}"
    tail = f"{growth}{large['cpu']:>8.1f}{large['peak'] / MB:>9.0f}{large['added'] / MB:>7.0f}"
    verdict = "ok" if not problems else "FAIL: " + ", ".join(problems)
    if large.get("error"):
        # Refused by a bound (a text of more tokens than prose has): its cost is that of finding out.
        verdict += f" (500k refused: {large['error'].split(':')[0]})"
    return verdict, tail


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shapes", nargs="+", choices=sorted(SHAPES), default=list(SHAPES))
    parser.add_argument("--sizes", nargs="+", type=int, default=SIZES, help="characters (at most 500000)")
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR, help="real articles for 'realistic'")
    parser.add_argument("--timeout", type=float, default=600.0, help="wall-clock seconds per measure")
    parser.add_argument("--memory-limit", type=float, default=4.0, help="GB of address space per measure")
    parser.add_argument("--profile", action="store_true", help="CPU seconds per component instead of the table")
    parser.add_argument("--json", action="store_true", help="print the measures as JSON too")
    parser.add_argument("--child", nargs=2, metavar=("SHAPE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], int(args.child[1]), args.polnear, args.profile)))
        return
    rows = []
    for shape in args.shapes:
        for size in sorted(args.sizes):
            row = measure(shape, size, args, profile=args.profile)
            rows.append(row)
            if args.profile and "profile" in row:
                spent = sorted(row["profile"].items(), key=lambda item: -item[1])
                print(f"{shape} {size}: " + ", ".join(f"{name} {seconds:.2f}" for name, seconds in spent), flush=True)
            else:
                print(f"# {shape} {size}: {json.dumps({k: v for k, v in row.items() if k != 'shape'})}", flush=True)
    if not args.profile:
        print(format_table(rows, sorted(args.sizes)))
    if args.json:
        print(json.dumps(rows))


if __name__ == "__main__":
    main()
