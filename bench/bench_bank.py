"""Bank build time for the seeds and for synthetic notes folders up to 10 MB (cold and cached), and peak memory.

Usage: .venv/bin/python bench/bench_bank.py [--max-mb 10]
The synthetic folders repeat the bundled notes with every heading made unique, so nothing merges away.
"""

from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
KNOWLEDGE = ROOT / "knowledge"


def synthetic(folder: Path, megabytes: float) -> int:
    """Write copies of the bundled notes (headings numbered per copy) until the folder holds ``megabytes``."""
    sources = sorted(KNOWLEDGE.glob("*.md"))
    texts = [p.read_text(encoding="utf-8") for p in sources if p.name != "README.md"]
    target, size, copy = int(megabytes * 1024 * 1024), 0, 0
    while size < target:
        for index, text in enumerate(texts):
            body = re.sub(r"^(#{1,6}) (.+)$", rf"\1 \2（第{copy}册）", text, flags=re.MULTILINE)
            path = folder / f"copy{copy:04d}-{index:02d}.md"
            path.write_text(body, encoding="utf-8")
            size += len(body.encode("utf-8"))
            if size >= target:
                break
        copy += 1
    (folder / "glossary.yaml").write_bytes((KNOWLEDGE / "glossary.yaml").read_bytes())
    return size


def timed_build(folder: Path, cache: Path) -> tuple[float, int, float]:
    """Build in a fresh process; returns (seconds, questions, peak MiB)."""
    code = (
        "import time,resource,sys; from pathlib import Path; t=time.perf_counter();"
        "from quizcore.generation import build_from_folder;"
        f"r=build_from_folder(Path({str(folder)!r}), cache_dir=Path({str(cache)!r}));"
        "print(time.perf_counter()-t, len(r.bank), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, count, peak = out.stdout.split()
    return float(seconds), int(count), float(peak)


def report(name: str, folder: Path, size: int) -> None:
    with tempfile.TemporaryDirectory() as cache:
        cold = timed_build(folder, Path(cache))
        warm = timed_build(folder, Path(cache))
    print(
        f"{name:>14}: {size / 1024 / 1024:6.2f} MB → {cold[1]:6d} questions; cold {cold[0]:6.2f} s "
        f"({cold[0] / max(size / 1024 / 1024, 0.01):5.2f} s/MB), cached {warm[0]:5.2f} s; peak RSS {cold[2]:5.0f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-mb", type=float, default=10.0)
    args = parser.parse_args()
    if SEEDS.is_dir():
        report("seeds", SEEDS, sum(p.stat().st_size for p in SEEDS.iterdir()))
    report("knowledge/", KNOWLEDGE, sum(p.stat().st_size for p in KNOWLEDGE.rglob("*") if p.is_file()))
    for megabytes in (1.0, args.max_mb / 2, args.max_mb):
        with tempfile.TemporaryDirectory() as tmp:
            size = synthetic(Path(tmp), megabytes)
            report(f"synthetic {megabytes:g} MB", Path(tmp), size)
    print(f"(this process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB)")


if __name__ == "__main__":
    main()
