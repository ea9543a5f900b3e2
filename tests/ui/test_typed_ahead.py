"""Keys typed at once, as a terminal sends a fast typist's keys or a key held down: none is
lost while the dialog they are for opens. The pilot waits for the app between keys; these
tests send a burst straight to the app's driver, as the terminal does."""

from __future__ import annotations

from textual import events

from review.ui.app import ReviewApp
from review.ui.screens.main import MainScreen
from ui.harness import current_id, pilot_test, wait_ready

SENTENCE = "A sentence typed at once, all of it."


def _burst(app: ReviewApp, *keys: str) -> None:
    for key in keys:
        character = {"colon": ":", "enter": "\r", "space": " ", "ctrl+a": "\x01"}.get(key, key)
        event = events.Key(key, character)
        event.set_sender(app)
        app._driver.send_message(event)  # type: ignore[union-attr]


async def _settled(pilot: object, app: ReviewApp) -> None:
    """Until the keys have been taken and the main screen is back."""
    for _ in range(20):
        await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, MainScreen)
    await app.workers.wait_for_complete()


@pilot_test
async def test_a_sentence_number_typed_with_the_colon_goes_to_that_sentence(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        _burst(app, "colon", "1", "2", "enter")
        await _settled(pilot, app)
        assert current_id(app) == "s12"
        _burst(app, "colon", "s", "4", "0", "enter", "colon", "3", "enter")
        await _settled(pilot, app)
        assert current_id(app) == "s3"


@pilot_test
async def test_a_sentence_typed_with_the_key_that_opens_the_editor_is_saved_whole(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        _burst(app, "e", "ctrl+a", *["space" if c == " " else c for c in SENTENCE], "enter")
        await _settled(pilot, app)
        assert app.session is not None
        assert app.session.text_of("s1") == SENTENCE
        # Keys typed once the main screen is back are not held: they move at once.
        _burst(app, "j", "j")
        await pilot.pause()
        assert current_id(app) == "s3"


@pilot_test
async def test_a_paste_typed_with_the_keys_that_go_to_a_sentence_and_edit_it_is_its_text(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        _burst(app, "colon", "5", "enter", "e", "ctrl+a")
        paste = events.Paste("Since 2012, China has worked\nfor a new kind of relations.")
        paste.set_sender(app)
        app._driver.send_message(paste)  # type: ignore[union-attr]
        _burst(app, "enter")
        await _settled(pilot, app)
        assert app.session is not None
        assert app.session.text_of("s5") == (
            "Since 2012, China has worked for a new kind of relations."
        )
        assert app.session.text_of("s1") == app.session.sentences[0].text
