"""The flag board after sentences were merged or split (review.ui.board)."""

from __future__ import annotations

from review.flags import Category, Flag, MqmClass, Severity
from review.segment import Resegmentation, resegmented, segment
from review.ui.board import FlagBoard

TEXT = 'He said: "It is late. We must go." Then they left at once.\nA second line.\n'


def _flag(sentence_id: str, start: int, text: str) -> Flag:
    return Flag(
        sentence_id, start, start + len(text), "fluency", "RULE", Category.STYLE,
        MqmClass.AWKWARD, Severity.MINOR, "m", text, (),
    )  # fmt: skip


def test_a_resegmented_board_keeps_the_flags_of_the_sentences_as_they_were() -> None:
    original = segment(TEXT)
    board = FlagBoard(original)
    board.add([_flag("s2", 0, "We"), _flag("s3", 0, "Then"), _flag("s4", 2, "second")])
    merged = resegmented(TEXT, original, Resegmentation(joined=frozenset({"s2"})))
    new, changed = board.resegmented(merged)
    assert changed == {"s1"}
    assert [s.id for s in new.sentences] == ["s1", "s3", "s4"]
    assert (new.position("s3"), new.position("s4")) == (1, 2)
    assert [f.text for f in new.flags_of("s3")] == ["Then"]
    assert new.flags_of("s1") == () and not new.knows("s2")
    assert list(new.flagged_from(0, 1)) == [1, 2]
    back, changed = new.resegmented(original)
    assert changed == {"s1", "s2"}
    assert [f.text for f in back.all_flags()] == ["Then", "second"]
