"""The quality gate: figures that may not drop more than a tolerance below a committed baseline.

The baseline file (``data/eval/baseline.json``) lists evaluation sets, each with its annotation and pair
files and the figures last accepted. ``linimasa eval --gate FILE`` runs every set and fails when CONSULT
F1 or linking recall fall more than ``tolerance`` below the baseline. Raising or lowering a baseline is a
deliberate commit that says why. Paths may start with ``{shared}``, the shared data folder.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from linimasa.config import Settings
from linimasa.evaluation.articles import shared_root
from linimasa.evaluation.gold import AnnotationError

# The figures the gate guards: (name in the baseline, where it is in a report).
GUARDED = (("consult_f1", ("types", "CONSULT", "f1")), ("linking_recall", ("linking", "recall")))


@dataclass
class GateResult:
    name: str
    report: dict
    failures: list[str]
    figures: dict[str, float | None]


def _resolve(path: str, base: Path) -> Path:
    if path.startswith("{shared}"):
        return shared_root() / path.removeprefix("{shared}").lstrip("/")
    candidate = Path(path)
    return candidate if candidate.is_absolute() else (base / candidate).resolve()


def figure(report: dict, where: tuple[str, ...]) -> float | None:
    value = report
    for key in where:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def read_baseline(path: Path) -> dict:
    try:
        baseline = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AnnotationError(f"{path}: no such baseline file") from None
    except json.JSONDecodeError as error:
        raise AnnotationError(f"{path}: not valid JSON ({error})") from None
    if not isinstance(baseline.get("sets"), list):
        raise AnnotationError(f"{path}: a baseline lists its evaluation sets under 'sets'")
    return baseline


def run_gate(path: Path, settings: Settings | None = None) -> list[GateResult]:
    from linimasa.evaluation.evaluate import evaluate

    path = Path(path)
    baseline = read_baseline(path)
    tolerance = float(baseline.get("tolerance", 0.02))
    base = path.parent.parent  # paths are relative to the repository: the baseline lives in data/eval/
    results = []
    for entry in baseline["sets"]:
        report = evaluate([_resolve(p, base) for p in entry["annotations"]],
                          pairs=[_resolve(p, base) for p in entry.get("pairs", [])], settings=settings)
        failures, figures = [], {}
        for name, where in GUARDED:
            value = figures[name] = figure(report, where)
            accepted = entry.get(name)
            if accepted is None:
                continue
            if value is None or value < accepted - tolerance:
                failures.append(f"{entry['name']}: {name} {value} is more than {tolerance} below the baseline "
                                f"{accepted}")
        results.append(GateResult(entry["name"], report, failures, figures))
    return results
