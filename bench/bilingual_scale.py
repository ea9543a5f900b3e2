"""Reading and writing a 10,000-unit XLIFF 1.2 file (the MLQE-PE dev data repeated, with inline
tags in every tenth unit), and, for comparison, translate-toolkit's own XLIFF reader; then the
same units as a PO file (read by translate-toolkit plus our line scan).

Prints the best of three times to read the XLIFF into units, to write 500 edited targets back,
to parse it with translate-toolkit (which our reader does not use for XLIFF: see xmlscan.py),
and to read the PO file.

    .venv/bin/python bench/bilingual_scale.py [--units N]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from xml.sax.saxutils import escape

from translate.storage.pypo import pofile
from translate.storage.xliff import xlifffile

from review.bilingual import FORMATS, read

MLQE = Path("/work/shared/data/mlqe-pe-dev.jsonl")


def rows() -> list[dict[str, str]]:
    return [json.loads(line) for line in MLQE.read_text(encoding="utf-8").splitlines()]


def po(units: int) -> str:
    store = pofile()
    data = rows()
    for n in range(units):
        unit = store.addsourceunit(data[n % len(data)]["src"])
        unit.target = data[n % len(data)]["mt"]
        unit.setcontext(f"u{n}")
    return bytes(store).decode("utf-8")


def xliff(units: int) -> str:
    data = rows()
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
        '<file original="bench" source-language="xx" target-language="en" datatype="plaintext">',
        "<body>",
    ]
    for n in range(units):
        row = data[n % len(data)]
        source, target = escape(row["src"]), escape(row["mt"])
        if n % 10 == 0:
            source = f'<g id="1">{source}</g><x id="2"/>'
            target = f'<g id="1">{target}</g><x id="2"/>'
        lines += [
            f'<trans-unit id="u{n}">',
            f"  <source>{source}</source>",
            f'  <target state="translated">{target}</target>',
            "</trans-unit>",
        ]
    return "\n".join([*lines, "</body>", "</file>", "</xliff>", ""])


def best(action, repeat: int = 3) -> tuple[float, object]:
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=10_000)
    args = parser.parse_args()
    text = xliff(args.units)
    print(f"{'file':<40} {args.units:,} units, {len(text.encode()) / 1e6:.1f} MB")
    seconds, bilingual = best(lambda: read("bench.xlf", text))
    assert bilingual is not None and len(bilingual.units) == args.units
    print(f"{'read (review.bilingual)':<40} {seconds:8.3f} s")
    edits = {u.id: u.target_text + " Edited." for u in bilingual.units[::20]}
    seconds, _ = best(lambda: FORMATS["xliff-1.2"].write(text, bilingual, edits))
    print(f"{'write ' + str(len(edits)) + ' edited targets':<40} {seconds:8.3f} s")
    seconds, _ = best(lambda: xlifffile.parsestring(text.encode("utf-8")), repeat=1)
    print(f"{'parse (translate-toolkit, for scale)':<40} {seconds:8.3f} s")
    text = po(args.units)
    seconds, bilingual = best(lambda: read("bench.po", text), repeat=1)
    assert bilingual is not None and len(bilingual.units) == args.units
    print(f"{'read the same units as PO':<40} {seconds:8.3f} s")


if __name__ == "__main__":
    main()
