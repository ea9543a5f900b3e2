"""The main screen's items of issue 12: what the editor sees is what the keys act on."""

from __future__ import annotations

from review.ui.screens.dialogs import PromptScreen
from ui.harness import pilot_test, wait_ready

S5_PHRASE = "community of human destiny"


def _current(app) -> str:
    return app.session.sentences[app.main.table.sentence_index].id


@pilot_test
async def test_a_row_that_stops_matching_the_search_stays_until_the_editor_moves(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("slash", *"human destiny", "enter")
        rows = [app.session.sentences[i].id for i in app.main.table.rows]
        assert _current(app) == "s5" and "s5" in rows
        await pilot.press("1")  # the suggestion removes the searched words from s5
        await wait_ready(pilot)
        assert S5_PHRASE not in app.session.text_of("s5")
        assert _current(app) == "s5"  # still there, marked
        assert app.main.held == app.main.table.sentence_index
        row = app.main._row(app.main.table.sentence_index)
        assert row.stale
        edits = dict(app.session.state.items())
        await pilot.press("1")  # s5 has no flag left: nothing else may change
        assert dict(app.session.state.items()) == edits
        await pilot.press("down")
        assert "s5" not in [app.session.sentences[i].id for i in app.main.table.rows]
        assert app.main.held is None


@pilot_test
async def test_go_to_a_sentence_by_number_or_id(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("colon")
        assert isinstance(app.screen, PromptScreen)
        await pilot.press(*"12", "enter")
        assert _current(app) == "s12"
        await pilot.press("colon", *"s40", "enter")
        assert _current(app) == "s40"
        await pilot.press("f", "down", "enter")  # flagged only: s3 is not listed
        await pilot.press("colon", "3", "enter")
        assert _current(app) == "s3"  # the filter is lifted to show it
        await pilot.press("colon", *"s999", "enter")
        assert _current(app) == "s3"
        assert app._notifications and "No sentence s999." in [n.message for n in app._notifications]
