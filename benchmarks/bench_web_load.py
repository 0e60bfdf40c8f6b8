"""The web view under a crowd: 200 concurrent requests to a served store, on 127.0.0.1 only.

    python benchmarks/bench_web_load.py [--requests 200] [--rounds 3]

Builds the sample corpus into a temporary store, starts `linimasa serve` on a free loopback port, and sends
``--requests`` requests at once (a mix of pages and API calls), ``--rounds`` times. Prints the status codes,
the median and 95th-percentile latency, and the server's memory and open files before and after: the
figures #20 asks for are no 5xx, p95, and memory after <= 1.5x before. Bounded in count and time.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PATHS = ["/", "/api/events", "/api/events?actor=RUS", "/api/actors", "/api/actors?q=Putin", "/api/timeline",
         "/actors", "/api/events?q=bertemu", "/map", "/stories"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def open_files(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


def fetch(url: str) -> tuple[int, float]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError:
        status = 0
    return status, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        db = str(Path(scratch) / "sample.db")
        subprocess.run([sys.executable, "-m", "linimasa.cli", "run", "--quiet", "--db", db, str(ROOT / "sample")],
                       check=True, capture_output=True)
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "linimasa.cli", "serve", "--db", db, "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(100):
                if fetch(base + "/api/events")[0] == 200:
                    break
                time.sleep(0.2)
            for path in PATHS:  # warm every route once
                fetch(base + path)
            before = (rss_mb(server.pid), open_files(server.pid))
            statuses, latencies = Counter(), []
            with concurrent.futures.ThreadPoolExecutor(max_workers=args.requests) as crowd:
                for _ in range(args.rounds):
                    urls = [base + PATHS[i % len(PATHS)] for i in range(args.requests)]
                    for status, seconds in crowd.map(fetch, urls):
                        statuses[status] += 1
                        latencies.append(seconds)
            after = (rss_mb(server.pid), open_files(server.pid))
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                print("the server did not stop within 10 s of SIGTERM; killed")
                server.kill()
                server.wait()
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    print(f"requests: {sum(statuses.values())} in {args.rounds} rounds of {args.requests} at once; "
          f"statuses {dict(sorted(statuses.items()))}")
    print(f"latency: median {statistics.median(latencies) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms")
    print(f"server memory: {before[0]:.0f} MB before, {after[0]:.0f} MB after ({after[0] / before[0]:.2f}x); "
          f"open files {before[1]} before, {after[1]} after")
    server_errors = sum(n for status, n in statuses.items() if status >= 500 or status == 0)
    print(f"5xx or failed connections: {server_errors}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
