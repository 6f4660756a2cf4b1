"""Hand-written questions: the bundled set, the loader's file:line errors, and the JSON Schema."""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from quizcore.authored import AuthoredLoad, load_authored, schema_json
from quizcore.questions import Bank, Format, Kind, Question

WriteQuestions = Callable[[str, str], Path]
LineOf = Callable[[Path, str], int]

AREAS = {
    "数据处理",
    "经典机器学习",
    "评价指标",
    "损失函数",
    "优化方法",
    "深度学习",
    "计算机视觉",
    "自然语言处理",
    "生成对抗网络",
    "模型部署",
    "编程基础",
}

GOOD = """
    - id: good-before
      type: short
      question: 对单个样本的所有特征做归一化的方法叫什么？
      answers: [层归一化, LN]
      explanation: 与批大小无关。
"""
GOOD_AFTER = """
    - id: good-after
      type: numeric
      question: 3×3 卷积堆叠三层的感受野边长？
      answer: 7
      explanation: 每层加 2。
"""


@pytest.fixture(scope="module")
def bundled(knowledge_dir: Path) -> AuthoredLoad:
    return load_authored(knowledge_dir)


def test_every_bundled_question_file_loads_without_errors(bundled: AuthoredLoad) -> None:
    assert [str(e) for e in bundled.errors] == []


def test_the_bundled_set_has_enough_questions_of_every_format(bundled: AuthoredLoad) -> None:
    formats = Counter(q.format for q in bundled.questions)
    assert len(bundled.questions) >= 80
    assert formats[Format.MCQ] >= 15
    assert formats[Format.SHORT] >= 15
    assert formats[Format.NUMERIC] >= 10
    assert formats[Format.OPEN] >= 10


def test_the_bundled_questions_cover_every_area_of_the_knowledge_base(bundled: AuthoredLoad) -> None:
    assert set(Bank(bundled.questions).topics()) == AREAS


def test_bundled_questions_have_unique_authored_ids_and_survive_a_json_round_trip(bundled: AuthoredLoad) -> None:
    ids = [q.id for q in bundled.questions]
    assert len(set(ids)) == len(ids)
    assert all(q.kind is Kind.AUTHORED and q.id.startswith("authored:") for q in bundled.questions)
    assert [Question.from_json(q.to_json()) for q in bundled.questions] == bundled.questions


def test_a_question_remembers_its_file_line_and_topic(
    tmp_knowledge: Path, write_questions: WriteQuestions, line_of: LineOf
) -> None:
    path = write_questions(
        "dl.yaml",
        """
        topic: 深度学习 > 归一化
        questions:
          - id: bn-axis
            type: mcq
            question: 批归一化在哪个维度上统计？
            options: [批维度, 特征维度]
            answer: 特征维度
            explanation: 示例。
          - id: ln-name
            type: short
            topic: 深度学习 > Transformer
            question: Transformer 常用哪种归一化？
            answers: [层归一化, LN, Layer Normalization]
            explanation: 示例。
        """,
    )
    first, second = load_authored(tmp_knowledge).questions
    assert (first.id, first.format, first.options, first.answer_index) == (
        "authored:bn-axis",
        Format.MCQ,
        ("批维度", "特征维度"),
        1,
    )
    assert (first.source.file, first.source.line, first.topic) == (
        "questions/dl.yaml",
        line_of(path, "bn-axis"),
        "深度学习 > 归一化",
    )
    assert second.topic == second.source.heading == "深度学习 > Transformer"
    assert second.answers == ("层归一化", "LN", "Layer Normalization")
    assert second.correct_text == "层归一化"
    assert first.difficulty == 2


def test_a_numeric_question_shows_its_unit_and_accepts_the_number_with_or_without_it(
    tmp_knowledge: Path, write_questions: WriteQuestions
) -> None:
    write_questions(
        "ml.yaml",
        """
        questions:
          - id: oob-share
            type: numeric
            question: 自助采样中未被抽到的样本约占多少？
            answer: 36.8
            tolerance: 0.2
            unit: "%"
            difficulty: 3
            explanation: 1/e。
        """,
    )
    (question,) = load_authored(tmp_knowledge).questions
    assert question.stem == "自助采样中未被抽到的样本约占多少？（单位：%）"
    assert (question.answers, question.tolerance, question.difficulty) == (("36.8", "36.8%"), 0.2, 3)
    assert question.topic == "ml"


def test_an_open_question_needs_half_its_points_unless_told(
    tmp_knowledge: Path, write_questions: WriteQuestions
) -> None:
    write_questions(
        "ml.yaml",
        """
        questions:
          - id: l1-effects
            type: open
            question: L1 正则有什么作用？
            points: [[稀疏, 稀疏解], 特征选择, [防止过拟合]]
            explanation: 示例。
          - id: l1-effects-strict
            type: open
            question: L1 正则有什么作用？
            points: [[稀疏, 稀疏解], 特征选择]
            min_points: 2
            explanation: 示例。
        """,
    )
    lenient, strict = load_authored(tmp_knowledge).questions
    assert lenient.points == (("稀疏", "稀疏解"), ("特征选择",), ("防止过拟合",))
    assert (lenient.min_points, strict.min_points) == (2, 2)


@pytest.mark.parametrize(
    ("broken", "marker", "message"),
    [
        (
            """
            - id: wrong-type
              type: mc
              question: 哪个？
              explanation: 示例。
            """,
            "type: mc",
            "questions[1].type: 'mc' is not one of mcq, short, numeric, open",
        ),
        (
            """
            - id: unknown-key
              type: short
              question: 哪个？
              answers: [层归一化]
              hint: 想想 Transformer。
              explanation: 示例。
            """,
            "hint:",
            "questions[1].hint: unknown key; a short question allows: answers, difficulty, explanation, id,",
        ),
        (
            """
            - id: not-an-option
              type: mcq
              question: 哪个？
              options: [A, B, C, D]
              answer: E
              explanation: 示例。
            """,
            "answer: E",
            "questions[1].answer: 'E' is not one of the options",
        ),
        (
            """
            - id: bad-difficulty
              type: short
              question: 哪个？
              answers: [BN]
              difficulty: hard
              explanation: 示例。
            """,
            "difficulty:",
            "questions[1].difficulty: Input should be a valid integer",
        ),
        (
            """
            - id: no-explanation
              type: short
              question: 哪个？
              answers: [BN]
            """,
            "no-explanation",
            "questions[1].explanation: required field is missing",
        ),
        (
            """
            - id: Not_A_Slug
              type: short
              question: 哪个？
              answers: [BN]
              explanation: 示例。
            """,
            "Not_A_Slug",
            "questions[1].id: 'Not_A_Slug' is not a kebab-case slug",
        ),
        (
            """
            - id: repeated-option
              type: mcq
              question: 哪个？
              options: [A, B, A]
              answer: A
              explanation: 示例。
            """,
            "options:",
            "questions[1].options: option 'A' is listed twice",
        ),
        (
            """
            - id: too-many-points
              type: open
              question: 为什么？
              points: [[稀疏]]
              min_points: 2
              explanation: 示例。
            """,
            "min_points:",
            "questions[1].min_points: 2 is more than the 1 points listed",
        ),
    ],
)
def test_a_broken_question_is_reported_at_its_line_and_field_while_its_neighbours_load(
    tmp_knowledge: Path, write_questions: WriteQuestions, line_of: LineOf, broken: str, marker: str, message: str
) -> None:
    body = "questions:" + GOOD + _indent(broken) + GOOD_AFTER
    path = write_questions("area.yaml", body)
    loaded = load_authored(tmp_knowledge)
    assert [q.id for q in loaded.questions] == ["authored:good-before", "authored:good-after"]
    (error,) = loaded.errors
    assert (error.file, error.line) == (f"{tmp_knowledge.as_posix()}/questions/area.yaml", line_of(path, marker))
    assert str(error).startswith(f"{error.file}:{error.line}: {message}")


def test_a_duplicate_id_in_another_file_is_refused_and_points_at_the_first(
    tmp_knowledge: Path, write_questions: WriteQuestions, line_of: LineOf
) -> None:
    first = write_questions("a.yaml", "questions:" + GOOD)
    second = write_questions("b.yaml", "questions:" + GOOD_AFTER + GOOD)
    loaded = load_authored(tmp_knowledge)
    assert [q.source.file for q in loaded.questions] == ["questions/a.yaml", "questions/b.yaml"]
    (error,) = loaded.errors
    assert error.line == line_of(second, "good-before")
    assert error.message == (
        f"questions[1].id: duplicate id 'good-before' (first used at {tmp_knowledge.as_posix()}/questions/a.yaml:"
        f"{line_of(first, 'good-before')})"
    )


def test_invalid_yaml_is_reported_at_its_line_and_other_files_still_load(
    tmp_knowledge: Path, write_questions: WriteQuestions, line_of: LineOf
) -> None:
    write_questions("a-good.yaml", "questions:" + GOOD)
    broken = write_questions("b-broken.yaml", "questions:\n  - id: x\n    question: [unclosed\n    type: short\n")
    loaded = load_authored(tmp_knowledge)
    assert [q.id for q in loaded.questions] == ["authored:good-before"]
    (error,) = loaded.errors
    assert error.file.endswith("questions/b-broken.yaml")
    assert error.line >= line_of(broken, "[unclosed")
    assert "invalid YAML" in error.message


def test_a_file_without_a_questions_list_and_unknown_top_level_keys_are_named(
    tmp_knowledge: Path, write_questions: WriteQuestions, line_of: LineOf
) -> None:
    write_questions("a.yaml", "- just a list\n")
    extra = write_questions("b.yaml", "topic: 深度学习\nauthor: someone\nquestions:" + GOOD)
    loaded = load_authored(tmp_knowledge)
    assert [str(e).split(": ", 1)[1] for e in loaded.errors] == [
        "a question file is a mapping with a 'questions' list",
        "author: unknown key; allowed: questions, topic",
    ]
    assert loaded.errors[1].line == line_of(extra, "author:")
    assert [q.topic for q in loaded.questions] == ["深度学习"]


def test_answers_and_options_written_as_numbers_are_kept_as_text(
    tmp_knowledge: Path, write_questions: WriteQuestions
) -> None:
    write_questions(
        "nlp.yaml",
        """
        questions:
          - id: bert-layers
            type: short
            question: BERT-base 有多少层？
            answers: [12, 十二]
            explanation: 示例。
          - id: heads
            type: mcq
            question: Transformer base 有几个头？
            options: [8, 12]
            answer: 8
            explanation: 示例。
        """,
    )
    short, mcq = load_authored(tmp_knowledge).questions
    assert short.answers == ("12", "十二")
    assert (mcq.options, mcq.answer_index) == (("8", "12"), 0)


def test_hidden_and_backup_files_in_the_questions_folder_are_not_read(
    tmp_knowledge: Path, write_questions: WriteQuestions
) -> None:
    write_questions(".draft.yaml", "questions: [broken")
    (tmp_knowledge / "questions" / "~old").mkdir()
    write_questions("~old/area.yaml", "questions:" + GOOD)
    write_questions("area.yaml", "questions:" + GOOD)
    loaded = load_authored(tmp_knowledge)
    assert ([q.source.file for q in loaded.questions], loaded.errors) == (["questions/area.yaml"], [])


def test_a_knowledge_folder_without_questions_loads_nothing_and_complains_about_nothing(tmp_path: Path) -> None:
    loaded = load_authored(tmp_path)
    assert (loaded.questions, loaded.errors) == ([], [])


def test_the_committed_json_schema_is_what_the_model_generates(knowledge_dir: Path) -> None:
    committed = (knowledge_dir / "questions.schema.json").read_text(encoding="utf-8")
    assert committed == schema_json(), "regenerate: python -m quizcore.authored > knowledge/questions.schema.json"


def _indent(block: str) -> str:
    return textwrap.indent(textwrap.dedent(block).strip("\n"), "    ") + "\n"
