"""Merging and splitting sentences in the UI (issue 12, item 12): previewed as the
whole-document actions are, applied as one change, undone in one step; the cursor stays on the
resulting sentence; the patch it saves, byte for byte where it matters."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import review.session as session_module
from review.checking import Checkers, Progress
from review.flags import Category, Flag, MqmClass, Severity
from review.journal import read_journal
from review.segment import Sentence
from review.state import Status
from review.ui.board import FlagBoard
from review.ui.screens.dialogs import EditScreen
from review.ui.screens.whole import PreviewScreen
from support import SEED
from ui.harness import (
    LANGUAGETOOL_VERSION,
    RecordedChecker,
    applied,
    pilot_test,
    recorded_flags,
    wait_ready,
)

PATCH = Path("corrections/seeds/000_609f52cd2aa5fae0.patch")
S66_END = "bound to die ’ The truth."
S67 = (
    "People in China admire ‘ Don’t do to others what you don’t want them to do to you ’ , "
    "China does not agree with ‘ Theory that a strong country must dominate ’ 。”"
)


class FullStops:
    """Flags every full-width stop, wherever it is in the sentence: a checker that sees the
    merged sentence's text, where the recorded flags know only the sentences as recorded."""

    name = "stops"

    def check(self, text: str, sentences: Sequence[Sentence]) -> Iterable[Flag]:
        for sentence in sentences:
            for match in re.finditer("。", sentence.text):
                yield Flag(
                    sentence.id, match.start(), match.end(), self.name, "STOP",
                    Category.PUNCTUATION, MqmClass.PUNCTUATION, Severity.MINOR, "m", "。",
                    (".",),
                )  # fmt: skip


def stops_stages(progress: Progress) -> Iterator[Checkers]:
    checkers = (RecordedChecker(recorded_flags()), FullStops())
    yield Checkers(checkers, {"languagetool": LANGUAGETOOL_VERSION}, ())


def _notices(app) -> list[str]:
    return [n.message for n in app._notifications]


def _here(app) -> str:
    main = app.main
    return main.sentences[main.table.sentence_index].id


@pilot_test
async def test_merge_the_quotation_cut_across_s66_and_s67(make_app):
    app = make_app(stages=stops_stages)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        app.session.save()
        unreviewed = PATCH.read_bytes()
        await _preview_merge_of_s66(pilot)
        preview = app.screen
        assert isinstance(preview, PreviewScreen)
        assert preview.plan.title == "Merge sentence 66 with 67: they join where marked"
        (line,) = preview.plan.lines
        assert (line.number, line.left[-25:], line.old, line.right[:22]) == (
            66, S66_END, " ", "People in China admire"
        )  # fmt: skip
        await pilot.press("enter")
        await wait_ready(pilot)
        assert _notices(app)[-1] == "Merged s66 and s67 into s66"
        main = app.main
        assert _here(app) == "s66"
        assert main.table.sentence_index == 65
        merged = app.session.text_of("s66")
        assert merged.startswith("In April 2015,Speaking at the Pakistani Parliament")
        assert merged.endswith(f"{S66_END} {S67}")
        assert main.detail().sentence.text == merged
        assert len(main.sentences) == 76 and main.sentences[66].id == "s68"
        # Checked again as one sentence: s67's full stop is s66's now, at its place in it.
        (stop,) = [f for f in main.board.flags_of("s66") if f.rule == "STOP"]
        assert stop.start == merged.index("。") == len(merged) - 2
        app.session.save()
        # The header gains one line; the diff is the no-op hunk any review without a text
        # change has (so that git apply takes it), and applies to the seed unchanged.
        assert PATCH.read_bytes() == unreviewed.replace(
            b"\nReviews: 0\n", b'\nSegmentation: {"joined": ["s67"], "split": []}\nReviews: 0\n'
        )
        assert applied(Path.cwd(), PATCH) == SEED.read_bytes()
        # The merged sentence's flag applied: one edit of the merged text, one hunk.
        main.selected_flag = main.detail().flags.index(stop)
        await pilot.press("1")
        await wait_ready(pilot)
        app.session.save()
        fixed = merged[:-2] + ".”"
        assert app.session.text_of("s66") == fixed
        header, diff = PATCH.read_text(encoding="utf-8").split("\ndiff --git", 1)
        assert header.splitlines()[7:] == [
            'Segmentation: {"joined": ["s67"], "split": []}',
            "Reviews: 1",
            f'Sentence-s66: {{"accepted": [["STOP", "。", "."]], "edited_chars": {len(fixed)}}}',
        ]
        removed, added = [line for line in diff.splitlines() if line[:1] in "+-"][2:]
        assert merged in removed and added == "+" + removed[1:].replace(merged, fixed)
        assert applied(Path.cwd(), PATCH) == SEED.read_bytes().replace(
            merged.encode(), fixed.encode()
        )
        await pilot.press("u")
        await wait_ready(pilot)
        await pilot.press("u")
        await wait_ready(pilot)
        assert _notices(app)[-1] == "Undone: merged s66 and s67 into s66"
        assert [s.id for s in main.sentences[65:67]] == ["s66", "s67"]
        assert _here(app) == "s66"


@pilot_test
async def test_split_at_the_editor_cursor_keeps_the_first_id_and_names_the_second(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("colon", *"s12", "enter", "b")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, EditScreen)
        await pilot.press("home", *["ctrl+right"] * 5, "ctrl+o")
        await wait_ready(pilot)
        preview = app.screen
        assert isinstance(preview, PreviewScreen)
        assert preview.plan.title == "Split sentence 12 in two where marked"
        (line,) = preview.plan.lines
        assert (line.left, line.right[:17]) == (
            "Facing the complicated international situation,", "how can we handle"
        )  # fmt: skip
        await pilot.press("enter")
        await wait_ready(pilot)
        assert _notices(app)[-1] == "Split s12 at 48 into s12 and s12-48"
        main = app.main
        assert [s.id for s in main.sentences[11:14]] == ["s12", "s12-48", "s13"]
        assert _here(app) == "s12"
        app.session.save()
        assert b'\nSegmentation: {"joined": [], "split": ["s12-48"]}\nReviews: 0\n' in (
            PATCH.read_bytes()
        )
        await pilot.press("m")
        await wait_ready(pilot)
        await pilot.press("enter")
        await wait_ready(pilot)
        assert [s.id for s in main.sentences[11:13]] == ["s12", "s13"]
        assert app.session.state.segmentation.split == frozenset()


@pilot_test
async def test_a_merge_the_session_refuses_says_why(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("colon", *"s7", "enter", "m")
        await wait_ready(pilot)
        assert not isinstance(app.screen, PreviewScreen)
        assert (
            _notices(app)[-1] == "s7 ends a line; it is not merged with s8, which starts the next"
        )


@pilot_test
async def test_split_after_typing_in_the_editor_keeps_the_edit_then_splits(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("colon", *"s12", "enter", "e", "end", *" Really.")
        await pilot.press("home", *["ctrl+right"] * 5, "ctrl+o")
        await wait_ready(pilot)
        assert isinstance(app.screen, PreviewScreen)
        await pilot.press("enter")
        await wait_ready(pilot)
        session = app.session
        assert session.text_of("s12") == "Facing the complicated international situation,"
        assert session.text_of("s12-48").endswith("of the international community? Really.")
        assert session.state.review_of("s12").edited is None
        await pilot.press("u")
        await wait_ready(pilot)
        assert session.text_of("s12").endswith("community? Really.")


class Held:
    """Holds the merge's or split's work after the session made it (``FlagBoard.resegmented``,
    which the screen's new rows wait for) until ``release``, and records the threads that made
    new sentences or boards. On the UI thread (as before issue 12 item 7's fix for merges),
    the hold stalls the screen for ``HOLD_SECONDS`` instead."""

    HOLD_SECONDS = 5.0

    def __init__(self, monkeypatch) -> None:
        self.entered = threading.Event()
        self.released = threading.Event()
        self.threads: list[str] = []
        resegment_board = FlagBoard.resegmented
        resegment_text = session_module.resegmented

        def board(board: FlagBoard, sentences: Sequence[Sentence]):
            self.threads.append(threading.current_thread().name)
            self.entered.set()
            self.released.wait(self.HOLD_SECONDS)
            return resegment_board(board, sentences)

        def text(*args):
            self.threads.append(threading.current_thread().name)
            return resegment_text(*args)

        monkeypatch.setattr(FlagBoard, "resegmented", board)
        monkeypatch.setattr(session_module, "resegmented", text)

    async def wait_entered(self, pilot) -> None:
        for _ in range(100):
            if self.entered.is_set():
                return
            await pilot.pause(0.02)
        raise AssertionError("the merge's work did not start")

    def off_the_ui_thread(self) -> bool:
        return bool(self.threads) and threading.main_thread().name not in self.threads


async def _preview_merge_of_s66(pilot) -> None:
    """Go to s66 and ask to merge it with s67: the preview is on screen."""
    await pilot.press("colon", *"s66", "enter", "m")
    await wait_ready(pilot)


def _journal(app) -> list[tuple[str, list[str]]]:
    contents = read_journal(app.session.location.journal)
    assert contents is not None
    return [(e.label, sorted(e.reviews)) for e in contents.entries]


@pilot_test
async def test_a_merge_is_made_off_the_ui_thread_and_keys_meanwhile_act_on_the_rows_shown(
    make_app, monkeypatch
):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        main = app.main
        held = Held(monkeypatch)
        await _preview_merge_of_s66(pilot)
        assert isinstance(app.screen, PreviewScreen)
        await pilot.press("enter")
        await held.wait_entered(pilot)
        # The worker holds the new rows; the screen still lists s67, and the keys work on
        # what it lists: down twice is s68, marked reviewed once the merge is shown.
        assert [s.id for s in main.sentences[65:68]] == ["s66", "s67", "s68"]
        await pilot.press("down", "down", "r")
        assert _here(app) == "s68"
        held.released.set()
        await wait_ready(pilot)
        assert held.off_the_ui_thread()
        assert [s.id for s in main.sentences[65:67]] == ["s66", "s68"]
        assert _here(app) == "s68" and main.table.sentence_index == 66
        assert app.session.state.review_of("s68").status is Status.REVIEWED
        assert _journal(app) == [
            ("merged s66 and s67 into s66", []),
            ("marked reviewed", ["s68"]),
        ]
        assert "Merged s66 and s67 into s66" in _notices(app)
        patch = app.session.save().read_bytes()
        assert b'\nSegmentation: {"joined": ["s67"], "split": []}\nReviews: 1\n' in patch
        assert b'\nSentence-s68: {"status": "reviewed"}\n' in patch


@pilot_test
async def test_undoing_a_merge_is_made_off_the_ui_thread_and_a_key_meanwhile_waits_for_it(
    make_app, monkeypatch
):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        main = app.main
        await _preview_merge_of_s66(pilot)
        await pilot.press("enter")
        await wait_ready(pilot)
        held = Held(monkeypatch)
        await pilot.press("u")
        await held.wait_entered(pilot)
        # Pressed while the undo is made: on the sentence shown, s66, and after the undo.
        await pilot.press("r")
        assert app.session.state.review_of("s66").status is Status.TODO
        held.released.set()
        await wait_ready(pilot)
        assert held.off_the_ui_thread()
        assert [s.id for s in main.sentences[65:67]] == ["s66", "s67"]
        assert _here(app) == "s66"
        assert app.session.state.review_of("s66").status is Status.REVIEWED
        assert _journal(app) == [
            ("merged s66 and s67 into s66", []),
            ("undone: merged s66 and s67 into s66", []),
            ("marked reviewed", ["s66"]),
        ]
        assert "Undone: merged s66 and s67 into s66" in _notices(app)


@pilot_test
async def test_an_edit_typed_while_a_merge_is_made_is_kept_whole_and_made_after_it(
    make_app, monkeypatch
):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        held = Held(monkeypatch)
        await _preview_merge_of_s66(pilot)
        await pilot.press("enter")
        await held.wait_entered(pilot)
        # The editor opens at once on the sentence shown; what is typed goes into it.
        await pilot.press("down", "down", "e", "ctrl+a", *"Rewritten.", "ctrl+s")
        assert not isinstance(app.screen, EditScreen)
        assert app.session.state.review_of("s68").edited is None  # waits for the merge
        held.released.set()
        await wait_ready(pilot)
        assert app.session.text_of("s68") == "Rewritten."
        assert _here(app) == "s68"
        assert _journal(app) == [
            ("merged s66 and s67 into s66", []),
            ("text replaced", ["s68"]),
        ]
