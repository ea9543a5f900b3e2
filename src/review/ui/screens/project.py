"""The project screen: a project's files, each with its sentences, open flags, edits and review
progress, from which the editor opens a file's review (Enter) and comes back to the list.

The figures are those of the project report (``review.corpus.report``, the saved reviews):
worked out file after file in a thread worker, rows filling in as they come.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from review.corpus.check import Skipped
from review.corpus.report import FileReport
from review.document import listed_path

Figures = Callable[[Sequence[Path]], Iterator[FileReport | Skipped]]
"""Each file's report (or why it is skipped), in the order of the files given."""

COLUMNS = ("file", "sentences", "open flags", "edited", "reviewed", "note")
WAITING = "…"


class ProjectScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "refresh_all", "Refresh"),
        Binding("q", "app.quit", "Quit"),
    ]

    class OpenFile(Message):
        """The editor chose a file to review."""

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    def __init__(self, root: Path, files: Sequence[Path], figures: Figures) -> None:
        super().__init__()
        self.root = root
        self.files = tuple(files)
        self._figures = figures
        self.skipped: dict[Path, str] = {}
        self.pending: set[Path] = set()

    def compose(self) -> ComposeResult:
        yield Static(id="project-header", markup=False)
        yield DataTable(id="files", cursor_type="row", zebra_stripes=True)
        yield Footer()

    @property
    def table(self) -> DataTable[str | Text]:
        return self.query_one("#files", DataTable)

    def on_mount(self) -> None:
        self.table.add_columns(*COLUMNS)
        for path in self.files:
            name = listed_path(path, self.root)
            # Cells as Text, not str, which the table reads as markup (file names and reasons
            # may hold "[…]").
            self.table.add_row(Text(name), *[WAITING] * (len(COLUMNS) - 2), "", key=str(path))
        self._show_header()
        self.table.focus()
        self.compute(self.files)

    def _show_header(self) -> None:
        skipped = f", {len(self.skipped)} skipped" if self.skipped else ""
        counting = f"; counting, {len(self.pending)} to go" if self.pending else ""
        self.query_one("#project-header", Static).update(
            f"{self.root.name}: {len(self.files)} files{skipped}{counting} "
            "(figures of the saved reviews) · enter reviews a file"
        )

    def compute(self, files: Sequence[Path]) -> None:
        self.pending.update(files)
        self._show_header()
        self._compute(files)

    @work(thread=True, group="figures")
    def _compute(self, files: Sequence[Path]) -> None:
        for path, item in zip(files, self._figures(files), strict=True):
            self.app.call_from_thread(self._show_row, path, item)

    def _show_row(self, path: Path, item: FileReport | Skipped) -> None:
        self.pending.discard(path)
        if isinstance(item, Skipped):
            self.skipped[path] = item.reason
            cells: list[str | Text] = ["", "", "", "", Text(f"skipped: {item.reason}")]
        else:
            self.skipped.pop(path, None)
            summary = item.report.summary
            cells = [
                f"{summary.sentences:,}",
                f"{summary.flags.open:,}",
                f"{summary.edited:,}",
                f"{summary.reviewed:,}/{summary.sentences:,}",
                "" if item.saved else "no saved review",
            ]
        for key, value in zip(list(self.table.columns)[1:], cells, strict=True):
            self.table.update_cell(str(path), key, value, update_width=True)
        self._show_header()

    def selected(self) -> Path | None:
        if not self.files:
            return None
        return self.files[self.table.cursor_row]

    @on(DataTable.RowSelected)
    def open_file(self) -> None:
        """Enter on a row (the table's own key) reviews that file."""
        path = self.selected()
        if path is None:
            return
        if path in self.skipped:
            self.notify(self.skipped[path], title="Cannot be reviewed", severity="error")
            return
        self.post_message(self.OpenFile(path))

    def action_refresh_all(self) -> None:
        self.compute(self.files)
