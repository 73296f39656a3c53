"""Corpus benchmark: how fast accordingto gets through a corpus, and how that scales with processes.

The PolNeAR dev articles, repeated to ``--articles`` (default 2,000) with distinct ids, go through

* ``accordingto run --jobs 1`` into a fresh SQLite file,
* ``accordingto run --jobs 2`` into another fresh SQLite file,
* ``accordingto run --local-cluster 2 --parquet OUT``: a Dask LocalCluster of 2 worker processes,

with every 50th article (``--long-every``) a long one of 10 dev articles joined (about 50,000 characters),
each as its own command, timed from start to exit (model loading included: it is what a user waits for). While
a command runs, the resident memory of every process it started is sampled every 0.2 s, giving the peak of
each worker (a process under the command that loaded the model; with ``--jobs 1``, the command itself), of the
command's own process and of the whole process tree; the CPU time of the whole tree is read when it ends (it
moves less than wall-clock time when other people's jobs share the machine). The table printed at the end
gives articles per second, those peaks, and the scaling ratio against ``--jobs 1``.

    .venv/bin/python benchmarks/corpus.py                   # 2,000 articles: about 10 minutes a configuration
    .venv/bin/python benchmarks/corpus.py --articles 200    # a quick check

The corpus is never copied into the repository: it is read from ``--polnear`` (default ``../shared/polnear``,
relative to the repository) and the repeated copies are written to a temporary folder that is removed
afterwards.
"""

from __future__ import annotations

import argparse
import itertools
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import psutil
import pyarrow.dataset as ds

REPO = Path(__file__).resolve().parents[1]
DEFAULT_POLNEAR = REPO.parent / "shared" / "polnear"
CLI = Path(sys.executable).parent / "accordingto"
SAMPLE_SECONDS = 0.2
MB = 1024 * 1024
WORKER_MIN_RSS = 150 * MB
LONG_JOIN = 10  # dev articles in one long article (about 50,000 characters)


@dataclass
class Measure:
    """One configuration's run."""

    name: str
    articles: int
    seconds: float
    cpu_seconds: float
    peak_worker_rss: int
    peak_main_rss: int
    peak_total_rss: int
    workers: int

    @property
    def rate(self) -> float:
        return self.articles / self.seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="how many articles (dev repeated)")
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR, help="the PolNeAR folder")
    parser.add_argument("--configs", default="jobs1,jobs2,dask", help="comma-separated subset of jobs1, jobs2, dask")
    parser.add_argument("--partition-size", type=int, default=25, help="articles per Dask task")
    parser.add_argument(
        "--long-every",
        type=int,
        default=50,
        help=f"every Nth article is a long one, {LONG_JOIN} dev articles joined (0: none)",
    )
    args = parser.parse_args()

    texts = sorted((args.polnear / "dev" / "text").glob("*.txt"))
    if not texts:
        parser.error(f"no PolNeAR dev articles in {args.polnear / 'dev' / 'text'}")
    work = Path(tempfile.mkdtemp(prefix="accordingto-bench-"))
    try:
        corpus = make_corpus(texts, args.articles, work / "corpus", args.long_every)
        commands = {
            "jobs1": [
                str(CLI),
                "run",
                str(corpus),
                "--db",
                f"sqlite:///{work / 'jobs1.sqlite'}",
                "--jobs",
                "1",
            ],
            "jobs2": [
                str(CLI),
                "run",
                str(corpus),
                "--db",
                f"sqlite:///{work / 'jobs2.sqlite'}",
                "--jobs",
                "2",
            ],
            "dask": [
                str(CLI),
                "run",
                str(corpus),
                "--local-cluster",
                "2",
                "--parquet",
                str(work / "parquet"),
                "--partition-size",
                str(args.partition_size),
            ],
        }
        measures = []
        for name in args.configs.split(","):
            print(f"running {name}: {' '.join(commands[name][1:])}", file=sys.stderr, flush=True)
            measure = run_measured(name, commands[name])
            measure.articles = count_done(name, work)
            measures.append(measure)
            print(f"  {measure.articles} articles in {measure.seconds:.1f} s", file=sys.stderr, flush=True)
        print(render(measures, args.articles))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def make_corpus(texts: list[Path], count: int, folder: Path, long_every: int = 0) -> Path:
    """``count`` text files cycling through ``texts``; copy k of NAME is ``NAME~k.txt``, so every id
    differs. With ``long_every``, every such article is instead ``LONG_JOIN`` articles joined into one
    (``NAME~k~long.txt``, 30,000-90,000 characters): the long articles that make a batch, and a worker, peak."""
    folder.mkdir(parents=True)
    cycle = itertools.cycle(texts)
    copies: Counter[str] = Counter()
    for index in range(count):
        path = next(cycle)
        copy = copies[path.stem]
        copies[path.stem] += 1
        if long_every and index % long_every == long_every - 1:
            joined = [path, *(next(cycle) for _ in range(LONG_JOIN - 1))]
            text = "\n\n".join(part.read_text(encoding="utf-8") for part in joined)
            (folder / f"{path.stem}~{copy}~long.txt").write_text(text, encoding="utf-8")
        else:
            shutil.copyfile(path, folder / f"{path.stem}~{copy}.txt")
    return folder


def run_measured(name: str, command: list[str]) -> Measure:
    """Run ``command`` to its end, sampling the RSS of it and every process under it."""
    cpu_before = _children_cpu()
    started = time.monotonic()
    # stderr to a file, not a pipe: a long run's progress lines would fill a pipe nobody reads and block it.
    with tempfile.TemporaryFile(mode="w+") as log:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log, text=True)
        root = psutil.Process(process.pid)
        peaks: dict[int, int] = {}
        peak_total = 0
        while process.poll() is None:
            total = 0
            for proc in [root, *_children(root)]:
                try:
                    rss = proc.memory_info().rss
                except psutil.Error:
                    continue
                peaks[proc.pid] = max(peaks.get(proc.pid, 0), rss)
                total += rss
            peak_total = max(peak_total, total)
            time.sleep(SAMPLE_SECONDS)
        seconds = time.monotonic() - started
        cpu = _children_cpu() - cpu_before
        log.seek(0)
        errors = log.read()
    if process.returncode not in (0, 1) or "accordingto: error:" in errors:
        # 1 with a list of failed inputs is a result (reported in the table); an error line is not.
        raise SystemExit(f"{name} failed ({process.returncode}):\n{errors[-2000:]}")
    # Workers: the processes under the command that loaded a model (helpers such as multiprocessing's
    # resource tracker stay far below); with none, the command's own process did the work.
    workers = [peak for pid, peak in peaks.items() if pid != root.pid and peak > WORKER_MIN_RSS]
    main_peak = peaks.get(root.pid, 0)
    return Measure(name, 0, seconds, cpu, max(workers, default=main_peak), main_peak, peak_total, len(workers) or 1)


def _children_cpu() -> float:
    """User + system CPU seconds of every finished child process and, through them, of their own children
    (workers are waited for by the command that started them): the CPU a command's whole tree used."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _children(root: psutil.Process) -> list[psutil.Process]:
    try:
        return root.children(recursive=True)
    except psutil.Error:
        return []


def count_done(name: str, work: Path) -> int:
    """Articles actually analysed, read back from the output (a run that skipped some must not look
    faster)."""
    if name == "dask":
        errors = ds.dataset(work / "parquet" / "articles").to_table(columns=["error"]).column("error")
        return int(errors.null_count)
    with sqlite3.connect(work / f"{name}.sqlite") as connection:
        return int(connection.execute("SELECT count(*) FROM articles WHERE error IS NULL").fetchone()[0])


def render(measures: list[Measure], requested: int) -> str:
    base = next((m for m in measures if m.name == "jobs1"), None)
    lines = [
        f"{requested} articles (PolNeAR dev, repeated)",
        "",
        "| configuration | articles | seconds | CPU s | articles/s | workers | peak RSS per worker"
        " | peak RSS, main process | peak RSS, all processes | speed-up vs jobs 1 |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for m in measures:
        ratio = f"{m.rate / base.rate:.2f}" if base is not None else "n/a"
        lines.append(
            f"| {m.name} | {m.articles} | {m.seconds:.1f} | {m.cpu_seconds:.1f} | {m.rate:.2f} | {m.workers}"
            f" | {m.peak_worker_rss / MB:.0f} MB | {m.peak_main_rss / MB:.0f} MB | {m.peak_total_rss / MB:.0f} MB"
            f" | {ratio} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
