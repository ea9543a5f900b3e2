"""The dialogs of the whole-document actions: the find-and-replace request, and the preview
of what an action will change before it applies."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, OptionList, SelectionList
from textual.widgets.selection_list import Selection

from review.replace import Replacement
from review.ui.whole import Plan, PreviewLine

# The preview lists this many lines at most (a find and replace, whose hits the editor ticks,
# more); a book's rule can have tens of thousands of flags, and a list that long takes seconds
# to lay out on the UI thread. The lines not listed apply as well, as the dialog says.
PREVIEW_LINES = 100
TICKABLE_LINES = 500


def preview_text(line: PreviewLine) -> Text:
    """``  12  …text before [old → new] text after…``"""
    text = Text(f"{line.number:>6}  ", style="dim")
    text.append(line.left.replace("\n", " "))
    if line.new is None:
        text.append(line.old, style="bold reverse")
    else:
        text.append(line.old, style="red strike")
        text.append(" → ", style="dim")
        text.append(line.new, style="bold green")
    text.append(line.right.replace("\n", " "))
    if line.refused:
        text.append(f"  refused: {line.refused}", style="bold red")
    return text


class PreviewScreen(ModalScreen[list[int] | None]):
    """What a whole-document action changes; enter applies (the lines left ticked, when the
    plan lets the editor pick), escape cancels. Dismisses with the indices of the lines to
    apply."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "apply", "Apply", priority=True),
        Binding("escape", "cancel", "Cancel"),
        Binding("plus", "tick(True)", "Tick all"),
        Binding("minus", "tick(False)", "Untick all"),
    ]

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self.plan = plan
        self.listed = min(len(plan.lines), TICKABLE_LINES if plan.tickable else PREVIEW_LINES)

    def compose(self) -> ComposeResult:
        plan = self.plan
        shown = plan.lines[: self.listed]
        with Vertical(classes="dialog preview"):
            yield Label(plan.title, classes="dialog-title", markup=False)
            for note in plan.notes:
                yield Label(note, classes="preview-note", markup=False)
            if plan.tickable:
                yield SelectionList[int](
                    *(
                        Selection(
                            preview_text(line), i, not line.refused, disabled=bool(line.refused)
                        )
                        for i, line in enumerate(shown)
                    ),
                    id="preview",
                )
            else:
                yield OptionList(*map(preview_text, shown), id="preview")
            more = len(plan.lines) - len(shown)
            if more:
                yield Label(f"… and {more:,} more, applied as well", classes="preview-note")
            keys = "space tick or untick · + all · - none · " if plan.tickable else ""
            yield Label(f"{keys}enter apply · escape cancel", classes="dialog-keys")

    def action_apply(self) -> None:
        if self.plan.tickable:
            kept = set(self.query_one(SelectionList).selected)
            chosen = [i for i in range(self.listed) if i in kept]
            self.dismiss(chosen + list(range(self.listed, len(self.plan.lines))))
        else:
            self.dismiss(list(range(len(self.plan.lines))))

    def action_tick(self, on: bool) -> None:
        if self.plan.tickable:
            selections = self.query_one(SelectionList)
            selections.select_all() if on else selections.deselect_all()
            # (select_all ticks the disabled lines too: a refused hit stays unticked.)
            for index, line in enumerate(self.plan.lines[: self.listed]):
                if on and line.refused:
                    selections.deselect(index)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ReplaceScreen(ModalScreen[Replacement | None]):
    """Find and replace: the text to find, its replacement, and how to match; enter goes to
    the preview, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, find: str = "") -> None:
        super().__init__()
        self._find = find

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Find and replace in every sentence", classes="dialog-title")
            yield Input(self._find, placeholder="find", id="find")
            yield Input(placeholder="replace with", id="replace")
            with Horizontal(classes="replace-options"):
                yield Checkbox("Regular expression", id="regex")
                yield Checkbox("Whole word", id="whole-word")
                yield Checkbox("Match case", True, id="match-case")
            yield Label("enter preview · tab next field · escape cancel", classes="dialog-keys")

    def on_input_submitted(self) -> None:
        def ticked(name: str) -> bool:
            return self.query_one(f"#{name}", Checkbox).value

        self.dismiss(
            Replacement(
                self.query_one("#find", Input).value,
                self.query_one("#replace", Input).value,
                regex=ticked("regex"),
                whole_word=ticked("whole-word"),
                ignore_case=not ticked("match-case"),
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
