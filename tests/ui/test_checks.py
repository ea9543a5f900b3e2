"""The check pipeline the UI runs in a worker thread, and the flag board it fills."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from review.cache import ResultCache
from review.checking import Checkers, Progress, check_with, open_checkers
from review.config import Config
from review.corrected import CorrectedText, PlacedSentences
from review.flags import Category, Flag, MqmClass, Severity
from review.offload import ProcessOffload
from review.segment import segment
from review.state import ReviewState, SentenceReview, Status
from review.ui.board import FlagBoard, RowFilter, Show, refiltered, visible_rows
from review.ui.checks import (
    FlagBatch,
    SettledStages,
    paragraphs_around,
    recheck,
    run_stages,
    still_holding,
)
from ui.harness import (
    RecordedChecker,
    quoted_checkers,
    quoted_stages,
    recorded_flags,
    recorded_stages,
)

TEXT = "One sentence here. Another one there.\nA second paragraph."
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_609f52cd2aa5fae0.txt"


def _flag(sentence_id: str, start: int, end: int, text: str):
    return replace(recorded_flags()[0], sentence_id=sentence_id, start=start, end=end, text=text)


def test_stages_stream_flags_and_skip_a_checker_already_run():
    sentences = segment(TEXT)
    flag = _flag("s2", 0, 7, "Another")
    checker = RecordedChecker([flag])
    opened, batches = [], []

    def stages(progress):
        yield Checkers((checker,), {}, ())
        yield Checkers((checker,), {"languagetool": "6.6"}, ())

    ran = run_stages(stages, TEXT, sentences, lambda *a: None, opened.append, batches.append)
    assert ran == (checker,)
    assert [o.versions.get("languagetool") for o in opened] == [None, "6.6"]
    assert [b.flags for b in batches] == [(flag,)]
    assert batches[0].checked == {"s2": "Another one there."}


def _run(stages, cancelled):
    """run_stages on TEXT: the checkers run and the batches of flags streamed."""
    batches = []
    ran = run_stages(
        stages, TEXT, segment(TEXT), lambda *a: None, lambda o: None, batches.append, cancelled
    )
    return ran, batches


def test_stages_stop_when_cancelled():
    flags = [_flag("s1", 0, 3, "One"), _flag("s2", 0, 7, "Another")]

    def stages(progress):
        yield Checkers((RecordedChecker(flags),), {}, ())

    assert _run(stages, cancelled=lambda: True) == ((), [])


def test_recheck_is_a_replacing_batch_of_the_sentences_given():
    sentences = segment(TEXT)
    flag = _flag("s3", 2, 8, "second")
    batch = recheck([RecordedChecker([flag])], TEXT, sentences, {"s3"}, recorded_stages)
    assert batch.replace and batch.flags == (flag,)
    assert batch.checked == {"s3": "A second paragraph."}


QUOTED = 'He said "no" twice.\nShe said "yes".'


def test_settled_stages_end_with_review_checks_flags_for_every_sentence():
    sentences = segment(QUOTED)
    batches = []
    ran = run_stages(
        SettledStages(quoted_stages, Config()),
        QUOTED,
        sentences,
        lambda *a: None,
        lambda o: None,
        batches.append,
    )
    assert [c.name for c in ran] == ["recorded", "languagetool"]
    assert [f.rule for f in batches[0].flags] == ["EN_QUOTES"] * 4  # streamed as found
    last = batches[-1]
    assert last.replace and last.checked == {"s1": 'He said "no" twice.', "s2": 'She said "yes".'}
    assert last.flags == check_with(quoted_checkers(), QUOTED, sentences, Config()).flags
    assert [(f.sentence_id, f.rule) for f in last.flags] == [("s1", "HOUSE_STYLE_QUOTES")]


def test_plain_stages_and_a_cancelled_run_are_not_settled():
    assert all(not b.replace for b in _run(quoted_stages, cancelled=lambda: False)[1])
    settling = SettledStages(quoted_stages, Config())
    assert _run(settling, cancelled=lambda: True) == ((), [])


def test_a_settled_recheck_places_the_document_flag_as_the_whole_text_does():
    sentences = segment(QUOTED)
    settling = SettledStages(quoted_stages, Config())
    checkers = quoted_checkers().checkers
    second = recheck(checkers, QUOTED, sentences, {"s2"}, settling)
    assert second.replace and second.flags == ()  # the quote-style flag is on s1
    first = recheck(checkers, QUOTED, sentences, {"s1"}, settling)
    assert [f.rule for f in first.flags] == ["HOUSE_STYLE_QUOTES"]


def test_board_hides_dismissed_flags_and_filters_rows():
    sentences = segment(TEXT)
    board = FlagBoard(sentences)
    one, two = _flag("s1", 0, 3, "One"), _flag("s3", 2, 8, "second")
    assert board.add([one, two]) == {"s1", "s3"}
    state = ReviewState.of(
        {
            "s1": SentenceReview(dismissed=frozenset({one.key})),
            "s2": SentenceReview(edited="Another one.", status=Status.REVIEWED),
        }
    )
    assert board.active("s1", state.review_of("s1")) == ()
    assert board.flagged_count(state) == 1
    assert visible_rows(sentences, state, board, RowFilter()) == range(3)
    assert visible_rows(sentences, state, board, RowFilter(Show.FLAGGED)) == [2]
    assert visible_rows(sentences, state, board, RowFilter(Show.EDITED)) == [1]
    assert visible_rows(sentences, state, board, RowFilter(Show.TODO)) == [0, 2]
    assert visible_rows(sentences, state, board, RowFilter(category=two.category)) == [2]
    assert visible_rows(sentences, state, board, RowFilter(query="ANOTHER ONE.")) == [1]
    board.replace({"s3"}, [])
    assert board.flags_of("s3") == ()


def test_board_lists_flagged_positions_for_jumping_both_ways():
    sentences = segment(TEXT)
    board = FlagBoard(sentences)
    one, three = _flag("s1", 0, 3, "One"), _flag("s3", 2, 8, "second")
    board.add([three, one])
    assert list(board.flagged_from(0, 1)) == [2]
    assert list(board.flagged_from(1, 1)) == [2]
    assert list(board.flagged_from(2, -1)) == [0]
    assert list(board.flagged_from(2, 1)) == []
    board.clear({"s3"})
    assert list(board.flagged_from(0, 1)) == []
    board.replace({"s1"}, [])
    assert list(board.flagged_from(2, -1)) == []


def test_refiltered_judges_only_the_changed_sentences_again():
    sentences = segment(TEXT)
    board = FlagBoard(sentences)
    one, three = _flag("s1", 0, 3, "One"), _flag("s3", 2, 8, "second")
    board.add([one, three])
    flagged = RowFilter(Show.FLAGGED)
    state = ReviewState()
    rows = visible_rows(sentences, state, board, flagged)
    assert rows == [0, 2]
    dismissed = ReviewState.of({"s1": SentenceReview(dismissed=frozenset({one.key}))})
    assert refiltered(rows, {0}, sentences, dismissed, board, flagged) == [2]
    board.add([_flag("s2", 0, 7, "Another")])
    assert refiltered([2], {1, 0}, sentences, dismissed, board, flagged) == [1, 2]
    # a sentence not named as changed is not judged again
    assert refiltered([2], {1}, sentences, state, board, flagged) == [1, 2]


class BookLongChecker:
    """A detector still on its pass over a book when the app quits."""

    name = "book-long"

    def __init__(self, released: threading.Event) -> None:
        self.released = released

    def check(self, text, sentences):
        self.released.wait(30)
        return [_flag("s3", 2, 8, "second")]


def _opening_languagetool(released):
    def stages(progress):
        yield Checkers((RecordedChecker([_flag("s2", 0, 7, "Another")]),), {}, ())
        released.wait(30)  # LanguageTool's server starting
        yield Checkers((), {"languagetool": "6.6"}, ())

    return stages


def _checking_a_book(released):
    def stages(progress):
        recorded = RecordedChecker([_flag("s2", 0, 7, "Another")])
        yield Checkers((recorded, BookLongChecker(released)), {}, ())
        yield Checkers((), {"languagetool": "6.6"}, ())

    return stages


@pytest.mark.parametrize("stages", [_opening_languagetool, _checking_a_book])
def test_a_checker_still_opening_or_checking_does_not_hold_a_cancelled_run(stages):
    released = threading.Event()
    started = time.monotonic()
    ran, batches = _run(stages(released), cancelled=lambda: time.monotonic() - started > 0.3)
    waited = time.monotonic() - started
    released.set()
    assert 0.3 < waited < 2
    assert [b.flags for b in batches] == [(_flag("s2", 0, 7, "Another"),)]
    assert "recorded" in [c.name for c in ran]


def test_a_stage_that_fails_to_open_raises_in_the_run():
    def stages(progress):
        raise RuntimeError("no Java")
        yield

    with pytest.raises(RuntimeError, match="no Java"):
        _run(stages, cancelled=lambda: False)


def test_paragraphs_around_the_sentences_to_check_again():
    sentences = segment(TEXT)
    assert [s.id for s in paragraphs_around(sentences, [1])] == ["s1", "s2"]
    assert [s.id for s in paragraphs_around(sentences, [2])] == ["s3"]
    assert [s.id for s in paragraphs_around(sentences, [2, 0, 1])] == ["s1", "s2", "s3"]


def test_a_books_settled_flags_come_in_replacing_batches_of_bounded_size(monkeypatch):
    # One batch for a book held the UI's thread for hundreds of milliseconds.
    monkeypatch.setattr("review.ui.checks.REPLACE_SENTENCES", 1)
    sentences = segment(QUOTED)
    batches = []
    run_stages(
        SettledStages(quoted_stages, Config()),
        QUOTED,
        sentences,
        lambda *a: None,
        lambda o: None,
        batches.append,
    )
    replacing = [b for b in batches if b.replace]
    assert [dict(b.checked) for b in replacing] == [
        {"s1": 'He said "no" twice.'},
        {"s2": 'She said "yes".'},
    ]
    assert [[f.rule for f in b.flags] for b in replacing] == [["HOUSE_STYLE_QUOTES"], []]


def test_flags_found_all_at_once_stream_in_batches_of_at_most_flush_flags():
    flags = [_flag("s1", 0, 3, "One") for _ in range(2500)]

    def stages(progress):
        yield Checkers((RecordedChecker(flags),), {}, ())

    _, batches = _run(stages, cancelled=lambda: False)
    sizes = [len(b.flags) for b in batches]
    # Under load the time limit may cut a batch short too.
    assert sum(sizes) == 2500 and max(sizes) == 250


def test_a_books_settled_flags_come_in_steps_of_at_most_500_sentences():
    # The UI's thread takes each batch in one step: 2,000 sentences' flags, their rows and
    # counts held it 50-70 ms on a loaded machine.
    text = " ".join(f"Sentence number {n} is here." for n in range(1200))
    sentences = segment(text)
    batches = []

    def stages(progress):
        yield Checkers((RecordedChecker([_flag("s700", 0, 8, "Sentence")]),), {}, ())

    run_stages(
        SettledStages(stages, Config()),
        text,
        sentences,
        lambda *a: None,
        lambda o: None,
        batches.append,
    )
    replacing = [b for b in batches if b.replace]
    assert [len(b.checked) for b in replacing] == [500, 500, 200]
    assert [[f.sentence_id for f in b.flags] for b in replacing] == [[], ["s700"], []]


def test_a_recheck_keeps_the_whole_document_flags_that_still_hold():
    # The consistency checker compares sentences across the document: run on one paragraph
    # it found nothing, and its flags there went at each edit.
    sentences = segment(TEXT)
    held = Flag("s3", 2, 8, "consistency", "CONSISTENT_TERM", Category.SPELLING,
                MqmClass.INCONSISTENCY, Severity.MINOR, "Also written", "second")  # fmt: skip
    moved = replace(held, start=0, end=6)  # its words are no longer there
    texts = {s.id: s.text for s in sentences}
    # A fluency flag of a detector that reads its sentence alone is found again.
    alone = replace(_flag("s3", 2, 8, "second"), rule="MT_REPEATED_WORDS")
    assert still_holding([held, moved, alone], texts.__getitem__) == [held]

    class Consistency(RecordedChecker):
        name = "consistency"

    found = _flag("s3", 0, 1, "A")
    never = replace(held, start=0, end=1, text="A")  # what a paragraph alone would give it
    checkers = [RecordedChecker([found]), Consistency([never])]
    batch = recheck(checkers, TEXT, sentences, {"s3"}, recorded_stages, had=[held])
    assert batch.flags == (found, held)
    # Given every flag the sentences had, it tells which still hold itself (in its thread).
    had = [held, moved, alone]
    assert recheck(checkers, TEXT, sentences, {"s3"}, recorded_stages, had).flags == batch.flags


def test_a_recheck_keeps_a_calques_echo_found_in_full_in_another_paragraph():
    # The seed's s3 says "in the same boat", the core of a calque said in full in s14 and
    # s38: flagged in s3 for that, it went when s3's paragraph was checked alone (after an
    # edit of s2, in the UI).
    from review.checkers.fluency import FluencyChecker

    text = SEED.read_text(encoding="utf-8")
    sentences = segment(text)
    fluency = FluencyChecker(Config())
    found = list(fluency.check(text, sentences))
    echo = [f for f in found if f.sentence_id == "s3" and f.rule == "MT_IDIOM_CALQUE"]
    assert [f.text for f in echo] == ["in the same boat"]
    assert "in full in s14, s38" in echo[0].message
    texts = {s.id: s.text for s in sentences}
    for sentence_id in ("s3", "s14"):
        paragraph = {
            s.id
            for s in sentences
            if s.paragraph == next(t.paragraph for t in sentences if t.id == sentence_id)
        }
        kept = still_holding((f for f in found if f.sentence_id in paragraph), texts.__getitem__)
        alone = recheck([fluency], text, sentences, paragraph, recorded_stages)
        again = recheck([fluency], text, sentences, paragraph, recorded_stages, kept)
        calques = [f for f in again.flags if f.rule == "MT_IDIOM_CALQUE"]
        # s3's echo is kept; s14's calque in full, found again, is there once.
        assert calques == [
            f for f in found if f.rule == "MT_IDIOM_CALQUE" and f.sentence_id in paragraph
        ]
        if sentence_id == "s3":
            assert echo[0] not in alone.flags  # what the paragraph alone gives


def _edited(text: str) -> ReviewState:
    sentences = segment(text)
    return ReviewState().with_reviews(
        {
            # Longer than the original, with flags of its own (a doubled word, a straight quote).
            sentences[1].id: SentenceReview(edited='The the trip is "long", said they.'),
            sentences[3].id: SentenceReview(edited=""),  # deleted
            sentences[6].id: SentenceReview(edited="Short."),
        }
    )


def _checked(
    text: str | CorrectedText, sentences: object, cache: ResultCache, config: Config
) -> list[FlagBatch]:
    """The batches the UI's local stages (default_stages's, on their own cache) give."""
    offload = ProcessOffload()

    def stages(progress: Progress) -> Iterator[Checkers]:
        yield open_checkers(config, use_servers=False, cache=cache, offload=offload)

    batches: list[FlagBatch] = []
    try:
        run_stages(
            SettledStages(stages, config, offload),
            text,
            sentences,  # type: ignore[arg-type]
            lambda *a: None,
            lambda o: None,
            batches.append,
        )
    finally:
        offload.close()
    return batches


def test_an_edited_text_not_joined_gets_the_flags_of_the_joined_text(tmp_path, monkeypatch):
    config = replace(Config(), words=tmp_path / "words.txt")
    original = SEED.read_text(encoding="utf-8")
    sentences = segment(original)
    state = _edited(original)
    joined_text, joined_sentences = state.current_document(original, sentences)
    before = _checked(joined_text, joined_sentences, ResultCache(tmp_path / "a.sqlite3"), config)

    text, placed = state.corrected(original, sentences)
    assert isinstance(text, CorrectedText) and isinstance(placed, PlacedSentences)

    def not_joined(self: CorrectedText) -> str:
        raise AssertionError("the corrected text was joined")

    monkeypatch.setattr(CorrectedText, "joined", not_joined)
    after = _checked(text, placed, ResultCache(tmp_path / "b.sqlite3"), config)

    def found(batches: list[FlagBatch], replacing: bool) -> list[list[object]]:
        return [f.to_json() for b in batches if b.replace is replacing for f in b.flags]

    def checked(batches: list[FlagBatch]) -> dict[str, str]:
        return {k: v for b in batches for k, v in b.checked.items()}

    assert found(after, False) == found(before, False)  # as found, in order
    assert found(after, True) == found(before, True)  # as settled
    assert checked(after) == checked(before)
    settled = [f[:5] for f in found(after, True)]
    # On the edit that made s2 longer, on s5 and s8, which it and the deletion moved, and
    # consistency's, which compare the whole document; none on the deleted s4.
    assert ["s2", 0, 7, "fluency", "MT_REPEATED_WORDS"] in settled
    assert ["s5", 315, 347, "fluency", "MT_REPEATED_PHRASE"] in settled
    assert ["s8", 160, 170, "consistency", "CONSISTENT_TERM"] in settled
    assert all(f[0] != "s4" for f in settled)
    assert checked(after)["s2"] == 'The the trip is "long", said they.'
    assert checked(after)["s7"] == "Short."


def test_a_recheck_of_an_edited_text_writes_its_text_for_the_offload_once(tmp_path, monkeypatch):
    """The passes over the edited paragraph and the settling against the whole document were
    each sent the corrected text, each in a folder of its own that the process joined again:
    seconds an edit on a 60 MB book."""
    from review import offload as module

    config = replace(Config(), words=tmp_path / "words.txt")
    original = SEED.read_text(encoding="utf-8")
    sentences = segment(original)
    state = _edited(original)
    ids = {s.id for s in paragraphs_around(sentences, [1])}
    joined_text, joined_sentences = state.current_document(original, sentences)
    here = open_checkers(config, use_servers=False, cache=ResultCache(tmp_path / "a.sqlite3"))
    expected = recheck(
        here.checkers, joined_text, joined_sentences, ids, SettledStages(_no_stages, config)
    )

    written: list[Path] = []
    write = module._write

    def recorded(path: Path, items: Iterator[str]) -> None:
        if path.name == module.TEXT:
            written.append(path)
        write(path, items)

    monkeypatch.setattr(module, "_write", recorded)
    text, placed = state.corrected(original, sentences)
    offload = ProcessOffload()
    try:
        cache = ResultCache(tmp_path / "b.sqlite3")
        there = open_checkers(config, use_servers=False, cache=cache, offload=offload)
        batch = recheck(
            there.checkers, text, placed, ids, SettledStages(_no_stages, config, offload)
        )
    finally:
        offload.close()
    assert len(written) == 1
    assert batch == expected
    settled = [f.to_json()[:5] for f in batch.flags]
    assert ["s2", 0, 7, "fluency", "MT_REPEATED_WORDS"] in settled
    assert batch.checked["s2"] == 'The the trip is "long", said they.'


def _no_stages(progress: Progress) -> Iterator[Checkers]:
    return iter(())
