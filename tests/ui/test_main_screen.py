"""The main screen's items of issue 12: what the editor sees is what the keys act on."""

from __future__ import annotations

import io
import itertools
import json
import re
import sys
import threading
import tracemalloc
from dataclasses import replace
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import TextArea

from review import cache, offload
from review.cache import ResultCache
from review.checking import Checkers, check_with
from review.cli import main
from review.config import Config, load_config
from review.corrected import CorrectedText
from review.flags import Category, Flag, MqmClass, Severity
from review.inputs import load_text
from review.patch.location import locate
from review.state import ReviewState
from review.ui import checks
from review.ui.app import ReviewApp
from review.ui.board import RowFilter, Show, visible_rows
from review.ui.checks import SettledStages, default_stages
from review.ui.opening import DocumentOpener
from review.ui.screens import main as main_screen
from review.ui.screens.dialogs import PromptScreen
from review.ui.widgets.detail import DetailPane
from ui.harness import (
    LANGUAGETOOL_VERSION,
    QuoteMarks,
    current_id,
    pilot_test,
    quoted_checkers,
    quoted_stages,
    recorded_flags,
    wait_ready,
)

S5_PHRASE = "community of human destiny"


@pilot_test
async def test_a_row_that_stops_matching_the_search_stays_until_the_editor_moves(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("slash", *"human destiny", "enter")
        rows = [app.session.sentences[i].id for i in app.main.table.rows]
        assert current_id(app) == "s5" and "s5" in rows
        await pilot.press("1")  # the suggestion removes the searched words from s5
        await wait_ready(pilot)
        assert S5_PHRASE not in app.session.text_of("s5")
        assert current_id(app) == "s5"  # still there, marked
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
        assert current_id(app) == "s12"
        await pilot.press("colon", *"s40", "enter")
        assert current_id(app) == "s40"
        await pilot.press("f", "down", "enter")  # flagged only: s3 is not listed
        await pilot.press("colon", "3", "enter")
        assert current_id(app) == "s3"  # the filter is lifted to show it
        await pilot.press("colon", *"s999", "enter")
        assert current_id(app) == "s3"
        assert app._notifications and "No sentence s999." in [n.message for n in app._notifications]


class EightFlags:
    """Eight flags on the first eight lower-case words of s3, each with a suggestion (the
    word in capitals, which fixes it)."""

    name = "eight"

    def check(self, text, sentences):
        for sentence in sentences:
            if sentence.id != "s3":
                continue
            for number, word in enumerate(re.finditer(r"\b[a-z]+\b", sentence.text)):
                if number == 8:
                    return
                yield replace(
                    recorded_flags()[0],
                    sentence_id="s3",
                    start=word.start(),
                    end=word.end(),
                    text=word.group(),
                    rule=f"RULE_{number}",
                    replacements=(word.group().upper(),),
                )


def eight_flag_stages(progress):
    yield Checkers((EightFlags(),), {"languagetool": LANGUAGETOOL_VERSION}, ())


def _visible_text(pane) -> str:
    height = pane.scrollable_content_region.height
    return "\n".join(pane.render_line(y).text for y in range(height))


@pilot_test
async def test_at_80x24_the_header_and_the_selected_flag_of_eight_are_visible(make_app):
    app = make_app(stages=eight_flag_stages)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        header = app.screen.query_one("#header-info")
        assert header.size.height == 2  # wrapped, not cut
        shown = " ".join(str(header.render()).split())
        assert "showing all" in shown and f"LanguageTool {LANGUAGETOOL_VERSION}: ready" in shown
        await pilot.press("colon", "3", "enter")
        pane = app.main.query_one(DetailPane)
        for selected in range(8):
            assert app.main.selected_flag == selected
            assert f"RULE_{selected}" in _visible_text(pane)
            await pilot.press("tab")
        assert app.main.selected_flag == 0 and "RULE_0" in _visible_text(pane)
        await pilot.press("shift+tab")  # back from the first to the last
        assert app.main.selected_flag == 7
        assert "RULE_7" in _visible_text(pane)


@pilot_test
async def test_the_table_names_its_columns_and_help_explains_the_marks(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        assert str(app.screen.query_one("#columns").render()) == " #  C M m ✎✓¶ Sentence"
        await pilot.press("question_mark")
        console = Console(width=120, file=io.StringIO(), record=True)
        console.print(app.screen.query_one("#help").query("Static").last().content)
        help_text = console.export_text()
        assert "C M m" in help_text and "its open flags: critical, major, minor" in help_text
        assert "✓ ·" in help_text and "reviewed · still to do" in help_text
        assert "? F1" in help_text and "question_mark" not in help_text


@pilot_test
async def test_after_applying_a_suggestion_the_next_flag_is_selected(make_app):
    app = make_app(stages=eight_flag_stages)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("colon", "3", "enter", "tab", "tab")
        detail = app.main.detail()
        assert [f.text for f in detail.flags[2:4]] == ["profound", "changes"]
        await pilot.press("1")
        await wait_ready(pilot)
        detail = app.main.detail()
        assert "PROFOUND" in app.session.text_of("s3")
        assert detail.flags[detail.selected].text == "changes"
        await pilot.press("u")
        messages = [n.message for n in app._notifications]
        assert messages[-1] == "Undone: accepted RULE_2: 'profound' → 'PROFOUND' (sentence 3)"
        await pilot.press("ctrl+y")
        messages = [n.message for n in app._notifications]
        assert messages[-1] == "Redone: accepted RULE_2: 'profound' → 'PROFOUND' (sentence 3)"


@pilot_test
async def test_the_ui_reopens_where_the_editor_left_off(make_app):
    first = make_app()
    async with first.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("f", "down", "enter", "colon", *"s14", "enter")  # flagged only
        await pilot.press("q")
    first.session.close()  # as `review` does when the app ends
    first.main.session = None
    place = Path("corrections/seeds/000_609f52cd2aa5fae0.ui.json")
    assert json.loads(place.read_text(encoding="utf-8")) == {
        "sentence": "s14",
        "show": "flagged",
        "category": None,
        "query": "",
        "rule": None,
        "source": None,
        "unit_state": None,
    }
    second = make_app()
    async with second.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        assert current_id(second) == "s14"
        assert second.main.row_filter == RowFilter(Show.FLAGGED)
        assert len(second.main.table.rows) == 19


@pilot_test
async def test_an_unreadable_place_opens_at_the_start(make_app):
    Path("corrections/seeds").mkdir(parents=True, exist_ok=True)
    Path("corrections/seeds/000_609f52cd2aa5fae0.ui.json").write_text('{"show": "nonsense"}')
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        assert current_id(app) == "s1" and app.main.row_filter == RowFilter()


@pilot_test
async def test_on_a_book_the_filter_runs_in_a_thread_and_keeps_changes_made_meanwhile(
    make_app, monkeypatch
):
    monkeypatch.setattr(main_screen, "INLINE_FILTER_SENTENCES", 0)
    release = threading.Event()

    def slow_visible_rows(*args):
        release.wait(10)  # a book's rescan, still running while the editor works
        return visible_rows(*args)

    monkeypatch.setattr(main_screen, "visible_rows", slow_visible_rows)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("f", "down", "enter")  # flagged: the rows come from the thread
        assert app.main._changed_while_filtering == set()
        flag = app.main.board.flags_of("s5")[0]
        app.main._change(lambda s: s.dismiss(flag))  # s5 stops being flagged meanwhile
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        rows = [app.session.sentences[i].id for i in app.main.table.rows]
        assert len(rows) == 18 and "s5" not in rows
        assert app.main._changed_while_filtering is None


def _by_sentence(flags) -> dict[str, list[tuple[int, int, str, tuple[str, ...]]]]:
    found: dict[str, list[tuple[int, int, str, tuple[str, ...]]]] = {}
    for f in flags:
        found.setdefault(f.sentence_id, []).append((f.start, f.end, f.rule, f.replacements))
    return {sid: sorted(shown) for sid, shown in found.items()}


def _checked(app, config: Config) -> tuple[Flag, ...]:
    """What `review check` shows for the session's current text with the same checkers."""
    session = app.main.session
    text, sentences = session.state.current_document(session.document.text, session.sentences)
    return check_with(quoted_checkers(), text, sentences, config).flags


@pilot_test
async def test_once_checked_the_board_shows_the_flags_review_check_shows(make_app):
    config = Config()
    app = make_app(stages=SettledStages(quoted_stages, config))
    async with app.run_test() as pilot:
        await wait_ready(pilot)
        session = app.main.session
        raw = list(QuoteMarks().check(session.document.text, session.sentences))
        shown = list(app.main.board.all_flags())
        assert len(raw) == 55  # one per straight quote mark
        assert _by_sentence(shown) == _by_sentence(_checked(app, config))
        rules = [f.rule for f in shown]
        assert rules.count("EN_QUOTES") == 0 and rules.count("HOUSE_STYLE_QUOTES") == 1


@pilot_test
async def test_an_edited_sentence_is_rechecked_and_settled_against_the_whole_text(make_app):
    config = Config()
    app = make_app(stages=SettledStages(quoted_stages, config))
    async with app.run_test() as pilot:
        await wait_ready(pilot)
        board, session = app.main.board, app.main.session
        (house,) = (f for f in board.all_flags() if f.rule == "HOUSE_STYLE_QUOTES")
        paragraph = session.sentence(house.sentence_id).paragraph
        # A quoting sentence of another paragraph: its re-check alone must not place the
        # document's quote-style flag again.
        sid = next(s.id for s in session.sentences if '"' in s.text and s.paragraph > paragraph)
        edited = session.text_of(sid) + ' They said "yes".'
        app.main._change(lambda s: s.set_text(sid, edited))
        await wait_ready(pilot)
        assert session.text_of(sid) == edited
        assert [f.rule for f in board.flags_of(sid)].count("EN_QUOTES") == 0
        houses = [f.sentence_id for f in board.all_flags() if f.rule == "HOUSE_STYLE_QUOTES"]
        assert houses == [house.sentence_id]
        assert _by_sentence(board.all_flags()) == _by_sentence(_checked(app, config))


@pytest.mark.languagetool
@pilot_test
async def test_w_puts_a_spelling_flags_word_on_the_word_list_and_its_flags_go(
    languagetool_server, make_app, seed_copy, monkeypatch
):
    """The UI's add-to-dictionary key on the seed's "Diaoyutai" (s8): the word list gets it
    and, s8 checked again, its spelling flag goes; the other sentences' flags stay. (From a
    Russian source a Chinese name is no pinyin to spare: LanguageTool's spelling flag
    stands.) On a flag of another kind the key only says so."""
    root = seed_copy.parent.parent
    monkeypatch.setenv("XDG_CONFIG_HOME", str(root / ".config"))
    (root / "review.toml").write_text('[review]\nsource_language = "ru"\n', encoding="utf-8")
    app = make_app(stages=default_stages(load_config(root)))
    spelling = ("s8", "MORFOLOGIK_RULE_EN_US", "Diaoyutai")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        board = app.main.board

        def shown() -> list[tuple[str, str, str]]:
            return [(f.sentence_id, f.rule, f.text) for f in board.flags_of("s8")]

        before = shown()
        assert before == [
            ("s8", "CONSISTENT_TERM", "High-level"),
            ("s8", "CONSISTENT_TERM", "People-to-People"),
            spelling,
        ]
        others_elsewhere = [
            (f.sentence_id, f.rule, f.text) for f in board.all_flags() if f.sentence_id != "s8"
        ]
        await pilot.press("colon", *"s8", "enter")
        detail = app.main.detail()
        assert detail.flags[detail.selected].rule == "CONSISTENT_TERM"
        await pilot.press("w")  # not a spelling flag: nothing happens but a warning
        await wait_ready(pilot)
        assert [n.message for n in app._notifications][-1] == (
            "CONSISTENT_TERM is not a spelling flag: only a word flagged for its spelling "
            "goes to the word list."
        )
        assert not (root / "review-words.txt").exists()
        for _ in detail.flags:
            detail = app.main.detail()
            if detail.flags[detail.selected].text == "Diaoyutai":
                break
            await pilot.press("tab")
        await pilot.press("w")
        await wait_ready(pilot)  # the word written
        await wait_ready(pilot)  # s8's paragraph checked again
        notices = [n.message for n in app._notifications]
        assert notices[-1] == "Added 'Diaoyutai' to review-words.txt"
        assert (root / "review-words.txt").read_bytes() == b"Diaoyutai\n"
        # s8's other flags are the consistency checker's (a name written two ways in s5 and
        # s8): they compare the whole document, which a re-check of s8's paragraph does not
        # run again; their words are where they were, so they stay (they went before).
        assert shown() == before[:2]
        assert others_elsewhere == [
            (f.sentence_id, f.rule, f.text) for f in board.all_flags() if f.sentence_id != "s8"
        ]


class FirstWords:
    """A flag on the first word of each of the first ten sentences (all on screen)."""

    name = "first-words"

    def check(self, text, sentences):
        for sentence in sentences[:10]:
            word = sentence.text.split()[0]
            yield Flag(
                sentence.id,
                0,
                len(word),
                self.name,
                "FIRST_WORD",
                Category.STYLE,
                MqmClass.AWKWARD,
                Severity.MINOR,
                "first word",
                word,
                (),
            )


def first_word_stages(progress):
    yield Checkers((FirstWords(),), {}, ())


@pilot_test
async def test_flags_found_together_are_taken_one_batch_a_frame(make_app, monkeypatch):
    # A book's batches, ready at once, were taken back to back: two or three in the time of
    # one key held the UI's thread for 30-50 ms. The checks wait for the frame that shows one
    # batch before they send the next, so a key waits for one batch at most.
    monkeypatch.setattr(checks, "FLUSH_FLAGS", 1)
    app = make_app(stages=first_word_stages)
    frames_at_take: list[int] = []
    # Counted from before the app starts: the checks start as it mounts, and on a loaded
    # machine the first batch was taken before counting began (9 takes of 10).
    frames = [0]
    display = app._display

    def counted_display(screen, renderable):
        display(screen, renderable)
        frames[0] += 1

    app._display = counted_display
    take = main_screen.MainScreen._take
    monkeypatch.setattr(
        main_screen.MainScreen,
        "_take",
        lambda screen, batch: frames_at_take.append(frames[0]) or take(screen, batch),
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        assert app.main.board.sentences_flagged == 10
    assert len(frames_at_take) == 10  # each batch a new flagged row and header count
    # Taken back to back, all ten went in before the first frame. (The screen learns what
    # to repaint from its widgets' messages, so under load a batch may rarely come in
    # before the frame of the last.)
    assert all(b >= a for a, b in itertools.pairwise(frames_at_take)), frames_at_take
    assert len(set(frames_at_take)) >= 8, frames_at_take


@pilot_test
async def test_flags_keep_coming_while_a_dialog_is_open(make_app, monkeypatch):
    # The next batch waits for the frame that shows the last: a dialog over the screen must
    # not hold the checks.
    monkeypatch.setattr(checks, "FLUSH_FLAGS", 1)
    app = make_app(stages=first_word_stages)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(PromptScreen("Comment"))
        for _ in range(200):
            await pilot.pause(0.05)
            if app.main.session is not None and not app.main.checking:
                break
        assert isinstance(app.screen, PromptScreen)
        assert not app.main.checking
        assert app.main.board.sentences_flagged == 10


async def _checking_peak(path: Path, config: Config, folder: Path) -> tuple[int, ReviewState]:
    """The traced peak of opening ``path`` in the UI and checking it (the detectors run in
    their own process), on a cache of its own in ``folder`` (its checks uncached, its
    segmentation there already), and the review it opened."""
    location = locate(path)
    loaded = load_text(path, base=location.root)
    segments = ResultCache(folder / "segments.sqlite3")
    loaded.segmented(segments)
    opener = DocumentOpener(loaded, location, reviewer="Test", cache=segments)
    app = ReviewApp(path.name, opener, default_stages(config, use_languagetool=False))
    with pytest.MonkeyPatch.context() as patched:
        patched.setenv("REVIEW_CACHE_DIR", str(folder))
        tracemalloc.start()
        try:
            async with app.run_test(size=(120, 40)) as pilot:
                await wait_ready(pilot)
                peak = tracemalloc.get_traced_memory()[1]
                assert app.session is not None
                app.session.close()
                return peak, app.session.state
        finally:
            tracemalloc.stop()


@pilot_test
async def test_checking_an_edited_book_holds_no_copy_of_it(seed_copy, tmp_path, monkeypatch):
    """A book of 1.4 million characters with curly quotes (2.8 MB in memory), opened in the UI
    and checked, then again with two sentences near its start edited. Checked on the corrected
    text joined, the edited book's peak was 1.3 times the text's size higher (another copy of
    it, and its sentences after the first edit placed anew, held till the checks ended); now
    it is what the unedited book's is."""
    paragraphs = seed_copy.read_text(encoding="utf-8").splitlines()
    seed_copy.write_text(
        "\n".join(f"{p} ({copy})" for copy in range(100) for p in paragraphs) + "\n",
        encoding="utf-8",
    )
    size = sys.getsizeof(seed_copy.read_text(encoding="utf-8"))
    config = replace(Config(), words=tmp_path / "words.txt")
    unedited, state = await _checking_peak(seed_copy, config, tmp_path / "unedited")
    assert len(state) == 0
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path / "edit"))
    edit = ["edit", str(seed_copy), "--sentence", "s2", "--text", "Edited once, and longer."]
    assert main([*edit, "--sentence", "s9", "--text", "Edited.", "--no-languagetool"]) == 0
    edited, state = await _checking_peak(seed_copy, config, tmp_path / "edited")
    assert state.edited_ids() == {"s2", "s9"}
    assert size > 2_700_000
    assert edited - unedited < 0.5 * size


@pilot_test
async def test_rechecking_an_edit_in_a_book_does_not_join_it(seed_copy, tmp_path, monkeypatch):
    """The same book opened and checked, then a sentence edited in the UI: its re-check
    joined the corrected text, placed every sentence after the edit anew and settled against
    the text joined in the UI's process: a traced peak of 6.8 times the text's size (240 MB
    more than the opened UI's on a 60 MB book). Now the text goes to the detectors' process in
    pieces, which joins it and settles there: 1.0 times.
    The pieces are made smaller here: a piece of a million characters is a fixed cost, not one
    that grows with the book, and at this size it would be most of the bound."""
    monkeypatch.setattr(offload, "TEXT_PIECE", 1 << 15)
    monkeypatch.setattr(cache, "KEY_PIECE", 1 << 15)
    monkeypatch.setattr(CorrectedText.pieces, "__defaults__", (1 << 15,))
    paragraphs = seed_copy.read_text(encoding="utf-8").splitlines()
    seed_copy.write_text(
        "\n".join(f"{p} ({copy})" for copy in range(100) for p in paragraphs) + "\n",
        encoding="utf-8",
    )
    size = sys.getsizeof(seed_copy.read_text(encoding="utf-8"))
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path / "cache"))
    config = replace(Config(), words=tmp_path / "words.txt")
    location = locate(seed_copy)
    opener = DocumentOpener(load_text(seed_copy, base=location.root), location, reviewer="Test")
    app = ReviewApp(seed_copy.name, opener, default_stages(config, use_languagetool=False))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("down", "e")
        app.screen.query_one(TextArea).text = "Edited in the review, and longer than it was."

        def not_joined(self: CorrectedText) -> str:
            raise AssertionError("the corrected text was joined")

        monkeypatch.setattr(CorrectedText, "joined", not_joined)
        tracemalloc.start()
        try:
            await pilot.press("enter")
            await wait_ready(pilot)
            for _ in range(300):
                if not app.main.check_state.pending("s2"):
                    break
                await pilot.pause(0.1)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert app.session is not None
        assert app.session.text_of("s2") == "Edited in the review, and longer than it was."
        assert not app.main.check_state.pending("s2")  # re-checked (a failure is no wait)
        assert [f.rule for f in app.main.board.flags_of("s2")] == []
        app.session.close()
    assert size > 2_700_000
    assert peak < 1.5 * size
