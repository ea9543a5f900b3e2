"""`review diff --format json`."""

from __future__ import annotations

import json
from typing import Any

from review.comparison import Comparison


def render_json(c: Comparison) -> str:
    return json.dumps(_as_json(c), ensure_ascii=False, indent=2) + "\n"


def _as_json(c: Comparison) -> dict[str, Any]:
    return {
        "a": c.a.label,
        "b": c.b.label,
        "sentences": len(c.pairs),
        "changed": [
            {
                "a_ids": list(change.pair.a_ids),
                "b_ids": list(change.pair.b_ids),
                **(
                    {"unit": change.pair.unit, "source": change.pair.source}
                    if change.pair.unit
                    else {}
                ),
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
        "review_changes": [
            {
                "sentence": change.sentence,
                "field": str(change.field),
                "before": change.before,
                "after": change.after,
            }
            for change in c.review_changes
        ],
        "document": {"ter": round(c.ter.value, 2), "chrf": round(c.chrf.value, 2)},
        "signatures": {"ter": c.ter.signature, "chrf": c.chrf.signature},
    }
