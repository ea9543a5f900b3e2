"""The help screen: every key of the main screen, the table and the dialogs, and what the
table's columns and marks mean."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from review.ui.actions import key_display

Rows = list[tuple[str, str]]

LEGEND: Rows = [
    ("#", "the sentence's number in the document"),
    ("C M m", "its open flags: critical, major, minor"),
    ("✎", "edited"),
    ("✓ ·", "reviewed · still to do"),
    ("¶", "has a comment or an MQM annotation"),
    ("×", "no longer matches the filter or search (goes when you move away)"),
]


def binding_rows(bindings: Iterable[BindingType]) -> Rows:
    return [
        (key_display(b.key), b.tooltip or b.description) for b in bindings if isinstance(b, Binding)
    ]


def key_table(sections: Iterable[tuple[str, Rows]]) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
    table.add_column("keys", style="bold", no_wrap=True)
    table.add_column("what")
    for title, rows in sections:
        table.add_row(f"[underline]{title}[/]", "")
        for keys, what in rows:
            table.add_row(keys, what)
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark,f1", "close", "Close")]

    def __init__(self, sections: list[tuple[str, Rows]]) -> None:
        super().__init__()
        self._sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="dialog"):
            yield Static("Keys  (escape closes)", classes="dialog-title")
            yield Static(key_table([("Sentence table", LEGEND), *self._sections]))

    def action_close(self) -> None:
        self.dismiss(None)
