"""The header's counts, kept per changed sentence, against a recount of everything."""

from __future__ import annotations

from dataclasses import replace

from review.segment import segment
from review.state import ReviewState, SentenceReview, Status
from review.ui.board import FlagBoard
from review.ui.counts import HeaderCounts
from ui.harness import recorded_flags

TEXT = "One sentence here. Another one there.\nA second paragraph."


def _flag(sentence_id: str, text: str):
    return replace(recorded_flags()[0], sentence_id=sentence_id, start=0, end=3, text=text)


def _recounted(state: ReviewState, board: FlagBoard) -> tuple[int, int, int]:
    reviewed = sum(1 for _, r in state.items() if r.status is Status.REVIEWED)
    return reviewed, len(state.edited_ids()), board.flagged_count(state)


def test_counts_follow_each_change_as_a_full_recount_would():
    sentences = segment(TEXT)
    board = FlagBoard(sentences)
    one, three = _flag("s1", "One"), _flag("s3", "A s")
    state = ReviewState.of({"s2": SentenceReview(status=Status.REVIEWED)})
    counts = HeaderCounts.of(state, board)

    def check() -> None:
        assert (counts.reviewed, counts.edited, counts.flagged(board)) == _recounted(state, board)

    check()
    counts.recount(board.add([one, three]), state, board)
    check()
    assert counts.flagged(board) == 2
    steps = [
        {"s1": SentenceReview(dismissed=frozenset({one.key}))},
        {"s3": SentenceReview(edited="A paragraph.", status=Status.REVIEWED)},
        {"s2": SentenceReview()},
        {"s1": SentenceReview()},
    ]
    for reviews in steps:
        state = state.with_reviews(reviews)
        counts.recount(reviews, state, board)
        check()
    assert (counts.reviewed, counts.edited, counts.flagged(board)) == (1, 1, 2)
    board.clear({"s1"})
    counts.recount({"s1"}, state, board)
    check()
