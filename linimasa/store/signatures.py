"""The near-duplicate index, kept in the store: a MinHash signature per processed article, and its LSH band
keys in an indexed table, so that a run asks only for the stored articles that share a band with its own
instead of fingerprinting every stored text again (linimasa/dedup.py has the rule).

A signature is written in the transaction that stores its article (a revision's replaces the one before),
so the index is always exactly the processed articles committed. Stores made before the index existed are
filled once, by the first run that opens them (:func:`backfill`).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..dedup import StoredSignature, band_keys, stored_signature
from ..model import Article

BACKFILL_STATE_KEY = "near_duplicates.backfill"  # set by the migration when stored articles need signatures
BACKFILL_BATCH = 500


class StoredSignatures:
    """The store's signatures as the near-duplicate index asks for them (:class:`~linimasa.dedup.SignatureSource`)."""

    def __init__(self, store) -> None:
        self.store = store

    def signatures_with_bands(self, keys: Iterable[int]) -> dict[int, list[StoredSignature]]:
        found: dict[int, list[StoredSignature]] = {}
        rows = self.store._rows_in(
            "SELECT b.band_key, s.seq, s.article_id, s.outlet, s.group_id, s.size, s.digest "
            "FROM near_duplicate_bands b JOIN near_duplicate_signatures s ON s.seq = b.seq WHERE b.band_key IN ({})",
            keys,
        )
        for row in rows:
            found.setdefault(row["band_key"], []).append(StoredSignature(
                row["article_id"], row["outlet"], row["group_id"], row["size"], bytes(row["digest"]), row["seq"]))
        return found


def write_signature(store, article: Article, signature: StoredSignature | None) -> None:
    """Store a processed article's signature (``signature``, or computed here when the run did not), in
    place of any earlier version's; in the caller's transaction."""
    delete_signature(store, article.id)
    if signature is None:
        signature = stored_signature(article)
    if signature is None:  # too short to compare: matched exactly only
        return
    seq = store.execute(
        "INSERT INTO near_duplicate_signatures(article_id, outlet, group_id, size, digest) VALUES (?,?,?,?,?) "
        "RETURNING seq",
        (signature.article_id, signature.outlet, signature.group, signature.size, signature.digest),
    ).fetchone()["seq"]
    keys = sorted(set(signature.bands()))  # a signature whose bands repeat holds each key once
    store.execute("INSERT INTO near_duplicate_bands(band_key, seq) VALUES " + ",".join(["(?, ?)"] * len(keys)),
                 [value for key in keys for value in (key, seq)])


def delete_signature(store, article_id: str) -> None:
    row = store.execute("SELECT seq, digest FROM near_duplicate_signatures WHERE article_id=?", (article_id,)).fetchone()
    if row is None:
        return
    keys = sorted(set(band_keys(bytes(row["digest"]))))
    store.execute(f"DELETE FROM near_duplicate_bands WHERE seq=? AND band_key IN ({','.join('?' * len(keys))})",
                 [row["seq"], *keys])
    store.execute("DELETE FROM near_duplicate_signatures WHERE seq=?", (row["seq"],))


def backfill(store) -> int:
    """Give every processed article of a store made before the index existed its signature, in the order
    the articles were stored (the order the index was rebuilt in before); returns how many were written.

    Done in batches, each its own transaction, skipping articles that have one: an interrupted backfill
    resumes where it stopped."""
    if store.get_state(BACKFILL_STATE_KEY) is None:
        return 0
    have = {row["article_id"] for row in store.execute("SELECT article_id FROM near_duplicate_signatures")}
    missing = [row["id"] for row in store.execute(
        "SELECT id FROM articles WHERE status = 'processed' ORDER BY rowid") if row["id"] not in have]
    for start in range(0, len(missing), BACKFILL_BATCH):
        ids = missing[start:start + BACKFILL_BATCH]
        rows = {row["id"]: row for row in store._rows_in(
            "SELECT id, outlet, url, text_raw, text_clean, near_duplicate_of FROM articles WHERE id IN ({})", ids)}
        with store.transaction():
            for article_id in ids:
                row = rows[article_id]
                article = Article(id=article_id, text=row["text_raw"], outlet=row["outlet"], url=row["url"])
                article.clean_text = row["text_clean"]
                article.near_duplicate_of = row["near_duplicate_of"]
                write_signature(store, article, None)
    with store.transaction():
        store.execute("DELETE FROM state WHERE key=?", (BACKFILL_STATE_KEY,))
    return len(missing)
