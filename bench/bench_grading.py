"""Grading speed on one core: short answers and open answers per second, and the time for a 100 KB reply.

Run: ``.venv/bin/python bench/bench_grading.py [--glossary PATH] [--seconds N]``.
The replies are the hand-labelled ones of tests/grading/data/labelled.yaml, cycled.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import yaml

from quizcore.glossary import Glossary
from quizcore.grading import Grader
from quizcore.grading.normalize import normalize
from quizcore.grading.numbers import parse_number

ROOT = Path(__file__).resolve().parents[1]
LABELLED = ROOT / "tests" / "grading" / "data" / "labelled.yaml"
GLOSSARY = ROOT / "tests" / "grading" / "glossary.yaml"
TARGET_SHORT = 20_000


def _clear_reply_caches() -> None:
    normalize.cache_clear()
    parse_number.cache_clear()


def _rate(calls: list[Callable[[], object]], seconds: float, cold: bool = False) -> float:
    """Calls per second, cycling through ``calls`` for about ``seconds``; ``cold`` forgets every reply each round."""
    done = 0
    start = time.perf_counter()
    deadline = start + seconds
    while time.perf_counter() < deadline:
        if cold:
            _clear_reply_caches()
        for call in calls:
            call()
        done += len(calls)
    return done / (time.perf_counter() - start)


def _short_calls(grader: Grader, cases: list[dict[str, Any]]) -> list[Callable[[], object]]:
    calls: list[Callable[[], object]] = []
    for case in cases:
        if "answers" in case and "tolerance" not in case:
            answers = [str(a) for a in case["answers"]]
            reply = str(case["reply"])
            calls.append(partial(grader.grade_short, reply, answers))
    return calls


def _open_calls(grader: Grader, cases: list[dict[str, Any]]) -> list[Callable[[], object]]:
    calls: list[Callable[[], object]] = []
    for case in cases:
        if "points" in case:
            reply, points, needed = str(case["reply"]), case["points"], int(case["min_points"])
            calls.append(partial(grader.grade_open, reply, points, needed))
    return calls


def _huge_reply_ms(grader: Grader) -> tuple[float, float]:
    rng = random.Random(5)
    alphabet = "逻辑回归批归一化梯度消失 dropout relu adam 0123456789,.;!?\n"
    huge = "".join(rng.choice(alphabet) for _ in range(100 * 1024))
    start = time.perf_counter()
    grader.grade_short(huge, ["逻辑回归"])
    short_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    grader.grade_open(huge, [["梯度消失"], ["加速收敛"], ["正则化"]], 2)
    return short_ms, (time.perf_counter() - start) * 1000


def main() -> None:
    """Print the measurements."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--glossary", type=Path, default=GLOSSARY)
    parser.add_argument("--seconds", type=float, default=2.0)
    args = parser.parse_args()
    cases: list[dict[str, Any]] = yaml.safe_load(LABELLED.read_text(encoding="utf-8"))["cases"]
    grader = Grader(Glossary.load(args.glossary))
    short, open_ = _short_calls(grader, cases), _open_calls(grader, cases)
    for call in short + open_:  # warm the caches and lazy imports (OpenCC, pypinyin, cn2an) first
        call()
    short_rate = _rate(short, args.seconds, cold=True)
    short_warm = _rate(short, args.seconds)
    open_rate = _rate(open_, args.seconds, cold=True)
    huge_short, huge_open = _huge_reply_ms(grader)
    verdict = "OK" if short_rate >= TARGET_SHORT else f"BELOW the {TARGET_SHORT:,}/s target"
    print(f"short answers: {short_rate:,.0f} gradings/s over {len(short)} distinct replies, none cached ({verdict})")
    print(f"short answers: {short_warm:,.0f} gradings/s when replies repeat (normalised replies cached)")
    print(f"open answers:  {open_rate:,.0f} gradings/s over {len(open_)} distinct replies")
    print(f"100 KB reply:  {huge_short:.1f} ms as a short answer, {huge_open:.1f} ms as an open answer")


if __name__ == "__main__":
    main()
