"""Every numbered question of the seed notes is answered by a section of the bundled knowledge base."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from quizcore.knowledge import KnowledgeBase, read_knowledge

MAPS = sorted(Path(__file__).parent.glob("seed_map_part*.yaml"))
ROOT = Path(__file__).resolve().parents[2]


def entries() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in MAPS:
        rows.extend(yaml.safe_load(path.read_text(encoding="utf-8")) or [])
    return rows


@pytest.fixture(scope="module")
def knowledge() -> KnowledgeBase:
    return read_knowledge(ROOT / "knowledge")


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> KnowledgeBase:
    return read_knowledge(seeds_dir)


def test_every_mapped_section_exists_in_the_knowledge_base_with_answer_material(knowledge: KnowledgeBase) -> None:
    by_place = {(f"knowledge/{s.file}", s.title): s for s in knowledge.sections()}
    missing = [(e["file"], e["heading"]) for e in entries() if (e["file"], e["heading"]) not in by_place]
    assert missing == []
    assert all(by_place[(e["file"], e["heading"])].has_answer_material for e in entries())


def test_every_mapped_question_is_a_real_section_of_its_seed(seeds: KnowledgeBase) -> None:
    titles = {(n.file, s.title) for n in seeds.notes for s in n.sections()}
    unknown = [(e["seed"], e["question"]) for e in entries() if (e["seed"], e["question"]) not in titles]
    assert unknown == []


def test_at_least_90_percent_of_the_seeds_answered_questions_are_mapped(seeds: KnowledgeBase) -> None:
    answered = {s.title for s in seeds.sections() if s.is_question and s.has_answer_material}
    mapped = {e["question"] for e in entries()}
    covered = answered & mapped
    assert len(covered) / len(answered) >= 0.9, sorted(answered - mapped)
