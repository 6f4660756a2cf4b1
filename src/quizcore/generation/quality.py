"""Quality filters: a bad question is worse than none."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable

from rapidfuzz import fuzz

from quizcore.generation.terms import TermIndex
from quizcore.generation.text import grams, has_residue, norm_key
from quizcore.questions import Format, Kind, Question

__all__ = ["collapse_near_duplicates", "problems"]

_MAX_STEM = 400
_SAME_STEM = 90.0


def _options_problem(q: Question, index: TermIndex, everyday: Callable[[str], bool]) -> str | None:
    options = q.options or ()
    if not 3 <= len(options) <= 6 or q.answer_index is None or not 0 <= q.answer_index < len(options):
        return "too few options"
    if any(not o.strip() or has_residue(o) for o in options):
        return "option with markdown residue"
    keys = [norm_key(o) for o in options]
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if not a or not b or a == b or fuzz.ratio(a, b) >= 85:
                return "options not distinct"
    correct = options[q.answer_index]
    if any(index.same_term(correct, o) for i, o in enumerate(options) if i != q.answer_index):
        return "an option is a synonym of the answer"
    stem = norm_key(q.stem)
    if len(norm_key(correct)) <= 30 and norm_key(correct) in stem:
        return "answer in stem"
    known = index.lookup(correct)
    if known is not None and any(len(norm_key(n)) >= 3 and norm_key(n) in stem for n in known.names):
        return "answer in stem"  # under another name ("conv_layer" for 卷积层)
    others = [o for i, o in enumerate(options) if i != q.answer_index]
    # An everyday word inside the answer's own term (森林 of 随机森林) still gives it away.
    own = {g for _, _, t in index.find_in(correct) if t.from_glossary for n in t.names for g in grams(n)}

    def exempt(gram: str) -> bool:
        return gram not in own and everyday(gram)

    if q.kind is not Kind.ODD_ONE_OUT and echoes_answer(correct, others, q.stem, exempt):
        return "trivial: only the answer echoes the stem"
    lengths = [len(o) for o in options]
    if max(lengths) > 3 * min(lengths) + 8:
        return "options of very different length"
    return None


def _in_stem(piece: str, stem: str) -> bool:
    if piece.isascii():
        return re.search(rf"(?<![a-z]){re.escape(piece)}(?![a-z])", stem) is not None
    return piece in stem


def echoes_answer(correct: str, others: list[str], stem: str, everyday: Callable[[str], bool] | None = None) -> bool:
    """A piece of the right answer shows in the stem and in no wrong option (众数 … 众数填充): a giveaway.

    Everyday words (处理, 使用), when ``everyday`` tells them, give nothing away.
    """
    folded = stem.replace("____", " ").casefold()
    taken = set().union(*(grams(o) for o in others)) if others else set()
    return any(_in_stem(g, folded) and not (everyday and everyday(g)) for g in grams(correct) - taken)


def problems(q: Question, index: TermIndex, everyday: Callable[[str], bool] | None = None) -> str | None:
    """Why the question must not be asked, or None when it is fine.

    Args:
        q: the candidate question.
        index: the known terms, to spot synonyms and answers under another name.
        everyday: tells everyday words (处理, 使用) that may show in both stem and answer.
    """
    if not q.stem.strip() or len(q.stem) > _MAX_STEM:
        return "empty or overlong stem"
    if has_residue(q.stem):
        return "stem with markdown, LaTeX or figure reference"
    if not q.explanation.strip():
        return "no explanation"
    if q.format is Format.MCQ:
        return _options_problem(q, index, everyday or (lambda _: False))
    if q.format in (Format.SHORT, Format.NUMERIC):
        if not q.answers:
            return "no accepted answer"
        stem = norm_key(q.stem)
        if q.format is Format.SHORT and any(len(norm_key(a)) >= 2 and norm_key(a) in stem for a in q.answers):
            return "answer in stem"
        if q.kind is Kind.DEFINITION and echoes_answer(q.answers[0], [], q.stem.split("：", 1)[-1]):
            return "trivial: the description repeats the term"
    if q.format is Format.OPEN:
        if not q.points or len(q.points) < 2 or not 1 <= (q.min_points or 0) <= len(q.points):
            return "too few key points"
        stem = norm_key(q.stem)
        named = sum(1 for point in q.points if any(len(norm_key(n)) >= 2 and norm_key(n) in stem for n in point))
        if named and len(q.points) - named < (q.min_points or 0):
            return "key points in the stem"
    return None


def collapse_near_duplicates(questions: Iterable[Question]) -> tuple[list[Question], int]:
    """Keep the first of questions that ask the same thing with the same answer; returns (kept, dropped)."""
    buckets: dict[tuple[str, str], list[Question]] = defaultdict(list)
    kept: list[Question] = []
    seen_ids: set[str] = set()
    dropped = 0
    cores: dict[str, list[str]] = defaultdict(list)
    for q in questions:
        bucket = buckets[(q.format.value, norm_key(q.correct_text)[:40])]
        stem = norm_key(q.stem)
        # the sentence asked about, without the words that ask (下面这段话…？, 两相对比…？, 填空：,
        # 哪个术语符合这个描述：)
        core = norm_key(re.sub(r"____|「|」|填空.*?：|^[^「]*[？：](?=「)", "", q.stem))
        same_sentence = q.format is Format.MCQ and (
            (len(core) >= 12 and any(fuzz.ratio(core, c) >= 80 for c in cores[q.source.file]))
            or core in cores[q.source.file]  # 「CPU」指的是哪一项？ from two lists of one note: one question
        )
        if q.id in seen_ids or same_sentence or any(fuzz.ratio(stem, norm_key(o.stem)) >= _SAME_STEM for o in bucket):
            dropped += 1
            continue
        bucket.append(q)
        seen_ids.add(q.id)
        if q.format in (Format.MCQ, Format.SHORT):
            cores[q.source.file].append(core)
        kept.append(q)
    return kept, dropped
