"""Expert MQM annotations (google/wmt-mqm-human-evaluation TSV) as bench/flags_eval.py input.

The TSV has a row per error (system, doc, doc_id, seg_id, rater, source, target, category,
severity), the error marked with <v>…</v> in the target (or in the source for an omission),
and a "No-error" row for a target without one. Each (system, segment, rater) becomes one
line in the MLQE-PE layout flags_eval reads: `mt` is the target without the marks,
`mt_bad_spans` the marked spans (character offsets into `mt`), `hter` null.

Run: .venv/bin/python bench/mqm_to_jsonl.py mqm_ted_zhen.tsv --lang-pair zh-en > ted.jsonl
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

_MARK = re.compile(r"(</?v>)")


def unmarked(target: str) -> tuple[str, list[tuple[int, int]]]:
    """``target`` without its <v> marks, and the (start, end) of each marked span in it."""
    text: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    start = None
    for piece in _MARK.split(target):
        if piece == "<v>":
            start = position
        elif piece == "</v>":
            if start is not None:
                spans.append((start, position))
            start = None
        else:
            text.append(piece)
            position += len(piece)
    return "".join(text), spans


def lines(rows: Iterable[dict[str, str]], lang_pair: str) -> Iterator[dict[str, object]]:
    targets: dict[tuple[str, str, str], str] = {}
    spans: dict[tuple[str, str, str], set[tuple[int, int]]] = {}
    for row in rows:
        key = (row["system"], row["seg_id"], row["rater"])
        mt, marked = unmarked(row["target"])
        targets.setdefault(key, mt)
        found = spans.setdefault(key, set())
        if row["category"] != "No-error":
            found.update(marked)
    for key, mt in targets.items():
        yield {
            "id": "|".join(("mqm", lang_pair, *key)),
            "lang_pair": lang_pair,
            "mt": mt,
            "mt_bad_spans": [
                {"start": start, "end": end, "text": mt[start:end]}
                for start, end in sorted(spans[key])
            ],
            "hter": None,
        }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tsv", type=Path)
    parser.add_argument("--lang-pair", default="zh-en")
    args = parser.parse_args(argv)
    with args.tsv.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        for line in lines(rows, args.lang_pair):
            print(json.dumps(line, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
