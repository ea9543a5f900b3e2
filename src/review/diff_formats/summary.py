"""The lines every `review diff` format ends with: what the review says differently, and the
document's scores."""

from __future__ import annotations

from review.comparison import Comparison


def summary_lines(c: Comparison) -> list[str]:
    lines = [f"newly dismissed: {s} {rule} {text!r}" for s, rule, text in c.newly_dismissed] + [
        f"newly accepted: {s} {rule} {text!r} → {replacement!r}"
        for s, rule, text, replacement in c.newly_accepted
    ]
    lines += [change.describe() for change in c.review_changes]
    lines.append(f"document: TER {c.ter.value:.2f}, chrF {c.chrf.value:.2f}")
    return lines
