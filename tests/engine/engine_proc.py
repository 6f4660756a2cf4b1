"""A bare engine process for the restart tests: a service on a SQLite file, driven by JSON lines on stdin.

Usage: ``python engine_proc.py DB_PATH CLOCK_ISO``. Each stdin line is a JSON list ``[command, *args]``:
``["tick"]``, ``["clock", iso]``, ``["answer", member_id, reply]``, ``["start", member_id, count]``,
``["quiz", member_id, reply]``, ``["current"]``. Each command answers one JSON line on stdout:
``{"events": [...]}`` or ``{"error": class name}``.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from conftest import make_bank

from quizcore.clock import ManualClock
from quizcore.errors import QuizError
from quizcore.grading import Grader
from quizcore.members import Member
from quizcore.service import QuizService
from quizcore.storage import Database


def _event(event: object) -> dict[str, Any]:
    data: dict[str, Any] = dataclasses.asdict(event)  # type: ignore[call-overload]
    data["type"] = type(event).__name__
    return data


async def _run(service: QuizService, clock: ManualClock, command: list[Any]) -> list[Any]:
    name, *args = command
    if name == "tick":
        return await service.tick()
    if name == "clock":
        clock.set(datetime.fromisoformat(args[0]))
        return []
    if name == "answer":
        return await service.answer_daily("console", Member(args[0], args[0]), args[1])
    if name == "start":
        return await service.start_quiz("console", "console:room", Member(args[0], args[0]), count=int(args[1]))
    if name == "quiz":
        return await service.answer_quiz("console", "console:room", Member(args[0], args[0]), args[1])
    raise ValueError(f"unknown command {name!r}")


async def main(db_path: str, start: str) -> None:
    clock = ManualClock(datetime.fromisoformat(start))
    database = await Database.open(f"sqlite+aiosqlite:///{db_path}")
    service = QuizService(make_bank(), Grader(None), database, clock, seed=7)
    await service.get_config("console")  # as an adapter does at start: registers the community
    sys.stdout.write(json.dumps({"ready": True}) + "\n")
    sys.stdout.flush()
    loop = asyncio.get_running_loop()
    while line := await loop.run_in_executor(None, sys.stdin.readline):
        try:
            reply: dict[str, Any] = {"events": [_event(e) for e in await _run(service, clock, json.loads(line))]}
        except QuizError as error:
            reply = {"error": type(error).__name__, "message": error.message}
        sys.stdout.write(json.dumps(reply, default=str, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    await database.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
