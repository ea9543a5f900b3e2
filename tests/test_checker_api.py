"""What a checker is given: a corrected text not joined only if it says it takes one."""

from __future__ import annotations

from collections.abc import Sequence

from review.checker_api import check_text
from review.corrected import CorrectedText, PlacedSentences
from review.flags import Category, Flag, MqmClass, Severity
from review.segment import Sentence, segment


class _Given:
    """A checker whose one flag names the type of the text it was given and its length."""

    name = "given"
    version = None

    def check(self, text: str | CorrectedText, sentences: Sequence[Sentence]) -> list[Flag]:
        return [
            Flag(sentences[0].id, 0, len(text), "given", type(text).__name__, Category.STYLE,
                 MqmClass.AWKWARD, Severity.MINOR, "", "")
        ]  # fmt: skip


class _TakesCorrected(_Given):
    checks_corrected = True


class _SaysItDoesNot(_Given):
    checks_corrected = False


def test_a_corrected_text_is_joined_for_a_checker_that_does_not_say_it_takes_one():
    original = "One two. Three four."
    sentences = segment(original)
    text = CorrectedText.of(original, [(0, 8, "One.")])
    placed = PlacedSentences.of(sentences, {"s1": "One."}, [(0, 8, "One.")])
    given = {
        type(checker).__name__: [(f.rule, f.end) for f in check_text(checker, text, placed)]
        for checker in (_Given(), _SaysItDoesNot(), _TakesCorrected())
    }
    assert given == {
        "_Given": [("str", 16)],
        "_SaysItDoesNot": [("str", 16)],
        "_TakesCorrected": [("CorrectedText", 16)],
    }
    assert [(f.rule, f.end) for f in check_text(_TakesCorrected(), original, sentences)] == [
        ("str", 20)
    ]
