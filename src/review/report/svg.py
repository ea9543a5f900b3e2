"""The report's two charts as inline SVG: flags per category by fate, HTER per paragraph.

Plain shapes and text, sized in a viewBox so they scale to the page and print sharply; each
bar carries a <title> with its exact figures (a tooltip, without any script).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from review.report.fates import Fate
from review.report.markup import Markup, join, tag
from review.report.model import GroupStats, ParagraphEffort
from review.report.wording import FATE_ORDER, count, fate_count, number

FATE_COLOURS = {
    Fate.ACCEPTED: "#2e7d32",
    Fate.RESOLVED: "#1565c0",
    Fate.DISMISSED: "#757575",
    Fate.OPEN: "#ef6c00",
}
MAX_PARAGRAPH_BARS = 400
_LABEL_WIDTH = 180
_BAR_WIDTH = 420
_ROW = 24


def fate_bars(groups: Sequence[GroupStats], title: str) -> Markup:
    """One stacked bar per group: accepted, resolved, dismissed and open flags."""
    largest = max((g.counts.total for g in groups), default=0) or 1
    legend_y = 14
    rows = []
    for index, group in enumerate(groups):
        y = 30 + index * _ROW
        x = float(_LABEL_WIDTH)
        segments = []
        for fate in FATE_ORDER:
            flags = fate_count(group.counts, fate)
            if not flags:
                continue
            width = _BAR_WIDTH * flags / largest
            segments.append(
                tag(
                    "rect",
                    tag("title", f"{group.name}: {count(flags)} {fate}"),
                    x=_coord(x),
                    y=y,
                    width=_coord(width),
                    height=_ROW - 6,
                    fill=FATE_COLOURS[fate],
                    class_=f"fate-{fate}",
                )
            )
            x += width
        rows.append(
            join(
                [
                    tag("text", group.name, x=_LABEL_WIDTH - 8, y=y + 13, text_anchor="end"),
                    *segments,
                    tag("text", count(group.counts.total), x=_coord(x + 6), y=y + 13),
                ]
            )
        )
    legend = [
        join(
            [
                tag(
                    "rect",
                    x=_LABEL_WIDTH + i * 105,
                    y=legend_y - 10,
                    width=12,
                    height=12,
                    fill=FATE_COLOURS[fate],
                ),
                tag("text", str(fate), x=_LABEL_WIDTH + i * 105 + 16, y=legend_y),
            ]
        )
        for i, fate in enumerate(FATE_ORDER)
    ]
    height = 30 + max(len(groups), 1) * _ROW
    width = _LABEL_WIDTH + _BAR_WIDTH + 50
    return tag(
        "svg",
        tag("title", title),
        *legend,
        *rows,
        class_="chart",
        viewBox=f"0 0 {width} {height}",
        width=width,
        height=height,
        role="img",
        aria_label=title,
        font_size=12,
    )


def paragraph_bars(paragraphs: Sequence[ParagraphEffort], title: str) -> Markup:
    """HTER per paragraph. Beyond MAX_PARAGRAPH_BARS paragraphs, each bar stands for a run of
    consecutive paragraphs and shows the highest HTER among them (where the editing was)."""
    per_bar = max(1, math.ceil(len(paragraphs) / MAX_PARAGRAPH_BARS))
    bins = [paragraphs[i : i + per_bar] for i in range(0, len(paragraphs), per_bar)]
    peak = max((p.hter for p in paragraphs), default=0.0)
    top = _nice_ceiling(peak)
    left, plot_width, plot_height, top_margin = 44, 660, 160, 10
    bar_width = plot_width / max(len(bins), 1)
    bars = []
    for index, group in enumerate(bins):
        highest = max(group, key=lambda p: p.hter)
        height = plot_height * highest.hter / top
        first, last = group[0].paragraph, group[-1].paragraph
        where = f"paragraph {first}" if first == last else f"paragraphs {first}–{last}"
        edited = sum(p.edited for p in group)
        label = (
            f"{where}: HTER {number(highest.hter)}"
            + (f" (highest: paragraph {highest.paragraph})" if first != last else "")
            + f", {edited} sentence{'s' * (edited != 1)} edited"
        )
        bars.append(
            tag(
                "rect",
                tag("title", label),
                x=_coord(left + index * bar_width),
                y=_coord(top_margin + plot_height - height),
                width=_coord(max(bar_width - 1, 0.5)),
                height=_coord(height),
                fill="#c62828",
            )
        )
    axis = []
    for step in range(5):
        value = top * step / 4
        y = top_margin + plot_height - plot_height * step / 4
        axis += [
            tag("line", x1=left, x2=left + plot_width, y1=_coord(y), y2=_coord(y), stroke="#ddd"),
            tag(
                "text",
                number(value).rstrip("0").rstrip("."),
                x=left - 6,
                y=_coord(y + 4),
                text_anchor="end",
            ),
        ]
    caption = f"paragraph 1 … {paragraphs[-1].paragraph}" if paragraphs else "no paragraphs"
    if per_bar > 1:
        caption += f" (each bar: {per_bar} paragraphs, their highest HTER)"
    height = top_margin + plot_height + 30
    return tag(
        "svg",
        tag("title", title),
        *axis,
        *bars,
        tag("text", caption, x=left, y=top_margin + plot_height + 20),
        class_="chart",
        viewBox=f"0 0 {left + plot_width + 10} {height}",
        width=left + plot_width + 10,
        height=height,
        role="img",
        aria_label=title,
        font_size=11,
    )


def _nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 5, 10, 20, 50, 100… at or above ``value`` (at least 1)."""
    magnitude = 1.0
    while True:
        for step in (1, 2, 5):
            if step * magnitude >= value:
                return step * magnitude
        magnitude *= 10


def _coord(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")
