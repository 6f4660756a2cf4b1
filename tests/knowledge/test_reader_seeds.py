"""The five real seed notes read into the structure a reader of them would see."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizcore.knowledge import BlockKind, KnowledgeBase, Note, read_knowledge


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> KnowledgeBase:
    return read_knowledge(seeds_dir)


def note(kb: KnowledgeBase, prefix: str) -> Note:
    return next(n for n in kb.notes if n.file.startswith(prefix))


def test_every_seed_is_read_without_warnings(seeds: KnowledgeBase) -> None:
    assert len(seeds.notes) == 5
    assert seeds.skipped == []
    assert seeds.warnings == []


def test_front_matter_gives_title_and_tags_and_never_becomes_a_section(seeds: KnowledgeBase) -> None:
    jekyll = note(seeds, "000")
    assert jekyll.title == "面试总结"
    assert "深度学习" in jekyll.tags
    assert all("layout" not in s.title for s in jekyll.sections())


def test_the_jekyll_seed_has_five_numbered_top_sections_and_their_subsections(seeds: KnowledgeBase) -> None:
    tops = note(seeds, "000").root.children
    assert [(s.number, s.title) for s in tops] == [
        ("一", "数据处理"),
        ("二", "机器学习"),
        ("三", "NLP"),
        ("四", "图像算法"),
        ("五", "深度学习"),
    ]
    ml = tops[1]
    assert [(c.number, c.title) for c in ml.children] == [
        ("2.1", "SVM和LR的区别与联系？"),
        ("2.2", "交叉熵函数系列问题？与最大似然函数的关系和区别？"),
    ]
    assert all(c.is_question for c in ml.children)
    assert ml.children[0].heading_path == ("机器学习", "SVM和LR的区别与联系？")
    assert ml.children[0].line == 32


def test_definition_items_split_term_from_definition(seeds: KnowledgeBase) -> None:
    missing = note(seeds, "000").root.children[0].children[0]
    assert missing.title == "缺失值处理"
    terms = [b.term for b in missing.blocks if b.kind is BlockKind.LIST_ITEM]
    assert terms[:4] == ["填充固定值", "填充均值", "填充中位数", "填充众数"]
    first = missing.blocks[0]
    assert first.definition is not None and first.definition.startswith("选取某个固定值")
    assert first.line == 23


def test_the_plain_text_copy_has_numbered_headings_and_bullets(seeds: KnowledgeBase) -> None:
    plain = note(seeds, "001")
    assert plain.format == "plain"
    tops = [(s.number, s.title) for s in plain.root.children]
    assert tops[:3] == [("一", "数据处理"), ("二", "机器学习"), ("三", "NLP")]
    ml = plain.root.children[1]
    assert [c.number for c in ml.children] == ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6"]
    data = plain.root.children[0]
    items = [b for b in data.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items and items[0].text.startswith("(1)数据量太大")


def test_the_two_copies_of_one_article_are_merged_with_both_sources(seeds: KnowledgeBase) -> None:
    svm = [s for s in seeds.sections() if s.title.startswith("SVM和LR的区别与联系")]
    assert len(svm) == 1
    assert {src.file[:3] for src in svm[0].sources} == {"000", "001"}
    assert seeds.duplicates_merged >= 25
    # Sections only one copy has survive the merge.
    titles = {s.title for s in seeds.sections()}
    assert {"SVM的核函数", "随机森林", "小目标检测", "目标检测中的mAP"} <= titles


def test_github_bold_bullets_act_as_headings(seeds: KnowledgeBase) -> None:
    github = note(seeds, "002")
    titles = [s.title for s in github.sections()]
    assert "什么样的数据集不适合深度学习" in titles
    section = next(s for s in github.sections() if s.title == "什么样的数据集不适合深度学习")
    assert section.is_question and section.has_answer_material
    assert section.heading_path[-2] == "深度学习(CV)"


def test_setext_headings_and_code_fences_of_the_article(seeds: KnowledgeBase) -> None:
    article = note(seeds, "003")
    titles = [s.title for s in article.sections()]
    assert titles[:3] == ["前言", "常见的常识题", "KNN K 近邻"]
    assert "逻辑回归与 SVM 区别" in titles
    kinds = {b.kind for s in article.sections() for b in s.blocks}
    assert BlockKind.CODE in kinds
    assert BlockKind.IMAGE in kinds
    images = [b for s in article.sections() for b in s.blocks if b.kind is BlockKind.IMAGE]
    assert all(b.src for b in images)
    prose = " ".join(b.text for s in article.sections() for b in s.blocks if b.is_prose)
    assert "![" not in prose


def test_the_one_line_seed_becomes_sections_and_questions(seeds: KnowledgeBase) -> None:
    markers = note(seeds, "004")
    assert markers.format == "markers"
    tops = [s.title for s in markers.root.children]
    for section in ["经典模型&&热门模型", "机器学习基础", "Python/C/C++知识", "模型部署", "图像处理基础", "计算机基础"]:
        assert section in tops
    model = next(s for s in markers.root.children if s.title == "经典模型&&热门模型")
    assert [c.title for c in model.children] == ["U-Net模型的结构和特点?", "RepVGG模型的结构和特点?"]
    deploy = next(s for s in markers.root.children if s.title == "模型部署")
    assert [c.title for c in deploy.children] == ["主流AI端侧硬件平台有哪些?", "主流AI端侧硬件平台一般包含哪些模块?"]
    questions = [s for s in markers.sections() if s.is_question]
    assert len(questions) >= 12
    assert max(len(b.text) for s in markers.sections() for b in s.blocks) < 2000


def test_formulas_are_kept_as_formulas(seeds: KnowledgeBase) -> None:
    tfidf = next(s for s in seeds.sections() if s.title == "什么是TF-IDF?")
    formulas = [b for b in tfidf.blocks if b.kind is BlockKind.FORMULA]
    assert formulas and "frac" in formulas[0].text
    assert all("\\frac" not in b.text for b in tfidf.blocks if b.is_prose)


def test_reference_parts_and_empty_headings_have_no_answer_material(seeds: KnowledgeBase) -> None:
    refs = next(s for s in seeds.sections() if s.title == "参考资料")
    assert not refs.has_answer_material
    assert refs.no_material_reason == "reference or to-do part"
    empty = next(s for s in seeds.sections() if s.title == "前景背景分割")
    assert empty.no_material_reason == "heading with no body"
