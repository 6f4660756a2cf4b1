"""Time to read a notes folder (cold process and warm) and peak memory.

Usage: .venv/bin/python bench/bench_reader.py [FOLDER]   (default: ../shared/seeds, else knowledge/)
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from quizcore.knowledge import read_knowledge

ROOT = Path(__file__).resolve().parents[1]


def default_folder() -> Path:
    seeds = ROOT.parent / "shared" / "seeds"
    return seeds if seeds.is_dir() else ROOT / "knowledge"


def cold(folder: Path) -> float:
    code = (
        "import time; t=time.perf_counter(); from pathlib import Path; "
        "from quizcore.knowledge import read_knowledge; "
        f"read_knowledge(Path({str(folder)!r})); print(time.perf_counter()-t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else default_folder()
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    colds = [cold(folder) for _ in range(3)]
    read_knowledge(folder)
    warms = []
    for _ in range(10):
        start = time.perf_counter()
        kb = read_knowledge(folder)
        warms.append(time.perf_counter() - start)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"folder: {folder} ({size / 1024:.0f} KiB, {kb.files_read} notes, {sum(1 for _ in kb.sections())} sections)")
    print(f"cold process (import + read): median {statistics.median(colds) * 1000:.0f} ms")
    print(f"warm read: median {statistics.median(warms) * 1000:.1f} ms, best {min(warms) * 1000:.1f} ms")
    print(f"peak RSS of this process: {peak_mb:.0f} MiB")


if __name__ == "__main__":
    main()
