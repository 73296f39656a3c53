"""Load test of ``POST /analyze`` on this machine only (127.0.0.1).

Starts ``accordingto serve`` itself with 1 and then 2 uvicorn workers, sends the example article from a few
concurrent clients, and prints requests/s with p50/p95 latency for each setting. Every run is bounded in request
count and time and stops by itself; the server is stopped afterwards.

    .venv/bin/python benchmarks/load.py                      # workers 1 and 2, 40 requests, 4 clients
    .venv/bin/python benchmarks/load.py --workers 1 --pipelines 2 --requests 20
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

HOST = "127.0.0.1"  # never anything else: the load goes to this machine only
REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "putin-negotiations.txt"
START_TIMEOUT_S = 120.0


@dataclass
class Result:
    workers: int
    pipelines: int
    requests: int
    errors: int
    seconds: float
    latencies: list[float]

    def line(self) -> str:
        ordered = sorted(self.latencies)
        p50 = statistics.median(ordered) if ordered else float("nan")
        p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))] if ordered else float("nan")
        rate = len(ordered) / self.seconds if self.seconds else 0.0
        return (
            f"workers={self.workers} pipelines/worker={self.pipelines} requests={self.requests} "
            f"errors={self.errors} time={self.seconds:.1f}s  {rate:.2f} req/s  "
            f"p50={p50 * 1000:.0f} ms  p95={p95 * 1000:.0f} ms"
        )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def entry_point() -> str:
    local = Path(sys.executable).parent / "accordingto"
    found = str(local) if local.exists() else shutil.which("accordingto")
    if not found:
        raise SystemExit("load: the accordingto command is not installed (run scripts/setup)")
    return found


def start_server(workers: int, pipelines: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    command = [
        entry_point(),
        "serve",
        "--host",
        HOST,
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--pipelines",
        str(pipelines),
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://{HOST}:{port}"
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"load: the server exited with code {process.returncode}")
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return process, base
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    stop_server(process)
    raise SystemExit("load: the server did not start in time")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


async def fire(base: str, body: dict[str, str], requests: int, concurrency: int, duration: float) -> Result:
    """``requests`` POSTs from ``concurrency`` clients, stopping early once ``duration`` seconds have passed."""
    latencies: list[float] = []
    errors = 0
    issued = 0
    started = time.perf_counter()
    stop_at = started + duration

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal errors, issued
        while issued < requests and time.perf_counter() < stop_at:
            issued += 1
            sent = time.perf_counter()
            try:
                response = await http.post(f"{base}/analyze", json=body)
                if response.status_code == 200:
                    latencies.append(time.perf_counter() - sent)
                else:
                    errors += 1
            except httpx.HTTPError:
                errors += 1

    async with httpx.AsyncClient(timeout=max(duration, 30.0)) as http:
        await asyncio.gather(*(client(http) for _ in range(concurrency)))
    return Result(0, 0, issued, errors, time.perf_counter() - started, latencies)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", default="1,2", help="Comma-separated uvicorn worker counts to try.")
    parser.add_argument("--pipelines", type=int, default=1, help="Pipelines (concurrent analyses) per worker.")
    parser.add_argument("--requests", type=int, default=40, help="Requests per setting (at most 1000).")
    parser.add_argument("--concurrency", type=int, default=4, help="Concurrent clients (at most 32).")
    parser.add_argument("--duration", type=float, default=60.0, help="Seconds per setting at most (at most 300).")
    parser.add_argument("--text", type=Path, default=EXAMPLE, help="Article to send.")
    args = parser.parse_args()
    requests = max(1, min(args.requests, 1000))
    concurrency = max(1, min(args.concurrency, 32))
    duration = max(1.0, min(args.duration, 300.0))
    text = args.text.read_text(encoding="utf-8")
    body = {"text": text, "published": "2023-12-23"}
    print(f"load: {len(text):,}-character article, {requests} requests, {concurrency} clients, {HOST} only")
    for workers in (int(value) for value in args.workers.split(",")):
        process, base = start_server(workers, args.pipelines)
        try:
            # Warm-up: every worker's first analysis pays one-off costs (lazy imports, caches).
            asyncio.run(fire(base, body, 2 * workers, workers, 60.0))
            result = asyncio.run(fire(base, body, requests, concurrency, duration))
        finally:
            stop_server(process)
        result.workers, result.pipelines = workers, args.pipelines
        print(result.line(), flush=True)


if __name__ == "__main__":
    main()
