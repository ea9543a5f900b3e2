"""The lines every `review diff` format ends with: what the review says differently, and the
document's scores."""

from __future__ import annotations

from collections.abc import Callable

from review.comparison import Comparison


def summary_lines(c: Comparison, editors_words: Callable[[str], str] = str) -> list[str]:
    """``editors_words`` makes a status, comment or annotation change safe for the format:
    they hold what the editor typed."""
    lines = [f"newly dismissed: {s} {rule} {text!r}" for s, rule, text in c.newly_dismissed] + [
        f"newly accepted: {s} {rule} {text!r} → {replacement!r}"
        for s, rule, text, replacement in c.newly_accepted
    ]
    lines += [editors_words(change.describe()) for change in c.review_changes]
    lines.append(f"document: TER {c.ter.value:.2f}, chrF {c.chrf.value:.2f}")
    return lines
