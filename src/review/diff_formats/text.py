"""`review diff` for a terminal: the word diff in colour, or wdiff's ``[-…-]{+…+}`` marks when
stdout is not a terminal."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from review.comparison import Comparison
from review.diff_formats.summary import summary_lines
from review.worddiff import Op

_STYLES = {Op.EQUAL: "", Op.DELETE: "bold red strike", Op.INSERT: "bold green"}
_PLAIN = {Op.EQUAL: "{}", Op.DELETE: "[-{}-]", Op.INSERT: "{{+{}+}}"}


def render_text(c: Comparison) -> str:
    # A console on stdout decides the colours (a terminal, FORCE_COLOR, NO_COLOR); its output
    # is captured and returned.
    console = Console(highlight=False, soft_wrap=True)
    colour = console.is_terminal
    out = [Text(f"A: {c.a.label}"), Text(f"B: {c.b.label}"), Text("")]
    for change in c.changes:
        out.append(
            Text(f"{change.label}  TER {change.ter.value:.2f}  chrF {change.chrf.value:.2f}")
        )
        if change.pair.source:
            out.append(Text(f"  source: {change.pair.source}"))
        line = Text("  ")
        for op in change.ops:
            if colour:
                line.append(op.text, style=_STYLES[op.op])
            else:
                line.append(_PLAIN[op.op].format(op.text))
        out += [line, Text("")]
    out.append(Text(f"{len(c.changes)} of {len(c.pairs)} sentences differ"))
    out += [Text(line) for line in summary_lines(c)]
    out += [Text(f"TER signature: {c.ter.signature}"), Text(f"chrF signature: {c.chrf.signature}")]
    with console.capture() as captured:
        for text in out:
            console.print(text)
    return captured.get()
