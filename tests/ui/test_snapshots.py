"""Snapshots of the main screen on the seed and of the help screen. The flags are recorded
(tests/ui/data/seed_flags.json, played back by harness.RecordedChecker), so the pictures only
change when the UI does. Update with `pytest tests/ui --snapshot-update` and look at them."""

from __future__ import annotations

from ui.harness import wait_ready


async def _on_a_flagged_sentence(pilot) -> None:
    await wait_ready(pilot)
    await pilot.press("n", "n", "n")  # s11: a major flag with two suggestions


def test_main_screen_80x24(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=_on_a_flagged_sentence)


def test_main_screen_160x48(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(160, 48), run_before=_on_a_flagged_sentence)


def test_help_screen(snap_compare, make_app):
    async def open_help(pilot) -> None:
        await wait_ready(pilot)
        await pilot.press("question_mark")

    assert snap_compare(make_app(), terminal_size=(100, 40), run_before=open_help)


def test_edited_sentence_with_word_diff(snap_compare, make_app):
    async def edit(pilot) -> None:
        await wait_ready(pilot)
        await pilot.press("n", "1", "r")
        await wait_ready(pilot)

    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=edit)
