"""Question shapes built from small notes, as a note writer would see them in the bank."""

from __future__ import annotations

from pathlib import Path

from quizcore.generation import build_bank, load_glossary
from quizcore.grading import Grader
from quizcore.knowledge import read_knowledge
from quizcore.questions import Bank, Format, Kind, Question

from .conftest import assert_invariants


def bank_of(tmp_path: Path, text: str) -> Bank:
    (tmp_path / "notes.md").write_text(text, encoding="utf-8")
    bank = build_bank(read_knowledge(tmp_path), load_glossary(tmp_path)).bank
    for q in bank:
        assert_invariants(q)
    return bank


def contrast_clauses(bank: Bank) -> set[str]:
    """The clauses the bank asks "which side is this about" of."""
    return {q.stem.split("「", 1)[1].rstrip("」") for q in bank if q.stem.startswith("两相对比")}


def correct(q: Question) -> str:
    assert q.options is not None and q.answer_index is not None
    return q.options[q.answer_index]


def test_a_comparison_asks_which_side_a_clause_is_about(tmp_path: Path) -> None:
    bank = bank_of(
        tmp_path,
        "# 卷积网络\n\n## 卷积层和池化层有什么区别？\n\n"
        "卷积层有可学习的权重，会改变通道数；而池化层没有可学习参数，只缩小特征图。\n"
        "卷积层和池化层都能减小特征图的尺寸。\n\n池化层为什么能防止过拟合？\n",
    )
    asked = {q.stem.split("「", 1)[1].rstrip("」"): q for q in bank if q.stem.startswith("两相对比")}
    assert set(asked) == {"____有可学习的权重，会改变通道数", "____没有可学习参数，只缩小特征图"}
    first = asked["____有可学习的权重，会改变通道数"]
    assert correct(first) == "卷积层" and set(first.options or ()) == {"卷积层", "池化层", "两者都是"}
    assert correct(asked["____没有可学习参数，只缩小特征图"]) == "池化层"
    assert first.source.line == 5


def test_a_comparison_of_three_things_or_of_non_names_asks_nothing_of_the_kind(tmp_path: Path) -> None:
    bank = bank_of(
        tmp_path,
        "# 树\n\n## ID3、C4.5 和 CART 有什么区别？\n\nCART 始终是二叉树，既能做分类也能做回归。\n\n"
        "## BN 在训练和测试时有什么不同？\n\nBN 在训练时用当前 batch 的均值和方差。\n",
    )
    assert not [q for q in bank if q.stem.startswith("两相对比")]


def test_a_passage_names_its_subject_and_is_a_whole_sentence_with_no_gloss_left_after_a_blank(tmp_path: Path) -> None:
    bank = bank_of(
        tmp_path,
        "# 训练\n\n## 什么是梯度消失？\n\n"
        "梯度消失（vanishing gradient）指反向传播时梯度逐层变小，靠近输入的层几乎学不到东西。\n\n"
        "## 什么是过拟合？\n\n过拟合（fitting the noise）是模型把训练集的噪声也记住了，训练误差很低而测试误差很高。\n\n"
        "## 什么是学习率？\n\n学习率决定每一步沿梯度方向走多远，太大会震荡，太小会很慢。\n\n"
        "## 什么是权重衰减？\n\n权重衰减在每次更新时把权重按比例缩小一点，限制模型的复杂度，缓解过拟合。\n\n"
        "## 激活函数\n\n### sigmoid\n\n- 输出不以零为中心，权重更新会走之字形\n\n### tanh\n\n- 两端饱和，梯度很小\n\n"
        "### ReLU\n\n- 负半轴输出为零，可能出现神经元死亡\n\n### Maxout\n\n- 取几个线性函数的最大值\n",
    )
    which = [q for q in bank if q.stem.startswith("下面这段话")]
    assert "什么是过拟合？" in {correct(q) for q in which}
    for q in which:
        passage = q.stem.split("「", 1)[1].rstrip("」")
        assert "fitting the noise" not in passage  # the gloss would name the blank
        assert "____" in passage  # the passage names its subject, which is blanked
    assert not any(correct(q) in {"sigmoid", "tanh", "ReLU", "Maxout"} for q in which)


def test_a_plain_heading_over_named_items_asks_for_them(tmp_path: Path) -> None:
    bank = bank_of(
        tmp_path,
        "# 数据处理\n\n## 缺失值处理\n\n- 填充均值：用这一列的平均数补上缺失的格子。\n"
        "- 填充中位数：用这一列排在中间的数补上。\n- 填充众数：用这一列出现最多的值补上。\n"
        "- 删除样本：缺失太多的行直接丢掉。\n",
    )
    open_questions = [q for q in bank if q.format is Format.OPEN]
    assert [q.stem for q in open_questions] == ["「缺失值处理」包括哪些？请至少答出 2 项。"]
    points = {p[0] for p in open_questions[0].points or ()}
    assert points == {"填充均值", "填充中位数", "填充众数", "删除样本"}


def test_a_heading_naming_two_known_terms_compares_them_through_their_items(tmp_path: Path) -> None:
    bank = bank_of(
        tmp_path,
        "# 相机\n\n## 工业相机 CCD 和 CMOS\n\n- CCD：所有像素经同一个节点输出，信号一致性好，但读出较慢。\n"
        "- CMOS：每个像素自带放大器，读出速度快、功耗低。\n- 两者都能把光信号转换成电信号。\n",
    )
    asked = {q.stem.split("「", 1)[1].rstrip("」"): correct(q) for q in bank if q.stem.startswith("两相对比")}
    assert asked == {
        "所有像素经同一个节点输出，信号一致性好": "CCD",
        "每个像素自带放大器，读出速度快、功耗低": "CMOS",
    }


def test_a_passage_about_the_one_term_of_its_heading_asks_to_type_that_term(tmp_path: Path) -> None:
    bank = bank_of(
        tmp_path,
        "# 训练\n\n## 什么是学习率？\n\n学习率是每一步沿梯度方向更新参数时乘上的系数，太大会震荡，太小会收敛很慢。\n"
        "学习率决定每一步沿梯度方向走多远。\n"
        "如果学习率设得不好，我们也不知道什么样的学习率才合适。\n\n"
        "## 什么是过拟合？\n\n过拟合是模型把训练集的噪声也记住了，训练误差很低而测试误差很高。\n\n"
        "## 什么是梯度消失？\n\n梯度消失指反向传播时梯度逐层变小，靠近输入的层几乎学不到东西。\n",
    )
    typed = [q for q in bank if q.format is Format.SHORT and q.stem.startswith("填空（写出术语）：____是每一步")]
    assert len(typed) == 1
    assert "学习率" in (typed[0].answers or ()) and "learning rate" in (typed[0].answers or ())
    assert not [q for q in bank if q.format is Format.SHORT and "什么样" in q.stem]
    # "____决定每一步…走多远" does not say what the term is: other terms could be typed in
    assert not [q for q in bank if q.format is Format.SHORT and q.stem.startswith("填空（写出术语）：____决定")]


def test_the_odd_one_out_is_a_term_of_a_related_kind_never_of_the_lists_own(tmp_path: Path) -> None:
    bank = bank_of(
        tmp_path,
        "# 评估\n\n## 训练采样方法\n\n- 交叉验证\n- 留一法\n- 自助法：有放回地抽样，可能抽到重复样本\n\n"
        "类别不平衡时还可以配合分层采样。\n\n"
        "## 缺失值处理\n\n- 填充均值：用这一列的平均数补上。\n- 填充中位数：用中位数补上。\n- 填充众数：用出现最多的值补上。\n",
    )
    odd = [q for q in bank if q.kind is Kind.ODD_ONE_OUT]
    sampling = [q for q in odd if "训练采样方法" in q.stem]
    assert len(sampling) == 1 and "不在笔记列出的内容中" in sampling[0].stem
    # not 留出法, a sampling method the notes merely leave out, but a hyperparameter search method:
    # near the topic, and no sampling method at all
    assert correct(sampling[0]) in {"网格搜索", "随机搜索", "贝叶斯优化"}
    # no related kind is shaped 填充…: the missing-value list asks nothing
    assert not [q for q in odd if "缺失值处理" in q.stem]


def test_a_section_of_exactly_two_items_on_terms_of_one_kind_contrasts_them(tmp_path: Path) -> None:
    bank = bank_of(
        tmp_path,
        "# 词向量\n\n## 什么是word2vec\n\nword2vec 把词嵌入到一个向量空间里。\n\n"
        "- Skip-gram 模型：用一个词语作为输入，来预测它周围的上下文\n"
        "- CBOW 模型：拿一个词语的上下文作为输入，来预测中间的那个词语\n\n"
        "## 过拟合怎么办？\n\n- early stopping：验证集上的误差不再下降时就停止训练\n"
        "- dropout：训练时随机丢弃一部分神经元的输出\n- 数据增强\n",
    )
    asked = {q.stem.split("「", 1)[1].rstrip("」"): q for q in bank if q.stem.startswith("两相对比")}
    assert set(asked) == {
        "用一个词语作为输入，来预测它周围的上下文",
        "拿一个词语的上下文作为输入，来预测中间的那个词语",
    }
    skip = asked["用一个词语作为输入，来预测它周围的上下文"]
    assert correct(skip) == "Skip-gram 模型" and set(skip.options or ()) == {"Skip-gram 模型", "CBOW 模型", "两者都是"}
    # early stopping and dropout are two of a longer list of remedies, not a pair to tell apart
    assert not any("early stopping" in (q.options or ()) for q in asked.values())


def test_an_open_question_that_leans_on_the_one_before_is_not_asked(tmp_path: Path) -> None:
    bank = bank_of(
        tmp_path,
        "# 分类网络\n\n## 还有哪些经典网络结构？\n\n- Inception：并联多种尺寸的卷积。\n"
        "- DenseNet：每层与之前所有层相连。\n- MobileNet：用深度可分离卷积减少计算量。\n",
    )
    assert not [q for q in bank if q.format is Format.OPEN]


def test_a_clause_taken_back_by_the_next_is_not_asked_as_one_sides(tmp_path: Path) -> None:
    bank = bank_of(
        tmp_path,
        "# 分类\n\n## LR 和 SVM 的区别\n\n"
        "LR 引入了距离，但是在训练模型求参数时没有距离的概念，只在预测时用距离表示置信度。\n\n"
        "SVM 对异常值不敏感，只关心边界附近的样本。\n\n"
        "CCD 统一输出，信号一致性好，但成本较高。\n",
    )
    asked = contrast_clauses(bank)
    assert "____ 引入了距离" not in asked  # the 但 clause says LR hardly uses distance: 两者都是 is defensible
    assert "____ 对异常值不敏感，只关心边界附近的样本" in asked


def test_an_open_key_counts_each_member_once_and_names_two_members_of_one_item_apart(tmp_path: Path) -> None:
    bank = bank_of(
        tmp_path,
        "# 模型\n\n## 常用的池化操作有哪些？\n\n- 最大池化：取窗口内的最大值\n- 平均池化：取窗口内的平均值\n"
        "- 全局平均池化：对整张特征图取平均\n\n"
        "## 哪些模型可以直接处理缺失值？\n\n- XGBoost 和 LightGBM：为每个分裂学习缺失值的默认走向\n"
        "- 朴素贝叶斯：预测时跳过缺失特征的条件概率项\n",
    )
    keys = {q.stem: [p[0] for p in q.points or ()] for q in bank if q.format is Format.OPEN}
    pooling = next(q for q in bank if q.stem == "常用的池化操作有哪些？")
    global_point = next(p for p in pooling.points or () if p[0] == "全局平均池化")
    assert "平均池化" not in global_point  # one word, 平均池化, must not score two points
    assert keys["哪些模型可以直接处理缺失值？"] == ["XGBoost", "LightGBM", "朴素贝叶斯"]


def test_no_odd_one_out_when_the_heading_itself_names_the_members(tmp_path: Path) -> None:
    bank = bank_of(
        tmp_path,
        "# 部署\n\n## CPU、GPU、NPU 和 FPGA 在推理上各有什么特点？\n\n"
        "- CPU：通用性最好，但并行度低。\n- GPU：并行度高，适合大批量推理。\n"
        "- NPU：为神经网络定制，能效比高。\n- FPGA：可编程，延迟低。\n",
    )
    assert not [q for q in bank if q.kind is Kind.ODD_ONE_OUT]


def test_a_typed_term_all_but_named_in_its_description_is_not_asked(tmp_path: Path) -> None:
    bank = bank_of(
        tmp_path,
        "# 分类\n\n## 支持向量机 SVM\n\n- SVM：训练时只关注距离超平面最近的支持向量，预测时同样用距离表示置信度\n"
        "- 逻辑回归：用 Sigmoid 把线性组合映射成概率\n- 决策树：按特征递归划分样本\n",
    )
    assert not [q for q in bank if q.stem.startswith("写出这个术语") and "支持向量" in q.stem]


def test_clauses_under_a_topic_frame_are_not_asked_without_it(tmp_path: Path) -> None:
    bank = bank_of(
        tmp_path,
        "# 分类\n\n## LR 和 SVM 的区别\n\n"
        "对非线性表达上，LR 只能通过人工的特征组合来实现，SVM 可以引入核函数来实现。\n\n"
        "SVM 对异常值不敏感，只关心边界附近的样本。\n",
    )
    asked = contrast_clauses(bank)
    assert "____ 只能通过人工的特征组合来实现" not in asked  # says nothing of 非线性表达 once cut from it
    assert "____ 对异常值不敏感，只关心边界附近的样本" in asked


def test_a_meaning_picked_by_the_terms_own_words_is_not_asked(tmp_path: Path) -> None:
    bank = bank_of(
        tmp_path,
        "# 回归\n\n## 回归任务常用哪些评价指标？\n\n- 平均绝对误差：预测值与真实值之差的绝对值的平均\n"
        "- 均方根误差：对均方误差开平方，单位与标签相同\n- 决定系数：1 减去残差平方和与总平方和之比\n",
    )
    # 差的绝对值的平均 shares 平均 and 绝对 with 平均绝对误差, the other meanings at most 误差
    assert not [q for q in bank if q.stem == "「平均绝对误差」指的是哪一项？"]


def test_an_open_key_holds_every_member_of_a_long_list(tmp_path: Path) -> None:
    names = ["CGAN", "DCGAN", "WGAN", "WGAN-GP", "LSGAN", "Pix2Pix", "CycleGAN", "StyleGAN"]
    bank = bank_of(
        tmp_path,
        "# 生成对抗网络\n\n## 常见的 GAN 变体有哪些？\n\n"
        + "".join(f"- {n}：一种 GAN 变体的说明文字\n" for n in names),
    )
    key = next(q for q in bank if q.format is Format.OPEN)
    assert [p[0] for p in key.points or ()] == names  # CycleGAN and StyleGAN are not cut off after six


def test_a_sentence_setting_two_terms_of_one_kind_side_by_side_is_a_contrast_under_any_heading(
    tmp_path: Path,
) -> None:
    bank = bank_of(
        tmp_path,
        "# 词向量\n\n## fastText\n\n"
        "fastText 是一个快速文本分类器。CBOW的输出是目标词汇，fastText的输出是文档对应的类标。\n\n"
        "## CNN 的特点\n\n局部连接，权值共享，池化操作，多层次结构。\n\n"
        "## 池化\n\n最大池化保留纹理特征，这一点在分类网络里很常见。\n",
    )
    asked = {q.stem.split("「", 1)[1].rstrip("」"): q for q in bank if q.stem.startswith("两相对比")}
    assert set(asked) == {"____的输出是目标词汇", "____的输出是文档对应的类标"}
    assert correct(asked["____的输出是目标词汇"]) == "CBOW"
    assert set(asked["____的输出是文档对应的类标"].options or ()) == {"CBOW", "fastText", "两者都是"}
    # a list of names, and a sentence with one term at the head of one clause, contrast nothing


def test_a_sentence_that_says_what_a_known_term_is_asks_for_that_term_once(tmp_path: Path) -> None:
    bank = bank_of(
        tmp_path,
        "# 图像处理\n\n## 图像的高频和低频\n\n"
        "高通滤波器就是突出变化剧烈的像素，去除低频部分，常当做边缘提取器。\n\n"
        "随机森林是由很多决策树并行构成的，决策树之间没有关联。\n\n"
        "高斯滤波在很多比赛里都很好用，调参也不难。\n",
    )
    asked = [q for q in bank if q.format is Format.MCQ and q.kind in (Kind.CLOZE, Kind.DEFINITION)]
    # the same definition is asked once, whichever shape gets it first
    assert sorted(correct(q).rstrip("器") for q in asked) == ["随机森林", "高通滤波"]
    high = next(q for q in asked if correct(q).startswith("高通滤波"))
    assert "突出变化剧烈的像素，去除低频部分，常当做边缘提取器" in high.stem
    assert all("滤波" in o for o in high.options or ())  # wrong options are other filters


def test_a_description_that_says_what_kind_of_thing_the_term_is_has_wrong_options_of_that_kind(
    tmp_path: Path,
) -> None:
    bank = bank_of(
        tmp_path,
        "# 评价指标\n\n## ROC 和混淆矩阵\n\n"
        "- ROC：以假正例率和真正例率为横纵坐标画出的曲线\n- 假正例：把负样本错判为正样本的情况\n"
        "- 假负例：把正样本错判为负样本的情况\n- 真正例：把正样本判对为正样本的情况\n",
    )
    roc = next(q for q in bank if q.stem == "哪个术语符合这个描述：「以假正例率和真正例率为横纵坐标画出的曲线」？")
    assert correct(roc) == "ROC曲线" and all(o.endswith("曲线") for o in roc.options or ())


def test_a_description_of_where_a_term_is_used_is_not_asked_to_type_the_term(tmp_path: Path) -> None:
    bank = bank_of(
        tmp_path,
        "# 损失函数\n\n## 常用的分类损失\n\n"
        "- Hinge Loss：分类任务，用于 SVM 等追求最大间隔的模型\n"
        "- 交叉熵损失：衡量预测分布与真实分布之间差异的损失，常配合 softmax 使用\n",
    )
    typed = [q.stem for q in bank if q.format is Format.SHORT]
    assert not [s for s in typed if "最大间隔" in s]


def test_no_odd_one_out_when_the_heading_names_the_members_versions(tmp_path: Path) -> None:
    bank = bank_of(
        tmp_path,
        "# 检测\n\n## VOC 和 COCO 的 mAP 有什么区别？\n\n"
        "- VOC2007：11 点插值的 AP\n- VOC2010 之后：对所有召回率点积分\n- COCO：在多个 IoU 阈值上取平均\n",
    )
    assert not [q for q in bank if q.kind is Kind.ODD_ONE_OUT]


def test_a_kind_of_the_answer_is_never_its_wrong_option(tmp_path: Path) -> None:
    # the glossary says 随机森林 is a kind of Bagging: Bagging's description fits it too
    bank = bank_of(
        tmp_path,
        "# 集成学习\n\n## 集成方法\n\n"
        "- Bagging：并行训练多个模型，每个模型用有放回抽样得到的同样大小的数据集\n"
        "- Boosting：串行训练多个弱学习器，每一轮更关注上一轮分错的样本\n"
        "- Stacking：用一个元模型学习如何组合多个基模型的预测\n",
    )
    bagging = [q for q in bank if q.format is Format.MCQ and correct(q) == "Bagging"]
    assert bagging and all("随机森林" not in (q.options or ()) for q in bagging)


def test_a_description_naming_another_option_by_its_alias_drops_that_option(tmp_path: Path) -> None:
    bank = bank_of(
        tmp_path,
        "# 优化\n\n## 梯度下降的三种做法\n\n"
        "- 批量梯度下降：每次迭代用全部训练样本计算梯度\n"
        "- 随机梯度下降：每次迭代只随机取一个样本计算梯度\n"
        "- 小批量梯度下降：深度学习的标准做法，框架里常说的 SGD 通常指的就是它\n",
    )
    mini = [q for q in bank if q.stem.startswith("哪个术语符合这个描述") and correct(q) == "小批量梯度下降"]
    assert mini and all("随机梯度下降" not in (q.options or ()) for q in mini)


def test_an_open_key_reads_a_members_bracketed_name_and_never_merges_two_items(tmp_path: Path) -> None:
    bank = bank_of(
        tmp_path,
        "# 优化\n\n## 深度学习中有哪些经典的优化器？\n\n"
        "- SGD（小批量随机梯度下降）\n- SGD + Momentum（动量法）\n- AdaGrad（累加梯度平方，自适应学习率）\n"
        "- RMSProp（梯度平方的指数移动平均）\n- Adam（动量 + RMSProp + 偏差修正）\n",
    )
    key = next(q for q in bank if q.format is Format.OPEN)
    labels = [p[0] for p in key.points or ()]
    assert labels == ["小批量梯度下降", "动量法", "AdaGrad", "RMSProp", "Adam"]
    assert "SGD + Momentum" in (key.points or ())[1]


def test_the_odd_one_out_is_never_a_kind_of_a_listed_member(tmp_path: Path) -> None:
    narrower = [f"甲{c}验证法" for c in "一二三四五"]
    glossary = "terms:\n" + "".join(f"  - {{term: {name}, category: 搜索, broader: 交叉验证法}}\n" for name in narrower)
    glossary += "".join(f"  - {{term: {n}, category: 验证}}\n" for n in ("交叉验证法", "留一法", "自助法"))
    glossary += "  - {term: 网格搜索法, category: 搜索}\nrelated_categories:\n  - [验证, 搜索]\n"
    (tmp_path / "glossary.yaml").write_text(glossary, encoding="utf-8")
    bank = bank_of(tmp_path, "# 模型选择\n\n## 常用的验证方法有哪些？\n\n- 留一法\n- 自助法\n- 交叉验证法\n")
    odd = next(q for q in bank if q.kind is Kind.ODD_ONE_OUT)
    assert correct(odd) == "网格搜索法"  # each 甲…验证法 is a kind of 交叉验证法, which the list names


def test_an_open_key_takes_the_part_that_sets_each_member_apart(tmp_path: Path) -> None:
    bank = bank_of(
        tmp_path,
        "# 图像\n\n## 图像噪声有哪些种类？\n\n"
        "- 高斯噪声：幅值服从高斯分布。\n- 椒盐噪声：随机出现的黑白点。\n- 泊松噪声：光子计数带来的噪声。\n\n"
        "## 分布式训练有哪些方式？\n\n- 数据并行：每张卡一份完整模型。\n- 模型并行：把模型切到多张卡上。\n"
        "- 流水线并行：按层分段流水执行。\n",
    )
    grader = Grader(load_glossary(tmp_path))
    noise = next(q for q in bank if q.format is Format.OPEN and "噪声" in q.stem)
    assert grader.grade(noise, "高斯、椒盐和泊松").correct  # the list a person types, without 噪声 each time
    parallel = next(q for q in bank if q.format is Format.OPEN and "分布式" in q.stem)
    # 模型 and 数据 are words of any reply: never a point on their own
    assert not grader.grade(parallel, "先训练好模型，再准备数据").correct


def test_a_side_turned_to_with_er_opens_its_clause_and_an_indirect_question_is_a_claim(tmp_path: Path) -> None:
    bank = bank_of(
        tmp_path,
        "# 检测\n\n## SSD 怎么改成 Faster R-CNN\n\n"
        "SSD 是直接分类，而 FasterRcnn 是先判断是否为背景再进行分类。\n\n"
        "## 拟合\n\n过拟合表明模型比真实的数据分布更复杂，而欠拟合表示模型比真实的数据分布要简单。\n",
    )
    asked = {q.stem.split("「", 1)[1].rstrip("」"): correct(q) for q in bank if q.stem.startswith("两相对比")}
    assert asked.get("____ 是先判断是否为背景再进行分类") == "Faster R-CNN"  # the glossary's name
    assert asked.get("____表示模型比真实的数据分布要简单") == "欠拟合"
