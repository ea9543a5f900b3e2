"""A bilingual file in the UI: the detail pane shows the unit and its source above the target,
folded to two lines at 80×24; `t` toggles a source column in the table; a broken tag is
refused with the reason, by an edit or by find and replace."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import OptionList, SelectionList, Static, TextArea

from patch_helpers import diff_lines
from review.cache import ResultCache
from review.inputs import load_text
from review.patch.location import locate
from review.ui.app import ReviewApp
from review.ui.opening import DocumentOpener
from review.ui.screens.dialogs import ChoiceScreen, EditScreen
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
        broken = app.session.text_of("2-s1").replace("⟨/1⟩", "")
        app.screen.query_one(TextArea).text = broken
        await pilot.press("enter")
        await pilot.pause()
        assert [(n.title, n.message) for n in app._notifications] == [
            ("Not done", "unit 2: ⟨/1⟩ is missing")
        ]
        assert app.session.state.review_of("2-s1").edited is None
        # What was typed is not lost: the editor is open on it again (it closed, dropping it).
        assert isinstance(app.screen, EditScreen)
        assert app.screen.query_one(TextArea).text == broken
        await pilot.press("escape")
        assert not isinstance(app.screen, EditScreen)
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


def _header(app: ReviewApp) -> str:
    """The header as the screen draws it (wrapped lines joined)."""
    info = app.main.query_one("#header-info", Static)
    return " ".join(info.render_line(y).text.strip() for y in range(info.size.height))


def _ids(app: ReviewApp) -> list[str]:
    return [app.main.sentences[i].id for i in app.main.table.rows]


async def _pick(pilot: object, app: ReviewApp, key: str) -> None:
    """Choose ``key`` in the filter dialog (``f``) as the editor would: arrows, then enter."""
    await pilot.press("f")  # type: ignore[attr-defined]
    assert isinstance(app.screen, ChoiceScreen)
    options = app.screen.query_one(OptionList)
    keys = [options.get_option_at_index(i).id for i in range(options.option_count)]
    steps = keys.index(key) - (options.highlighted or 0)
    await pilot.press(*(["down"] * steps if steps > 0 else ["up"] * -steps), "enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


@pilot_test
async def test_filter_by_xliff_unit_state_follows_reviews_under_the_switch(tmp_path, monkeypatch):
    (tmp_path / "review.toml").write_text("[bilingual]\nupdate_state = true\n", "utf-8")
    app = _app(tmp_path, monkeypatch, "states.xlf")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await pilot.press("f")
        labels = [
            str(o.prompt)
            for o in app.screen.query_one(OptionList)._options
            if str(o.id).startswith("state:")
        ]
        assert labels == [
            "unit state final",
            "unit state needs-review-translation",
            "unit state signed-off",  # what marking reviewed writes, with the switch on
            "unit state translated",
            "any unit state",
        ]
        await pilot.press("escape")
        await pilot.press("down", "down")  # a2-s1, which the filter hides
        await _pick(pilot, app, "state:needs-review-translation")
        assert _ids(app) == ["a1-s1", "a1-s2", "a3-s1"]
        assert "showing all in state needs-review-translation" in _header(app)
        # The cursor left the hidden row: a key acts on the row it now shows.
        assert app.main.sentences[app.main.table.sentence_index].id == "a3-s1"
        await pilot.press("r")
        assert str(app.session.state.review_of("a3-s1").status) == "reviewed"
        assert str(app.session.state.review_of("a2-s1").status) == "todo"
        await pilot.press("home")  # a3 is signed-off now: it goes once the editor leaves it
        assert _ids(app) == ["a1-s1", "a1-s2"]
        await pilot.press("r")  # half of a1 reviewed: its state is unchanged
        assert _ids(app) == ["a1-s1", "a1-s2"]
        await pilot.press("down", "r")  # all of a1: both its sentences leave with the unit
        assert _ids(app) == ["a1-s2"]
        await _pick(pilot, app, "state:signed-off")
        assert _ids(app) == ["a1-s1", "a1-s2", "a3-s1"]
        await _pick(pilot, app, "todo")  # combined: to do and signed-off
        assert _ids(app) == []
        await pilot.press("r")  # no row shown: no key acts
        assert sorted(
            sid for sid, r in app.session.state.items() if str(r.status) == "reviewed"
        ) == [
            "a1-s1",
            "a1-s2",
            "a3-s1",
        ]
        await _pick(pilot, app, "state:")
        assert _ids(app) == ["a2-s1", "a4-s1", "a5-s1"]  # still to do
        app.session.close()


@pilot_test
async def test_filter_by_po_state_combined_with_search(tmp_path, monkeypatch):
    app = _app(tmp_path, monkeypatch, "features.po")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await _pick(pilot, app, "state:translated")
        assert _ids(app) == [
            "u7ca47ff943-s1",
            "uc61e4440bf-s1",
            "po-0d6fdfc6ac01-s1",
            "po-ac41267d8583-s1",
            "po-ac41267d8583-s2",
        ]
        await pilot.press("slash", *"öffnen", "enter")
        assert _ids(app) == ["po-0d6fdfc6ac01-s1"]  # the fuzzy "Öffnen %s" is not translated
        assert "showing all in state translated /öffnen" in _header(app)
        await pilot.press("slash", "ctrl+u", "enter")
        await _pick(pilot, app, "state:fuzzy")
        assert _ids(app) == ["po-6685d1236406-s1"]
        await pilot.press("r")  # the switch is off: reviewed, the message stays fuzzy
        await pilot.press("home")
        assert _ids(app) == ["po-6685d1236406-s1"]
        await _pick(pilot, app, "state:untranslated")
        assert _ids(app) == ["po-abf11a1601cf-s1"]
        await pilot.press("e")
        app.screen.query_one(TextArea).text = "Unübersetzt"
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.text_of("po-abf11a1601cf-s1") == "Unübersetzt"
        await _pick(pilot, app, "state:translated")
        assert _ids(app)[-1] == "po-abf11a1601cf-s1"  # translated by the edit
        app.session.close()


@pilot_test
async def test_a_text_without_unit_states_offers_no_state_filter(tmp_path, monkeypatch):
    app = _app(tmp_path, monkeypatch, "mlqe_et_en.tsv")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await pilot.press("f")
        keys = [str(o.id) for o in app.screen.query_one(OptionList)._options]
        assert keys[:4] == ["all", "flagged", "edited", "todo"]
        assert not [k for k in keys if k.startswith("state:")]
        await pilot.press("escape")
        app.session.close()


@pilot_test
async def test_a_unit_with_literal_brackets_opens_shows_them_and_takes_an_edit(
    tmp_path, monkeypatch
):
    app = _app(tmp_path, monkeypatch, "brackets.xlf")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("down", "down")
        # What the terminal shows: the invisible mark after a literal ⟨ takes no cell.
        assert "Press ⟨1⟩Enter⟨/1⟩ for ⟨1⟩ or ⟨/1⟩." in _pane_text(app).replace("\u2060", "")
        await pilot.press("e")
        area = app.screen.query_one(TextArea)
        area.text = area.text.replace("Press", "Hit")
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.text_of("b2-s1") == "Hit ⟨1⟩Enter⟨/1⟩ for ⟨\u20601⟩ or ⟨\u2060/1⟩."
        await pilot.press("s")
        saved = tmp_path / "corrections" / "brackets.patch"
        for _ in range(100):  # the save runs in a worker
            if saved.exists():
                break
            await pilot.pause(0.05)
        patch = saved.read_text("utf-8")
        assert (
            '+    <target state="translated">Hit <g id="1">Enter</g> for ⟨1⟩ or ⟨/1⟩. Then stop.'
            "</target>\n" in patch
        )


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
