"""The actions registry: bindings, help and palette come from the one list."""

from __future__ import annotations

from textual.binding import Binding

from review.ui.actions import ACTIONS, bindings, help_rows, key_display
from review.ui.app import ReviewApp
from review.ui.screens.main import MainScreen, help_sections
from ui.harness import pilot_test, wait_ready


def test_each_action_is_bound_once_with_its_footer_label():
    bound = {b.action: b for b in MainScreen.BINDINGS if isinstance(b, Binding)}
    assert len(bound) == len(ACTIONS)
    assert bound["save"].key == "s,ctrl+s" and bound["save"].show
    assert bound["next_flagged"].description == "Next flag"
    assert not bound["redo"].show
    assert bound["select_flag(1)"].priority
    assert [b.action for b in bindings(ACTIONS)] == [a.action for a in ACTIONS]


def test_keys_show_as_a_person_reads_them():
    assert key_display("question_mark,f1") == "? F1"
    assert key_display("slash") == "/"
    assert key_display("e,enter") == "e Enter"
    assert key_display("colon") == ":"


def test_help_lists_the_nine_suggestion_keys_as_one_line():
    sections = dict(help_rows(ACTIONS))
    reviewing = sections["Reviewing"]
    assert reviewing[0] == ("1–9", "Apply that suggestion of the selected flag")
    assert not any(keys == "2" for keys, _ in reviewing)
    assert ("? F1", "Help: keys and marks") in sections["Views"]
    moving = dict(help_sections())["Moving"]
    assert ("↑ k", "Up") in moving and (":", "Go to a sentence (number or id)") in moving


@pilot_test
async def test_the_palette_has_one_keys_and_one_quit_entry(make_app):
    app: ReviewApp = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        titles = [c.title for c in app.get_system_commands(app.main)]
        assert titles.count("Keys") == 1
        assert titles.count("Quit") == 1
        assert "Save" in titles and "Go to sentence" in titles
        assert "Show flagged sentences" in titles
