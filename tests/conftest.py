"""Fixtures shared by every test folder."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
KNOWLEDGE = ROOT / "knowledge"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The study group's five real note files; tests using it skip on a fresh clone without ../shared."""
    if not SEEDS.is_dir() or not any(SEEDS.iterdir()):
        pytest.skip("../shared/seeds is not here (fresh clone)")
    return SEEDS


@pytest.fixture(scope="session")
def knowledge_dir() -> Path:
    """The bundled knowledge base."""
    return KNOWLEDGE
