"""The dialogs driven as an editor types: nothing typed is lost, whatever the pace."""

from __future__ import annotations

import io

from rich.console import Console
from textual import events
from textual.keys import _character_to_key

from review.ui.screens.dialogs import ENTER_QUIET_SECONDS, EditScreen, SentenceEditor
from ui.harness import pilot_test, wait_ready

TYPED = ("Each of these words must reach the saved sentence, however fast they come. " * 4)[:250]


def burst(app, text: str) -> None:
    """Keys as a terminal delivers an unbracketed paste: all queued at once, no pause; a line
    break is an enter."""
    for character in text:
        key = "enter" if character == "\n" else _character_to_key(character)
        app.post_message(events.Key(key, character))


async def emptied_editor(pilot) -> None:
    await wait_ready(pilot)
    await pilot.press("e", "ctrl+shift+k")


async def settled(pilot) -> None:
    """Until an enter with no key after it has confirmed."""
    await pilot.pause(ENTER_QUIET_SECONDS * 4)


@pilot_test
async def test_a_burst_of_250_characters_then_enter_is_saved_whole(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await emptied_editor(pilot)
        burst(app, TYPED + "\n")
        await settled(pilot)
        assert not isinstance(app.screen, EditScreen)
        assert app.session.state.review_of("s1").edited == TYPED


@pilot_test
async def test_a_line_break_inside_a_burst_is_a_space_not_a_confirm(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await emptied_editor(pilot)
        burst(app, "First line\nsecond line")
        await settled(pilot)
        assert isinstance(app.screen, EditScreen)  # not confirmed mid-stream
        await pilot.press("enter")
        await settled(pilot)
        assert app.session.state.review_of("s1").edited == "First line second line"


@pilot_test
async def test_a_multi_line_paste_becomes_one_line(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await emptied_editor(pilot)
        app.post_message(events.Paste("One.\nTwo.\r\nThree."))  # as the terminal sends it
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert app.session.state.review_of("s1").edited == "One. Two. Three."


@pilot_test
async def test_the_editor_opens_at_the_selected_flag_and_shows_the_flags(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("n", "e")  # s5, its MT_SET_PHRASE flag at 484
        editor = app.screen.query_one(SentenceEditor)
        assert editor.cursor_location == (0, 484)
        assert editor.text[484:510] == "community of human destiny"
        flags = app.screen.query_one("#edit-flags")
        console = Console(width=100, file=io.StringIO(), record=True)
        console.print(flags.content)
        assert "MT_SET_PHRASE" in console.export_text()


@pilot_test
async def test_editor_keys_home_end_select_all_and_words_over_punctuation(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("e")  # s1: "The trip to the avenue is also the world’s public."
        editor = app.screen.query_one(SentenceEditor)
        text = editor.text
        assert text == '"The trip to the avenue is also the world’s public."'
        await pilot.press("home")
        assert editor.cursor_location == (0, 0)
        await pilot.press("ctrl+right", "ctrl+right")
        assert editor.cursor_location == (0, text.index("trip"))
        await pilot.press("end")
        assert editor.cursor_location == (0, len(text))
        await pilot.press("ctrl+left")
        assert editor.cursor_location == (0, text.index("public"))
        await pilot.press("ctrl+left")
        assert editor.cursor_location == (0, text.index("world’s"))
        await pilot.press("ctrl+a")
        assert editor.selected_text == text
        await pilot.press(*"New", "ctrl+s")
        assert app.session.state.review_of("s1").edited == "New"


@pilot_test
async def test_control_characters_in_a_paste_are_dropped_from_the_sentence_and_the_patch(
    make_app,
):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await emptied_editor(pilot)
        # A bracketed paste holding the end-of-paste sequence itself, a bell, and a tab.
        app.post_message(events.Paste("ab\x1b[201~cd\x07e\tf\x7f."))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await wait_ready(pilot)
        assert app.session.state.review_of("s1").edited == "ab[201~cde\tf."
        patch = app.session.save().read_bytes()
        assert b"\x1b" not in patch and b"\x07" not in patch and b"\x7f" not in patch
        removed, added = patch.split(b"\n@@ -1,4 +1,4 @@\n", 1)[1].split(b"\n")[:2]
        assert removed.startswith(
            b'-"The trip to the avenue is also the world\xe2\x80\x99s public." Our'
        )
        assert (
            added
            == b"+ab[201~cde\tf."
            + removed[len(b'-"The trip to the avenue is also the world\xe2\x80\x99s public."') :]
        )
