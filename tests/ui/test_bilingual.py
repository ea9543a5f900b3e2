"""A bilingual file in the UI: the detail pane shows the unit and its source above the target,
folded to two lines at 80×24; `t` toggles a source column in the table; a broken tag is
refused with the reason, by an edit or by find and replace."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import SelectionList, TextArea

from patch_helpers import diff_lines
from review.cache import ResultCache
from review.inputs import load_text
from review.patch.location import locate
from review.ui.app import ReviewApp
from review.ui.opening import DocumentOpener
from review.ui.screens.dialogs import EditScreen
from review.ui.screens.whole import PreviewScreen, ReplaceScreen
from review.ui.widgets.detail import DetailPane
from ui.harness import FIXED_TIME, pilot_test, recorded_stages, wait_ready

DATA = Path(__file__).resolve().parents[1] / "data" / "bilingual"


def _app(tmp_path: Path, monkeypatch: object, name: str) -> ReviewApp:
    shutil.copy(DATA / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)  # type: ignore[attr-defined]
    location = locate(name)
    opener = DocumentOpener(
        load_text(name, base=location.root),
        location,
        reviewer="Test Editor",
        language="en-US",
        clock=lambda: FIXED_TIME,
        cache=ResultCache(tmp_path / "cache.sqlite3"),
    )
    return ReviewApp(name, opener, recorded_stages)


def _pane_text(app: ReviewApp) -> str:
    pane = app.main.query_one(DetailPane)
    return "\n".join(pane.render_line(y).text.rstrip() for y in range(pane.size.height))


@pilot_test
async def test_the_detail_shows_unit_source_context_and_notes(tmp_path, monkeypatch):
    app = _app(tmp_path, monkeypatch, "features.po")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        text = _pane_text(app)
        assert "Sentence 1  u7ca47ff943-s1 · unit po-9b05dab8097d[0]\n(translated)" in text
        assert "Source: ⟨1/⟩ file removed from ⟨2⟩⟨3/⟩⟨/2⟩" in text
        assert "Note: A developer comment" in text
        await pilot.press("down", "down")
        text = _pane_text(app)
        assert "unit po-6685d1236406\n(fuzzy)" in text
        assert "Context: menu" in text
        app.session.close()


@pilot_test
async def test_at_80x24_the_source_shows_folded_to_two_lines(tmp_path, monkeypatch):
    app = _app(tmp_path, monkeypatch, "mlqe_et_en.xlf")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        lines = _pane_text(app).splitlines()
        at = next(i for i, line in enumerate(lines) if line.startswith("Source: "))
        assert lines[at] == (
            "Source: Aastal 1132 proovisid Antakya, Tripoli ja Edessa kõik oma iseseisvust"
        )
        assert lines[at + 1] == "maksma panna ja hakkasid Jeruusalemma kuningavõimule vastu."
        assert lines[at + 3].startswith("In the year 1132, Antakya")
        app.session.close()


@pilot_test
async def test_t_toggles_the_source_column(tmp_path, monkeypatch):
    app = _app(tmp_path, monkeypatch, "mlqe_et_en.xlf")
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_ready(pilot)
        table = app.main.table
        assert table.render_line(0).text.split("·", 1)[1].strip().startswith("In the year 1132")
        await pilot.press("t")
        row = table.render_line(0).text.split("·", 1)[1].strip()
        assert row.startswith("Aastal 1132 proovisid")
        assert " │ In the year 1132" in row
        await pilot.press("t")
        assert table.render_line(0).text.split("·", 1)[1].strip().startswith("In the year")
        app.session.close()


@pilot_test
async def test_an_edit_that_breaks_a_tag_is_refused_with_the_reason(tmp_path, monkeypatch):
    app = _app(tmp_path, monkeypatch, "oasis_withReorderedCodes.xlf")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("down", "e")
        assert isinstance(app.screen, EditScreen)
        # The closing token of the unit's outer pair deleted.
        app.screen.query_one(TextArea).text = app.session.text_of("2-s1").replace("⟨/1⟩", "")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, EditScreen)
        assert [(n.title, n.message) for n in app._notifications] == [
            ("Not done", "unit 2: ⟨/1⟩ is missing")
        ]
        assert app.session.state.review_of("2-s1").edited is None
        app.session.close()


@pilot_test
async def test_search_finds_a_word_of_the_source(tmp_path, monkeypatch):
    app = _app(tmp_path, monkeypatch, "mlqe_et_en.xlf")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("slash", *"jeruusalemma", "enter")
        await pilot.pause()
        assert [app.main.sentences[i].id for i in app.main.table.rows] == ["line13-s1"]
        app.session.close()


@pilot_test
async def test_find_and_replace_lists_the_hits_that_would_break_a_tag_and_leaves_them(
    tmp_path, monkeypatch
):
    """Replace "1" with "one" in speech_zh_en.xlf: the 1 of ⟨1⟩, ⟨/1⟩ and ⟨1/⟩ would alter a
    tag; those hits are listed with the reason, unticked and disabled, and applying changes
    only unit 5's "1 day": the patch holds that one target; one undo takes it back."""
    app = _app(tmp_path, monkeypatch, "speech_zh_en.xlf")
    patch = tmp_path / "corrections" / "speech_zh_en.patch"
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        app.session.save()
        before = patch.read_bytes()
        await pilot.press("R")
        assert isinstance(app.screen, ReplaceScreen)
        await pilot.press("1", "tab", *"one", "enter")
        await wait_ready(pilot)
        preview = app.screen
        assert isinstance(preview, PreviewScreen)
        plan = preview.plan
        assert plan.title == "Replace '1' → 'one': 1 hits"
        assert plan.notes == ("3 refused (each says why), left as they are",)
        assert [(line.number, line.old, line.new, line.refused) for line in plan.lines] == [
            (2, "1", "one", "unit 2: ⟨1⟩ is missing"),
            (2, "1", "one", "unit 2: ⟨/1⟩ is missing"),
            (3, "1", "one", "unit 3: ⟨1/⟩ is missing"),
            (6, "1", "one", ""),
        ]
        listed = preview.query_one(SelectionList)
        assert listed.selected == [3]
        assert [listed.get_option_at_index(i).disabled for i in range(4)] == [
            True, True, True, False,
        ]  # fmt: skip
        assert "refused: unit 2: ⟨1⟩ is missing" in str(listed.get_option_at_index(0).prompt)
        await pilot.press("minus", "plus")  # untick all, tick all: the refused stay unticked
        assert listed.selected == [3]
        await pilot.press("enter")
        await wait_ready(pilot)
        assert [n.message for n in app._notifications][-1] == (
            "Replaced '1' → 'one' (1): 1 sentences"
        )
        app.session.save()
        assert diff_lines(patch.read_bytes()) == [
            "-        <target>The meeting was held in Beijing for 1 day.</target>",
            "+        <target>The meeting was held in Beijing for one day.</target>",
        ]
        await pilot.press("u")
        await wait_ready(pilot)
        app.session.save()
        assert patch.read_bytes() == before
        app.session.close()
