"""`review diff --format md`: a table of the changed sentences, then the summary."""

from __future__ import annotations

from collections.abc import Sequence

from review.comparison import Comparison
from review.diff_formats.summary import summary_lines
from review.worddiff import DiffOp, Op


def render_markdown(c: Comparison) -> str:
    lines = [
        "# review diff",
        "",
        f"- A: `{c.a.label}`",
        f"- B: `{c.b.label}`",
        f"- {len(c.changes)} of {len(c.pairs)} sentences differ",
        "",
    ]
    if c.changes:
        lines += ["| sentence | TER | chrF | change |", "| --- | ---: | ---: | --- |"]
        lines += [
            f"| {change.label} | {change.ter.value:.2f} | {change.chrf.value:.2f} | "
            f"{_source(change.pair.source)}{_markdown_diff(change.ops)} |"
            for change in c.changes
        ]
        lines.append("")
    lines += [f"- {line}" for line in summary_lines(c, _markdown_escaped)]
    lines += ["", f"TER: `{c.ter.signature}`  ", f"chrF: `{c.chrf.signature}`", ""]
    return "\n".join(lines)


def _source(source: str) -> str:
    """A bilingual sentence's source, above its diff in the same cell."""
    return f"*{' '.join(_markdown_escaped(source).split())}*<br>" if source else ""


def _markdown_diff(ops: Sequence[DiffOp]) -> str:
    """Deleted words struck through, inserted ones in bold; whitespace stays outside the marks
    (Markdown ignores ``~~ x~~``) and a changed space shows as ␣."""
    marks = {Op.DELETE: "~~", Op.INSERT: "**"}
    parts = []
    for op in ops:
        core = " ".join(_markdown_escaped(op.text).split())
        lead = " " if op.text[:1].isspace() else ""
        trail = " " if op.text[-1:].isspace() and core else ""
        if op.op is not Op.EQUAL:
            core = f"{marks[op.op]}{core or '␣'}{marks[op.op]}"
        parts.append(lead + core + trail)
    return "".join(parts)


def _markdown_escaped(text: str) -> str:
    return "".join("\\" + ch if ch in "\\|*~_`[]<>" else ch for ch in text)
