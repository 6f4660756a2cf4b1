"""Hand-written questions: their YAML schema and the loader that turns them into questions.

One YAML file per area lives under ``questions/`` in the knowledge folder::

    topic: 深度学习 > 归一化
    questions:
      - id: bn-normalises-over-batch
        type: mcq
        question: 批归一化在哪个维度上计算均值和方差？
        options: [同一特征在一个批次的所有样本上, 同一样本的所有特征上]
        answer: 同一特征在一个批次的所有样本上
        explanation: ...

Every problem is reported as ``file:line: questions[3].answer: message`` and never stops
the other questions or files from loading. ``python -m quizcore.authored`` prints the
JSON Schema that editors use to check these files.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_core import ErrorDetails, PydanticCustomError

from quizcore.questions import Format, Kind, Question, Source
from quizcore.yamlsource import YamlDocument, YamlSourceError, load_yaml

__all__ = [
    "AuthoredError",
    "AuthoredFile",
    "AuthoredLoad",
    "McqEntry",
    "NumericEntry",
    "OpenEntry",
    "ShortEntry",
    "load_authored",
    "schema_json",
]

log = logging.getLogger(__name__)

QUESTIONS_DIR = "questions"
ID_PREFIX = "authored:"
_SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _wrap_alias(value: Any) -> Any:
    # A key point with a single name may be written bare: `特征选择` for `[特征选择]`.
    return [value] if isinstance(value, str | int | float) and not isinstance(value, bool) else value


Point = Annotated[
    list[Text],
    Field(min_length=1),
    BeforeValidator(_wrap_alias, json_schema_input_type=Text | list[Text]),
]


def _distinct(values: list[str], what: str) -> list[str]:
    seen: set[str] = set()
    for value in values:
        if value.casefold() in seen:
            raise PydanticCustomError(
                "duplicate", "{what} {value} is listed twice", {"what": what, "value": repr(value)}
            )
        seen.add(value.casefold())
    return values


class _Entry(BaseModel):
    """What every hand-written question has."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)

    id: str = Field(
        description='Kebab-case slug, unique in the whole folder; the question id is "authored:<id>".',
        examples=["bn-normalises-over-batch"],
        json_schema_extra={"pattern": _SLUG},
    )
    question: Text = Field(description="The question as asked.")
    explanation: Text = Field(description="Shown after the question closes: why the answer is right.")
    topic: Text | None = Field(None, description="Topic path (`区域 > 主题`); defaults to the file's topic.")
    difficulty: int = Field(2, ge=1, le=5, description="1 (easy) to 5 (hard).")

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not re.fullmatch(_SLUG, value):
            raise PydanticCustomError(
                "slug",
                "{value} is not a kebab-case slug (lowercase a-z, digits, single hyphens)",
                {"value": repr(value)},
            )
        return value


class McqEntry(_Entry):
    """A multiple-choice question: the answer is the text of one of the options."""

    type: Literal["mcq"]
    options: list[Text] = Field(min_length=2, max_length=6, description="2 to 6 distinct choices.")
    answer: Text = Field(description="The correct option, written exactly as in `options`.")

    @field_validator("options")
    @classmethod
    def _distinct_options(cls, value: list[str]) -> list[str]:
        return _distinct(value, "option")

    @field_validator("answer")
    @classmethod
    def _answer_is_option(cls, value: str, info: ValidationInfo) -> str:
        options = info.data.get("options")
        if options is not None and value not in options:
            raise PydanticCustomError("not_an_option", "{value} is not one of the options", {"value": repr(value)})
        return value


class ShortEntry(_Entry):
    """A question answered with a term: any accepted answer (or its glossary alias) passes."""

    type: Literal["short"]
    answers: list[Text] = Field(min_length=1, description="Accepted answers, canonical first.")

    @field_validator("answers")
    @classmethod
    def _distinct_answers(cls, value: list[str]) -> list[str]:
        return _distinct(value, "answer")


class NumericEntry(_Entry):
    """A question answered with a number, right within an absolute tolerance."""

    type: Literal["numeric"]
    answer: float = Field(allow_inf_nan=False, description="The correct value.")
    tolerance: float = Field(0.0, ge=0, description="Largest accepted absolute difference from `answer`.")
    unit: Text | None = Field(None, description="Unit of the answer, shown with the question (e.g. `%`, `MB`).")


class OpenEntry(_Entry):
    """An open question graded by the key points a reply mentions."""

    type: Literal["open"]
    points: list[Point] = Field(min_length=1, description="Key points, each a list of names it goes by.")
    min_points: int | None = Field(
        None, ge=1, description="Key points needed to pass; defaults to half of them, rounded up."
    )

    @field_validator("min_points")
    @classmethod
    def _not_more_than_points(cls, value: int | None, info: ValidationInfo) -> int | None:
        points = info.data.get("points")
        if value is not None and points is not None and value > len(points):
            raise PydanticCustomError(
                "too_many", "{value} is more than the {count} points listed", {"value": value, "count": len(points)}
            )
        return value


Entry = McqEntry | ShortEntry | NumericEntry | OpenEntry
_BY_TYPE: dict[str, type[_Entry]] = {"mcq": McqEntry, "short": ShortEntry, "numeric": NumericEntry, "open": OpenEntry}


class AuthoredFile(BaseModel):
    """One file of hand-written questions (one area of the knowledge base)."""

    model_config = ConfigDict(
        extra="forbid",
        title="quizbot hand-written questions",
        json_schema_extra={"description": "One file of knowledge/questions/: a topic and its questions."},
    )

    topic: Text | None = Field(None, description="Default topic path for the file's questions.")
    questions: list[Annotated[Entry, Field(discriminator="type")]] = Field(description="The questions.")


@dataclass(frozen=True)
class AuthoredError:
    """A problem in a question file, with the file, line and field at fault."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass
class AuthoredLoad:
    """The questions that loaded and the problems found on the way."""

    questions: list[Question] = field(default_factory=list)
    errors: list[AuthoredError] = field(default_factory=list)


def load_authored(folder: Path) -> AuthoredLoad:
    """Load every hand-written question under ``folder/questions/``.

    Args:
        folder: the knowledge folder; messages name files as ``folder/questions/<file>``.

    Returns:
        The valid questions (kind ``authored``, in file then entry order) and one error per
        problem; a broken entry or file never stops the others.
    """
    result = AuthoredLoad()
    first_seen: dict[str, str] = {}
    root = folder / QUESTIONS_DIR
    paths = sorted(
        path
        for path in root.rglob("*")
        if path.suffix in {".yaml", ".yml"}
        and path.is_file()
        # Editors leave hidden and backup copies next to the real file: they are not question files.
        and not any(part.startswith((".", "~")) for part in path.relative_to(root).parts)
    )
    for path in paths:
        _load_file(folder, path, result, first_seen)
    log.debug("loaded %d authored questions, %d errors", len(result.questions), len(result.errors))
    return result


def _load_file(folder: Path, path: Path, result: AuthoredLoad, first_seen: dict[str, str]) -> None:
    relative = path.relative_to(folder).as_posix()
    display = (folder / relative).as_posix()
    try:
        doc = load_yaml(path, display)
    except YamlSourceError as exc:
        result.errors.append(AuthoredError(exc.file, exc.line, exc.message))
        return
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        result.errors.append(AuthoredError(display, 1, "a question file is a mapping with a 'questions' list"))
        return
    for key in sorted(set(map(str, data)) - {"topic", "questions"}):
        result.errors.append(
            AuthoredError(display, doc.line_of((key,)), f"{key}: unknown key; allowed: questions, topic")
        )
    topic = data.get("topic")
    if topic is not None and not (isinstance(topic, str) and topic.strip()):
        result.errors.append(AuthoredError(display, doc.line_of(("topic",)), "topic: must be a non-empty string"))
        topic = None
    default_topic = topic.strip() if isinstance(topic, str) else path.stem
    for index, raw in enumerate(data["questions"]):
        entry = _validate(doc, index, raw, result.errors)
        if entry is None:
            continue
        line = doc.line_of(("questions", index))
        where = f"{display}:{line}"
        if entry.id in first_seen:
            message = f"questions[{index}].id: duplicate id {entry.id!r} (first used at {first_seen[entry.id]})"
            result.errors.append(AuthoredError(display, doc.line_of(("questions", index, "id")), message))
            continue
        first_seen[entry.id] = where
        result.questions.append(_to_question(entry, Source(relative, line, entry.topic or default_topic)))


def _validate(doc: YamlDocument, index: int, raw: Any, errors: list[AuthoredError]) -> _Entry | None:
    prefix = f"questions[{index}]"
    if not isinstance(raw, dict):
        errors.append(AuthoredError(doc.file, doc.line_of(("questions", index)), f"{prefix}: a question is a mapping"))
        return None
    kind = raw.get("type")
    model = _BY_TYPE.get(str(kind)) if kind is not None else None
    if model is None:
        found = "required field is missing; use one of" if kind is None else f"{kind!r} is not one of"
        message = f"{prefix}.type: {found} {', '.join(_BY_TYPE)}"
        errors.append(AuthoredError(doc.file, doc.line_of(("questions", index, "type")), message))
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        for error in exc.errors():
            loc = ("questions", index, *error["loc"])
            errors.append(
                AuthoredError(doc.file, doc.line_of(loc), f"{_dotted(loc)}: {_message(error, model, str(kind))}")
            )
        return None


def _dotted(loc: Sequence[Any]) -> str:
    text = str(loc[0])
    for part in loc[1:]:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def _message(error: ErrorDetails, model: type[_Entry], kind_name: str) -> str:
    kind = error["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        allowed = ", ".join(sorted(model.model_fields))
        return f"unknown key; a {kind_name} question allows: {allowed}"
    if kind == "string_too_short":
        return "must not be empty"
    return str(error["msg"])


def _to_question(entry: _Entry, source: Source) -> Question:
    common: dict[str, Any] = {
        "id": ID_PREFIX + entry.id,
        "kind": Kind.AUTHORED,
        "topic": source.heading,
        "difficulty": entry.difficulty,
        "stem": entry.question,
        "explanation": entry.explanation,
        "source": source,
    }
    if isinstance(entry, McqEntry):
        return Question(
            format=Format.MCQ, options=tuple(entry.options), answer_index=entry.options.index(entry.answer), **common
        )
    if isinstance(entry, ShortEntry):
        return Question(format=Format.SHORT, answers=tuple(entry.answers), **common)
    if isinstance(entry, NumericEntry):
        return _numeric(entry, common)
    assert isinstance(entry, OpenEntry)
    points = tuple(tuple(point) for point in entry.points)
    needed = entry.min_points if entry.min_points is not None else (len(points) + 1) // 2
    return Question(format=Format.OPEN, points=points, min_points=needed, **common)


def _numeric(entry: NumericEntry, common: dict[str, Any]) -> Question:
    value = str(int(entry.answer)) if entry.answer.is_integer() else repr(entry.answer)
    answers = (value, f"{value}{entry.unit}") if entry.unit else (value,)
    if entry.unit and entry.unit not in entry.question:
        common = {**common, "stem": f"{entry.question}（单位：{entry.unit}）"}
    return Question(format=Format.NUMERIC, answers=answers, tolerance=entry.tolerance, **common)


def schema_json() -> str:
    """The JSON Schema of a question file, as committed in ``knowledge/questions.schema.json``."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **AuthoredFile.model_json_schema()}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def main() -> None:
    """Write the JSON Schema to stdout: ``python -m quizcore.authored > knowledge/questions.schema.json``."""
    sys.stdout.write(schema_json())


if __name__ == "__main__":
    main()
