"""Cleaning's outlet templates are kept per outlet in the store: a run reads only the outlets its stream meets
and writes back those it counted, and cleans exactly as one run over everything would."""

from __future__ import annotations

import json
from pathlib import Path

from linimasa.config import Settings
from linimasa.engine.local import LocalRunner
from linimasa.store import open_store

# the store's state rows of the clean stage: its thresholds, and one per outlet
TEMPLATE_STATE_KEY = "clean.templates"
TEMPLATE_OUTLET_KEY = "clean.templates.outlet:"
CLEAN_ONLY = Settings(prepare=("clean",), extract=(), corpus=(), near_duplicates=False, workers=1, chunk_size=16)
FOOTER = "Ikuti saluran Warta Kita untuk kabar terbaru setiap pagi"


def rows() -> list[dict]:
    villages = ["Sukamaju", "Cibodas", "Tegalsari", "Karanganyar", "Sidomulyo", "Mekarsari", "Sumberejo",
                "Banjarsari", "Pasirjaya", "Rawabening", "Kedungwaru", "Tanjungsari"]
    goods = ["beras", "minyak goreng", "gula pasir", "telur ayam", "tepung terigu", "kacang hijau"]
    warta = [{"id": f"w-{v}-{g}", "outlet": "Warta Kita", "title": f"Bantuan {g} untuk {v}",
              "text": f"Warga desa {v} menerima bantuan {g} dari pemerintah daerah.\n{FOOTER}"}
             for v in villages for g in goods]
    other = [{"id": f"l-{v}", "outlet": "Suara Lain", "title": f"Harga di {v}",
              "text": f"Harga beras di pasar {v} naik sejak pekan lalu."} for v in villages]
    return [row for pair in zip(warta, other * 6) for row in pair]


def write(path: Path, items: list[dict]) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in items), encoding="utf-8")
    return str(path)


def cleaned(db: str) -> dict[str, str]:
    with open_store(db, readonly=True) as store:
        return {r["id"]: r["text_clean"] for r in store.iter_articles()}


def run(db: str, path: str) -> None:
    with open_store(db) as store:
        LocalRunner(store, CLEAN_ONLY).run([path])


def test_runs_split_any_way_clean_as_one_run_does_and_keep_each_outlet_apart(tmp_path: Path):
    items = rows()
    one, split = str(tmp_path / "one.db"), str(tmp_path / "split.db")
    run(one, write(tmp_path / "all.jsonl", items))
    for part, (start, end) in enumerate(((0, 30), (30, 31), (31, len(items)))):
        run(split, write(tmp_path / f"part-{part}.jsonl", items[start:end]))
    assert cleaned(split) == cleaned(one)
    assert FOOTER not in cleaned(one)[items[-2]["id"]]  # learned, and cut
    with open_store(split, readonly=True) as store:
        assert set(store.get_state(TEMPLATE_STATE_KEY)) == {"min_articles", "min_share", "min_outlet_articles"}
        assert store.get_state(TEMPLATE_OUTLET_KEY + "warta kita")["articles"] == 72


def test_a_store_that_kept_every_outlet_in_one_row_is_split_once_and_cleans_the_same(tmp_path: Path):
    items = rows()
    kept, old = str(tmp_path / "kept.db"), str(tmp_path / "old.db")
    for db in (kept, old):
        run(db, write(tmp_path / "first.jsonl", items[:100]))
    with open_store(old) as store:  # as an earlier linimasa left it: every outlet under one key
        outlets = {key[len(TEMPLATE_OUTLET_KEY):]: store.get_state(key) for key in
                   (TEMPLATE_OUTLET_KEY + "warta kita", TEMPLATE_OUTLET_KEY + "suara lain")}
        with store.transaction():
            store.execute("DELETE FROM state WHERE key LIKE 'clean.templates%'")
        store.set_state(TEMPLATE_STATE_KEY, {"min_articles": 5, "min_share": 0.02, "min_outlet_articles": 20,
                                             "outlets": outlets})
    for db in (kept, old):
        run(db, write(tmp_path / "rest.jsonl", items[100:]))
    assert cleaned(old) == cleaned(kept)
    with open_store(old, readonly=True) as store:
        assert "outlets" not in store.get_state(TEMPLATE_STATE_KEY)
