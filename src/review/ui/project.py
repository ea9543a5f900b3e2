"""The app over a whole project: the file list (``ProjectScreen``) first; Enter opens a file's
review (the ``MainScreen`` of ``review FILE``), and quitting it comes back to the list, where
that file's figures are worked out again. Each file's progress is its own patch and journal."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from textual import on

from review.errors import ReviewError
from review.inputs import load_text
from review.patch.location import locate
from review.session import ReviewSession
from review.ui.checks import CheckerStages
from review.ui.opening import DocumentOpener
from review.ui.plain_notices import PlainNoticesApp
from review.ui.screens.main import MainScreen
from review.ui.screens.project import Figures, ProjectScreen

Opener = Callable[[Path], DocumentOpener]
"""A file's opener (it is loaded when the editor opens it)."""


class ProjectApp(PlainNoticesApp):
    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "review"

    def __init__(
        self,
        root: Path,
        files: Sequence[Path],
        figures: Figures,
        opener: Opener,
        stages: CheckerStages,
    ) -> None:
        super().__init__()
        self.files_screen = ProjectScreen(root, files, figures)
        self._opener = opener
        self._stages = stages
        self.main: MainScreen | None = None
        self._opened: Path | None = None
        self.sub_title = str(root)

    def on_mount(self) -> None:
        self.push_screen(self.files_screen)

    @property
    def session(self) -> ReviewSession | None:
        return self.main.session if self.main else None

    @on(ProjectScreen.OpenFile)
    def _open_file(self, message: ProjectScreen.OpenFile) -> None:
        try:
            opener = self._opener(message.path)
        except ReviewError as exc:
            self.notify(str(exc), title="Cannot be reviewed", severity="error")
            return
        self.main = MainScreen(opener.document.relpath, opener, self._stages)
        self._opened = message.path
        self.sub_title = opener.document.relpath
        self.push_screen(self.main)

    def exit(self, *args: Any, **kwargs: Any) -> None:
        """Quitting a file's review (it asks about unsaved changes first, as alone) comes back
        to the list; quitting the list quits."""
        main, opened = self.main, self._opened
        if main is None or opened is None or self.screen is not main:
            super().exit(*args, **kwargs)
            return
        self.main = self._opened = None
        self.pop_screen()
        if main.session is not None:
            main.session.close()
        if main.open_error:
            self.notify(main.open_error, title="Cannot be reviewed", severity="error")
        self.sub_title = str(self.files_screen.root)
        self.files_screen.compute((opened,))


def project_opener(root: Path, reviewer: str | None, language: str | None) -> Opener:
    """Opens a file of the project at ``root`` as ``review FILE`` would."""

    def opener(path: Path) -> DocumentOpener:
        location = locate(path, root=root)
        return DocumentOpener(
            load_text(path, base=root), location, reviewer=reviewer, language=language
        )

    return opener
