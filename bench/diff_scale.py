"""Time of `review diff` on a 100,000-sentence review with 5,000 edits, against the old path.

The book and its review are made as bench/report_scale.py makes them (the seed's paragraphs
repeated, 5,000 sentences edited, statuses, comments, annotations and dismissals). Two
measurements:

- **command**: the whole `review diff book.txt corrections/book.patch --format FORMAT`
  process, wall time, for every diff format: loading and segmenting, reading the patch,
  aligning, scoring (sacrebleu's segment statistics, as the report scores) and rendering.
- **scoring, old against new**: on the first ``--slice`` sentence pairs, the old way
  (sacrebleu's public ``sentence_score`` for every changed pair and ``corpus_score`` over all
  of them, what `review diff` did before) and the new one (``EffortStatistics``); the old
  path's time on the whole book is extrapolated from it (it grows with the pairs).

Run: .venv/bin/python bench/diff_scale.py [--sentences 100000] [--edits 5000] [--slice 10000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from report_scale import NAME, write_review
from review.comparison import DIFF_METRICS
from review.diff_formats import FORMATS
from review.metrics import Metric, corpus_score, sentence_score
from review.report.effort import EffortStatistics
from review.revisions import Pair, align, load_revision


def old_scoring(pairs: tuple[Pair, ...]) -> float:
    """What `review diff` scored before, the way it did: seconds."""
    started = time.perf_counter()
    for pair in pairs:
        if pair.differs:
            sentence_score(Metric.TER, pair.a_text, pair.b_text)
            sentence_score(Metric.CHRF, pair.a_text, pair.b_text)
    hypotheses, references = [p.a_text for p in pairs], [p.b_text for p in pairs]
    for metric in DIFF_METRICS:
        corpus_score(metric, hypotheses, references)
    return time.perf_counter() - started


def new_scoring(pairs: tuple[Pair, ...]) -> float:
    started = time.perf_counter()
    statistics = EffortStatistics(
        [p.a_text for p in pairs], [p.b_text for p in pairs], metrics=DIFF_METRICS
    )
    for index, pair in enumerate(pairs):
        if pair.differs:
            for metric in DIFF_METRICS:
                statistics.sentence(metric, index)
    for metric in DIFF_METRICS:
        statistics.score(metric)
    return time.perf_counter() - started


def run_command(folder: Path, fmt: str) -> float:
    command = [sys.executable, "-m", "review.cli", "diff", NAME, "corrections/book.patch",
               "--format", fmt]  # fmt: skip
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=folder, capture_output=True, check=False)
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        raise SystemExit(f"review diff --format {fmt} failed: {completed.stderr.decode()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=100_000)
    parser.add_argument("--edits", type=int, default=5_000)
    parser.add_argument("--slice", type=int, default=10_000)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {_load()} (other work slows every "
          "figure here)")  # fmt: skip
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        _path, setup = write_review(folder, args.sentences, args.edits)
        print(f"setup: {args.sentences:,} sentences, {args.edits:,} edits, made in {setup:.1f} s")
        print("\nwhole command (review diff book.txt corrections/book.patch):")
        for fmt in FORMATS.names():
            print(f"  --format {fmt:<5} {run_command(folder, fmt):7.2f} s")
        pairs = align(
            load_revision(NAME, cwd=folder), load_revision("corrections/book.patch", cwd=folder)
        )[: args.slice]
        changed = sum(1 for pair in pairs if pair.differs)
        old, new = old_scoring(pairs), new_scoring(pairs)
        whole = old * args.sentences / len(pairs)
        print(f"\nscoring the first {len(pairs):,} pairs ({changed:,} changed):")
        print(f"  old path (sacrebleu sentence_score + corpus_score) {old:7.2f} s")
        print(f"  new path (segment statistics, as the report)       {new:7.2f} s")
        print(f"  new is {old / new:.0f}× faster; the old path on the whole book would take "
              f"about {whole:.0f} s")  # fmt: skip
        print(f"load average at the end: {_load()}")


def _load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
