"""The help screen: every key of the main screen, the table and the dialogs."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def key_table(sections: Iterable[tuple[str, Iterable[BindingType]]]) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
    table.add_column("keys", style="bold", no_wrap=True)
    table.add_column("what")
    for title, bindings in sections:
        table.add_row(f"[underline]{title}[/]", "")
        for binding in bindings:
            if isinstance(binding, Binding):
                keys = binding.key.replace(",", " ")
                table.add_row(keys, binding.tooltip or binding.description)
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark,f1", "close", "Close")]

    def __init__(self, sections: list[tuple[str, list[BindingType]]]) -> None:
        super().__init__()
        self._sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="dialog"):
            yield Static("Keys  (escape closes)", classes="dialog-title")
            yield Static(key_table(self._sections))

    def action_close(self) -> None:
        self.dismiss(None)
