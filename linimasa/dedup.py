"""Duplicate and near-duplicate articles.

Two questions, two tools:

- Is this the very same article again (a re-ingest, a duplicated row)? :func:`content_key`, a hash of the
  normalised cleaned text, answers exactly.
- Is this another copy of a report we already hold (a syndicated wire story, a lightly edited rewrite,
  the same outlet publishing the same piece twice)? :class:`NearDuplicateIndex`, MinHash LSH over word
  3-shingles of the cleaned text, answers approximately, with the estimated Jaccard similarity.

Grouping rule: a near-duplicate from the same outlet that adds nothing (estimated Jaccard at or above
``REINGEST_JACCARD``, or its shingles almost all contained in the earlier article's, as a truncated
copy's are) is a re-ingest, stored as ``status="duplicate"`` with ``duplicate_of``; any other
near-duplicate, in particular one from a different outlet, is kept and processed, with
``near_duplicate_of`` set to the first article of its group: several outlets carrying one story are
evidence of it, not noise.

MinHash comes from rensa (Rust): on our data it matches datasketch's recall and precision at four to
five times its speed (docs/cleaning.md, ``benchmarks/bench_clean.py --compare-minhash``).

The index a run judges against is the store's (every processed article stored before the run, kept there
as a MinHash signature and its LSH band keys: :class:`StoredSignature`, written with the article) together
with the articles this run has indexed so far, held here. A run asks the store only for the articles
sharing a band with its own, so judging costs the same on an empty store and on a large one. Articles this
run indexed or revised are answered from memory only, whatever the store holds under their ids by then, so
the judgement does not depend on when chunks are committed. Among equally similar matches the one indexed
first wins (the store's in the order they were stored, then this run's in input order).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
import struct
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from rensa import RMinHash, RMinHashLSH

from linimasa.clean.cleaner import outlet_of  # the same outlet key cleaning learns templates under
from linimasa.model import Article

SHINGLE_WORDS = 3
NUM_PERM = 128
NUM_BANDS = 32  # 32 bands of 4 rows: a pair at Jaccard 0.5 becomes a candidate with p ~ 0.87
THRESHOLD = 0.5  # estimated Jaccard at which two articles are copies of one report
REINGEST_JACCARD = 0.9  # same outlet and this similar: the same article again, not a new report
REINGEST_CONTAINMENT = 0.95  # same outlet and this much of the newcomer already held: a truncated copy
MIN_SHINGLES = 8  # shorter texts are matched exactly only (a few shared phrases are not a copy)
SEED = 20150512

_WORD = re.compile(r"\w+")


def content_key(article: Article) -> str:
    """The normalised content hash of an article's cleaned text (its raw text before cleaning).

    Equal to ``model.content_hash(None, text)``, computed with ``str.split`` (the same whitespace as the
    model's regular expression) at half the cost.
    """
    folded = " ".join(unicodedata.normalize("NFKC", article.working_text).split()).casefold()
    return hashlib.sha256(("\n" + folded).encode("utf-8")).hexdigest()


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The set of ``size``-word shingles of a text (case-folded words, punctuation ignored)."""
    words = _WORD.findall(text.casefold())
    return set(map(" ".join, zip(*(words[i:] for i in range(size)))))


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What the index compares of a text: the MinHash of its shingles (None when too few to compare) and
    their count. Computing it is most of the cost of judging an article, and needs nothing but the text,
    so it can be done in the processes that clean, before the judgement in input order."""

    minhash: RMinHash | None
    size: int


def fingerprint(text: str, num_perm: int = NUM_PERM) -> Fingerprint:
    grams = shingles(text)
    if len(grams) < MIN_SHINGLES:
        return Fingerprint(None, len(grams))
    minhash = RMinHash(num_perm=num_perm, seed=SEED)
    minhash.update(list(grams))
    return Fingerprint(minhash, len(grams))


def digest_bytes(minhash: RMinHash) -> bytes:
    """A MinHash's values as the store keeps them: unsigned 32-bit, little-endian."""
    values = minhash.digest()
    return struct.pack(f"<{len(values)}I", *values)


# Each article's band keys are asked three times in the driver (the chunk's prefetch, its judgement, its store
# rows), two chunks apart at most: kept for this many signatures.
BAND_KEYS_KEPT = 4096


@functools.lru_cache(maxsize=BAND_KEYS_KEPT)
def band_keys(digest: bytes, num_bands: int = NUM_BANDS) -> tuple[int, ...]:
    """The LSH band keys of a signature (:func:`digest_bytes`): band ``i`` is the ``i``-th run of
    ``NUM_PERM / num_bands`` values, as the in-memory LSH cuts them, hashed with its number into a signed
    64-bit key. Two signatures are candidates when any band key is equal."""
    width = len(digest) // num_bands
    return tuple(
        int.from_bytes(hashlib.blake2b(bytes([band]) + digest[band * width:(band + 1) * width], digest_size=8).digest(),
                       "little", signed=True)
        for band in range(num_bands)
    )


def digest_jaccard(a: bytes, b: bytes) -> float:
    """The estimated Jaccard similarity of two signatures: the share of equal values (as rensa computes it)."""
    first, second = np.frombuffer(a, dtype="<u4"), np.frombuffer(b, dtype="<u4")
    return float(np.count_nonzero(first == second)) / len(first)


@dataclass(frozen=True, slots=True)
class StoredSignature:
    """What the store keeps of a processed article for the near-duplicate index."""

    article_id: str
    outlet: str | None  # the outlet key cleaning uses (:func:`outlet_of`), not the name as given
    group: str  # the article's near-duplicate group (its own id when it starts one)
    size: int  # shingle count
    digest: bytes  # :func:`digest_bytes`
    order: int = 0  # position in the store's index order (assigned by the store)

    def bands(self) -> tuple[int, ...]:
        return band_keys(self.digest)


def stored_signature(article: Article, known: Fingerprint | None = None) -> StoredSignature | None:
    """The signature to store for a processed article (``known``: its fingerprint, if computed already), or
    None for a text too short to compare."""
    found = known or fingerprint(article.working_text)
    if found.minhash is None:
        return None
    return StoredSignature(article.id, outlet_of(article), article.near_duplicate_of or article.id, found.size,
                           digest_bytes(found.minhash))


class SignatureSource(Protocol):
    """Where the index finds the signatures of stored articles: those holding any of the band keys."""

    def signatures_with_bands(self, keys: Iterable[int]) -> Mapping[int, list[StoredSignature]]: ...


@dataclass(frozen=True, slots=True)
class NearDuplicateMatch:
    article_id: str  # the existing article it nearly duplicates (the most similar one)
    jaccard: float  # estimated Jaccard similarity of their shingle sets
    group: str  # the group's first article id: the value for Article.near_duplicate_of
    same_outlet: bool
    containment: float = 0.0  # estimated share of the newcomer's shingles found in the existing article

    @property
    def is_reingest(self) -> bool:
        """A same-outlet copy that adds nothing: store as a duplicate, do not process again."""
        return self.same_outlet and (self.jaccard >= REINGEST_JACCARD or self.containment >= REINGEST_CONTAINMENT)


class NearDuplicateIndex:
    """Articles indexed for near-duplicate matching: held here, and, with ``stored``, the store's.

    ``stored`` answers for the articles stored before this index was made; every article indexed here
    (:meth:`add`, :meth:`judge`, :meth:`replace`) is answered from memory from then on, so the store's rows
    under its id are no longer consulted."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM, num_bands: int = NUM_BANDS,
                 stored: SignatureSource | None = None):
        self.threshold = threshold
        self.num_perm = num_perm
        self.num_bands = num_bands
        self._lsh = RMinHashLSH(threshold=threshold, num_perm=num_perm, num_bands=num_bands)
        self._ids: list[str] = []  # LSH key -> article id
        self._minhashes: list[RMinHash] = []
        self._outlets: list[str | None] = []
        self._groups: list[str] = []
        self._sizes: list[int] = []  # shingle counts, to turn a Jaccard estimate into containment
        self._live: dict[str, int] = {}  # article id -> its LSH key (an article replaced keeps only its last)
        self._stored = stored
        self._prefetched: dict[int, list[StoredSignature]] = {}

    def __len__(self) -> int:
        return len(self._live)

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state.update(_stored=None, _prefetched={})  # a store connection does not travel
        return state

    def prefetch(self, fingerprints: Iterable[Fingerprint | None]) -> None:
        """Ask the store once for every article sharing a band with these fingerprints (a chunk's), rather
        than once per article; what was fetched for an earlier chunk is dropped."""
        self._prefetched = {}
        if self._stored is not None:
            keys = {k for found in fingerprints if found is not None and found.minhash is not None
                    for k in band_keys(digest_bytes(found.minhash), self.num_bands)}
            self._stored_with(keys)

    def _stored_with(self, keys: Iterable[int]) -> list[StoredSignature]:
        """The stored signatures holding any of ``keys``, in the store's order, each once."""
        keys = list(keys)
        missing = [k for k in keys if k not in self._prefetched]
        if missing and self._stored is not None:
            found = self._stored.signatures_with_bands(missing)
            for key in missing:
                self._prefetched[key] = found.get(key, [])
        unique = {s.order: s for key in keys for s in self._prefetched.get(key, ())}
        return [unique[order] for order in sorted(unique)]

    def fingerprint(self, text: str) -> Fingerprint:
        return fingerprint(text, self.num_perm)

    def query(self, text: str) -> NearDuplicateMatch | None:
        """The indexed article ``text`` nearly duplicates, if any, without adding it."""
        found = self.fingerprint(text)
        return None if found.minhash is None else self._best_match(found.minhash, found.size, None)

    def replace(self, article_id: str, text: str, outlet: str | None, known: Fingerprint | None = None) -> None:
        """Index a new version of an article (a revision) in place of the one indexed: it is not judged
        (it must not match its own earlier version) and starts its own group, as the store keeps it."""
        self._forget(article_id)
        found = known or self.fingerprint(text)
        if found.minhash is not None:
            self._insert(article_id, found.minhash, found.size, outlet, article_id)

    def add(self, article_id: str, text: str, outlet: str | None,
            known: Fingerprint | None = None) -> NearDuplicateMatch | None:
        """Index an article; return the existing article it nearly duplicates, if any (``known``: the
        text's fingerprint, if computed already).

        A re-ingest (see :attr:`NearDuplicateMatch.is_reingest`) is not indexed: its original stands for it.
        """
        found = known or self.fingerprint(text)
        if found.minhash is None:
            return None
        match = self._best_match(found.minhash, found.size, outlet)
        if match is not None and match.is_reingest:
            return match
        self._forget(article_id)
        self._insert(article_id, found.minhash, found.size, outlet, match.group if match else article_id)
        return match

    def judge(self, article: Article, known: Fingerprint | None = None) -> Article:
        """Index a cleaned article and apply the grouping rule to it (see :func:`apply_match`).

        The runner calls this after cleaning, in input order; the article needs its id.
        """
        return apply_match(article, self.add(article.id, article.working_text, outlet_of(article), known))

    def _best_match(self, minhash: RMinHash, size: int, outlet: str | None) -> NearDuplicateMatch | None:
        """The most similar indexed article at or above the threshold; among equals, the first indexed (the
        store's before this index's own)."""
        best: tuple[float, tuple[int, int]] | None = None
        found: tuple[str, str | None, str, int] | None = None  # article id, outlet, group, size
        for key in self._lsh.query(minhash):
            if self._live.get(self._ids[key]) != key:
                continue  # an older version of an article indexed again since
            jaccard = float(self._minhashes[key].jaccard(minhash))
            if jaccard >= self.threshold and (best is None or (jaccard, (1, -key)) > (best[0], best[1])):
                best = (jaccard, (1, -key))
                found = (self._ids[key], self._outlets[key], self._groups[key], self._sizes[key])
        if self._stored is not None:
            digest = digest_bytes(minhash)
            for signature in self._stored_with(band_keys(digest, self.num_bands)):
                if signature.article_id in self._live:
                    continue  # indexed here since the store was read: this index's version stands
                jaccard = digest_jaccard(digest, signature.digest)
                if jaccard >= self.threshold and (best is None or (jaccard, (2, -signature.order)) > best):
                    best = (jaccard, (2, -signature.order))
                    found = (signature.article_id, signature.outlet, signature.group, signature.size)
        if best is None:
            return None
        best_jaccard = best[0]
        article_id, its_outlet, group, its_size = found
        same_outlet = outlet is not None and its_outlet == outlet
        # |A & B| = J (|A| + |B|) / (1 + J), so the share of the newcomer A already in B follows from J.
        shared = best_jaccard * (size + its_size) / (1 + best_jaccard)
        containment = min(1.0, shared / size)
        return NearDuplicateMatch(article_id, best_jaccard, group, same_outlet, containment)

    def _insert(self, article_id: str, minhash: RMinHash, size: int, outlet: str | None, group: str) -> None:
        key = len(self._ids)
        self._lsh.insert(key, minhash)
        self._ids.append(article_id)
        self._sizes.append(size)
        self._minhashes.append(minhash)
        self._outlets.append(outlet)
        self._groups.append(group)
        self._live[article_id] = key

    def _forget(self, article_id: str) -> None:
        """Take an article's indexed version out of the index (it is about to be indexed again)."""
        key = self._live.pop(article_id, None)
        if key is not None:
            self._lsh.remove(key)

    def state(self) -> dict:
        """A JSON-ready snapshot of what is held here (MinHash signatures base64-encoded) for :meth:`from_state`."""
        return {
            "threshold": self.threshold,
            "num_perm": self.num_perm,
            "num_bands": self.num_bands,
            "seed": SEED,
            "articles": [
                {
                    "id": article_id,
                    "outlet": outlet,
                    "group": group,
                    "size": size,
                    "minhash": base64.b64encode(minhash.__getstate__()).decode("ascii"),
                }
                for key, (article_id, outlet, group, size, minhash) in enumerate(zip(
                    self._ids, self._outlets, self._groups, self._sizes, self._minhashes
                ))
                if self._live.get(article_id) == key
            ],
        }

    @classmethod
    def from_state(cls, state: dict) -> "NearDuplicateIndex":
        index = cls(state["threshold"], state["num_perm"], state["num_bands"])
        for entry in state["articles"]:
            minhash = RMinHash(num_perm=index.num_perm, seed=state["seed"])
            minhash.__setstate__(base64.b64decode(entry["minhash"]))
            index._insert(entry["id"], minhash, entry["size"], entry["outlet"], entry["group"])
        return index


def apply_match(article: Article, match: NearDuplicateMatch | None) -> Article:
    """Record the grouping rule's verdict on an article: re-ingest -> duplicate; copy -> grouped, kept."""
    if match is None:
        return article
    if match.is_reingest:
        article.status = "duplicate"
        article.duplicate_of = match.article_id
        article.reason = f"near-duplicate re-ingest of {match.article_id} (Jaccard {match.jaccard:.2f})"
    else:
        article.near_duplicate_of = match.group
    return article
