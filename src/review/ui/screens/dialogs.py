"""Small modal dialogs; each dismisses with its answer, or None when cancelled."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from rich.console import RenderableType
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option
from textual.widgets.text_area import Location

from review.flags import Severity
from review.state import (
    AnnotationClass,
    AnnotationSeverity,
    MqmType,
    annotation_class,
    annotation_severity,
)

# An Enter followed this soon by another key is inside a stream of typed text (a paste the
# terminal did not bracket), not the editor's confirmation.
ENTER_QUIET_SECONDS = 0.05
LINE_BREAKS = re.compile(r"\r\n|\r|\n")
# The C0 controls and DEL, less tab: what a paste may carry (a terminal's escape sequences, a
# bell) that is not text. Left in, a raw ESC went into the saved sentence and the patch.
CONTROLS = dict.fromkeys([*range(0x09), *range(0x0A, 0x20), 0x7F])


WORD = re.compile(r"\w+(?:['’-]\w+)*")


class SentenceEditor(TextArea):
    """The sentence's text area. Enter confirms, but only once the keys typed before it are
    in (it is handled in the editor's own queue, after them) and no key follows it at once;
    a sentence is one line, so line breaks typed or pasted become spaces, and other control
    characters (an escape sequence inside a paste) are dropped. Keys as in a word
    processor: ctrl+left/right go from word to word over punctuation, home/end to the start
    and end of the text, ctrl+a selects it all."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "text_start", "Start of the text", show=False),
        Binding("end", "text_end", "End of the text", show=False),
        Binding("shift+home", "text_start(True)", "Select to the start", show=False),
        Binding("shift+end", "text_end(True)", "Select to the end", show=False),
        Binding("ctrl+a", "select_all", "Select all", show=False),
    ]

    @dataclass
    class Confirmed(Message):
        text: str

    _enter: Timer | None = None

    def action_text_start(self, select: bool = False) -> None:
        self.move_cursor(self.document.start, select=select)

    def action_text_end(self, select: bool = False) -> None:
        self.move_cursor(self.document.end, select=select)

    def get_cursor_word_left_location(self) -> Location:
        row, column = self.cursor_location
        starts = [m.start() for m in WORD.finditer(self.document[row]) if m.start() < column]
        if starts:
            return row, starts[-1]
        return super().get_cursor_word_left_location() if column == 0 else (row, 0)

    def get_cursor_word_right_location(self) -> Location:
        row, column = self.cursor_location
        line = self.document[row]
        starts = [m.start() for m in WORD.finditer(line) if m.start() > column]
        if starts:
            return row, starts[0]
        return super().get_cursor_word_right_location() if column == len(line) else (row, len(line))

    async def _on_key(self, event: events.Key) -> None:
        if self._enter is not None:
            self._enter.stop()
            self._enter = None
            self._type(" ")
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self._enter = self.set_timer(ENTER_QUIET_SECONDS, self._confirm)

    async def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()
        self._type(one_line(event.text))

    def _type(self, text: str) -> None:
        if result := self._replace_via_keyboard(text, *self.selection):
            self.move_cursor(result.end_location)

    def _confirm(self) -> None:
        self._enter = None
        self.post_message(self.Confirmed(self.text))


def one_line(text: str) -> str:
    """Pasted text as a sentence takes it: line breaks become spaces, and the other control
    characters but tab are dropped; every other character stays, in order."""
    return LINE_BREAKS.sub(" ", text).translate(CONTROLS)


@dataclass(frozen=True, slots=True)
class SplitAt:
    """The editor asked to split the sentence, whose text is ``text``, at ``offset`` of it."""

    text: str
    offset: int


class EditScreen(ModalScreen[str | SplitAt | None]):
    """The sentence in a text editor: enter or ctrl+s confirms (in the order typed, never
    before the keys typed ahead of them), ctrl+o asks to split the sentence at the cursor,
    escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "confirm", "Confirm"),
        Binding("ctrl+o", "split", "Split the sentence at the cursor (previewed)"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(
        self, text: str, title: str, cursor: int | None = None, flags: RenderableType = ""
    ) -> None:
        """``cursor`` is where the cursor starts (an offset in ``text``; None: at the end);
        ``flags`` shows the sentence's flags under the editor."""
        super().__init__()
        self._text = text
        self._title = title
        self._cursor = len(text) if cursor is None else cursor
        self._flags = flags

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self._title, classes="dialog-title", markup=False)
            yield SentenceEditor(self._text, id="editor", soft_wrap=True, show_line_numbers=False)
            yield Label(
                "enter or ctrl+s confirm · escape cancel · ctrl+a select all · ctrl+o split here",
                classes="dialog-keys",
            )
            if self._flags:
                yield Static(self._flags, id="edit-flags")

    def on_mount(self) -> None:
        before = self._text[: self._cursor]
        self.query_one(SentenceEditor).move_cursor(
            (before.count("\n"), len(before) - (before.rfind("\n") + 1))
        )

    def on_sentence_editor_confirmed(self, message: SentenceEditor.Confirmed) -> None:
        self.dismiss(message.text)

    def action_confirm(self) -> None:
        self.dismiss(self.query_one(SentenceEditor).text)

    def action_split(self) -> None:
        editor = self.query_one(SentenceEditor)
        row, column = editor.cursor_location
        # Offsets count the line breaks between rows (a pasted text may still hold one).
        offset = sum(len(editor.document[r]) + 1 for r in range(row)) + column
        self.dismiss(SplitAt(editor.text, offset))

    def action_cancel(self) -> None:
        self.dismiss(None)


class PromptScreen(ModalScreen[str | None]):
    """One line of text (a comment, a search): enter confirms, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, value: str = "") -> None:
        super().__init__()
        self._title = title
        self._value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self._title, classes="dialog-title", markup=False)
            yield Input(self._value, id="prompt")
            yield Label("enter confirm · escape cancel", classes="dialog-keys")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceScreen(ModalScreen[str | None]):
    """Pick one of a list (the table filter): enter picks, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, choices: list[tuple[str, str]], current: str) -> None:
        super().__init__()
        self._title = title
        self._choices = choices
        self._current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self._title, classes="dialog-title", markup=False)
            yield OptionList(*(Option(label, id=key) for key, label in self._choices))
            yield Label("enter pick · escape cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        keys = [key for key, _ in self._choices]
        self.query_one(OptionList).highlighted = keys.index(self._current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


AnnotationChoice = tuple[AnnotationClass, AnnotationSeverity, str]


class AnnotateScreen(ModalScreen[AnnotationChoice | None]):
    """An MQM annotation: the class (starting at the flag's), 0–3 the severity, an optional
    note; enter confirms."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("0", "severity('neutral')", "Neutral"),
        Binding("1", "severity('minor')", "Minor"),
        Binding("2", "severity('major')", "Major"),
        Binding("3", "severity('critical')", "Critical"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, span_text: str, start: MqmType = MqmType.GRAMMAR) -> None:
        super().__init__()
        self._span_text = span_text
        self._start = start
        self._severity: AnnotationSeverity = Severity.MINOR

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(
                f"MQM annotation of “{self._span_text}”", classes="dialog-title", markup=False
            )
            yield OptionList(*(Option(m.value, id=m.value) for m in MqmType))
            yield Label(self._severity_text(), id="severity")
            yield Input(placeholder="note (optional; tab to it)", id="note")
            yield Label(
                "enter add · 0 neutral 1 minor 2 major 3 critical · escape cancel",
                classes="dialog-keys",
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = list(MqmType).index(self._start)

    def _severity_text(self) -> str:
        return f"Severity: {self._severity.value}"

    def action_severity(self, severity: str) -> None:
        self._severity = annotation_severity(severity)
        self.query_one("#severity", Label).update(self._severity_text())

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._confirm(event.option_index)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._confirm(self.query_one(OptionList).highlighted or 0)

    def _confirm(self, index: int) -> None:
        mqm = annotation_class(list(MqmType)[index].value)
        self.dismiss((mqm, self._severity, self.query_one("#note", Input).value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)


class QuitScreen(ModalScreen[str | None]):
    """Unsaved changes on quit: "save", "discard", or None to go back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s,y", "answer('save')", "Save and quit"),
        Binding("d,n", "answer('discard')", "Discard and quit"),
        Binding("escape,c", "answer(None)", "Cancel"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("There are unsaved changes.", classes="dialog-title")
            yield Label(
                "s  save and quit\nd  discard the unsaved changes and quit\nc  cancel (escape)"
            )

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(answer)
