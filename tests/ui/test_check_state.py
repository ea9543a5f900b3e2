"""The check/re-check bookkeeping, without Textual: which flags count and which sentences still
show "Checking…"."""

from __future__ import annotations

from dataclasses import replace

from review.ui.check_state import CheckState
from review.ui.checks import FlagBatch
from ui.harness import recorded_flags

TEXTS = {"s1": "One sentence here.", "s2": "Another one there."}


def _flag(sentence_id: str):
    return replace(recorded_flags()[0], sentence_id=sentence_id)


def test_everything_is_pending_until_the_document_check_finishes():
    state = CheckState()
    assert state.checking and state.pending("s1")
    assert state.finished() == set()
    assert not state.checking and not state.pending("s1")


def test_a_sentence_edited_during_the_check_is_rechecked_when_it_finishes():
    state = CheckState()
    state.edited({"s2"})
    assert state.finished() == {"s2"}
    assert state.pending("s2") and not state.pending("s1")
    # Asked once: a second end of the check has nothing more to re-check.
    assert state.finished() == set()


def test_only_sentences_still_holding_the_checked_text_count():
    state = CheckState()
    state.finished()
    batch = FlagBatch(
        (_flag("s1"), _flag("s2")), {"s1": TEXTS["s1"], "s2": "the old text"}, replace=True
    )
    ids, flags = state.current(batch, TEXTS.__getitem__)
    assert ids == {"s1"}
    assert flags == [_flag("s1")]


def test_a_complete_recheck_ends_the_wait_a_partial_batch_does_not():
    state = CheckState()
    state.finished()
    state.edited({"s1", "s2"})
    state.current(FlagBatch((), {"s1": TEXTS["s1"]}), TEXTS.__getitem__)
    assert state.pending("s1")
    state.current(FlagBatch((), {"s1": TEXTS["s1"]}, replace=True), TEXTS.__getitem__)
    assert not state.pending("s1") and state.pending("s2")


def test_a_failed_recheck_ends_the_wait_only_after_the_document_check():
    state = CheckState()
    state.edited({"s1"})
    state.recheck_failed({"s1"})
    assert state.finished() == {"s1"}  # still to re-check once the check has finished
    state.recheck_failed({"s1"})
    assert not state.pending("s1")
