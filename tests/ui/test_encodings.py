"""The UI on a text in a legacy encoding: an edit the encoding cannot hold is refused when it
is made (by the session), so saving afterwards cannot fail."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea

from ui.harness import pilot_test, wait_ready

LATIN = "Café owners said hello to the naïve visitors.\n".encode("latin-1")


@pilot_test
async def test_an_edit_the_encoding_cannot_hold_is_refused_and_s_saves(make_app, seed_copy):
    seed_copy.write_bytes(LATIN)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        encoding = app.session.document.encoding
        await pilot.press("e", "end", "中", "enter")
        await pilot.pause(0.3)  # enter confirms once no key follows it (a paste may)
        assert app.session.state.review_of("s1").edited is None
        assert [n.message for n in app._notifications][-1] == (
            f"s1: seeds/{seed_copy.name} is {encoding}, which cannot hold '中' (U+4E2D); "
            "the edit is not made"
        )
        # The editor is open again on what was typed (cursor at its end).
        assert app.screen.query_one(TextArea).text.endswith("visitors.中")
        await pilot.press("backspace", "backspace", "!", "enter")
        await pilot.pause(0.3)
        await pilot.press("s")
        patch = Path("corrections") / "seeds" / f"{seed_copy.stem}.patch"
        for _ in range(100):  # the save runs in a worker
            if patch.exists():
                break
            await pilot.pause(0.05)
        assert app.is_running
    assert b"+Caf\xe9 owners said hello to the na\xefve visitors!\n" in patch.read_bytes()


@pilot_test
async def test_a_utf16_text_opens_read_only_and_says_so(make_app, seed_copy):
    seed_copy.write_bytes("\ufeffThe plan is good. We agree.\n".encode("utf-16-le"))
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        read_only = (
            f"seeds/{seed_copy.name} is utf-16-le, whose patches patch tools cannot apply, so "
            "this review is read-only; `review open FILE --convert-to-utf8` reviews a UTF-8 copy"
        )
        assert [n.message for n in app._notifications] == [read_only]
        await pilot.press("e", "end", "!", "enter")
        await pilot.pause(0.3)
        await pilot.press("r")
        await pilot.pause(0.1)
        assert app.session.state.review_of("s1").edited is None
        assert [n.message for n in app._notifications] == [read_only] * 3
        assert app.is_running
    assert not Path("corrections").exists() or not any(Path("corrections").glob("*.patch"))
