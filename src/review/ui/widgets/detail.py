"""The detail pane: the selected sentence with its flagged spans underlined in their category's
colour, the flags with numbered suggestions, the editor's notes and the word-level diff.

One line-rendering widget: moving to another sentence renders the new detail into lines and
repaints the pane, without the layout pass that widgets changing their heights would cost.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from review.flags import Flag
from review.segment import Sentence
from review.state import SentenceReview, Status
from review.ui.palette import CATEGORY_COLOURS, SEVERITY_COLOURS
from review.worddiff import DiffOp, Op

DELETED = Style(color="#e0524a", strike=True)
INSERTED = Style(color="#2e9f4a", underline=True)


# A pane this short (80×24) shows the source folded to two lines.
SHORT_PANE = 12
SOURCE_STYLE = Style(color="#5f87af")


@dataclass(frozen=True, slots=True)
class UnitDetail:
    """A bilingual file's unit, as the file gives it: shown above the target sentence."""

    id: str
    source: str
    context: str = ""
    notes: tuple[str, ...] = ()
    state: str = ""


@dataclass(frozen=True, slots=True)
class SentenceDetail:
    """Everything the pane shows about one sentence."""

    number: int
    sentence: Sentence
    review: SentenceReview
    flags: tuple[Flag, ...]
    dismissed: tuple[Flag, ...]
    selected: int
    checking: bool
    diff: Sequence[DiffOp]
    """Word-level diff of the original against the edit (empty when not edited)."""
    unit: UnitDetail | None = None


class DetailPane(ScrollView, can_focus=False):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown: SentenceDetail | None = None
        self._lines: list[Strip] = []
        # The lines of each flag of the list: the selected one is scrolled into view.
        self._flag_lines: list[range] = []
        self._blank = Strip.blank(0)
        self._width = 0

    def show(self, detail: SentenceDetail | None) -> None:
        if detail == self.shown and self._lines:
            # Shown already (a change shows its sentence once refreshed, and again in case it
            # moved the cursor): rendering a sentence's detail is most of a key's frame.
            return
        before, shown = self._lines, self.shown
        self.shown = detail
        self._render_lines()
        same = detail is not None and shown is not None and shown.sentence.id == detail.sentence.id
        top = round(self.scroll_offset.y) if same else 0
        target = self._top_showing_selected(top)
        if target != round(self.scroll_offset.y):
            self.scroll_to(y=target, animate=False)
            self.refresh()
            return
        # Repaint only the lines that differ: most of the pane is blank below a short detail.
        for y in range(max(len(before), len(self._lines))):
            if y >= len(before) or y >= len(self._lines) or before[y] != self._lines[y]:
                self.refresh_line(y)

    def _top_showing_selected(self, top: int) -> int:
        """The scroll position nearest ``top`` that shows the whole selected flag."""
        detail = self.shown
        height = self.scrollable_content_region.height
        if detail is None or not 0 <= detail.selected < len(self._flag_lines) or height <= 0:
            return top
        lines = self._flag_lines[detail.selected]
        if lines.stop > top + height:
            top = lines.stop - height
        return max(0, min(top, lines.start))

    def on_resize(self) -> None:
        self._render_lines()
        self.refresh()

    def _render_lines(self) -> None:
        width, height = self.scrollable_content_region.size
        if width <= 0:
            return
        console = self.app.console
        options = console.options.update_width(width)
        style = self.rich_style
        self._lines, self._flag_lines = [], []
        fold_width = width if height < SHORT_PANE else 0
        for renderable, flag_index in _blocks(self.shown, fold_width):
            start = len(self._lines)
            self._lines.extend(
                Strip(line, width)
                for line in console.render_lines(renderable, options, style=style)
            )
            if flag_index is not None:
                self._flag_lines.append(range(start, len(self._lines)))
        self._blank = Strip.blank(width, style)
        self._width = width
        # Only a detail taller than the pane changes the virtual size (and so the layout).
        self.virtual_size = Size(width, len(self._lines) if len(self._lines) > height else 0)

    def render_line(self, y: int) -> Strip:
        # A scrollbar that went away (the detail fits again) leaves no resize event.
        if self.scrollable_content_region.width != self._width:
            self._render_lines()
        position = round(self.scroll_offset.y) + y
        return self._lines[position] if position < len(self._lines) else self._blank


Block = tuple[RenderableType, int | None]


def _blocks(detail: SentenceDetail | None, fold_width: int = 0) -> list[Block]:
    """What the pane shows, top to bottom; each flag of the list is a block of its own,
    tagged with its index. ``fold_width``: a bilingual unit's source is cut to two lines of
    this width (0: shown whole)."""
    if detail is None:
        return [(Text("No sentence to show."), None)]
    parts: list[list[Block]] = [
        [(_title(detail), None)],
        [(_source(detail.unit, fold_width), None)],
        [(_marked_text(detail), None)],
        _flag_list(detail),
        [(_notes(detail), None)],
        [(_diff(detail), None)],
    ]
    blocks: list[Block] = []
    for part in parts:
        if any(renderable for renderable, _ in part):
            if blocks:
                blocks.append((Text(), None))
            blocks.extend(part)
    return blocks


def _title(detail: SentenceDetail) -> Text:
    review = detail.review
    title = Text(f"Sentence {detail.number}", style="bold")
    where = (
        f"unit {detail.unit.id}" + (f" ({detail.unit.state})" if detail.unit.state else "")
        if detail.unit
        else f"paragraph {detail.sentence.paragraph}"
    )
    title.append(f"  {detail.sentence.id} · {where}", style="dim")
    if review.edited is not None:
        title.append("  ✎ edited", style="bold")
    title.append("  ✓ reviewed" if review.status is Status.REVIEWED else "  · to do")
    return title


def _source(unit: UnitDetail | None, fold_width: int) -> Text:
    """The source (with the unit's context and notes), dimmer than the target below it."""
    if unit is None:
        return Text()
    source = " ".join(unit.source.split())
    if fold_width and len(source) > 2 * fold_width - len("Source: "):
        source = source[: 2 * fold_width - len("Source: ") - 1] + "…"
    text = Text("Source: ", style="bold").append(source, style=SOURCE_STYLE)
    if unit.context and not fold_width:
        text.append("\nContext: ", style="bold").append(unit.context, style="dim")
    for note in unit.notes if not fold_width else ():
        text.append("\nNote: ", style="bold").append(note, style="dim")
    return text


def _marked_text(detail: SentenceDetail) -> Text:
    text = Text(detail.review.text(detail.sentence.text))
    for index, flag in enumerate(detail.flags):
        style = Style(color=CATEGORY_COLOURS[flag.category], underline=True, bold=True)
        if index == detail.selected:
            style += Style(reverse=True)
        text.stylize(style, flag.start, max(flag.end, flag.start + 1))
    return text


def _flag_list(detail: SentenceDetail) -> list[Block]:
    blocks: list[Block]
    if not detail.flags:
        message = "Checking…" if detail.checking else "No flags."
        blocks = [(Text(message, style="dim italic"), None)]
    else:
        blocks = [
            (_flag_line(flag, index == detail.selected), index)
            for index, flag in enumerate(detail.flags)
        ]
    if detail.dismissed:
        blocks.append(
            (
                Text(f"{len(detail.dismissed)} dismissed: ", style="dim").append(
                    ", ".join(f"{f.rule} “{f.text}”" for f in detail.dismissed)
                ),
                None,
            )
        )
    return blocks


def flag_list(flags: Sequence[Flag], selected: int) -> Group:
    """The flags with their numbered suggestions, as the pane lists them (the edit dialog
    shows them too)."""
    return Group(*(_flag_line(flag, index == selected) for index, flag in enumerate(flags)))


def _flag_line(flag: Flag, selected: bool) -> Text:
    colour = CATEGORY_COLOURS[flag.category]
    line = Text().append("▶ " if selected else "  ", style="bold")
    line.append(f"{flag.category.value}", style=Style(color=colour, bold=True))
    line.append(" · ")
    line.append(flag.severity.value, style=Style(color=SEVERITY_COLOURS[flag.severity]))
    line.append(f" · {flag.rule}\n", style="dim")
    line.append(f"    “{flag.text}” {flag.message}")
    if flag.replacements:
        line.append("\n   ")
        for number, replacement in enumerate(shown_suggestions(flag), start=1):
            line.append(f" {number} ", style="bold reverse" if selected else "bold")
            line.append(f" {replacement} ")
    return line


def shown_suggestions(flag: Flag) -> list[str]:
    """The first nine suggestions as shown: with their spaces made visible (␣) where the
    spaces are the point (suggestions, or a suggestion and the flagged text, that differ only
    in spaces; spaces at an end or doubled), which plain spaces would hide."""
    suggestions = flag.replacements[:9]
    squeezed = [r.replace(" ", "") for r in (flag.text, *suggestions)]
    spaces_matter = len(set(squeezed)) < len(squeezed) or any(
        r != r.strip(" ") or "  " in r for r in suggestions
    )
    return [(r.replace(" ", "␣") if spaces_matter else r) if r else "(delete)" for r in suggestions]


def _notes(detail: SentenceDetail) -> Text:
    review = detail.review
    text = review.text(detail.sentence.text)
    notes = []
    if review.comment:
        notes.append(Text("Comment: ", style="bold").append(review.comment))
    for annotation in review.annotations:
        line = Text("MQM: ", style="bold").append(
            f"{annotation.mqm.value} ({annotation.severity.value}) "
            f"“{text[annotation.start : annotation.end]}”"
        )
        if annotation.note:
            line.append(f" · {annotation.note}", style="italic")
        notes.append(line)
    return Text("\n").join(notes)


def _diff(detail: SentenceDetail) -> Text:
    if not detail.diff:
        return Text()
    text = Text().append("Original → edit\n", style="bold")
    styles = {Op.DELETE: DELETED, Op.INSERT: INSERTED, Op.EQUAL: Style()}
    for piece in detail.diff:
        text.append(piece.text, style=styles[piece.op])
    return text
