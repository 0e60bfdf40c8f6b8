"""The incremental benchmark: what a small run costs on a large store, and whether runs grow with time.

    python benchmarks/bench_incremental.py                    # the 100,000-article benchmark corpus store
    python benchmarks/bench_incremental.py --base-size 20000  # a smaller store, for a quicker look

The generated corpus (benchmarks/scale_corpus.py) is cut into a base of ``--base-size`` articles, then
``--batches`` batches of ``--batch-size`` new articles, then 5 new articles (the first after the batches
whose text no earlier article has, so that all 5 are stored and extracted). They are the articles that
follow in the generated stream: new outlets' retellings of stories the base holds, so near-duplicates of
stored articles and reports of stored events, as a day's news is. The base store is built once (one
`linimasa run`, kept in the work folder and reused); every measured run is the `linimasa run` command in
a fresh process on a copy of it, timed from start to exit (wall clock, and the CPU time of the process and
its workers), as a user of `watch` or `feeds` pays it:

- 5 new articles into an empty store, then the same 5 into the base store: the ratio (target <= 1.5);
- the same 5 again into that store (a re-run that adds nothing);
- the batches one after another into one copy of the base store: each run's time, and last / first
  (target <= 1.2); after each, the same batch on a fresh copy of the base store alone, so that the cost of
  the grown store shows apart from what each batch brings and from the machine's load (``--no-control``
  skips it);
- all the batches in one run into another copy: the two stores must hold the same articles, event
  mentions, events and stories; and `linimasa relink` (the full rebuild) must not change either.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks import scale_corpus  # noqa: E402

RUN_TIMEOUT_SECONDS = 3 * 3600


def slices(base_size: int, batches: int, batch_size: int, workdir: Path) -> dict[str, list[Path]]:
    """The corpus cut into the base, the batches and the 5 new articles, as JSONL files in ``workdir``."""
    after = base_size + batches * batch_size
    corpus = scale_corpus.build(after + FIVE_SEARCHED)
    bounds = {"base": [(0, base_size)],
              "batches": [(base_size + i * batch_size, base_size + (i + 1) * batch_size) for i in range(batches)]}
    paths = {name: [workdir / f"{name}-{start}-{end}.jsonl" for start, end in ranges] for name, ranges in bounds.items()}
    paths["five"] = [workdir / f"five-after-{after}.jsonl"]
    if all(p.exists() for group in paths.values() for p in group):
        return paths
    with gzip.open(corpus, "rt", encoding="utf-8") as rows:
        lines = rows.readlines()
    seen = {_content(line) for line in lines[:after]}
    five = [line for line in lines[after:] if _content(line) not in seen][:5]
    for name, ranges in bounds.items():
        for path, (start, end) in zip(paths[name], ranges):
            _write(path, lines[start:end])
    _write(paths["five"][0], five)
    return paths


FIVE_SEARCHED = 200  # articles generated after the batches to find 5 with new text among


def _content(line: str) -> tuple[str, str]:
    row = json.loads(line)
    return row.get("title") or "", row.get("text") or ""


def _write(path: Path, lines: list[str]) -> None:
    partial = path.with_suffix(".partial")
    partial.write_text("".join(lines), encoding="utf-8")
    partial.rename(path)


@dataclass
class Timed:
    seconds: float
    cpu: float  # CPU seconds of the command's process and its workers
    read: int = 0
    stored: int = 0

    def __str__(self) -> str:
        return f"{self.seconds:6.1f} s wall, {self.cpu:6.1f} s CPU ({self.stored:,} of {self.read:,} inputs stored)"


def linimasa(*args: str, db: Path, code: Path = REPO) -> Timed:
    """One `linimasa` command in a fresh process, with the code of ``code``: its wall-clock and CPU time,
    and (for a run) how many inputs it read and stored."""
    env = dict(os.environ, PYTHONPATH=str(code))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", "from linimasa.cli import main; main()", *args, "--db", str(db)],
                          env=env, cwd=code, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          timeout=RUN_TIMEOUT_SECONDS)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):  # 1: some inputs rejected, which the corpus does not hold but may
        raise SystemExit(f"linimasa {' '.join(args)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    timed = Timed(seconds, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    if args[0] == "run":
        import sqlite3

        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            timed.read, timed.stored = conn.execute(
                "SELECT read, new + revised FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    return timed


def copy_store(source: Path, target: Path) -> Path:
    import sqlite3

    with sqlite3.connect(source) as conn:  # what the last command left in the write-ahead log, into the file
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("", "-wal", "-shm"):
        if Path(str(target) + suffix).exists():
            Path(str(target) + suffix).unlink()
    shutil.copyfile(source, target)
    return target


def store_digest(db: Path) -> dict[str, str]:
    """Hashes of what the store holds, part by part: articles (id, status, groups), event mentions, events,
    stories (the JSON the commands print)."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, __file__, "--digest", str(db)], env=env, cwd=REPO,
                          stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def digest_child(db: str) -> dict[str, str]:
    from linimasa.model import to_dict
    from linimasa.store import open_store

    store = open_store(db, readonly=True)

    def hashed(items) -> str:
        digest = hashlib.sha256()
        for item in items:
            digest.update(item.encode())
        return digest.hexdigest()[:16]

    return {
        "articles": hashed(sorted(json.dumps([r["id"], r["status"], r["duplicate_of"], r["near_duplicate_of"],
                                              r["content_hash"]]) for r in store.iter_articles())),
        "mentions": hashed(sorted(json.dumps(to_dict(m), sort_keys=True) for m in store.iter_event_mentions())),
        "events": hashed(json.dumps(to_dict(e), sort_keys=True) for e in store.iter_events()),
        "stories": hashed(json.dumps(to_dict(s), sort_keys=True) for s in store.iter_stories()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="linimasa incremental benchmark")
    parser.add_argument("--digest", help=argparse.SUPPRESS)
    parser.add_argument("--base-size", type=int, default=100_000, help="articles in the base store")
    parser.add_argument("--batches", type=int, default=10)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/linimasa-bench/incremental"),
                        help="where the slices and stores go; the base store there is reused")
    parser.add_argument("--code", type=Path, default=REPO,
                        help="the linimasa checkout whose code runs (default: this one); to measure another "
                             "version, e.g. an export of an older commit, with --base-store and --skip-equality")
    parser.add_argument("--base-store", type=Path, default=None,
                        help="a base store to use instead of the one built in the work folder")
    parser.add_argument("--skip-equality", action="store_true",
                        help="skip the one-run-over-all-batches comparison and the relink")
    parser.add_argument("--no-control", action="store_true",
                        help="do not also run each batch on a copy of the base store alone (the control that "
                             "separates the growing store's cost from the batches' own differences)")
    parser.add_argument("--five-only", action="store_true",
                        help="measure only the 5 new articles (empty store, then base store), not the batches")
    parser.add_argument("--repeat", type=int, default=1,
                        help="measure the 5 new articles this many times, empty and base back to back, and "
                             "report the medians (the ratio is sensitive to the machine's load)")
    args = parser.parse_args()
    if args.digest:
        print(json.dumps(digest_child(args.digest)))
        return
    if not scale_corpus.NEWS.is_dir():
        raise SystemExit(f"../shared not found: {scale_corpus.NEWS}: the benchmark needs its news data")
    workdir = args.workdir / f"base-{args.base_size}"
    workdir.mkdir(parents=True, exist_ok=True)
    parts = slices(args.base_size, args.batches, args.batch_size, workdir)
    code = args.code.resolve()

    def say(line: str) -> None:
        print(line, flush=True)

    say(f"code: {code}")
    base = args.base_store or workdir / "base.db"
    if not base.exists():
        say(f"building the base store from {args.base_size:,} articles (once; reused from {base})")
        building = workdir / "base.building.db"
        built = linimasa("run", "--quiet", str(parts["base"][0]), db=building, code=code)
        building.rename(base)
        say(f"  built: {built}")
    # A store from an older linimasa is migrated by its first writing command; that is not what is measured.
    nothing = workdir / "nothing.jsonl"
    nothing.write_text("")
    linimasa("run", "--quiet", str(nothing), db=base, code=code)
    say(f"base store: {base.stat().st_size / 2**20:,.0f} MB")

    five = str(parts["five"][0])
    empty = workdir / "empty.db"
    pairs = []
    for _ in range(max(1, args.repeat)):
        for suffix in ("", "-wal", "-shm"):
            Path(str(empty) + suffix).unlink(missing_ok=True)
        on_empty = linimasa("run", "--quiet", five, db=empty, code=code)
        on_base_db = copy_store(base, workdir / "five.db")
        on_base = linimasa("run", "--quiet", five, db=on_base_db, code=code)
        pairs.append((on_empty, on_base))
        if args.repeat > 1:
            say(f"  empty {on_empty.cpu:5.1f} s CPU, base {on_base.cpu:5.1f} s CPU: ratio {on_base.cpu / on_empty.cpu:.2f} CPU, "
                f"{on_base.seconds / on_empty.seconds:.2f} wall (load average {os.getloadavg()[0]:.2f})")
    again = linimasa("run", "--quiet", five, db=on_base_db, code=code)
    if args.repeat > 1:
        empty_cpu = statistics.median(p[0].cpu for p in pairs)
        base_cpu = statistics.median(p[1].cpu for p in pairs)
        empty_wall = statistics.median(p[0].seconds for p in pairs)
        base_wall = statistics.median(p[1].seconds for p in pairs)
        say(f"5 new articles, medians of {len(pairs)}: empty store {empty_wall:.1f} s wall, {empty_cpu:.1f} s CPU; "
            f"base store {base_wall:.1f} s wall, {base_cpu:.1f} s CPU")
        say(f"  ratio of medians {base_wall / empty_wall:.2f} wall, {base_cpu / empty_cpu:.2f} CPU; median ratio "
            f"{statistics.median(p[1].cpu / p[0].cpu for p in pairs):.2f} CPU (target <= 1.5)")
    else:
        say(f"5 new articles, empty store:      {on_empty}")
        say(f"5 new articles, base store:       {on_base}")
        say(f"  ratio {on_base.seconds / on_empty.seconds:.2f} wall, {on_base.cpu / on_empty.cpu:.2f} CPU (target <= 1.5)")
    say(f"the same 5 again (adds nothing):  {again}")
    if args.five_only:
        return

    batched = copy_store(base, workdir / "batched.db")
    times, controls = [], []
    for index, batch in enumerate(parts["batches"], 1):
        times.append(linimasa("run", "--quiet", str(batch), db=batched, code=code))
        say(f"batch {index:2d} of {args.batch_size:,} new articles: {times[-1]}")
        if not args.no_control:
            controls.append(linimasa("run", "--quiet", str(batch), db=copy_store(base, workdir / "control.db"),
                                     code=code))
            say(f"  the same batch on the base store alone: {controls[-1]} "
                f"(grown / base {times[-1].cpu / controls[-1].cpu:.2f} CPU)")
    wall, cpu = [t.seconds for t in times], [t.cpu for t in times]
    say(f"batches: first {wall[0]:.1f} s, last {wall[-1]:.1f} s, median {statistics.median(wall):.1f} s wall; "
        f"last / first {wall[-1] / wall[0]:.2f} wall, {cpu[-1] / cpu[0]:.2f} CPU (target <= 1.2); "
        f"last 3 / first 3 {sum(cpu[-3:]) / sum(cpu[:3]):.2f} CPU")
    if controls:
        # Batches differ in how much new text they bring, and the machine's load moves between runs; each
        # batch's run on the base store alone, right after its run on the grown store, separates what the
        # growing store costs from both.
        growth = [t.cpu / c.cpu for t, c in zip(times, controls)]
        say(f"grown store / base store alone, per batch (CPU): {', '.join(f'{g:.2f}' for g in growth)}; "
            f"last / first {growth[-1] / growth[0]:.2f}, median {statistics.median(growth):.2f}")

    if not args.skip_equality:
        at_once = copy_store(base, workdir / "at-once.db")
        whole = linimasa("run", "--quiet", *map(str, parts["batches"]), db=at_once, code=code)
        say(f"all {args.batches} batches in one run: {whole}")
        batched_digest, at_once_digest = store_digest(batched), store_digest(at_once)
        differs = [k for k in batched_digest if batched_digest[k] != at_once_digest[k]]
        say("batches one by one vs one run over all of them: "
            + ("identical articles, event mentions, events and stories" if not differs else f"DIFFER in {', '.join(differs)}"))
        relinked = linimasa("relink", db=at_once, code=code)
        after_relink = store_digest(at_once)
        differs = [k for k in after_relink if after_relink[k] != at_once_digest[k]]
        say(f"full relink of that store ({relinked.seconds:.1f} s): "
            + ("changes nothing" if not differs else f"CHANGES {', '.join(differs)}"))


if __name__ == "__main__":
    main()
