"""Time of `review diff` on a 100,000-sentence review with 5,000 edits, against the old path.

The book and its review are made as bench/report_scale.py makes them (the seed's paragraphs
repeated, 5,000 sentences edited, statuses, comments, annotations and dismissals): that is
round 2. Round 1 is the same review of its first half of the book only, so between the rounds
2,500 sentences change text and the statuses, comments and annotations of those sentences
change too. Two measurements:

- **command**: the whole `review diff corrections/round1.patch corrections/book.patch
  --format FORMAT` process, wall time, for every diff format: loading and segmenting,
  reading both patches, aligning, scoring (sacrebleu's segment statistics, as the report
  scores) and rendering.
- **scoring, old against new**: on ``--slice`` sentence pairs sampled from the book, the old way
  (sacrebleu's public ``sentence_score`` for every changed pair and ``corpus_score`` over all
  of them, what `review diff` did before) and the new one (``EffortStatistics``); the old
  path's time on the whole book is extrapolated from it (it grows with the pairs).

Run: .venv/bin/python bench/diff_scale.py [--sentences 100000] [--edits 5000] [--slice 10000]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from report_scale import NAME, write_review
from review.comparison import DIFF_METRICS
from review.diff_formats import FORMATS
from review.metrics import Metric, corpus_score, sentence_score
from review.patch.file import load_saved_review, render_patch
from review.report.effort import EffortStatistics
from review.revisions import Pair, align, load_revision
from review.state import ReviewState

ROUND_1 = "corrections/round1.patch"
ROUND_2 = "corrections/book.patch"


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


def write_round_1(folder: Path) -> None:
    """Round 2's review of the first half of the book, as round 1."""
    saved = load_saved_review(folder / NAME, cwd=folder)
    assert saved.patch is not None
    half = saved.sentences[len(saved.sentences) // 2].id
    first_half = {s.id for s in saved.sentences[: len(saved.sentences) // 2]}
    state = ReviewState.of({sid: r for sid, r in saved.state.items() if sid in first_half})
    data = render_patch(saved.document, saved.sentences, state, saved.patch.header)
    (folder / ROUND_1).write_bytes(data)
    print(f"round 1: the review of s1 up to {half}")


def run_command(folder: Path, fmt: str) -> float:
    command = [sys.executable, "-m", "review.cli", "diff", ROUND_1, ROUND_2, "--format", fmt]
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
        write_round_1(folder)
        print(f"\nwhole command (review diff {ROUND_1} {ROUND_2}):")
        for fmt in FORMATS.names():
            print(f"  --format {fmt:<5} {run_command(folder, fmt):7.2f} s")
        pairs = align(load_revision(ROUND_1, cwd=folder), load_revision(ROUND_2, cwd=folder))
        # A random sample (seeded): it has about the whole book's share of changed sentences,
        # which every n-th pair would not (the edits are evenly spaced too).
        chosen = sorted(random.Random(7).sample(range(len(pairs)), min(args.slice, len(pairs))))
        pairs = tuple(pairs[i] for i in chosen)
        changed = sum(1 for pair in pairs if pair.differs)
        old, new = old_scoring(pairs), new_scoring(pairs)
        whole = old * args.sentences / len(pairs)
        print(f"\nscoring {len(pairs):,} pairs sampled from the book ({changed:,} changed):")
        print(f"  old path (sacrebleu sentence_score + corpus_score) {old:7.2f} s")
        print(f"  new path (segment statistics, as the report)       {new:7.2f} s")
        print(f"  new is {old / new:.0f}× faster; the old path on the whole book would take "
              f"about {whole:.0f} s")  # fmt: skip
        print(f"load average at the end: {_load()}")


def _load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
