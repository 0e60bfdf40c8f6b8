"""One article that cannot travel to a worker process, or back, is rejected alone; the run goes on."""

from __future__ import annotations

import json
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from linimasa.config import Settings
from linimasa.engine.isolation import map_isolating
from linimasa.engine.local import MIN_PARALLEL_CHUNK, LocalRunner
from linimasa.ingest import records
from linimasa.ingest.nesting import nesting_depth
from linimasa.limits import DEFAULT_LIMITS
from linimasa.store import open_store

from badinput import GOOD


def nested(depth: int) -> list:
    value: list = []
    for _ in range(depth - 1):
        value = [value]
    return value


def double(x):
    return x if isinstance(x, list) else 2 * x


def test_nesting_is_measured_without_recursion():
    assert nesting_depth("text", limit=10) == 0
    assert nesting_depth({"a": [1, {"b": []}]}, limit=10) == 4
    assert nesting_depth(nested(100_000), limit=10**6) == 100_000  # recursion would stop near 1,000


def test_a_field_nested_past_the_limit_rejects_its_input_with_the_reason():
    line = json.dumps({"id": "x", "text": GOOD, "extra": {"a": nested(DEFAULT_LIMITS.field_depth)}})
    rejection = records.article_from_json_line(line, "f.jsonl:1")
    assert rejection.article_id == "x"
    assert "field 'extra' nests more than 64 levels deep" in rejection.reason
    ok = records.article_from_json_line(json.dumps({"id": "y", "text": GOOD, "extra": nested(DEFAULT_LIMITS.field_depth)}), "s")
    assert ok.metadata["extra"] == nested(DEFAULT_LIMITS.field_depth)


def test_an_item_that_cannot_be_pickled_fails_alone():
    items = [1, 2, nested(5000), 4]
    with ProcessPoolExecutor(2) as pool:
        results = map_isolating(pool, double, items, chunksize=2, failed=lambda item, error: type(error).__name__)()
    assert results == [2, 4, "RecursionError", 8]


def test_a_run_rejects_only_the_article_a_worker_could_not_be_sent(tmp_path: Path, db_path: str, monkeypatch):
    # As if a reader had let a field nested 900 levels through: pickling it for a worker raises RecursionError.
    monkeypatch.setattr(records, "too_deep", lambda fields, limit: None)
    lines = [json.dumps({"id": f"baik-{i}", "text": f"{GOOD} Nomor {i}."}) for i in range(MIN_PARALLEL_CHUNK + 6)]
    lines.insert(3, '{"id": "dalam", "text": ' + json.dumps(GOOD + " Dalam.") + ', "extra": ' + "[" * 900 + "]" * 900 + "}")
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with open_store(db_path) as store:
        summary = LocalRunner(store, Settings(workers=2)).run([str(tmp_path / "in.jsonl")])
        c = summary.counts
        assert (c.read, c.stored, c.rejected) == (len(lines), len(lines) - 1, 1)
        [(source, reason)] = summary.rejections
        assert source.endswith("in.jsonl:4") and "could not be handed to a worker process (RecursionError" in reason
        assert store.run(summary.run_id)["status"] == "finished"
        assert store.article("baik-0")["status"] == "processed"


@pytest.mark.parametrize("depth", [DEFAULT_LIMITS.field_depth + 1, 900, 5000])
def test_deep_fields_never_reach_a_worker(depth: int, tmp_path: Path, db_path: str):
    lines = [json.dumps({"id": f"baik-{i}", "text": f"{GOOD} Nomor {i}."}) for i in range(MIN_PARALLEL_CHUNK + 2)]
    lines.append('{"id": "dalam", "text": "teks", "extra": ' + "[" * depth + "]" * depth + "}")
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with open_store(db_path) as store:
        summary = LocalRunner(store, Settings(workers=2)).run([str(tmp_path / "in.jsonl")])
    [(_, reason)] = summary.rejections
    assert "nest" in reason and summary.counts.stored == len(lines) - 1
