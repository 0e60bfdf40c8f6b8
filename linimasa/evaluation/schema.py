"""The labels an annotation may use (docs/annotation.md), in one place for the converter and the loader."""

from __future__ import annotations

# PLOVER v2 event types (reference/plover manual, "Summary of event categories").
EVENT_TYPES: frozenset[str] = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
CONSULT_MODES: frozenset[str] = frozenset({"meet", "visit", "phone", "multilateral"})
# Who does what to whom: PLOVER's actor and recipient; None where the text makes no such distinction
# (a meeting of equals lists every party as a participant).
SIDES: frozenset[str | None] = frozenset({"actor", "recipient", None})
CONFIDENCE: frozenset[str] = frozenset({"high", "medium", "low"})
# A mention that is not an asserted event, by its modality (what linimasa's `modality` field carries) ...
MODALITIES: frozenset[str] = frozenset({"future", "hypothetical", "negated", "prohibited", "habitual"})
# ... or because it is not an event of that type at all.
NOT_EVENT_REASONS: frozenset[str] = frozenset({
    "undated_background", "not_political", "sports", "celebrity", "commercial", "press_conference",
    "no_second_party", "not_this_type", "other"})
REJECT_REASONS: frozenset[str] = MODALITIES | NOT_EVENT_REASONS

# Mode names annotators wrote for the manual's own: normalised when a raw record is converted.
MODE_ALIASES: dict[str, str] = {"demonstrate": "demo", "demonstration": "demo", "hunger-strike": "hunger"}
