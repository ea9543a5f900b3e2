"""The sentence table on the seed (77 sentences), driven with Textual's pilot."""

from __future__ import annotations

from review.ui.widgets.sentence_table import SentenceTable
from ui.harness import pilot_test, wait_ready


@pilot_test
async def test_moving_off_the_screen_brings_the_cursor_to_the_middle(make_app, monkeypatch):
    # Each line moved past the bottom scrolled by a line, which redraws every row on screen:
    # most of a key's work on the UI's thread. The cursor is always on a row shown.
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        table = app.main.table
        height = table.scrollable_content_region.height
        drawn = []
        render_line = SentenceTable.render_line
        monkeypatch.setattr(
            SentenceTable, "render_line", lambda t, y: drawn.append(y) or render_line(t, y)
        )
        tops = []
        for _ in range(76):
            await pilot.press("down")
            await pilot.pause()
            top = round(table.scroll_offset.y)
            assert top <= table.cursor < top + height
            tops.append(top)
        assert table.sentence_index == 76
        # Scrolled three times (by half a screen, the last time to the end), not 41 times.
        assert height == 36 and sorted(set(tops)) == [0, 18, 36, 41]
        assert len(drawn) <= 76 * 2 + 3 * height  # two rows a key, every row a scroll
        await pilot.press("home")
        await pilot.pause()
        assert (table.cursor, round(table.scroll_offset.y)) == (0, 0)
