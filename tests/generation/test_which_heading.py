"""Which-heading questions: a passage with its subject blanked, matched to the heading it answers.

The wrong headings must be plausible (at least one on a related topic, from anywhere in the notes)
and must not be defensible answers themselves.
"""

from __future__ import annotations

from pathlib import Path

from quizcore.generation import build_bank, load_glossary
from quizcore.generation.common import Maker
from quizcore.generation.kind_section import MISSES, _completes_heading_word, section_questions
from quizcore.generation.passages import mask_words
from quizcore.generation.rivals import title_left
from quizcore.generation.segment import Segmenter
from quizcore.generation.terms import TermIndex
from quizcore.knowledge import read_knowledge
from quizcore.questions import Bank, Question

from .conftest import assert_invariants

#: Questions on unrelated topics, one known term each: none is on the topic of activation functions.
FILLERS = [
    ("什么是过拟合？", "过拟合是模型把训练集里的噪声也学了进去，训练误差很低而测试误差很高。"),
    ("学习率应该怎么选？", "学习率太大时损失来回震荡，太小时收敛很慢，通常从零点零零一附近开始试。"),
    ("决策树怎么选择划分特征？", "决策树挑选让子节点更纯的特征来划分，纯度可以用信息增益衡量。"),
    ("词向量有什么用？", "词向量把每个词映射成稠密的实数向量，意思相近的词在空间里距离也近。"),
    ("卷积层的参数怎么算？", "卷积层的参数量等于卷积核的宽乘高乘输入通道数再乘输出通道数，另加偏置。"),
    ("K均值聚类怎么选簇数？", "K均值聚类常画出误差平方和随簇数变化的曲线，取拐点处的簇数。"),
    ("AUC 表示什么？", "AUC 是随机取一个正样本和一个负样本时，正样本得分更高的概率。"),
    ("Adam 优化器有什么特点？", "Adam 优化器同时维护梯度的一阶矩和二阶矩估计，为每个参数调整步长。"),
    ("什么是迁移学习？", "迁移学习把在大数据集上学到的知识搬到数据较少的新任务上继续使用。"),
    ("为什么要做交叉验证？", "交叉验证把数据轮流分成训练部分和验证部分，让评估结果不依赖一次偶然的划分。"),
    ("什么是注意力机制？", "注意力机制按相关程度给输入的各个位置分配权重，再对它们加权求和。"),
    ("主成分分析的作用是什么？", "主成分分析把数据投影到方差最大的几个正交方向上，用较少的维度保留大部分信息。"),
    ("为什么要用 Dropout？", "Dropout 在训练时随机让一部分神经元不工作，使网络不依赖个别神经元。"),
]
RELU = "## 为什么要用 ReLU？\n\nReLU 在正半轴的导数恒为一，计算时只需要做一次比较，速度很快。\n\n"


def bank_of(folder: Path, notes: dict[str, str]) -> Bank:
    for name, text in notes.items():
        (folder / name).write_text(text, encoding="utf-8")
    bank = build_bank(read_knowledge(folder), load_glossary(folder)).bank
    for q in bank:
        assert_invariants(q)
    return bank


def flat_note(middle: str) -> str:
    """A long flat note of unrelated questions with ``middle`` among them."""
    head = "".join(f"## {t}\n\n{b}\n\n" for t, b in FILLERS[:7])
    tail = "".join(f"## {t}\n\n{b}\n\n" for t, b in FILLERS[7:])
    return "# 面试杂记\n\n" + head + middle + tail


def note_of(top: str, sections: list[tuple[str, str]]) -> str:
    """A note with one top heading and a section for each (title, text)."""
    return f"# {top}\n\n" + "".join(f"## {title}\n\n{text}\n\n" for title, text in sections)


def which(bank: Bank) -> list[Question]:
    return [q for q in bank if q.stem.startswith("下面这段话")]


def correct(q: Question) -> str:
    assert q.options is not None and q.answer_index is not None
    return q.options[q.answer_index]


def test_among_unrelated_headings_alone_a_passage_asks_nothing(tmp_path: Path) -> None:
    # Every wrong heading off-topic: the passage fits only one, a giveaway.
    assert not which(bank_of(tmp_path, {"a.md": flat_note(RELU)}))


def test_the_stats_say_which_step_a_section_without_questions_stopped_at(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        flat_note(RELU + "## 为什么要用 GELU？\n\n这就是上面说的那个原因。\n\n"), encoding="utf-8"
    )
    stats = build_bank(read_knowledge(tmp_path), load_glossary(tmp_path)).stats
    reasons = stats.no_question_reasons
    # ReLU's passage found only off-topic headings; GELU's answer leans on what came before it
    assert reasons.get(MISSES[-1], 0) >= 1 and reasons.get(MISSES[2], 0) >= 1, reasons
    assert sum(reasons.values()) == stats.sections_with_material - stats.sections_yielding


def test_a_heading_on_a_term_of_the_same_kind_in_another_note_is_the_plausible_wrong_option(tmp_path: Path) -> None:
    other = "# 另一份笔记\n\n## Sigmoid 适合放在哪里？\n\nSigmoid 把任意实数压到零和一之间，常用作二分类网络最后一层的输出。\n"
    asked = which(bank_of(tmp_path, {"a.md": flat_note(RELU), "b.md": other}))
    relu = [q for q in asked if correct(q) == "为什么要用 ReLU？"]
    assert relu and all("Sigmoid 适合放在哪里？" in (q.options or ()) for q in relu)
    assert "____ 在正半轴的导数恒为一" in relu[0].stem


def test_a_heading_whose_notes_say_the_same_is_never_a_wrong_option(tmp_path: Path) -> None:
    # Sigmoid's notes say what the ReLU passage says: its heading would be a second right answer.
    other = "# 另一份笔记\n\n## Sigmoid 有什么缺点？\n\nSigmoid 计算时只需要做一次比较，速度很快，但两端会饱和。\n"
    asked = which(bank_of(tmp_path, {"a.md": flat_note(RELU), "b.md": other}))
    assert not any("Sigmoid 有什么缺点？" in (q.options or ()) and correct(q) == "为什么要用 ReLU？" for q in asked)


def test_a_heading_that_names_the_blanked_word_is_never_a_wrong_option(tmp_path: Path) -> None:
    notes = note_of(
        "图像算法",
        [
            ("常用的插值方法", "放大图像时多出来的像素点无法直接赋值，需要通过插值决定它们的值。"),
            ("Resize 双线性插值", "在网络里做特征融合时，双线性插值的效果比转置卷积要好一点。"),
            ("中值滤波", "中值滤波用邻域像素的中位数替换中心像素，能很好地去除椒盐噪声。"),
            ("图像灰度化", "图像灰度化把三个通道合成一个通道，后面的计算量更小。"),
            ("边缘检测算子", "边缘检测算子用一阶差分近似图像的梯度，梯度大的地方就是边缘。"),
            ("直方图均衡化", "直方图均衡化把集中的灰度拉开到整个范围，提高图像的对比度。"),
        ],
    )
    asked = [q for q in which(bank_of(tmp_path, {"a.md": notes})) if correct(q) == "常用的插值方法"]
    assert asked  # the passage is asked, against the headings that do not name 插值
    # "通过____决定它们的值" is filled by 双线性插值 as well as by 插值
    assert not any("Resize 双线性插值" in (q.options or ()) for q in asked)


def test_a_sentence_of_clauses_is_a_passage_and_a_list_of_names_is_not(tmp_path: Path) -> None:
    notes = (
        "# 图像算法\n\n## 图像为什么要灰度化？\n\n彩色图有红绿蓝三个通道，转换后只剩一个，后面的特征提取会更快。\n\n"
        "## 常用的池化操作有哪些？\n\nmaxpooling，avgpooling，minpooling\n\n"
        "## 为什么要做中值滤波？\n\n中值滤波用邻域像素的中位数替换中心像素，能很好地去除椒盐噪声。\n\n"
        "## 图像增强有什么作用？\n\n图像增强突出图像里有用的信息，让后续的识别更容易。\n\n"
        "## 边缘检测有什么用？\n\n边缘检测找出亮度变化剧烈的位置，它们往往是物体的轮廓。\n"
    )
    answers = {correct(q) for q in which(bank_of(tmp_path, {"a.md": notes}))}
    assert "图像为什么要灰度化？" in answers
    assert "常用的池化操作有哪些？" not in answers


def test_a_misspelt_name_left_in_the_passage_asks_nothing(tmp_path: Path) -> None:
    notes = note_of(
        "激活函数",
        [
            ("sigmoid 有什么缺点？", "{name}函数要做指数运算，对计算机来说比较慢。"),
            ("ReLU 有什么缺点？", "ReLU函数在负半轴输出恒为零，神经元可能再也不被激活。"),
            ("tanh 有什么优点？", "tanh函数把输入压到负一和一之间，输出的均值接近零。"),
            ("Maxout 有什么优点？", "Maxout函数取几个线性函数里最大的一个作为输出。"),
        ],
    )

    def asked_of_sigmoid(name: str, folder: Path) -> list[Question]:
        folder.mkdir()
        bank = bank_of(folder, {"a.md": notes.replace("{name}", name)})
        return [q for q in which(bank) if correct(q) == "sigmoid 有什么缺点？"]

    assert asked_of_sigmoid("sigmoid", tmp_path / "spelt")  # blanked: "____函数要做指数运算…"
    assert not asked_of_sigmoid("sigmod", tmp_path / "misspelt")  # "sigmod函数" would give it away


def grouped_note(extra: str) -> str:
    """A few questions an author grouped under one topic heading, with ``extra`` among them."""
    return (
        "# 机器学习\n\n## 模型评估\n\n"
        "### 决策树怎么选择划分特征？\n\n决策树挑选让子节点更纯的特征来划分，纯度可以用信息增益衡量。\n\n"
        "### 学习率应该怎么选？\n\n学习率太大时损失来回震荡，太小时收敛很慢，通常从零点零零一附近开始试。\n\n"
        "### 交叉验证有什么用？\n\n交叉验证把数据轮流分成训练部分和验证部分，让评估结果不依赖一次偶然的划分。\n\n"
        + extra
    )


def test_a_letter_of_the_headings_acronym_left_in_the_passage_asks_nothing(tmp_path: Path) -> None:
    knn = "### KNN 算法有什么要点？\n\nKNN 中的 K 值选取对分类的结果影响至关重要，K 值太小时模型太复杂。\n\n"
    assert not any(correct(q) == "KNN 算法有什么要点？" for q in which(bank_of(tmp_path, {"a.md": grouped_note(knn)})))


def test_words_of_the_right_heading_left_in_the_passage_ask_nothing(tmp_path: Path) -> None:
    # 传统 and 目标 stay in the passage and are in no other heading: they point at the answer alone.
    detection = (
        "### 深度学习和传统目标检测方法的优缺点\n\n"
        "传统的目标检测算法对光照，明暗，数据传输，物体遮挡等上模型的鲁棒性不强。\n\n"
    )
    asked = which(bank_of(tmp_path, {"a.md": grouped_note(detection)}))
    assert not any(correct(q).startswith("深度学习和传统目标检测") for q in asked)


def test_after_an_argument_begins_a_later_paragraph_is_not_taken_for_the_answer(tmp_path: Path) -> None:
    bayes = (
        "### 为什么说朴素贝叶斯是高偏差低方差？\n\n首先，假设你知道训练集和测试集的关系。\n\n"
        "由于训练样本很少，通过训练集得到的模型总不是真正正确的。\n\n"
    )
    asked = which(bank_of(tmp_path, {"a.md": grouped_note(bayes)}))
    assert "决策树怎么选择划分特征？" in {correct(q) for q in asked}  # the others are asked
    assert not any(correct(q) == "为什么说朴素贝叶斯是高偏差低方差？" for q in asked)


def test_an_item_nested_under_another_terms_item_is_not_a_passage_about_the_heading(tmp_path: Path) -> None:
    notes = note_of(
        "图像算法",
        [
            (
                "边缘检测算子",
                "- Sobel算子：用一阶差分近似梯度，对边缘方向敏感\n"
                "- Canny算子：目标是找到最优的边缘，有以下优势\n"
                "  - 高定位性：标识出的边缘要与图像中实际的边缘尽可能接近\n",
            ),
            ("中值滤波", "中值滤波用邻域像素的中位数替换中心像素，能很好地去除椒盐噪声。"),
            ("图像灰度化", "图像灰度化把三个通道合成一个通道，后面的计算量更小。"),
            ("直方图均衡化", "直方图均衡化把集中的灰度拉开到整个范围，提高图像的对比度。"),
            ("双线性插值", "双线性插值在两个方向上各做一次线性插值，用周围四个像素算出新像素。"),
        ],
    )
    asked = [q for q in which(bank_of(tmp_path, {"a.md": notes})) if correct(q) == "边缘检测算子"]
    # "标识出的____要与图像中实际的____尽可能接近" is Canny's criterion, and reads as box localisation too
    assert not any("标识出的" in q.stem for q in asked)


def test_a_heading_on_the_item_a_passage_describes_is_never_a_wrong_option(tmp_path: Path) -> None:
    # In the bank a definition question asks this item first; the which-heading shape is checked alone.
    (tmp_path / "a.md").write_text(
        grouped_note(
            "### 回归任务常用哪些评价指标？\n\n- MAE：预测值与真实值之差的绝对值的平均，对离群点不敏感\n\n"
            "### 常用的损失函数有哪些？\n\n- 交叉熵：分类任务最常用的损失\n- MAE：也叫 L1 损失\n\n"
        ),
        encoding="utf-8",
    )
    kb = read_knowledge(tmp_path)
    index = TermIndex(load_glossary(tmp_path), kb)
    segmenter = Segmenter(n for t in index.terms if t.from_glossary for n in t.names)
    # two wrong headings besides the losses one: the losses heading would be picked if it were allowed
    group = [s for s in kb.sections() if s.level == 3 and not s.title.startswith("交叉验证")]
    metrics = next(s for s in group if s.title.startswith("回归任务"))
    asked = list(section_questions(metrics, group, [], [], index, segmenter, Maker(0), []))
    assert [q.stem for q in asked] == [
        "下面这段话回答的是哪个问题？「预测值与真实值之差的绝对值的平均，对离群点不敏感」"
    ]
    # the passage is the notes' MAE, which the losses heading lists too: a second right answer
    assert "常用的损失函数有哪些？" not in (asked[0].options or ())


def test_the_headings_acronym_spelt_out_or_its_size_left_in_the_passage_asks_nothing(tmp_path: Path) -> None:
    notes = grouped_note(
        "### EM 算法的思想是什么？\n\n期望最大化（Expectation Maximization）用于含隐变量的概率模型，交替进行两步。\n\n"
        "### 1×1 卷积有什么作用？\n\n改变通道数，例如 500×500×100 的输入经过 20 个 1×1 卷积核，输出为 500×500×20。\n\n"
    )
    answers = {correct(q) for q in which(bank_of(tmp_path, {"a.md": notes}))}
    assert answers and not answers & {"EM 算法的思想是什么？", "1×1 卷积有什么作用？"}


def test_a_passage_whose_only_blank_is_a_kind_asks_nothing(tmp_path: Path) -> None:
    notes = (
        "# 深度学习\n\n## 基础\n\n### 激活函数总结\n\n深度网络中激活函数的选择对训练过程和任务性能有很大影响。\n\n"
        "### 学习率调度\n\n学习率调度在训练过程中按步数逐渐减小学习率，让后期的更新更稳定。\n\n"
        "### 权重初始化\n\n权重初始化决定训练开始时各层输出的方差，初始化不当会让梯度消失或爆炸。\n\n"
        "### 数据增强\n\n数据增强对训练图像做翻转、裁剪和颜色扰动，扩充样本以减轻过拟合。\n\n"
    )
    asked = which(bank_of(tmp_path, {"a.md": notes}))
    # "深度网络中____的选择…" fits any heading on training choices once the kind 激活函数 is blanked
    assert "权重初始化" in {correct(q) for q in asked}
    assert not any(correct(q) == "激活函数总结" for q in asked)


def test_the_stem_of_a_heading_word_left_in_the_passage_gives_it_away() -> None:
    # 核 is what "SVM的核函数" is about; 的 of "LeNet 的结构" is not a stem of anything
    assert title_left("SVM的核函数", "使用非线性核的____可以处理线性不可分的问题")
    assert not title_left("LeNet 的结构有什么特点", "____ 输入 32×32 的灰度图，交替使用卷积层和下采样层")


def test_an_english_name_inside_a_longer_word_is_not_blanked() -> None:
    segmenter = Segmenter(["BIO"])  # jieba then cuts "BIOES" into BIO and ES
    assert mask_words("BIOES 在 BIO 基础上增加 E 和 S", {"BIO"}, segmenter) == "BIOES 在 ____ 基础上增加 E 和 S"


def test_a_passage_setting_the_member_against_another_member_is_not_asked(tmp_path: Path) -> None:
    members = [
        ("LeNet", "LeNet 交替使用卷积层和池化层，最后接全连接层做手写数字识别。"),
        ("AlexNet", "AlexNet 使用 ReLU 激活和 Dropout，在 ImageNet 上大幅领先。"),
        ("VGG", "AlexNet和VGG的改进是把模块加宽和加深。VGG 全部使用 3×3 的小卷积核堆叠出很深的网络。"),
        ("GoogLeNet", "GoogLeNet 用 Inception 模块并联多种尺寸的卷积核。"),
        ("ResNet", "ResNet 用残差连接让很深的网络也能训练。"),
    ]
    text = "# 深度学习\n\n## 经典的卷积神经网络\n\n" + "".join(f"### {t}\n\n{b}\n\n" for t, b in members)
    asked = [q.stem for q in which(bank_of(tmp_path, {"a.md": text}))]
    assert not [s for s in asked if "AlexNet和" in s]


def test_a_word_left_beside_the_blank_that_completes_the_headings_word_gives_it_away() -> None:
    passage = "数据增强通过对训练样本做保持标签的变换来扩充样本多样性"
    assert _completes_heading_word(
        passage, "数据____通过对训练样本做保持标签的变换来扩充样本多样性", {"增强"}, "数据增强方法有哪些"
    )
    # one character left beside the blank (多 of 多标签) is no giveaway
    assert not _completes_heading_word("多标签用 sigmoid", "多____用 sigmoid", {"标签"}, "多标签和多分类有什么区别")
