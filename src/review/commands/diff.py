"""`review diff A B`: two revisions of a review compared sentence by sentence."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from review.metrics import Score
    from review.revisions import Pair, Revision
    from review.worddiff import DiffOp

FORMATS = ("text", "md", "json")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "diff",
        help="compare two revisions of a review sentence by sentence",
        description=(
            "Compare A and B, each a review patch, a corrected text, or REV:path for either "
            "as it is in git (HEAD~1:corrections/x.patch). For every sentence that differs: "
            "the word diff, and TER and chrF of A against B as the reference (sacrebleu); "
            "then a summary with the newly dismissed and accepted flags."
        ),
    )
    parser.add_argument("a", metavar="A", help="the earlier revision")
    parser.add_argument("b", metavar="B", help="the later revision")
    parser.add_argument("--format", choices=FORMATS, default="text")
    parser.set_defaults(run=run)


@dataclass(frozen=True, slots=True)
class SentenceChange:
    pair: Pair
    ops: tuple[DiffOp, ...]
    ter: Score
    chrf: Score

    @property
    def label(self) -> str:
        a = "+".join(self.pair.a_ids) or "(none)"
        b = "+".join(self.pair.b_ids) or "(none)"
        return a if a == b else f"{a} → {b}"


@dataclass(frozen=True, slots=True)
class Comparison:
    a: Revision
    b: Revision
    pairs: tuple[Pair, ...]
    changes: tuple[SentenceChange, ...]
    newly_dismissed: tuple[tuple[str, str, str], ...]
    newly_accepted: tuple[tuple[str, str, str, str], ...]
    ter: Score
    chrf: Score


def run(args: argparse.Namespace) -> int:
    from review.revisions import load_revision

    comparison = compare(load_revision(args.a), load_revision(args.b))
    if args.format == "json":
        sys.stdout.write(json.dumps(_as_json(comparison), ensure_ascii=False, indent=2) + "\n")
    elif args.format == "md":
        sys.stdout.write(_as_markdown(comparison))
    else:
        _print_text(comparison)
    return 0


def compare(a: Revision, b: Revision) -> Comparison:
    from review.metrics import Metric, corpus_score, sentence_score
    from review.revisions import align
    from review.state import ReviewState
    from review.worddiff import word_diff

    pairs = align(a, b)
    changes = tuple(
        SentenceChange(
            pair,
            word_diff(pair.a_text, pair.b_text),
            sentence_score(Metric.TER, pair.a_text, pair.b_text),
            sentence_score(Metric.CHRF, pair.a_text, pair.b_text),
        )
        for pair in pairs
        if pair.differs
    )
    same_original = a.is_patch and a.original_sha256 == b.original_sha256
    before = a.state if same_original and a.state is not None else ReviewState()
    after = b.state or ReviewState()
    dismissed = []
    accepted = []
    for unit in b.units:
        old, new = before.review_of(unit.id), after.review_of(unit.id)
        dismissed += [(unit.id, *key) for key in sorted(new.dismissed - old.dismissed)]
        accepted += [(unit.id, *key) for key in sorted(new.accepted - old.accepted)]
    hypotheses = [p.a_text for p in pairs]
    references = [p.b_text for p in pairs]
    return Comparison(
        a=a,
        b=b,
        pairs=pairs,
        changes=changes,
        newly_dismissed=tuple(dismissed),
        newly_accepted=tuple(accepted),
        ter=corpus_score(Metric.TER, hypotheses, references),
        chrf=corpus_score(Metric.CHRF, hypotheses, references),
    )


def _as_json(c: Comparison) -> dict[str, Any]:
    return {
        "a": c.a.label,
        "b": c.b.label,
        "sentences": len(c.pairs),
        "changed": [
            {
                "a_ids": list(change.pair.a_ids),
                "b_ids": list(change.pair.b_ids),
                "a": change.pair.a_text,
                "b": change.pair.b_text,
                "diff": [{"op": op.op.value, "text": op.text} for op in change.ops],
                "ter": round(change.ter.value, 2),
                "chrf": round(change.chrf.value, 2),
            }
            for change in c.changes
        ],
        "newly_dismissed": [
            {"sentence": s, "rule": rule, "text": text} for s, rule, text in c.newly_dismissed
        ],
        "newly_accepted": [
            {"sentence": s, "rule": rule, "text": text, "replacement": replacement}
            for s, rule, text, replacement in c.newly_accepted
        ],
        "document": {"ter": round(c.ter.value, 2), "chrf": round(c.chrf.value, 2)},
        "signatures": {"ter": c.ter.signature, "chrf": c.chrf.signature},
    }


def _as_markdown(c: Comparison) -> str:
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
            f"{_markdown_diff(change.ops)} |"
            for change in c.changes
        ]
        lines.append("")
    lines += [f"- {line}" for line in _summary_lines(c)]
    lines += ["", f"TER: `{c.ter.signature}`  ", f"chrF: `{c.chrf.signature}`", ""]
    return "\n".join(lines)


def _markdown_diff(ops: Sequence[DiffOp]) -> str:
    """Deleted words struck through, inserted ones in bold; whitespace stays outside the marks
    (Markdown ignores ``~~ x~~``) and a changed space shows as ␣."""
    from review.worddiff import Op

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


def _summary_lines(c: Comparison) -> list[str]:
    lines = [f"newly dismissed: {s} {rule} {text!r}" for s, rule, text in c.newly_dismissed] + [
        f"newly accepted: {s} {rule} {text!r} → {replacement!r}"
        for s, rule, text, replacement in c.newly_accepted
    ]
    lines.append(f"document: TER {c.ter.value:.2f}, chrF {c.chrf.value:.2f}")
    return lines


def _print_text(c: Comparison) -> None:
    from rich.console import Console
    from rich.text import Text

    from review.worddiff import Op

    console = Console(highlight=False, soft_wrap=True)
    colour = console.is_terminal
    styles = {Op.EQUAL: "", Op.DELETE: "bold red strike", Op.INSERT: "bold green"}
    plain = {Op.EQUAL: "{}", Op.DELETE: "[-{}-]", Op.INSERT: "{{+{}+}}"}
    out = [Text(f"A: {c.a.label}"), Text(f"B: {c.b.label}"), Text("")]
    for change in c.changes:
        out.append(
            Text(f"{change.label}  TER {change.ter.value:.2f}  chrF {change.chrf.value:.2f}")
        )
        line = Text("  ")
        for op in change.ops:
            if colour:
                line.append(op.text, style=styles[op.op])
            else:
                line.append(plain[op.op].format(op.text))
        out += [line, Text("")]
    out.append(Text(f"{len(c.changes)} of {len(c.pairs)} sentences differ"))
    out += [Text(line) for line in _summary_lines(c)]
    out += [Text(f"TER signature: {c.ter.signature}"), Text(f"chrF signature: {c.chrf.signature}")]
    for text in out:
        console.print(text)
