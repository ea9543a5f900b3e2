"""Every key path of the main screen, driven with Textual's pilot on the real session; each
asserts the ReviewState and what is on disk (journal before saving, patch bytes after)."""

from __future__ import annotations

import os
import threading
from dataclasses import replace
from pathlib import Path

from textual.screen import Screen

from review.checking import Checkers
from review.flags import MqmClass, Severity
from review.state import Annotation, MqmType, Neutral, Status
from review.ui.board import Show
from review.ui.screens.dialogs import ENTER_QUIET_SECONDS, EditScreen, QuitScreen
from review.ui.screens.help import HelpScreen
from review.ui.widgets.detail import DetailPane
from ui.harness import (
    LANGUAGETOOL_VERSION,
    RecordedChecker,
    applied,
    pilot_test,
    recorded_flags,
    wait_ready,
)

PATCH = Path("corrections/seeds/000_609f52cd2aa5fae0.patch")
JOURNAL = Path("corrections/seeds/000_609f52cd2aa5fae0.journal")
S5_PHRASE = "community of human destiny"
S5_FIX = "community with a shared future for mankind"


def seed_bytes() -> bytes:
    return Path("seeds/000_609f52cd2aa5fae0.txt").read_bytes()


@pilot_test
async def test_opens_with_counts_and_languagetool_state(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        main = app.main
        assert len(main.table.rows) == 77
        header = str(app.screen.query_one("#header-info").render())
        assert "77 sentences · 19 flagged · 0 edited · 0 reviewed" in header
        assert f"LanguageTool {LANGUAGETOOL_VERSION}: ready" in header
        assert main.board.flags_of("s5")[0].rule == "MT_SET_PHRASE"


@pilot_test
async def test_move_keys(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        table = app.main.table
        await pilot.press("down", "j", "j")
        assert table.sentence_index == 3
        await pilot.press("up", "k")
        assert table.sentence_index == 1
        await pilot.press("end")
        assert table.sentence_index == 76
        await pilot.press("home")
        assert table.sentence_index == 0
        await pilot.press("pagedown")
        assert table.sentence_index > 10
        await pilot.press("pageup")
        assert table.sentence_index == 0
        height = table.scrollable_content_region.height
        thumb = table.get_component_rich_style("sentence-table--thumb").bgcolor
        assert list(table.render_line(0))[-1].style.bgcolor == thumb  # the position bar
        assert list(table.render_line(height - 1))[-1].style.bgcolor != thumb
        await pilot.press("end")
        assert list(table.render_line(0))[-1].style.bgcolor != thumb
        assert list(table.render_line(height - 1))[-1].style.bgcolor == thumb
        assert app.session.state == type(app.session.state)()


@pilot_test
async def test_next_and_previous_flagged(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("n")
        assert app.main.table.sentence_index == 4  # s5
        await pilot.press("n", "n")
        assert app.main.table.sentence_index == 10  # s11
        await pilot.press("N")
        assert app.main.table.sentence_index == 5  # s6


@pilot_test
async def test_apply_suggestion_journals_then_saves_patch(make_app, seed_copy):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("n", "1")
        await wait_ready(pilot)
        state = app.session.state
        expected = app.session.sentence("s5").text.replace(S5_PHRASE, S5_FIX)
        assert state.review_of("s5").edited == expected
        assert ("MT_SET_PHRASE", S5_PHRASE, S5_FIX) in state.review_of("s5").accepted
        assert S5_FIX in JOURNAL.read_text(encoding="utf-8")
        assert not PATCH.exists()
        # re-checked: the recorded flag's text is gone from the sentence
        assert app.main.board.flags_of("s5") == ()
        assert not app.main.detail().checking  # "No flags.", not "Checking…"
        await pilot.press("s")
        assert not app.session.dirty
        assert not JOURNAL.exists()
        # the version of the checkers the editor worked from, recorded by the session
        assert f"\nLanguageTool: {LANGUAGETOOL_VERSION}\n" in PATCH.read_text(encoding="utf-8")
    corrected = applied(seed_copy.parent.parent, PATCH.resolve())
    assert corrected == seed_bytes().replace(
        app.session.sentence("s5").text.encode(), expected.encode()
    )


@pilot_test
async def test_select_flag_with_tab_and_apply_its_second_suggestion(make_app, seed_copy):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("end", "N", "N")
        assert app.main.table.sentence_index == 72  # s73: two flags
        await pilot.press("tab")
        assert app.main.selected_flag == 1
        await pilot.press("]", "[", "[")
        assert app.main.selected_flag == 0
        await pilot.press("shift+tab")
        assert app.main.selected_flag == 1
        await pilot.press("2")  # MT_SET_PHRASE has one suggestion only: nothing changes
        assert len(app.session.state) == 0
        await pilot.press("shift+tab")
        assert app.main.selected_flag == 0
        await pilot.press("2")
        original = app.session.sentence("s73").text
        expected = original.replace("Under the background that", "In the context of")
        assert app.session.state.review_of("s73").edited == expected
        await pilot.press("ctrl+s")
    assert applied(seed_copy.parent.parent, PATCH.resolve()) == seed_bytes().replace(
        original.encode(), expected.encode()
    )


@pilot_test
async def test_dismiss_flag(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("n", "d")
        assert app.session.state.review_of("s5").dismissed == {("MT_SET_PHRASE", S5_PHRASE)}
        assert app.main.detail().flags == ()
        await pilot.press("s")
    patch = PATCH.read_text(encoding="utf-8")
    assert 'Sentence-s5: {"dismissed": [["MT_SET_PHRASE", "community of human destiny"]]}' in patch
    assert "\n-" + app.session.sentences[0].text in patch  # no text change: a no-op hunk


@pilot_test
async def test_edit_and_confirm(make_app, seed_copy):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, EditScreen)
        await pilot.press("backspace", "backspace", "!", "enter")
        await pilot.pause(ENTER_QUIET_SECONDS * 4)  # enter confirms once no key follows it
        assert not isinstance(app.screen, EditScreen)
        original = app.session.sentence("s1").text
        edited = original[:-2] + "!"
        assert app.session.state.review_of("s1").edited == edited
        assert app.main.detail().diff  # the word diff is shown
        await pilot.press("ctrl+s")
    assert applied(seed_copy.parent.parent, PATCH.resolve()) == seed_bytes().replace(
        original.encode(), edited.encode(), 1
    )


class FailsOnEditedText(RecordedChecker):
    """The recorded checker, failing (a server gone away) on a paragraph with an edit."""

    def check(self, text, sentences):
        if any("!" in s.text for s in sentences):
            raise RuntimeError("LanguageTool went away")
        return super().check(text, sentences)


def failing_stages(progress):
    yield Checkers(
        (FailsOnEditedText(recorded_flags()),), {"languagetool": LANGUAGETOOL_VERSION}, ()
    )


@pilot_test
async def test_failed_recheck_leaves_the_document_check_and_the_sentence_alone(make_app):
    app = make_app(stages=failing_stages)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("e", "backspace", "backspace", "!", "enter")
        await wait_ready(pilot)
        assert app.session.state.review_of("s1").edited.endswith("!")
        assert not app.main.detail().checking  # not "Checking…" for ever
        assert app.main._languagetool_state == f"LanguageTool {LANGUAGETOOL_VERSION}: ready"
        errors = [n.message for n in app._notifications]
        assert errors == ["re-check failed: LanguageTool went away"]


@pilot_test
async def test_edit_and_cancel(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("enter", "x", "y", "escape")
        assert not isinstance(app.screen, EditScreen)
        assert len(app.session.state) == 0
        assert not app.session.dirty
        assert not JOURNAL.exists() or "edited" not in JOURNAL.read_text(encoding="utf-8")


@pilot_test
async def test_undo_and_redo(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("n", "1")
        assert app.session.state.review_of("s5").edited is not None
        await pilot.press("u")
        await wait_ready(pilot)
        assert len(app.session.state) == 0
        assert app.main.board.flags_of("s5")[0].rule == "MT_SET_PHRASE"  # checked again
        await pilot.press("ctrl+y")
        assert S5_FIX in app.session.state.review_of("s5").edited
        await pilot.press("ctrl+z")
        assert len(app.session.state) == 0
        await pilot.press("s")
    assert PATCH.read_bytes().count(b"Sentence-") == 0


@pilot_test
async def test_mark_reviewed(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("r")
        assert app.session.state.review_of("s1").status is Status.REVIEWED
        await pilot.press("down", "r", "r")
        assert app.session.state.review_of("s2").status is Status.TODO
        await pilot.press("s")
    patch = PATCH.read_text(encoding="utf-8")
    assert 'Sentence-s1: {"status": "reviewed"}' in patch
    assert "Sentence-s2" not in patch


@pilot_test
async def test_a_change_shows_while_its_journal_fsync_is_held(make_app, monkeypatch):
    # An fsync under disk load took 116 ms, on the UI's thread: the journal fsyncs elsewhere.
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        gate, callers = threading.Event(), []
        real_fsync = os.fsync

        def held_fsync(fd):
            callers.append(threading.current_thread() is threading.main_thread())
            assert gate.wait(timeout=10)
            real_fsync(fd)

        monkeypatch.setattr(os, "fsync", held_fsync)
        await pilot.press("r")
        await pilot.pause()
        assert app.session.state.review_of("s1").status is Status.REVIEWED
        shown = app.main.query_one(DetailPane).render_line(0).text
        assert "✓ reviewed" in shown
        assert JOURNAL.read_text(encoding="utf-8").count('"change"') == 1  # written already
        gate.set()
        await pilot.press("s")
        await pilot.pause(0.5)
    assert callers and not any(callers)  # none on the UI's thread
    assert 'Sentence-s1: {"status": "reviewed"}' in PATCH.read_text(encoding="utf-8")


def _calls(monkeypatch, owner: type, name: str) -> list[int]:
    """A list that grows by one at each call of ``owner``'s method ``name`` (still made)."""
    calls: list[int] = []
    method = getattr(owner, name)
    monkeypatch.setattr(owner, name, lambda self, *a, **k: calls.append(1) or method(self, *a, **k))
    return calls


@pilot_test
async def test_a_key_that_changes_the_header_counts_lays_nothing_out(make_app, monkeypatch):
    # A layout pass of the whole screen was a third of `r`'s work on the UI's thread (and came
    # with every batch of flags): the header's new counts take the lines it has.
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await wait_ready(pilot)
        layouts = _calls(monkeypatch, Screen, "_refresh_layout")
        await pilot.press("r", "down", "r")
        await pilot.pause()
        header = app.screen.query_one("#header-info")
        assert "2 reviewed" in str(header.render())
        assert header.size.height == 1
        assert layouts == []


@pilot_test
async def test_a_header_that_wraps_onto_another_line_is_laid_out_again(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        header = app.screen.query_one("#header-info")
        assert header.size.height == 2
        app.main.row_filter = replace(app.main.row_filter, query="community " * 4)
        app.main._apply_filter()
        app.main._show_header()
        await pilot.pause()
        assert header.size.height == 3
        assert "community community" in " ".join(str(header.render()).split())


@pilot_test
async def test_marking_reviewed_renders_the_detail_once(make_app, monkeypatch):
    # Rendering the detail is most of a key's work on the UI's thread; `r` rendered it twice.
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        rendered = _calls(monkeypatch, DetailPane, "_render_lines")
        await pilot.press("r")
        await pilot.pause()
        assert len(rendered) == 1
        assert "✓ reviewed" in app.main.query_one(DetailPane).render_line(0).text
        await pilot.press("r")
        await pilot.pause()
        assert len(rendered) == 2
        assert "· to do" in app.main.query_one(DetailPane).render_line(0).text


@pilot_test
async def test_comment(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("c", *"odd", "enter")
        assert app.session.state.review_of("s1").comment == "odd"
        await pilot.press("s")
    assert 'Sentence-s1: {"comment": "odd"}' in PATCH.read_text(encoding="utf-8")


@pilot_test
async def test_mqm_annotation_of_the_selected_flag(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        # The class starts at the flag's (Accuracy/Mistranslation); the next is Omission.
        await pilot.press("n", "a", "2", "down", "enter")
        assert app.session.state.review_of("s5").annotations == (
            Annotation(MqmType.OMISSION, Severity.MAJOR, 484, 510),
        )
        await pilot.press("s")
    expected = '"mqm": "Accuracy/Omission", "note": "", "severity": "major"'
    assert expected in PATCH.read_text(encoding="utf-8")


@pilot_test
async def test_filter_and_search(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("f", "down", "enter")  # the second choice: flagged
        assert app.main.row_filter.show is Show.FLAGGED
        assert len(app.main.table.rows) == 19
        await pilot.press("d")  # s5's only flag: it leaves the flagged rows once left
        assert len(app.main.table.rows) == 19
        assert app.session.sentences[app.main.table.sentence_index].id == "s5"
        await pilot.press("down")
        assert len(app.main.table.rows) == 18
        assert app.session.sentences[app.main.table.sentence_index].id == "s6"
        await pilot.press("slash", *"boat", "enter")
        assert [app.session.sentences[i].id for i in app.main.table.rows] == ["s14", "s38"]
        await pilot.press("slash", "ctrl+u", "enter", "f", "home", "enter")
        assert len(app.main.table.rows) == 77


@pilot_test
async def test_help_screen(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


@pilot_test
async def test_quit_without_changes_exits_at_once(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("q")
        assert app.return_code == 0  # exited
    assert not PATCH.exists()


@pilot_test
async def test_quit_prompt_cancel_then_save(make_app, seed_copy):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("r", "q")
        assert isinstance(app.screen, QuitScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, QuitScreen)
        assert app.session.dirty
        await pilot.press("q", "s")
        assert app.return_code == 0  # exited
    assert 'Sentence-s1: {"status": "reviewed"}' in PATCH.read_text(encoding="utf-8")
    assert not JOURNAL.exists()


@pilot_test
async def test_quit_prompt_discard(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("r", "q", "d")
        assert app.return_code == 0  # exited
        assert len(app.session.state) == 0
    assert not PATCH.exists()
    assert not JOURNAL.exists()


@pilot_test
async def test_reopening_shows_the_unsaved_review_from_the_journal(make_app):
    first = make_app()
    async with first.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("n", "d", "r")
    first.session.close()
    second = make_app()
    async with second.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        review = second.session.state.review_of("s5")
        assert review.dismissed == {("MT_SET_PHRASE", S5_PHRASE)}
        assert review.status is Status.REVIEWED


@pilot_test
async def test_a_neutral_mqm_annotation_with_a_note_shows_its_words(make_app):
    app = make_app()
    async with app.run_test(size=(200, 48)) as pilot:
        await wait_ready(pilot)
        await pilot.press("n", "a", "0", "tab", *"see source", "enter")
        assert app.session.state.review_of("s5").annotations == (
            Annotation(MqmClass.MISTRANSLATION, Neutral.NEUTRAL, 484, 510, "see source"),
        )
        pane = app.main.query_one(DetailPane)
        shown = " ".join(" ".join(pane.render_line(y).text for y in range(40)).split())
        assert f"MQM: Accuracy/Mistranslation (neutral) “{S5_PHRASE}” · see source" in shown
