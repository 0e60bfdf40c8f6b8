"""The near-duplicate index kept in the store: a run judges against it exactly as against an index of every
stored article, however the inputs are split into runs and chunks, and a store made before it existed is
filled once."""

from __future__ import annotations

import json
import random
from pathlib import Path

from rensa import RMinHashLSH

from linimasa.config import Settings
from linimasa.dedup import NUM_BANDS, NUM_PERM, THRESHOLD, band_keys, digest_bytes, fingerprint
from linimasa.engine.local import LocalRunner
from linimasa.store import open_store
from linimasa.store.signatures import BACKFILL_STATE_KEY

DEDUP_ONLY = Settings(prepare=(), extract=(), corpus=(), near_duplicates=True, workers=1, chunk_size=7)
WORDS = ("pemerintah daerah warga desa bantuan jalan jembatan sungai banjir panen harga pasar sekolah guru "
         "rumah sakit dokter pasien kepala dinas gubernur bupati camat rapat anggaran proyek kontraktor hujan "
         "petani nelayan pelabuhan kapal bandara listrik air bersih sampah taman kota polisi kendaraan").split()
OUTLETS = ("Warta Timur", "Kabar Pesisir", "Suara Lembah", "Harian Dataran")


def report(rng: random.Random, sentences: int = 6) -> list[str]:
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(9, 14))).capitalize() + "." for _ in range(sentences)]


def corpus(seed: int = 3, stories: int = 12, retellings: int = 4) -> list[dict]:
    """Reports retold by several outlets: as they were, a sentence dropped, a sentence added, cut to the lead;
    some by the outlet that ran them first (re-ingests), in a shuffled order."""
    rng = random.Random(seed)
    rows = []
    for story in range(stories):
        sentences = report(rng)
        for telling in range(retellings):
            edit = rng.choice(("as_is", "drop", "add", "lead"))
            told = list(sentences)
            if edit == "drop":
                del told[rng.randrange(1, len(told))]
            elif edit == "add":
                told += report(rng, 1)
            elif edit == "lead":
                told = told[:4]
            rows.append({"id": f"s{story}-t{telling}", "title": f"Laporan {story}", "outlet": rng.choice(OUTLETS),
                         "text": " ".join(told)})
    rng.shuffle(rows)
    return rows


def write(path: Path, rows: list[dict]) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def run(db: str, *paths: str, settings: Settings = DEDUP_ONLY) -> None:
    store = open_store(db)
    try:
        LocalRunner(store, settings).run(list(paths))
    finally:
        store.close()


def judged(db: str) -> dict[str, tuple]:
    store = open_store(db, readonly=True)
    try:
        return {r["id"]: (r["status"], r["duplicate_of"], r["near_duplicate_of"]) for r in store.iter_articles()}
    finally:
        store.close()


def test_runs_split_any_way_judge_as_one_run_does(tmp_path: Path):
    rows = corpus()
    whole = str(tmp_path / "whole.db")
    run(whole, write(tmp_path / "all.jsonl", rows))
    expected = judged(whole)
    assert {s for s, _, _ in expected.values()} == {"processed", "duplicate"}
    assert sum(1 for _, _, group in expected.values() if group) >= 10  # copies grouped across outlets
    assert sum(1 for s, _, _ in expected.values() if s == "duplicate") >= 3  # same-outlet re-ingests

    for cuts in ((16, 31), (1, 2, 3, 40), (47,)):
        split = str(tmp_path / f"split-{'-'.join(map(str, cuts))}.db")
        bounds = [0, *cuts, len(rows)]
        for index, (start, end) in enumerate(zip(bounds, bounds[1:])):
            run(split, write(tmp_path / f"part-{index}.jsonl", rows[start:end]))
        assert judged(split) == expected, cuts
    one_chunk = str(tmp_path / "one-chunk.db")
    run(one_chunk, write(tmp_path / "all.jsonl", rows), settings=Settings(
        prepare=(), extract=(), corpus=(), near_duplicates=True, workers=1, chunk_size=1000))
    assert judged(one_chunk) == expected


def test_the_stored_band_keys_find_exactly_the_candidates_the_in_memory_lsh_finds():
    rng = random.Random(11)
    texts = [" ".join(s) for s in (report(rng) for _ in range(40))]
    texts += [t[: len(t) * 2 // 3] for t in texts[:20]]  # copies: some bands shared, some not
    lsh = RMinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, num_bands=NUM_BANDS)
    by_band: dict[int, set[int]] = {}
    found = [fingerprint(t) for t in texts]
    for key, item in enumerate(found):
        lsh.insert(key, item.minhash)
        for band in band_keys(digest_bytes(item.minhash)):
            by_band.setdefault(band, set()).add(key)
    for item in found:
        from_store = set().union(*(by_band.get(b, set()) for b in band_keys(digest_bytes(item.minhash))))
        assert from_store == set(lsh.query(item.minhash))


def test_every_processed_article_has_one_signature_and_a_revision_replaces_it(tmp_path: Path, db_path: str):
    rows = corpus(stories=4, retellings=3)
    run(db_path, write(tmp_path / "a.jsonl", rows))
    store = open_store(db_path, readonly=True)
    processed = {r["id"] for r in store.iter_articles("processed")}
    signed = [r["article_id"] for r in store.execute("SELECT article_id FROM near_duplicate_signatures")]
    assert sorted(signed) == sorted(processed)
    bands = store.execute("SELECT count(*) FROM near_duplicate_bands").fetchone()[0]
    assert bands >= len(processed) * NUM_BANDS - 5  # equal band values of one signature are kept once
    store.close()

    first = next(r for r in rows if r["id"] in processed)
    revised = dict(first, text=" ".join(report(random.Random(99))))
    copy_of_revision = dict(revised, id="copy-of-revision", title="Salinan", outlet="Outlet Baru")
    run(db_path, write(tmp_path / "b.jsonl", [revised]))
    run(db_path, write(tmp_path / "c.jsonl", [copy_of_revision]))
    after = judged(db_path)
    assert after["copy-of-revision"] == ("processed", None, first["id"])
    store = open_store(db_path, readonly=True)
    assert store.execute("SELECT count(*) FROM near_duplicate_signatures WHERE article_id = ?",
                              (first["id"],)).fetchone()[0] == 1
    store.close()


def test_a_revision_replaces_its_earlier_version_within_the_run_that_reads_it(tmp_path: Path):
    rng = random.Random(5)
    old, new = " ".join(report(rng)), " ".join(report(rng))
    base = {"id": "a", "title": "Laporan", "outlet": "Warta Timur", "text": old}
    later = [dict(base, text=new), {"id": "copy-old", "title": "x", "outlet": "Kabar Pesisir", "text": old},
             {"id": "copy-new", "title": "x", "outlet": "Kabar Pesisir", "text": new}]
    for settings in (DEDUP_ONLY, Settings(prepare=(), extract=(), corpus=(), near_duplicates=True, workers=1,
                                          chunk_size=1)):
        db = str(tmp_path / f"{settings.chunk_size}.db")
        run(db, write(tmp_path / "base.jsonl", [base]), settings=settings)
        run(db, write(tmp_path / "later.jsonl", later), settings=settings)
        result = judged(db)
        assert result["copy-new"] == ("processed", None, "a")
        assert result["copy-old"] == ("processed", None, None)  # the old version left the index with the revision


def test_a_store_made_before_the_index_is_filled_once_and_judges_the_same(tmp_path: Path):
    rows = corpus(seed=8)
    first, second = rows[:30], rows[30:]
    kept, rebuilt = str(tmp_path / "kept.db"), str(tmp_path / "rebuilt.db")
    for db in (kept, rebuilt):
        run(db, write(tmp_path / "first.jsonl", first))
    store = open_store(rebuilt)
    with store.transaction() as conn:  # as a store from before migration 4 is after migrating
        conn.execute("DELETE FROM near_duplicate_bands")
        conn.execute("DELETE FROM near_duplicate_signatures")
    store.set_state(BACKFILL_STATE_KEY, "pending")
    store.close()
    for db in (kept, rebuilt):
        run(db, write(tmp_path / "second.jsonl", second))
    assert judged(rebuilt) == judged(kept)
    store = open_store(rebuilt, readonly=True)
    assert store.get_state(BACKFILL_STATE_KEY) is None
    store.close()


def test_band_keys_are_the_same_whether_remembered_or_computed_again():
    """The driver asks each signature's band keys three times; the remembered keys are the computed ones, as a
    tuple no caller can change for the others."""
    from linimasa.dedup import NUM_BANDS, band_keys, digest_bytes, fingerprint

    text = " ".join(f"kata{i} berita{i % 7} hari{i % 5}" for i in range(60))
    digest = digest_bytes(fingerprint(text).minhash)
    first = band_keys(digest)
    assert isinstance(first, tuple) and len(first) == NUM_BANDS and band_keys(digest) == first
    band_keys.cache_clear()
    assert band_keys(digest) == first
    assert band_keys(digest[::-1]) != first
