"""Which version of an article stands: the rule that makes re-runs change nothing (contract, Input).

The engine applies it when it classifies an input against the store; the store applies it again when it
commits, against the article as stored at that moment, since another run may have stored the id since.
"""

from __future__ import annotations

from .model import Article


def folded(text: str) -> str:
    return " ".join(text.split())


def stale_version(article: Article, earlier_hashes: frozenset[str] | set[str], current_text: str | None) -> str | None:
    """Why a version of a stored article must not replace the current one, or None for a real revision.

    A version the article already had is not a revision, whatever order an id's versions arrive in, and
    neither is a truncated copy of the current version (its text, whitespace folded, a shorter prefix of the
    current one: feeds and datasets repeat articles cut short)."""
    if article.content_hash in earlier_hashes:
        return "an earlier version of this article (same id); the stored, newer version stands"
    if current_text:
        new, current = folded(article.text), folded(current_text)
        if len(new) < len(current) and current.startswith(new):
            return "a truncated copy of the stored version of this article (same id); the full version stands"
    return None
