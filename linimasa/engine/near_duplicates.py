"""The near-duplicate stage (``near_duplicates``): each chunk judged as it arrives, in input order, against the
store's index and what this run indexed so far (the rule and the index are in :mod:`linimasa.dedup`)."""

from __future__ import annotations

from collections.abc import Mapping

from ..clean.cleaner import outlet_of
from ..dedup import Fingerprint, NearDuplicateIndex, StoredSignature, fingerprint, stored_signature
from ..model import Article
from ..stages import JudgesOnArrival
from ..store.signatures import StoredSignatures, backfill


class NearDuplicateStage(JudgesOnArrival):
    """Re-ingests become duplicates (not extracted); other near-duplicates are kept, grouped
    (``near_duplicate_of``). Each article kept carries its signature to the store, where the next run's index
    finds it."""

    name = "near_duplicates"

    def __init__(self, settings=None):
        self.index: NearDuplicateIndex | None = None

    def open(self, store) -> None:
        backfill(store)  # a store made before the near-duplicate index was kept in it: once
        self.index = NearDuplicateIndex(stored=StoredSignatures(store))

    def digest(self, article: Article) -> Fingerprint:
        return fingerprint(article.working_text)

    def judge(self, articles: list[Article], digests: Mapping[int, Fingerprint | None],
              revised: set[str]) -> dict[int, StoredSignature | None]:
        """The index is the store's (what was committed before this run) and, held here, what this run has
        indexed so far; a revision replaces its article's earlier version in it, unjudged."""
        if self.index is None:
            raise RuntimeError("the near-duplicate stage judges only once opened on a store")
        found = {id(a): digests.get(id(a)) or self.digest(a) for a in articles}
        self.index.prefetch(found[id(a)] for a in articles if a.id not in revised)
        kept: dict[int, StoredSignature | None] = {}
        for article in articles:
            if article.id in revised:  # its earlier version is indexed; it must not match itself
                self.index.replace(article.id, article.working_text, outlet_of(article), found[id(article)])
            else:
                self.index.judge(article, found[id(article)])
            if article.status != "duplicate":
                kept[id(article)] = stored_signature(article, found[id(article)])
        return kept
