"""The sentence table: a line-rendering ScrollView that draws only the rows on screen.

DataTable takes seconds to build 100,000 rows; this widget keeps no per-row objects at all.
It is given the row indices to list and a function that describes one row, and redraws a
row when told that its sentence changed. Drawn rows are kept by what they show, so scrolling by
a line draws one new row, not a screenful.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from review.ui.board import SeverityCounts


@dataclass(frozen=True, slots=True)
class Row:
    number: int
    counts: SeverityCounts
    edited: bool
    reviewed: bool
    commented: bool
    text: str
    stale: bool = False
    """Listed only until the editor moves away: it no longer matches the filter."""
    # A bilingual file's source, shown in a column of its own when the table is asked to.
    source: str = ""


RowSource = Callable[[int], Row]

# Drawn rows kept: many screenfuls, a few hundred kilobytes.
MAX_KEPT_STRIPS = 2000


class SentenceTable(ScrollView, can_focus=True):
    """Rows are sentence indices; ``cursor`` is a position among the listed rows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "sentence-table--cursor",
        "sentence-table--number",
        "sentence-table--critical",
        "sentence-table--major",
        "sentence-table--minor",
        "sentence-table--mark",
        "sentence-table--source",
        "sentence-table--reviewed",
        "sentence-table--bar",
        "sentence-table--thumb",
    }

    # Watched by the screen, which shows the detail of the sentence in the same frame.
    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)

    def __init__(self, row_source: RowSource, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._row_source = row_source
        self._rows: Sequence[int] = range(0)
        self._number_width = 1
        # rich_style walks the DOM on every call; a screenful of rows needs a few hundred.
        self._styles: dict[tuple[str | None, bool], Style] = {}
        self._strips: dict[tuple[Row | None, bool, str | None], Strip] = {}
        self._strips_width = 0
        self.show_source = False

    def toggle_source(self) -> None:
        """Show or hide the source column (half the text's width)."""
        self.show_source = not self.show_source
        self._strips.clear()
        self.refresh()

    @property
    def rows(self) -> Sequence[int]:
        return self._rows

    @property
    def sentence_index(self) -> int | None:
        return self._rows[self.cursor] if self._rows else None

    def set_rows(self, rows: Sequence[int], keep: int | None = None) -> None:
        """List ``rows`` (ascending sentence indices); the cursor goes to sentence ``keep``
        or the nearest row after it."""
        before = self.sentence_index
        self._rows = rows
        number_width = len(str(rows[-1] + 1)) if rows else 1
        if number_width != self._number_width:
            self._number_width = number_width
            self._strips.clear()
        self.virtual_size = Size(self.size.width, len(rows))
        position = 0 if keep is None else min(bisect_left(rows, keep), max(len(rows) - 1, 0))
        # Growing rows (a document still being segmented) leave the cursor where it is.
        if position != self.cursor or self.sentence_index != before:
            self.cursor = position
        self.refresh()

    def column_header(self) -> str:
        """The names of the columns, aligned with the rows (the legend in help says more)."""
        return f"{'#':>{self._number_width}}  C M m ✎✓¶ Sentence"

    def position_of(self, sentence_index: int) -> int | None:
        """Where the sentence is among the listed rows (None: not listed)."""
        position = bisect_left(self._rows, sentence_index)
        if position < len(self._rows) and self._rows[position] == sentence_index:
            return position
        return None

    def refresh_sentences(self, sentence_indices: set[int]) -> None:
        """Redraw the rows of these sentences that are on screen."""
        top = round(self.scroll_offset.y)
        for y in range(self.scrollable_content_region.height):
            position = top + y
            if position < len(self._rows) and self._rows[position] in sentence_indices:
                self.refresh_line(position)

    @property
    def allow_vertical_scroll(self) -> bool:
        # Textual's scrollbar would be repainted whole at every scroll (overflow-y: hidden in
        # the CSS); the table draws its own position bar, and the mouse wheel still scrolls.
        return self.is_scrollable and not self._check_disabled()

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self._rows) - 1))

    def watch_cursor(self, previous: int, cursor: int) -> None:
        self.refresh_line(previous)
        self.refresh_line(cursor)
        self._scroll_cursor_into_view()

    def _scroll_cursor_into_view(self) -> None:
        """A cursor moved off the screen is brought to the middle of it (as vim's scrolljump
        does): scrolling redraws every row, which line by line was most of each key's work
        on the UI's thread once the cursor had reached the bottom."""
        height = self.scrollable_content_region.height
        top = round(self.scroll_offset.y)
        if self.cursor < top or (height and self.cursor >= top + height):
            self.scroll_to(y=max(0, self.cursor - height // 2), animate=False)

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.scrollable_content_region.height - 1)

    def action_page_down(self) -> None:
        self.cursor += max(1, self.scrollable_content_region.height - 1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self._rows) - 1

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self._rows))
        self._scroll_cursor_into_view()

    def render_line(self, y: int) -> Strip:
        width, height = self.scrollable_content_region.size
        if width != self._strips_width:
            self._strips.clear()
            self._strips_width = width
        top = round(self.scroll_offset.y)
        position = top + y
        on_cursor = position == self.cursor
        row = self._row_source(self._rows[position]) if position < len(self._rows) else None
        key = (row, on_cursor, self._position_bar(y, top, height))
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) >= MAX_KEPT_STRIPS:
                self._strips.clear()
            strip = self._strips[key] = self._draw(*key, width)
        return strip

    def _position_bar(self, y: int, top: int, height: int) -> str | None:
        """The component of line ``y`` of a one-cell bar whose thumb shows where the screen
        is among the rows (None when they all fit)."""
        rows = len(self._rows)
        if rows <= height:
            return None
        thumb = max(1, height * height // rows)
        start = top * (height - thumb) // (rows - height)
        return "sentence-table--thumb" if start <= y < start + thumb else "sentence-table--bar"

    def _draw(self, row: Row | None, on_cursor: bool, bar: str | None, width: int) -> Strip:
        row_width = width if bar is None else width - 1
        style = self._base_style(on_cursor)
        if row is None:
            strip = Strip.blank(row_width, style)
        else:
            strip = Strip(self._segments(row, on_cursor, row_width)).adjust_cell_length(
                row_width, style
            )
        if bar is None:
            return strip
        return Strip.join([strip, Strip([Segment(" ", self._style(bar, on_cursor=False))], 1)])

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget_styles()

    def _on_focus(self, event: events.Focus) -> None:
        self._forget_styles()
        super()._on_focus(event)

    def _on_blur(self, event: events.Blur) -> None:
        self._forget_styles()
        super()._on_blur(event)

    def _forget_styles(self) -> None:
        self._styles.clear()
        self._strips.clear()

    def _style(self, component: str | None, on_cursor: bool) -> Style:
        key = (component, on_cursor)
        style = self._styles.get(key)
        if style is None:
            style = self.rich_style
            if on_cursor:
                style += self.get_component_rich_style("sentence-table--cursor")
            if component:
                style += self.get_component_rich_style(component, partial=True)
            self._styles[key] = style
        return style

    def _base_style(self, on_cursor: bool) -> Style:
        return self._style(None, on_cursor)

    def _segments(self, row: Row, on_cursor: bool, width: int) -> list[Segment]:
        def part(text: str, component: str | None = None) -> Segment:
            return Segment(text, self._style(component, on_cursor))

        counts = row.counts
        return [
            part(f"{row.number:>{self._number_width}} ", "sentence-table--number"),
            part(_count(counts.critical), "sentence-table--critical"),
            part(_count(counts.major), "sentence-table--major"),
            part(_count(counts.minor), "sentence-table--minor"),
            part("×" if row.stale else " ", "sentence-table--mark"),
            part("✎" if row.edited else " ", "sentence-table--mark"),
            part("✓" if row.reviewed else "·", "sentence-table--reviewed"),
            part("¶ " if row.commented else "  ", "sentence-table--mark"),
            *self._source_column(row, on_cursor, width),
            # A character takes at least one cell: what lies past ``width`` is never shown.
            part(row.text[:width].replace("\t", " ")),
        ]

    def _source_column(self, row: Row, on_cursor: bool, width: int) -> list[Segment]:
        if not self.show_source:
            return []
        # What the number, the counts and the marks take: the rest is shared by the two texts.
        half = max(0, (width - self._number_width - 10) // 2 - 2)
        source = " ".join(row.source.split())[:half].ljust(half)
        return [
            Segment(source, self._style("sentence-table--source", on_cursor)),
            Segment(" │ ", self._style("sentence-table--mark", on_cursor)),
        ]


def _count(count: int) -> str:
    if count == 0:
        return "  "
    return f"{count:>2}" if count < 100 else "++"
