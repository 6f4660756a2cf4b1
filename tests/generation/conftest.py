"""Shared checks of the invariants every generated question must satisfy."""

from __future__ import annotations

from quizcore.generation.text import has_residue, norm_key
from quizcore.questions import Format, Question


def assert_invariants(q: Question) -> None:
    """The quality rules of the issue, checked from the outside."""
    assert q.id and q.stem.strip() and q.explanation.strip(), q
    assert not has_residue(q.stem), q.stem
    assert q.source.file and q.source.line >= 1, q
    if q.format is Format.MCQ:
        assert q.options is not None and q.answer_index is not None
        assert 3 <= len(q.options) <= 6
        assert 0 <= q.answer_index < len(q.options)
        keys = [norm_key(o) for o in q.options]
        assert len(set(keys)) == len(keys), q.options
        assert all(not has_residue(o) for o in q.options), q.options
        correct = keys[q.answer_index]
        if len(correct) <= 30:
            assert correct not in norm_key(q.stem), (q.stem, q.options)
    elif q.format in (Format.SHORT, Format.NUMERIC):
        assert q.answers
        if q.format is Format.SHORT:
            assert all(norm_key(a) not in norm_key(q.stem) for a in q.answers if len(norm_key(a)) >= 2), q
    else:
        assert q.points and len(q.points) >= 2
        assert q.min_points is not None and 1 <= q.min_points <= len(q.points)
