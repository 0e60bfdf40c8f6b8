"""`--actor` finds an actor by any alias the knowledge base knows, in Indonesian or English, or by code."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from linimasa.cli import cli

SAMPLE = Path(__file__).resolve().parents[1] / "sample"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("actors") / "sample.db")
    assert CliRunner().invoke(cli, ["run", "--db", db, str(SAMPLE)]).exit_code == 0
    return db


def events_of(store: str, actor: str) -> list[str]:
    result = CliRunner().invoke(cli, ["timeline", "--db", store, "--actor", actor])
    assert result.exit_code == 0, result.output
    return [line for line in result.output.splitlines() if line.startswith("- **")]


@pytest.mark.parametrize("same", [("Jokowi", "Joko Widodo"), ("Indonesia", "IDN"), ("Rusia", "RUS"),
                                  ("Russia", "RUS"), ("Amerika Serikat", "USA")])
def test_an_alias_finds_the_same_events_as_the_name_or_code(store, same):
    alias, canonical = same
    found = events_of(store, canonical)
    assert found and events_of(store, alias) == found
