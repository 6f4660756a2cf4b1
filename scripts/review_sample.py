"""Regenerate the hand-review sample of seed questions, keeping verdicts already given by question id.

Usage: .venv/bin/python scripts/review_sample.py [SEEDS_DIR]
Writes tests/generation/data/review_seeds.yaml; new questions get verdict TODO until someone judges them.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from quizcore.generation import build_from_folder
from quizcore.generation.review import review_sample

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "generation" / "data" / "review_seeds.yaml"
HEADER = """\
# Sixty generated questions from ../shared/seeds (seed 0), judged by hand.
# verdict: ok | bad. A question is ok when it is answerable from its source, has exactly one
# defensible correct option (or a fair answer key), plausible distractors of the answer's kind (not
# all off-topic), and clean text. Each question was judged by two reviewers in most rounds; the
# stricter verdict is kept.
# problems: short labels of what is wrong (kept for bad ones, and as remarks on ok ones).
# Regenerate with: .venv/bin/python scripts/review_sample.py  (verdicts are kept by id while the
# question's stem and options are unchanged). The sample is drawn by a hash of each id: after fixing
# what it found, judge a fresh sample with another seed too (review_sample(bank, n, seed)), since
# this one has been tuned against.
"""


def main() -> None:
    seeds = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "seeds"
    old: dict[str, dict[str, Any]] = {}
    if OUT.is_file():
        data = yaml.safe_load(OUT.read_text(encoding="utf-8")) or {}
        old = {q["id"]: q for q in data.get("questions", [])}
    with tempfile.TemporaryDirectory() as cache:
        bank = build_from_folder(seeds, seed=0, cache_dir=Path(cache)).bank
    rows = []
    for q in review_sample(bank, 60, 0):
        before = old.get(q.id, {})
        same = before.get("stem") == q.stem and before.get("options") == (list(q.options) if q.options else None)
        rows.append(
            {
                "id": q.id,
                "kind": q.kind.value,
                "format": q.format.value,
                "stem": q.stem,
                "options": list(q.options) if q.options else None,
                "answer_index": q.answer_index,
                "answers": list(q.answers) if q.answers else None,
                "points": [list(p) for p in q.points] if q.points else None,
                "min_points": q.min_points,
                "tolerance": q.tolerance,
                "source": f"{q.source.file}:{q.source.line}",
                "heading": q.source.heading,
                "verdict": before.get("verdict", "TODO") if same else "TODO",
                "problems": before.get("problems", []) if same else [],
            }
        )
    body = yaml.safe_dump({"seed": 0, "sample_size": 60, "questions": rows}, allow_unicode=True, sort_keys=False)
    OUT.write_text(HEADER + body, encoding="utf-8")
    todo = sum(1 for r in rows if r["verdict"] == "TODO")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} questions, {todo} to judge")


if __name__ == "__main__":
    main()
