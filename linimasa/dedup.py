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
"""

from __future__ import annotations

import base64
import hashlib
import re
import unicodedata
from dataclasses import dataclass

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
    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM, num_bands: int = NUM_BANDS):
        self.threshold = threshold
        self.num_perm = num_perm
        self.num_bands = num_bands
        self._lsh = RMinHashLSH(threshold=threshold, num_perm=num_perm, num_bands=num_bands)
        self._ids: list[str] = []  # LSH key -> article id
        self._minhashes: list[RMinHash] = []
        self._outlets: list[str | None] = []
        self._groups: list[str] = []
        self._sizes: list[int] = []  # shingle counts, to turn a Jaccard estimate into containment

    def __len__(self) -> int:
        return len(self._ids)

    def fingerprint(self, text: str) -> Fingerprint:
        return fingerprint(text, self.num_perm)

    def query(self, text: str) -> NearDuplicateMatch | None:
        """The indexed article ``text`` nearly duplicates, if any, without adding it."""
        found = self.fingerprint(text)
        return None if found.minhash is None else self._best_match(found.minhash, found.size, None)

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
        self._insert(article_id, found.minhash, found.size, outlet, match.group if match else article_id)
        return match

    def judge(self, article: Article, known: Fingerprint | None = None) -> Article:
        """Index a cleaned article and apply the grouping rule to it (see :func:`apply_match`).

        The runner calls this after cleaning, in input order; the article needs its id.
        """
        return apply_match(article, self.add(article.id, article.working_text, outlet_of(article), known))

    def restore(self, article: Article, group: str | None) -> None:
        """Index an article already judged and stored (its group as stored), when rebuilding the index."""
        found = self.fingerprint(article.working_text)
        if found.minhash is not None:
            self._insert(article.id, found.minhash, found.size, outlet_of(article), group or article.id)

    def _best_match(self, minhash: RMinHash, size: int, outlet: str | None) -> NearDuplicateMatch | None:
        best_key, best_jaccard = None, 0.0
        for key in self._lsh.query(minhash):
            jaccard = float(self._minhashes[key].jaccard(minhash))
            if jaccard >= self.threshold and jaccard > best_jaccard:
                best_key, best_jaccard = key, jaccard
        if best_key is None:
            return None
        same_outlet = outlet is not None and self._outlets[best_key] == outlet
        # |A & B| = J (|A| + |B|) / (1 + J), so the share of the newcomer A already in B follows from J.
        shared = best_jaccard * (size + self._sizes[best_key]) / (1 + best_jaccard)
        containment = min(1.0, shared / size)
        return NearDuplicateMatch(self._ids[best_key], best_jaccard, self._groups[best_key], same_outlet, containment)

    def _insert(self, article_id: str, minhash: RMinHash, size: int, outlet: str | None, group: str) -> None:
        key = len(self._ids)
        self._lsh.insert(key, minhash)
        self._ids.append(article_id)
        self._sizes.append(size)
        self._minhashes.append(minhash)
        self._outlets.append(outlet)
        self._groups.append(group)

    def state(self) -> dict:
        """A JSON-ready snapshot (MinHash signatures base64-encoded) for :meth:`from_state`."""
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
                for article_id, outlet, group, size, minhash in zip(
                    self._ids, self._outlets, self._groups, self._sizes, self._minhashes
                )
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
