"""The knowledge base: people with dated roles, countries, organisations and places, and entity linking.

Other stages use only :func:`load_kb` and the methods of :class:`KnowledgeBase` (see
docs/knowledge-base.md).
"""

from __future__ import annotations

import functools

from linimasa.kb.base import KnowledgeBase
from linimasa.kb.records import Country, Organisation, Person, Place, RolePeriod, Title

__all__ = ["KnowledgeBase", "Country", "Organisation", "Person", "Place", "RolePeriod", "Title", "load_kb"]


@functools.cache
def load_kb() -> KnowledgeBase:
    """The shipped knowledge base, built once per process."""
    return KnowledgeBase.from_paths()
