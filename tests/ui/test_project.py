"""`review DIR`: the list of a project's files, a file's review opened from it and left back
to it, with its figures worked out again (real fluency detectors, no LanguageTool)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import pytest

from corpus_helpers import BINARY, UNDECODABLE, make_corpus, text_names
from review.cli import main
from review.ui.project import ProjectApp
from review.ui.screens.main import MainScreen
from review.ui.screens.project import ProjectScreen
from ui.harness import figures_done, pilot_test, project_app

REVIEWED = "ch2/part01.txt"


@pytest.fixture
def project(tmp_path, monkeypatch, capsys) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    root = tmp_path / "project"
    make_corpus(root)
    monkeypatch.chdir(root)
    args = ["edit", REVIEWED, "--sentence", "s1", "--text", "Rewritten.",
            "--status", "s1=reviewed", "--no-languagetool"]  # fmt: skip
    assert main(args) == 0, capsys.readouterr().err
    return root


def _app(root: Path) -> ProjectApp:
    return project_app(root, sorted(root / name for name in [*text_names(), BINARY, UNDECODABLE]))


def _row(screen: ProjectScreen, name: str) -> list[str]:
    table = screen.table
    return [str(cell) for cell in table.get_row(str(screen.root / name))]


@pilot_test
async def test_the_list_shows_each_files_figures_and_the_skipped(project) -> None:
    app = _app(project)
    async with app.run_test(size=(120, 40)) as pilot:
        await figures_done(pilot)
        screen = app.files_screen
        assert _row(screen, REVIEWED)[:5] == [REVIEWED, "3", "3", "1", "1/3"]
        assert _row(screen, "ch1/part04.txt") == [
            "ch1/part04.txt", "2", "2", "0", "0/2", "no saved review",
        ]  # fmt: skip
        assert _row(screen, BINARY) == [
            BINARY, "", "", "", "",
            "skipped: is a binary file (it contains NUL bytes), not a text file",
        ]  # fmt: skip
        assert screen.table.row_count == 30


@pilot_test
async def test_a_file_is_opened_from_the_list_and_its_progress_kept(project) -> None:
    app = _app(project)
    async with app.run_test(size=(120, 40)) as pilot:
        await figures_done(pilot)
        screen = app.files_screen
        screen.table.move_cursor(row=0)  # ch1/part04.txt, the first file
        await pilot.press("enter")
        for _ in range(200):
            await pilot.pause()
            if app.main is not None and app.main.session is not None and not app.main.checking:
                break
        assert isinstance(app.screen, MainScreen)
        assert app.main is not None and app.main.file == "ch1/part04.txt"
        await pilot.press("r", "s", "q")
        await pilot.pause()
        assert app.screen is screen and app.main is None
        await figures_done(pilot)
        assert _row(screen, "ch1/part04.txt") == ["ch1/part04.txt", "2", "2", "0", "1/2", ""]
        assert (project / "corrections" / "ch1" / "part04.patch").exists()
        # Quitting the list quits.
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


@pilot_test
async def test_a_skipped_file_is_not_opened(project) -> None:
    app = _app(project)
    async with app.run_test(size=(120, 40)) as pilot:
        await figures_done(pilot)
        names = sorted([*text_names(), BINARY, UNDECODABLE])
        app.files_screen.table.move_cursor(row=names.index(BINARY))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.files_screen
        assert [n.title for n in app._notifications] == ["Cannot be reviewed"]


@pilot_test
async def test_the_list_shows_at_once_while_the_figures_are_worked_out(project) -> None:
    release = threading.Event()
    app = _app(project)
    counted = app.files_screen._figures

    def held(chosen: Sequence[Path]):
        assert release.wait(10)
        return counted(chosen)

    app.files_screen._figures = held
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.files_screen
        assert _row(screen, REVIEWED) == [REVIEWED, "…", "…", "…", "…", ""]
        header = str(screen.query_one("#project-header").render())
        assert header.startswith("project: 30 files; counting, 30 to go")
        release.set()
        await figures_done(pilot)
        assert _row(screen, REVIEWED)[:5] == [REVIEWED, "3", "3", "1", "1/3"]


@pilot_test
async def test_a_link_to_nothing_or_a_loop_is_listed_by_its_own_name(tmp_path) -> None:
    # A hostile run: the link to nothing was listed as "nothing", the name it points to.
    (tmp_path / "a.txt").write_text("The plan is good.\n", encoding="utf-8")
    (tmp_path / "dangling").symlink_to("nothing")
    (tmp_path / "loop1").symlink_to("loop1")
    app = project_app(tmp_path, [tmp_path / name for name in ("a.txt", "dangling", "loop1")])
    async with app.run_test(size=(120, 20)) as pilot:
        await figures_done(pilot)
        screen = app.files_screen
        assert _row(screen, "dangling") == [
            "dangling", "", "", "", "", "skipped: is a symbolic link to nothing (no such file)",
        ]  # fmt: skip
        assert _row(screen, "loop1") == [
            "loop1", "", "", "", "", "skipped: is a symbolic link loop, not a file",
        ]  # fmt: skip
