"""``quizbot grade --jsonl``: the real command, one verdict a line, bad lines reported and skipped."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

QUIZBOT = Path(sys.executable).with_name("quizbot")
HERE = Path(__file__).resolve().parent

CASES = [
    {"kind": "short", "answers": ["批归一化"], "reply": "BN"},
    {"kind": "short", "answers": ["批归一化"], "reply": "LN"},
    {"kind": "numeric", "answers": ["63.2%"], "tolerance": 0.5, "reply": "0.63"},
    {"kind": "mcq", "options": ["ReLU", "Sigmoid"], "answer_index": 1, "reply": "选B"},
    {"kind": "open", "points": [["梯度消失"], ["加速收敛"], ["正则化"]], "min_points": 2, "reply": "梯度消失和正则化"},
]


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    folder = tmp_path / "knowledge"
    folder.mkdir()
    shutil.copy(HERE / "glossary.yaml", folder / "glossary.yaml")
    return folder


def _run(args: list[str], stdin: str | None = None) -> tuple[int, list[dict[str, Any]]]:
    if not QUIZBOT.exists():
        pytest.skip(f"{QUIZBOT} is not installed")
    done = subprocess.run(
        [str(QUIZBOT), "grade", *args], input=stdin, capture_output=True, text=True, encoding="utf-8", timeout=60
    )
    return done.returncode, [json.loads(line) for line in done.stdout.splitlines()]


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_each_case_gets_one_verdict_in_order_with_the_glossary_s_aliases(tmp_path: Path, knowledge: Path) -> None:
    cases = _write(tmp_path / "cases.jsonl", [json.dumps(c, ensure_ascii=False) for c in CASES])
    code, out = _run(["--jsonl", str(cases), "--knowledge", str(knowledge)])
    assert code == 0
    assert [o["correct"] for o in out] == [True, False, True, True, True]
    assert out[0]["matched"] == "批归一化"
    assert out[1]["matched"] is None
    assert out[4]["score"] == pytest.approx(2 / 3, abs=1e-3)
    assert all(set(o) >= {"correct", "score", "matched", "feedback"} for o in out)


def test_a_bad_line_is_reported_by_number_and_the_rest_still_graded(tmp_path: Path, knowledge: Path) -> None:
    lines = [
        json.dumps(CASES[0], ensure_ascii=False),
        "{not json",
        json.dumps({"kind": "short", "reply": "x"}),
        json.dumps({"kind": "poem", "reply": "x"}),
        json.dumps(CASES[3], ensure_ascii=False),
    ]
    code, out = _run(["--jsonl", str(_write(tmp_path / "bad.jsonl", lines)), "--knowledge", str(knowledge)])
    assert code == 1
    assert out[0]["correct"] is True
    assert [o["error"].split(":")[0] for o in out[1:4]] == ["line 2", "line 3", "line 4"]
    assert "answers" in out[2]["error"] and "poem" in out[3]["error"]
    assert out[4]["correct"] is True


def test_cases_can_come_from_stdin(knowledge: Path) -> None:
    code, out = _run(["--jsonl", "-", "--knowledge", str(knowledge)], stdin=json.dumps(CASES[2]) + "\n")
    assert (code, out[0]["correct"], out[0]["matched"]) == (0, True, "63.2%")


def test_without_a_glossary_only_the_case_s_own_answers_count(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out = _run(["--jsonl", "-", "--knowledge", str(empty)], stdin=json.dumps(CASES[0], ensure_ascii=False))
    assert (code, out[0]["correct"]) == (0, False)


def test_cases_naming_a_question_are_graded_against_the_bank(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    (notes / "questions").mkdir(parents=True)
    (notes / "questions" / "q.yaml").write_text(
        "questions:\n"
        "  - id: bn-name\n    type: short\n    question: 哪种归一化在一个批次上统计均值和方差？\n"
        "    answers: [批归一化, BN, Batch Normalization]\n    explanation: 批归一化按批次统计。\n",
        encoding="utf-8",
    )
    (notes / "a.md").write_text(
        "# 深度学习\n\n## 什么是批归一化？\n\n按批次统计均值和方差再归一化。\n", encoding="utf-8"
    )
    cases = "\n".join(
        json.dumps({"question": "authored:bn-name", "reply": reply}, ensure_ascii=False)
        for reply in ["batch normalization", "LN", "答案是批归一化吧"]
    )
    result = subprocess.run(
        [QUIZBOT, "grade", "--jsonl", "-", "--knowledge", str(notes)],
        input=cases,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "QUIZBOT_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert result.returncode == 0, result.stderr
    verdicts = [json.loads(line)["correct"] for line in result.stdout.splitlines()]
    assert verdicts == [True, False, True]
