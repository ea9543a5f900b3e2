"""The header: file, counts, LanguageTool state, unsaved mark, and check progress."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

LANGUAGETOOL_STARTING = "LanguageTool: starting"


@dataclass(frozen=True, slots=True)
class HeaderInfo:
    file: str
    sentences: int = 0
    flagged: int = 0
    edited: int = 0
    reviewed: int = 0
    languagetool: str = LANGUAGETOOL_STARTING
    unsaved: bool = False
    showing: str = "all"


class StatusHeader(Horizontal):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: HeaderInfo | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="header-info")
        yield Static(id="progress-label", markup=False)
        yield ProgressBar(id="progress", show_eta=False, show_percentage=True)

    def show(self, info: HeaderInfo) -> None:
        if info == self._shown:
            return
        self._shown = info
        text = Text(info.file, style="bold")
        if info.unsaved:
            text.append(" ●", style="bold")
        text.append(
            f"  {info.sentences} sentences · {info.flagged} flagged · {info.edited} edited · "
            f"{info.reviewed} reviewed · showing {info.showing} · {info.languagetool}"
        )
        update_in_place(self.query_one("#header-info", Static), text)

    def show_progress(self, what: str, done: int | None, total: int | None) -> None:
        self.set_class(True, "-checking")
        label = self.query_one("#progress-label", Static)
        if label.content != what:  # its width follows its text: a change is laid out
            label.update(what)
        self.query_one("#progress", ProgressBar).update(total=total, progress=done or 0)

    def hide_progress(self) -> None:
        self.set_class(False, "-checking")


def update_in_place(label: Static, content: Text | str) -> None:
    """Show ``content`` in ``label`` (whose height follows its content), laying the screen out
    again only when its height changes: a layout pass took a third of the UI thread's work of
    a key that changed a count, and came again with every batch of flags."""
    label.update(content, layout=False)
    region = label.content_region
    if label.get_content_height(label.container_size, label.app.size, region.width) != (
        region.height
    ):
        label.refresh(layout=True)
