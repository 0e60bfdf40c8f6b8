"""Title phrases resolve to the person who held the office on the day (tests/data/roles_at_dates.csv:
public facts written independently of the KB files, with handovers and reshuffles at their boundaries)."""

import csv
import datetime as dt
from pathlib import Path

from linimasa.kb import load_kb
from linimasa.model import Mention

CASES = Path(__file__).resolve().parent / "data" / "roles_at_dates.csv"
REQUIRED_PASS_RATE = 0.97


def read_cases():
    with open(CASES, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def resolve_title(phrase: str, on: dt.date) -> tuple[str | None, str | None]:
    mention = Mention(0, len(phrase), phrase, "TITLE", source="title")
    load_kb().resolve(mention, on, [mention])
    return (mention.name, mention.role) if mention.kb_id else (None, None)


def test_the_dated_role_set_is_large_enough():
    assert len(read_cases()) >= 150


def test_title_phrases_resolve_to_the_holder_on_the_day():
    cases = read_cases()
    failures = []
    for case in cases:
        got = resolve_title(case["phrase"], dt.date.fromisoformat(case["date"]))
        expected = (case["expected_name"] or None, case["expected_role"] or None)
        if got != expected:
            failures.append(f"{case['phrase']} @ {case['date']}: expected {expected}, got {got}")
    rate = 1 - len(failures) / len(cases)
    print(f"dated roles: {len(cases) - len(failures)}/{len(cases)} = {rate:.3f}")
    for failure in failures:
        print("  FAIL", failure)
    assert rate >= REQUIRED_PASS_RATE, "\n".join(failures)
