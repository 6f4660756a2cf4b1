"""Sixty generated questions judged by hand: the sample must not change without the judgments being redone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from quizcore.generation import build_from_folder
from quizcore.generation.review import review_sample

JUDGMENTS = Path(__file__).parent / "data" / "review_seeds.yaml"


@pytest.fixture(scope="module")
def judged() -> dict[str, Any]:
    if not JUDGMENTS.is_file():
        pytest.fail(f"{JUDGMENTS} is missing: judge the sample (see its header) and commit it")
    data: dict[str, Any] = yaml.safe_load(JUDGMENTS.read_text(encoding="utf-8"))
    return data


def test_the_judged_sample_is_the_sample_the_generator_makes_today(
    seeds_dir: Path, tmp_path: Path, judged: dict[str, Any]
) -> None:
    bank = build_from_folder(seeds_dir, seed=judged["seed"], cache_dir=tmp_path).bank
    sample = review_sample(bank, judged["sample_size"], judged["seed"])
    current = [(q.id, q.stem) for q in sample]
    recorded = [(entry["id"], entry["stem"]) for entry in judged["questions"]]
    assert current == recorded, "the generator changed: regenerate the sample and judge the new questions again"


def test_every_question_is_judged_and_at_least_90_percent_are_acceptable(judged: dict[str, Any]) -> None:
    # The last full review (one reviewer, all 60) found 54/60 = 90%, the target.
    verdicts = [entry["verdict"] for entry in judged["questions"]]
    assert len(verdicts) == judged["sample_size"] == 60
    assert set(verdicts) <= {"ok", "bad"}, "judge every TODO (see the file's header)"
    assert verdicts.count("ok") / len(verdicts) >= 0.9, [e["id"] for e in judged["questions"] if e["verdict"] == "bad"]
