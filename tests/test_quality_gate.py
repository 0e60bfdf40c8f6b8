"""The quality gate: the committed baseline holds, and a broken trigger lexicon fails it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from linimasa.config import Settings
from linimasa.evaluation.gate import run_gate

REPO = Path(__file__).resolve().parents[1]
BASELINE = REPO / "data" / "eval" / "baseline.json"
LEXICON = REPO / "linimasa" / "events"

pytestmark = pytest.mark.slow


def test_the_committed_baseline_holds(shared_dir):
    results = run_gate(BASELINE)
    assert results, "the baseline lists no evaluation set"
    assert [f for r in results for f in r.failures] == []


def broken_lexicon(folder: Path) -> Path:
    """The shipped lexicons with the two commonest meeting words ("bertemu", "pertemuan") removed."""
    for name in ("triggers_id.yaml", "modality_id.yaml", "arguments_id.yaml"):
        shutil.copy(LEXICON / name, folder / name)
    triggers = yaml.safe_load((folder / "triggers_id.yaml").read_text(encoding="utf-8"))
    triggers["CONSULT"] = [t for t in triggers["CONSULT"] if t["words"] not in (["bertemu"], ["pertemuan"])]
    (folder / "triggers_id.yaml").write_text(yaml.safe_dump(triggers, allow_unicode=True), encoding="utf-8")
    return folder


def test_a_broken_trigger_lexicon_fails_the_gate(shared_dir, tmp_path):
    settings = Settings(options={"events": {"lexicon": str(broken_lexicon(tmp_path))}})
    results = run_gate(BASELINE, settings=settings)
    failures = [f for r in results for f in r.failures]
    assert any("consult_f1" in f for f in failures), [r.figures for r in results]
