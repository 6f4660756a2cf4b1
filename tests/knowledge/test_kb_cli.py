"""``quizbot kb stats`` and ``quizbot kb check`` as scripts and people use them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

QUIZBOT = str(Path(sys.executable).parent / "quizbot")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([QUIZBOT, *args], capture_output=True, text=True, timeout=120, check=False)


def test_stats_json_has_the_stable_keys_and_counts_the_seeds(seeds_dir: Path) -> None:
    result = run("kb", "stats", "--knowledge", str(seeds_dir), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    for key in ("files", "skipped", "notes", "sections", "question_sections", "definitions", "duplicates_merged"):
        assert isinstance(data[key], int), key
    assert data["files"] == 5 and data["notes"] == 5 and data["skipped"] == 0
    assert data["sections"] > 150 and data["question_sections"] > 100 and data["definitions"] > 80
    assert data["duplicates_merged"] > 20
    assert data["warnings"] == []


def test_check_names_file_and_line_and_exits_zero_while_something_is_usable(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text("# 主题\n\n## 什么是过拟合？\n\n模型在训练集上好、在新数据上差。\n", encoding="utf-8")
    (tmp_path / "broken.md").write_text("# 代码\n\n```python\nx = 1\n", encoding="utf-8")
    (tmp_path / "blob.md").write_bytes(b"\x00\x01\x02" * 100)
    result = run("kb", "check", "--knowledge", str(tmp_path))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert "broken.md:3: code fence never closed; read the rest of the file as text" in lines
    assert "blob.md: binary file, not text; skipped" in lines
    as_json = json.loads(run("kb", "check", "--knowledge", str(tmp_path), "--json").stdout)
    assert {"file": "broken.md", "line": 3, "message": "code fence never closed; read the rest of the file as text"} in (
        as_json["warnings"]
    )


def test_check_exits_one_when_nothing_usable_could_be_read(tmp_path: Path) -> None:
    (tmp_path / "blob.md").write_bytes(b"\x00\x01\x02" * 100)
    result = run("kb", "check", "--knowledge", str(tmp_path))
    assert result.returncode == 1
    assert "nothing usable" in result.stderr


def test_a_missing_folder_is_a_one_line_error(tmp_path: Path) -> None:
    result = run("kb", "stats", "--knowledge", str(tmp_path / "nope"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.stderr
