"""Whole-document actions in the UI (issue 15): each previewed, applied in a worker as one
change, undone in one step; the patch they save, byte for byte where it matters."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from patch_helpers import diff_lines
from review.checking import Checkers, Progress
from review.config import Config
from review.flags import Category, Flag, MqmClass, Severity
from review.segment import Sentence
from review.ui.board import RowFilter, Show
from review.ui.checks import SettledStages
from review.ui.screens.whole import PreviewScreen, ReplaceScreen
from ui.harness import (
    LANGUAGETOOL_VERSION,
    RecordedChecker,
    pilot_test,
    quoted_stages,
    recorded_flags,
    wait_ready,
)

QUOTES = "MT_SPACE_INSIDE_QUOTES"
QUOTED = ("s6", "s45", "s53", "s66", "s67", "s72", "s76", "s77")
PATCH = Path("corrections/seeds/000_609f52cd2aa5fae0.patch")


def _saved(app) -> bytes:
    app.session.save()
    return PATCH.read_bytes()


def _notices(app) -> list[str]:
    return [n.message for n in app._notifications]


async def _preview(pilot, *keys: str) -> PreviewScreen:
    await pilot.press(*keys)
    await wait_ready(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, PreviewScreen)
    return screen


@pilot_test
async def test_dismiss_a_rule_everywhere_is_previewed_applied_and_undone_in_one_step(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("colon", *"s6", "enter")
        before = _saved(app)
        preview = await _preview(pilot, "D")
        assert preview.plan.title == f"Dismiss {QUOTES} everywhere: 9 flags"
        first = preview.plan.lines[0]
        assert (first.number, first.old, first.new) == (6, 'place. "', None)
        assert [line.number for line in preview.plan.lines] == [6, 45, 53, 66, 67, 67, 72, 76, 77]
        await pilot.press("enter")
        await wait_ready(pilot)
        assert _notices(app)[-1] == f"Dismissed {QUOTES} everywhere (9): 8 sentences"
        after = _saved(app)
        reviews = [line for line in after.decode("utf-8").splitlines() if line[:9] == "Sentence-"]
        assert reviews[0] == (f'Sentence-s6: {{"dismissed": [["{QUOTES}", "place. \\""]]}}')
        assert reviews[4] == (
            f'Sentence-s67: {{"dismissed": [["{QUOTES}", '
            '"‘ Don’t do to others what you don’t want them to do to you ’"], '
            f'["{QUOTES}", "‘ Theory that a strong country must dominate ’"]]}}'
        )
        assert [line.split(":")[0] for line in reviews] == [f"Sentence-{s}" for s in QUOTED]
        # Nothing edited: the diff is the no-op hunk (one line into itself) git apply needs.
        body = after.decode("utf-8").split("\ndiff --git", 1)[1].splitlines()
        removed = [line[1:] for line in body if line[:1] == "-" and line[:3] != "---"]
        added = [line[1:] for line in body if line[:1] == "+" and line[:3] != "+++"]
        assert len(removed) == 1 and removed == added
        await pilot.press("u")
        assert _notices(app)[-1].startswith(f"Undone: dismissed {QUOTES} everywhere (9)")
        assert _saved(app) == before
        # The same patch as the session's own call writes.
        app.session.dismiss_all(tuple(app.main.board.all_flags()), QUOTES)
        assert _saved(app) == after


@pilot_test
async def test_dismiss_everywhere_with_the_same_text_only(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("colon", *"s5", "enter")
        before = _saved(app)
        flag = app.main.detail().flags[0]
        assert (flag.rule, flag.text) == ("MT_SET_PHRASE", "community of human destiny")
        preview = await _preview(pilot, "ctrl+d")
        assert [line.number for line in preview.plan.lines] == [5, 45, 58]
        await pilot.press("enter")
        await wait_ready(pilot)
        after = _saved(app)
        reviews = [line for line in after.decode("utf-8").splitlines() if line[:9] == "Sentence-"]
        assert reviews == [
            f'Sentence-{sid}: {{"dismissed": [["MT_SET_PHRASE", "community of human destiny"]]}}'
            for sid in ("s5", "s45", "s58")
        ]
        rules = {
            sid: [f.text for f in app.main.board.active(sid, app.session.state.review_of(sid))
                  if f.rule == "MT_SET_PHRASE"]
            for sid in ("s5", "s45", "s57", "s58")
        }  # fmt: skip
        assert rules == {"s5": [], "s45": [], "s57": ["community of destiny"], "s58": []}
        await pilot.press("u")
        assert app.session.state.review_of("s45").dismissed == frozenset()
        assert _saved(app) == before
        app.session.dismiss_all(tuple(app.main.board.all_flags()), "MT_SET_PHRASE", flag.text)
        assert _saved(app) == after


@pilot_test
async def test_accept_a_rule_everywhere_saves_every_fix_and_one_undo_reverts_them(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("colon", *"s6", "enter")
        before = _saved(app)
        preview = await _preview(pilot, "A")
        assert preview.plan.title == f"Accept {QUOTES} everywhere: 9 fixes"
        assert preview.plan.notes == ()
        await pilot.press("enter")
        await wait_ready(pilot)
        after = _saved(app)
        reviews = [line for line in after.decode("utf-8").splitlines() if line[:9] == "Sentence-"]
        assert reviews[0] == (
            f'Sentence-s6: {{"accepted": [["{QUOTES}", "place. \\"", "place.\\""]], '
            '"edited_chars": 342}'
        )
        assert [line.split(":")[0] for line in reviews] == [f"Sentence-{s}" for s in QUOTED]
        added = [line for line in diff_lines(after) if line[0] == "+"]
        assert len(added) == 5  # the 8 sentences are on 5 lines of the text
        assert (
            sum(line.count('place."') + line.count("‘All glory, all loss’") for line in added) == 2
        )
        assert not any('place. "' in line or "‘ All glory" in line for line in added)
        await pilot.press("u")
        await wait_ready(pilot)
        assert _saved(app) == before
        flags = tuple(app.main.board.all_flags())
        app.session.accept_all(flags, QUOTES)
        assert _saved(app) == after


class NewFlagChecker:
    """Flags 'all."' (what the fix of s53 writes): a fix that raises a new flag."""

    name = "new-flag"

    def check(self, text: str, sentences: Sequence[Sentence]) -> Iterable[Flag]:
        for sentence in sentences:
            start = sentence.text.find('all."')
            if start >= 0:
                yield Flag(
                    sentence.id, start, start + 5, self.name, "NEW", Category.STYLE,
                    MqmClass.AWKWARD, Severity.MINOR, "new", 'all."', (),
                )  # fmt: skip


def new_flag_stages(progress: Progress) -> Iterator[Checkers]:
    checkers = (RecordedChecker(recorded_flags()), NewFlagChecker())
    yield Checkers(checkers, {"languagetool": LANGUAGETOOL_VERSION}, ())


@pilot_test
async def test_accept_everywhere_skips_the_fixes_that_raise_a_new_flag(make_app):
    app = make_app(stages=new_flag_stages)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("colon", *"s6", "enter")
        preview = await _preview(pilot, "A")
        assert preview.plan.title == f"Accept {QUOTES} everywhere: 8 fixes"
        assert preview.plan.notes == (
            "Skipped in 1 sentences, where the fix raises a new flag: 53",
        )
        await pilot.press("enter")
        await wait_ready(pilot)
        assert app.session.text_of("s53").count('all. "') == 1
        assert 'place."' in app.session.text_of("s6")


@pilot_test
async def test_accept_everywhere_on_settled_flags_checks_the_fixes_settled(make_app):
    # Raw, each fixed sentence would have LanguageTool's per-mark quote flags, which the
    # settled board does not: every fix would look like it raised a new flag.
    app = make_app(stages=SettledStages(quoted_stages, Config()))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("colon", *"s6", "enter")
        preview = await _preview(pilot, "A")
        assert preview.plan.title == f"Accept {QUOTES} everywhere: 9 fixes"
        assert preview.plan.notes == ()


@pilot_test
async def test_find_and_replace_applies_the_ticked_hits_and_undoes_in_one_step(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        before = _saved(app)
        await pilot.press("R")
        assert isinstance(app.screen, ReplaceScreen)
        await pilot.press(*"China", "tab", *"the PRC")
        preview = await _preview(pilot, "enter")
        assert preview.plan.tickable
        hits = [(line.number, line.old, line.new) for line in preview.plan.lines]
        assert len(hits) == 24
        assert hits[0] == (3, "China", "the PRC")
        first = preview.plan.lines[0]
        assert (first.left, first.right) == (
            "… which enriched and developed ",
            "’s diplomatic thinking and pro…",
        )
        await pilot.press("space")  # unticks the first hit
        await pilot.press("enter")
        await wait_ready(pilot)
        assert _notices(app)[-1] == "Replaced 'China' → 'the PRC' (23): 14 sentences"
        text = app.session.text_of("s3")
        assert text.count("China") == 1 and "the PRC" not in text  # the unticked hit
        after = _saved(app)
        added = [line for line in diff_lines(after) if line[0] == "+"]
        assert sum(line.count("the PRC") for line in added) == 23
        assert sum(line.count("China") for line in added) == 1
        await pilot.press("u")
        await wait_ready(pilot)
        assert _saved(app) == before


@pilot_test
async def test_a_replace_the_session_refuses_is_not_done_and_says_why(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("R", "(", "tab", "x", "tab", "space", "shift+tab", "shift+tab")
        await pilot.press("enter")
        await wait_ready(pilot)
        assert not isinstance(app.screen, PreviewScreen)
        assert _notices(app)[-1].startswith("'(' is not a regular expression: ")
        assert not app.session.dirty


@pilot_test
async def test_filter_by_rule_or_by_checker(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        choices = dict(app.main.filter_choices())
        assert choices[f"rule:{QUOTES}"] == f"rule {QUOTES} (9)"
        assert choices["checker:fluency"] == "checker fluency (30)"
        app.main.set_filter(f"rule:{QUOTES}")
        assert app.main.row_filter == RowFilter(Show.FLAGGED, rule=QUOTES)
        rows = [app.session.sentences[i].id for i in app.main.table.rows]
        assert rows == list(QUOTED)
        assert app.main.row_filter.describe() == f"rule {QUOTES}"
        app.main.set_filter("checker:fluency")
        assert len(app.main.table.rows) == 19
        await pilot.press("f")
        await pilot.press("escape")
        app.main.set_filter("all")
        assert app.main.row_filter == RowFilter()
