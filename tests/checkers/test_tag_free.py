"""Checkers that read prose see a bilingual text without its tag tokens; their flags come back
on the displayed text at the exact characters."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest

from review.cache import ResultCache
from review.checker_api import Opening
from review.checkers.tag_free import TagFree
from review.config import Config
from review.flags import Category, Flag, MqmClass, Severity
from review.inputs import open_text
from review.languagetool.checker import open_checker
from review.segment import Sentence


class WordFinder:
    """Flags every "teh", and remembers what it was given."""

    name = "toy"
    version = None

    def __init__(self) -> None:
        self.seen: list[tuple[str, tuple[str, ...]]] = []

    def check(self, text: str, sentences: Sequence[Sentence]) -> Iterator[Flag]:
        self.seen.append((text, tuple(s.text for s in sentences)))
        for s in sentences:
            at = s.text.find("teh")
            if at >= 0:
                yield Flag(
                    s.id, at, at + 3, "toy", "TEH", Category.SPELLING, MqmClass.SPELLING,
                    Severity.MINOR, "typo", "teh", ("the",),
                )  # fmt: skip


def _tagged(tmp_path):
    (tmp_path / "t.po").write_text(
        'msgid "Click the button now."\nmsgstr "<b>Click</b> teh <i>button</i> now."\n', "utf-8"
    )
    return open_text(tmp_path / "t.po")


def test_the_checker_sees_no_tokens_and_its_flag_lands_on_the_display(tmp_path):
    text = _tagged(tmp_path)
    (sentence,) = text.sentences
    assert sentence.text == "⟨1⟩Click⟨/1⟩ teh ⟨2⟩button⟨/2⟩ now."
    finder = WordFinder()
    (flag,) = TagFree(finder).check(text.document.text, text.sentences)
    assert finder.seen == [("Click teh button now.", ("Click teh button now.",))]
    assert (flag.start, flag.end, flag.text) == (13, 16, "teh")
    assert sentence.text[flag.start : flag.end] == "teh"


def test_a_text_without_tokens_goes_through_unchanged():
    finder = WordFinder()
    sentences = (Sentence("s1", 0, 7, 1, "Eat teh"),)
    (flag,) = TagFree(finder).check("Eat teh", sentences)
    assert finder.seen == [("Eat teh", ("Eat teh",))]
    assert (flag.start, flag.end) == (4, 7)


@pytest.mark.usefixtures("languagetool_server")
def test_languagetool_flags_the_typo_between_tags_at_its_place(tmp_path):
    """Integration: the real LanguageTool server, given the text without tokens."""
    text = _tagged(tmp_path)
    opening = Opening(Config(), ResultCache(tmp_path / "cache.sqlite"))
    flags = list(TagFree(open_checker(opening)).check(text.document.text, text.sentences))
    typo = [f for f in flags if f.text == "teh"]
    assert [(f.start, f.end) for f in typo] == [(13, 16)]
    assert "the" in typo[0].replacements


def _literal(tmp_path):
    """A message whose own text has ⟨ ⟩ (one pair shaped like a token) beside a real tag."""
    (tmp_path / "b.po").write_text(
        'msgid "Use ⟨1⟩ for <b>the</b> set."\nmsgstr "Use ⟨1⟩ for <b>teh</b> set ⟨a⟩."\n', "utf-8"
    )
    return open_text(tmp_path / "b.po")


def test_literal_brackets_reach_the_checker_as_typed_and_its_flag_lands_exactly(tmp_path):
    text = _literal(tmp_path)
    (sentence,) = text.sentences
    assert sentence.text == "Use ⟨\u20601⟩ for ⟨1⟩teh⟨/1⟩ set ⟨a⟩."
    finder = WordFinder()
    (flag,) = TagFree(finder).check(text.document.text, text.sentences)
    assert finder.seen == [("Use ⟨1⟩ for teh set ⟨a⟩.", ("Use ⟨1⟩ for teh set ⟨a⟩.",))]
    assert (flag.start, flag.end, flag.text) == (16, 19, "teh")


@pytest.mark.usefixtures("languagetool_server")
def test_languagetool_flags_a_typo_beside_literal_brackets_at_its_place(tmp_path):
    """Integration: the real LanguageTool server, given the literal brackets without marks."""
    text = _literal(tmp_path)
    opening = Opening(Config(), ResultCache(tmp_path / "cache.sqlite"))
    flags = list(TagFree(open_checker(opening)).check(text.document.text, text.sentences))
    assert [(f.start, f.end) for f in flags if f.text == "teh"] == [(16, 19)]
