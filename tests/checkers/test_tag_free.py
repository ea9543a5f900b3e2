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


MESSAGES = [
    # (msgstr, the sentence as shown, what the checker is given, the flag's span)
    (
        "<b>Click</b> teh <i>button</i> now.",
        "⟨1⟩Click⟨/1⟩ teh ⟨2⟩button⟨/2⟩ now.",
        "Click teh button now.",
        (13, 16),
    ),
    (  # its own ⟨ ⟩ (one pair shaped like a token) beside a real tag: given as typed
        "Use ⟨1⟩ for <b>teh</b> set ⟨a⟩.",
        "Use ⟨\u20601⟩ for ⟨1⟩teh⟨/1⟩ set ⟨a⟩.",
        "Use ⟨1⟩ for teh set ⟨a⟩.",
        (16, 19),
    ),
]


def _message(tmp_path, msgstr):
    (tmp_path / "t.po").write_text(f'msgid "Click the button now."\nmsgstr "{msgstr}"\n', "utf-8")
    return open_text(tmp_path / "t.po")


@pytest.mark.parametrize(("msgstr", "shown", "given", "span"), MESSAGES)
def test_the_checker_sees_no_tokens_and_its_flag_lands_on_the_display(
    msgstr, shown, given, span, tmp_path
):
    text = _message(tmp_path, msgstr)
    (sentence,) = text.sentences
    assert sentence.text == shown
    finder = WordFinder()
    (flag,) = TagFree(finder).check(text.document.text, text.sentences)
    assert finder.seen == [(given, (given,))]
    assert (flag.start, flag.end, flag.text) == (*span, "teh")
    assert sentence.text[flag.start : flag.end] == "teh"


def test_a_text_without_tokens_goes_through_unchanged():
    finder = WordFinder()
    sentences = (Sentence("s1", 0, 7, 1, "Eat teh"),)
    (flag,) = TagFree(finder).check("Eat teh", sentences)
    assert finder.seen == [("Eat teh", ("Eat teh",))]
    assert (flag.start, flag.end) == (4, 7)


@pytest.mark.usefixtures("languagetool_server")
@pytest.mark.parametrize(("msgstr", "span"), [(m[0], m[3]) for m in MESSAGES])
def test_languagetool_flags_the_typo_between_tags_at_its_place(msgstr, span, tmp_path):
    """Integration: the real LanguageTool server, given the text without tokens."""
    text = _message(tmp_path, msgstr)
    opening = Opening(Config(), ResultCache(tmp_path / "cache.sqlite"))
    flags = list(TagFree(open_checker(opening)).check(text.document.text, text.sentences))
    typo = [f for f in flags if f.text == "teh"]
    assert [(f.start, f.end) for f in typo] == [span]
    assert "the" in typo[0].replacements
