"""Shared fixtures: where ../shared is, temporary stores, and runs of the pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "sample"


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found at {SHARED}: tests on the shared seeds and data are skipped")
    return SHARED


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "linimasa.db")
