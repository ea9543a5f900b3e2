"""The app around the main screen: every way of quitting asks about unsaved changes."""

from __future__ import annotations

import pytest

from review.ui.screens.dialogs import QuitScreen
from ui.harness import pilot_test, wait_ready


@pytest.mark.parametrize("how", ["q", "ctrl+q", "ctrl+c", "palette"])
@pilot_test
async def test_every_quit_path_asks_when_there_are_unsaved_changes(make_app, how):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("n", "d")  # dismiss a flag: unsaved
        if how == "palette":
            (quit_command,) = [c for c in app.get_system_commands(app.main) if c.title == "Quit"]
            app.call_later(quit_command.callback)
            await pilot.pause()
        else:
            await pilot.press(how)
        assert isinstance(app.screen, QuitScreen)
        await pilot.press("escape")
        assert app.is_running and app.session.dirty


@pilot_test
async def test_quitting_with_nothing_unsaved_does_not_ask(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.return_code == 0 and not app.is_running
