from contextlib import contextmanager

import pytest

from review.config import Config
from review.errors import ReviewError
from review.languagetool import head_start
from review.languagetool.checker import LanguageToolChecker, paragraphs, with_head_start
from review.languagetool.match import ServerMatch
from review.languagetool.scope import _using
from review.segment import segment
from support import SEED

engine_used = contextmanager(_using)

ODD = (
    "  Leading spaces here. And more.\n\n\t\n   \nA line with trailing space.   \r\n"
    "***\n\u3000Ideographic space around.\u3000\nA line\u2028that goes on.\x0cAnd on.\n"
    "Last line without newline"
)


@pytest.mark.parametrize("text", [ODD, SEED.read_text(encoding="utf-8")], ids=["odd", "seed"])
def test_a_plain_texts_lines_are_the_paragraphs_its_sentences_make(text: str) -> None:
    assert head_start.line_spans(text) == [(p.start, p.end) for p in paragraphs(segment(text))]


def test_line_spans_leave_out_the_spaces_around_a_line_and_blank_lines() -> None:
    assert head_start.line_spans(" ab \n\n \t\ncd\r\n") == [(1, 3), (9, 11)]


def _match(piece: str) -> ServerMatch:
    return ServerMatch(0, 1, "R", "m", "c", "t", (piece,))


class _RecordingEngine:
    """An engine (no server) that answers each paragraph with one made-up match carrying its
    text, noting every paragraph it is asked for."""

    version = "6.8"
    where = "the recording engine"
    batch_chars = 1

    def __init__(self) -> None:
        self.asked: list[str] = []

    def run(self, settings, work):
        for batch in work:
            self.asked.extend(batch.paragraphs)
            yield batch, tuple((_match(p),) for p in batch.paragraphs)


def _checker(engine: _RecordingEngine) -> LanguageToolChecker:
    return LanguageToolChecker(
        engine.where, engine.version, Config(), None, engine=engine, head_start=head_start.current()
    )


def test_the_checker_takes_the_head_starts_answers_and_asks_for_the_rest_itself() -> None:
    """A paragraph asked for ahead is not asked for twice; one the lines did not foresee (the
    checker is given sentences whose paragraphs are not the text's lines) is asked for then."""
    engine = _RecordingEngine()
    text = "One line. Two sentences.\nAnother line.\n"
    sentences = segment(text)
    # The second line's sentence is cut short: its paragraph is not a line of the text.
    shortened = (*sentences[:2], sentences[2].__class__("s3", 25, 32, 2, "Another"))
    with engine_used(engine), with_head_start(text, Config(), None):
        flags = list(_checker(engine).check(text, shortened))
    assert sorted(engine.asked) == ["Another", "Another line.", "One line. Two sentences."]
    assert sorted((f.sentence_id, f.replacements) for f in flags) == [
        ("s1", ("One line. Two sentences.",)),
        ("s3", ("Another",)),
    ]


def test_a_head_start_serves_only_the_first_check_of_its_own_text() -> None:
    engine = _RecordingEngine()
    text = "A line.\n"
    with engine_used(engine), with_head_start(text, Config(), None):
        checker = _checker(engine)
        list(checker.check(text, segment(text)))
        # A re-check (the settling's) of an equal text asks again.
        list(checker.check("A line.\n".strip() + "\n", segment(text)))
    assert engine.asked == ["A line.", "A line."]


def test_a_head_starts_error_is_the_checkers_error() -> None:
    class Failing(_RecordingEngine):
        def run(self, settings, work):
            from review.languagetool.wire import WireError

            raise WireError("connection refused")
            yield

    engine = Failing()
    text = "A line.\n"
    with engine_used(engine), with_head_start(text, Config(), None):
        checker = _checker(engine)
        with pytest.raises(ReviewError) as caught:
            list(checker.check(text, segment(text)))
    assert str(caught.value) == (
        "LanguageTool at the recording engine did not answer: connection refused"
    )
