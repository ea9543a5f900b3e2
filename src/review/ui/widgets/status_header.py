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
    def compose(self) -> ComposeResult:
        yield Static(id="header-info")
        yield Static(id="progress-label")
        yield ProgressBar(id="progress", show_eta=False, show_percentage=True)

    def show(self, info: HeaderInfo) -> None:
        text = Text(info.file, style="bold")
        if info.unsaved:
            text.append(" ●", style="bold")
        text.append(
            f"  {info.sentences} sentences · {info.flagged} flagged · {info.edited} edited · "
            f"{info.reviewed} reviewed · showing {info.showing} · {info.languagetool}"
        )
        self.query_one("#header-info", Static).update(text)

    def show_progress(self, what: str, done: int | None, total: int | None) -> None:
        self.set_class(True, "-checking")
        self.query_one("#progress-label", Static).update(what)
        self.query_one("#progress", ProgressBar).update(total=total, progress=done or 0)

    def hide_progress(self) -> None:
        self.set_class(False, "-checking")
