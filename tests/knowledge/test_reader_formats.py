"""Encodings, line endings and broken files: read what can be read, warn about the rest."""

from __future__ import annotations

import codecs
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quizcore.knowledge import BlockKind, read_knowledge, read_note_bytes, read_note_text

NOTE = "# 深度学习\n\n## 批归一化的作用是什么？\n\n- 加速收敛：允许更大的学习率。\n- 正则化：带来轻微的噪声。\n"


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def titles_of(folder: Path) -> list[str]:
    return [s.title for s in read_knowledge(folder).sections()]


def test_utf8_with_bom_gbk_gb18030_and_utf16_are_read_alike(tmp_path: Path) -> None:
    encodings = {
        "bom.md": codecs.BOM_UTF8 + NOTE.encode("utf-8"),
        "gbk.md": NOTE.encode("gbk"),
        "gb18030.md": NOTE.encode("gb18030"),
        "utf16le.md": codecs.BOM_UTF16_LE + NOTE.encode("utf-16-le"),
        "utf16be.md": codecs.BOM_UTF16_BE + NOTE.encode("utf-16-be"),
        "utf16-nobom.md": NOTE.encode("utf-16-le"),
    }
    for name, data in encodings.items():
        note, warnings = read_note_bytes(data, name)
        assert warnings == [], name
        assert note is not None
        section = next(s for s in note.sections() if s.is_question)
        assert section.title == "批归一化的作用是什么？", name
        assert [b.term for b in section.blocks] == ["加速收敛", "正则化"], name


def test_windows_line_endings_keep_line_numbers(tmp_path: Path) -> None:
    note, _ = read_note_bytes(NOTE.replace("\n", "\r\n").encode(), "crlf.md")
    assert note is not None
    section = next(note.sections())
    assert [s.line for s in note.sections()] == [1, 3]
    assert section.children[0].blocks[0].line == 5


def test_a_broken_file_never_stops_the_others_from_loading(tmp_path: Path) -> None:
    write(tmp_path, "a-good.md", NOTE.encode())
    write(tmp_path, "b-binary.md", bytes(range(256)) * 40)
    write(tmp_path, "c-empty.md", b"")
    write(tmp_path, "d-undecodable.txt", b"\x81\xfe\xff\x00\x01" * 100)
    write(tmp_path, "sub/e-good.txt", "一.数据处理\n\n1.1 缺失值处理\n\n  • 填充均值:用均值填充。\n".encode())
    write(tmp_path, "image.png", b"\x89PNG\r\n\x1a\n" + bytes(100))
    kb = read_knowledge(tmp_path)
    assert [n.file for n in kb.notes] == ["a-good.md", "sub/e-good.txt"]
    assert sorted(kb.skipped) == ["b-binary.md", "c-empty.md", "d-undecodable.txt"]
    messages = {w.file: w.message for w in kb.warnings}
    assert "binary" in messages["b-binary.md"]
    assert "empty" in messages["c-empty.md"]
    assert "skipped" in messages["d-undecodable.txt"]
    assert "image.png" not in messages
    assert "缺失值处理" in [s.title for s in kb.sections()]


def test_a_huge_file_is_read_up_to_the_limit_with_a_warning(tmp_path: Path) -> None:
    chunk = ("## 第几节是什么？\n\n" + "正文内容，讲一个事实。" * 20 + "\n\n").encode()
    write(tmp_path, "huge.md", chunk * (50 * 1024 * 1024 // len(chunk)))
    kb = read_knowledge(tmp_path)
    assert len(kb.notes) == 1
    assert any("read only the first" in w.message and w.file == "huge.md" for w in kb.warnings)
    assert sum(1 for _ in kb.sections()) > 1000


def test_ten_thousand_nested_list_levels_do_not_crash(tmp_path: Path) -> None:
    after = "\n## 之后的问题是什么？\n\n答案在这里，说清楚。\n"
    write(tmp_path, "one-line.md", ("# 标题\n\n" + "- " * 10_000 + "层\n" + after).encode())
    indented = "".join("  " * (i % 100) + "- 层\n" for i in range(10_000))
    write(tmp_path, "indented.md", ("# 缩进\n\n" + indented + after.replace("之后", "缩进之后")).encode())
    quotes = "# 引用\n\n" + ">" * 10_000 + " 很深的引用\n\n## 后面还有吗？\n\n有的，这是正文。\n"
    write(tmp_path, "quotes.md", quotes.encode())
    kb = read_knowledge(tmp_path)
    titles = [(s.file, s.title) for s in kb.sections()]
    assert ("one-line.md", "之后的问题是什么？") in titles
    assert ("indented.md", "缩进之后的问题是什么？") in titles
    assert ("quotes.md", "后面还有吗？") in titles
    assert {w.file for w in kb.warnings if "nested too deep" in w.message} == {"one-line.md", "indented.md", "quotes.md"}


def test_an_unclosed_fence_is_reported_and_does_not_swallow_the_file(tmp_path: Path) -> None:
    text = "# 代码\n\n```python\nprint(1)\n\n## 这个标题还在吗？\n\n- 在：因为围栏没有闭合。\n"
    note, warnings = read_note_text(text, "fence.md")
    assert [(w.line, "never closed" in w.message) for w in warnings] == [(3, True)]
    assert "这个标题还在吗？" in [s.title for s in note.sections()]


def test_link_lists_todo_parts_and_formula_only_bodies_have_no_answer_material() -> None:
    text = (
        "# 主题\n\n## 延伸材料\n\n- [一篇文章](https://a.example)\n- [另一篇](https://b.example)\n\n"
        "## 待整理\n\n- 以后再写的内容很多很多\n\n## 公式\n\n$$a^2+b^2=c^2$$\n\n"
        "## 有内容的问题是什么？\n\n这里有一段足够长的解释文字。\n"
    )
    note, _ = read_note_text(text, "m.md")
    reasons = {s.title: s.no_material_reason for s in note.sections()}
    assert reasons == {
        "主题": "heading with no body",
        "延伸材料": "link list",
        "待整理": "reference or to-do part",
        "公式": "only formulas, code or images",
        "有内容的问题是什么？": None,
    }


def test_interview_prompts_pointers_and_figure_captions_have_no_answer_material() -> None:
    text = (
        "# 面试\n\n## 模型\n\n- 手推LR、Kmeans、SVM\n- 画出lstm的结构图，写出公式\n- 树模型如何剪枝\n\n"
        "## 反向传播\n\n反向传播原理看 CS231n 中的 BP 过程，以及 Jacobian 的传播。\n\n"
        "## SVM\n\n相关的 notebook 也可以看这里。https://example.cn/workspace?type=module\n\n"
        "## 特征图大小\n\n很简单但是也很容易错的问题：\n\n![公式](a.png)\n\n"
        "## 池化有什么作用？\n\n池化降低特征图的尺寸，可以看作一种降采样。\n"
    )
    note, _ = read_note_text(text, "p.md")
    reasons = {s.title: s.no_material_reason for s in note.sections()}
    assert reasons == {
        "面试": "heading with no body",
        "模型": "questions without answers",
        "反向传播": "only points elsewhere",
        "SVM": "link list",
        "特征图大小": "only formulas, code or images",
        "池化有什么作用？": None,
    }


def test_a_title_with_a_stray_blank_line_before_its_underline_is_still_a_heading() -> None:
    text = (
        "池化\n----\n\n池化缩小特征图。\n\n激活函数\n--------\n\nReLU 在正半轴是恒等映射。\n\n"
        "归一化\n------\n\n标准化后均值为零。\n\n训练采样方法  \n\n---------\n\n- 交叉验证\n- 留一法\n"
    )
    note, _ = read_note_text(text, "setext.md")
    sections = {s.title: s for s in note.sections()}
    assert list(sections) == ["池化", "激活函数", "归一化", "训练采样方法"]
    assert [b.text for b in sections["训练采样方法"].blocks] == ["交叉验证", "留一法"]
    assert sections["训练采样方法"].line == 16


def test_a_horizontal_rule_after_a_paragraph_stays_a_rule_where_headings_are_not_underlined() -> None:
    note, _ = read_note_text("# 笔记\n\n一段结束语\n\n---\n\n另一段正文。\n", "rule.md")
    assert [s.title for s in note.sections()] == ["笔记"]


def test_bold_spans_tables_quotes_and_nesting_are_kept() -> None:
    text = (
        "## 表格与引用\n\n**关键事实在这里。** 其余说明。\n\n| 名称 | 作用 |\n|---|---|\n| BN | 归一化 |\n\n"
        "> 一句引用的话\n\n- 外层：说明\n  - 内层：更细的说明\n"
    )
    note, _ = read_note_text(text, "t.md")
    blocks = next(note.sections()).blocks
    assert blocks[0].bold == ("关键事实在这里。",)
    table = next(b for b in blocks if b.kind is BlockKind.TABLE)
    assert table.rows == (("名称", "作用"), ("BN", "归一化"))
    assert any(b.kind is BlockKind.QUOTE and b.text == "一句引用的话" for b in blocks)
    items = [(b.term, b.depth) for b in blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == [("外层", 0), ("内层", 1)]


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000))
def test_reading_never_raises_on_any_bytes(data: bytes) -> None:
    note, warnings = read_note_bytes(data, "any.md")
    assert note is not None or warnings


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["# ", "## ", "- ", "  - ", "* **", "**", "$$", "$", "```", "> ", "|", "---", "===", "【一】", "【节】",
             "1.1 ", "一.", "• ", "：", "?", "\n", "\n\n", "文字", "word", "![a](b)", "[x](y)", "<b>", "\\", "\t"]
        ),
        max_size=120,
    )
)
def test_reading_never_raises_on_any_markdown_like_text(parts: list[str]) -> None:
    note, _ = read_note_text("".join(parts), "fuzz.md")
    for section in note.sections():
        assert section.title
        assert section.line >= 1
        assert all(block.line >= 1 for block in section.blocks)
