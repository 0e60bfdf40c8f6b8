"""What linking compares mentions by, shared by the linker and the merge of a linked event."""

from __future__ import annotations

from linimasa.model import Participant

STATED_DATE_BASES = frozenset({"clause", "sentence", "attribution", "lead"})  # dates the text states for the event itself


def participant_key(p: Participant) -> str:
    """One party across articles: its knowledge-base id, else its kind and name."""
    return p.kb_id or f"{p.kind}:{p.name.casefold()}"
