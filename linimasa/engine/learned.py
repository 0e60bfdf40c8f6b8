"""What the prepare stages learn from the stream, kept in the store between runs: cleaning's per-outlet
template statistics, one state row per outlet.

A run reads an outlet's statistics when its stream first meets the outlet, and writes back only those it
counted. Reading them all at the start of every run and writing them all back at its end cost a run in
proportion to every outlet the store had ever seen (9.3 MB of JSON on the 100,000-article benchmark
corpus store, about a second of a 5-article run).
"""

from __future__ import annotations

from ..store import Store

TEMPLATE_STATE_KEY = "clean.templates"  # the thresholds (stores from before also held every outlet here)
TEMPLATE_OUTLET_KEY = "clean.templates.outlet:"  # + the outlet: one outlet's statistics


def load_templates(store: Store, clean) -> None:
    """Give the clean stage (if the pipeline has one) what earlier runs learned."""
    if clean is None or not hasattr(clean, "load_template_state"):
        return
    state = store.get_state(TEMPLATE_STATE_KEY) or clean.templates.settings()
    if state.get("outlets"):  # kept whole by an earlier linimasa: each outlet goes to a row of its own, once
        store.set_states({**{TEMPLATE_OUTLET_KEY + outlet: stats for outlet, stats in state["outlets"].items()},
                          TEMPLATE_STATE_KEY: {k: v for k, v in state.items() if k != "outlets"}})
    clean.load_template_state({**state, "outlets": {}}, lambda outlet: store.get_state(TEMPLATE_OUTLET_KEY + outlet))


def save_templates(store: Store, clean) -> None:
    """Write back the statistics of the outlets the run counted (and the thresholds, the first time)."""
    if clean is None or not hasattr(clean, "load_template_state"):
        return
    templates = clean.templates
    values = {TEMPLATE_OUTLET_KEY + outlet: templates.outlet_state(outlet) for outlet in sorted(templates.counted)}
    if store.get_state(TEMPLATE_STATE_KEY) is None:
        values[TEMPLATE_STATE_KEY] = templates.settings()
    if values:
        store.set_states(values)
    templates.counted.clear()
