"""For any notes, every generated question keeps the quality rules (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizcore.generation import build_bank
from quizcore.glossary import Glossary, Term
from quizcore.knowledge import read_note_text
from quizcore.knowledge.reader import KnowledgeBase

from .conftest import assert_invariants

TERMS = [
    "批归一化",
    "层归一化",
    "最大池化",
    "平均池化",
    "逻辑回归",
    "线性回归",
    "随机森林",
    "梯度提升树",
    "ReLU",
    "Sigmoid",
    "Adam",
    "AdaGrad",
]
GLOSSARY = Glossary(
    [
        Term(
            t,
            (),
            "归一化"
            if "归一化" in t
            else "池化"
            if "池化" in t
            else "模型"
            if "回" in t or "树" in t or "森林" in t
            else "其他",
        )
        for t in TERMS
    ]
)

words = st.sampled_from(
    ["模型", "训练", "数据", "可以", "减少", "过拟合", "方差", "梯度", "更快", "收敛", "特征", "输入", "输出", *TERMS]
)
sentence = st.lists(words, min_size=3, max_size=12).map(lambda ws: "".join(ws) + "。")
number = st.sampled_from(["63.2%", "15%", "3 层", "45 FPS", "0.5", "2 倍", "2020年"])


@st.composite
def section(draw: st.DrawFn) -> str:
    title = (
        draw(st.sampled_from(["什么是", "为什么", "如何理解", "", "简述"]))
        + draw(words)
        + draw(st.sampled_from(["？", "", "的区别", "有哪些？"]))
    )
    lines = [f"## {title}", ""]
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.integers(0, 4))
        if kind == 0:
            lines.append(f"- {draw(words)}：{draw(sentence)}")
        elif kind == 1:
            lines.append(f"- {draw(words)}")
        elif kind == 2:
            lines.append(f"**{draw(sentence)}**")
        elif kind == 3:
            lines.append(draw(sentence)[:-1] + f"约 {draw(number)}。")
        else:
            lines.append(draw(sentence))
        lines.append("")
    return "\n".join(lines)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(section(), min_size=1, max_size=8), st.integers(0, 3))
def test_every_question_from_any_notes_keeps_the_rules(sections: list[str], seed: int) -> None:
    text = "# 主题\n\n" + "\n".join(sections)
    note, _ = read_note_text(text, "gen.md")
    kb = KnowledgeBase(folder=__import__("pathlib").Path("."), notes=[note])
    bank = build_bank(kb, GLOSSARY, seed=seed).bank
    for q in bank:
        assert_invariants(q)
        assert q.source.file == "gen.md"


def test_the_generated_notes_do_yield_questions_of_several_kinds() -> None:
    text = (
        "# 主题\n\n## 归一化有哪些？\n\n- 批归一化：对一个批次内同一特征做归一化。\n- 层归一化：对单个样本的全部特征做归一化。\n"
        "- 最大池化：取窗口内的最大值作为输出。\n\n## 随机森林为什么稳定？\n\n**使用随机森林可以明显降低模型的方差，训练也更稳定。**\n\n"
        "随机森林的每棵树做有放回抽样时，约 36.8% 的样本不会被抽到。\n\n"
        "## 为什么要用激活函数？\n\n激活函数给网络带来非线性，没有它多层网络仍是线性变换。\n\n"
        "## 优化器怎么选？\n\n带动量的方法在平坦区域也能保持前进的速度，常作为默认选择。\n\n"
        "## 学习率怎么设？\n\n一般先用较大的学习率快速下降，再逐步衰减到较小的值。\n\n"
        "## 批归一化和层归一化有什么区别？\n\n批归一化依赖批的大小，批很小时统计量不稳定；层归一化不依赖批的大小，适合 RNN。\n"
    )
    note, _ = read_note_text(text, "gen.md")
    kb = KnowledgeBase(folder=__import__("pathlib").Path("."), notes=[note])
    bank = build_bank(kb, GLOSSARY, seed=0).bank
    assert {q.kind.value for q in bank} >= {"definition", "section", "cloze", "numeric"}
