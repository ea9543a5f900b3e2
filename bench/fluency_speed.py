"""Speed of the fluency detectors: milliseconds per 1,000 sentences on two corpora.

- seed: the seed text 26 times over (2,002 sentences of ~180 characters); in copy c of a
  sentence some of the first five spaces between two letters are doubled (those of the bits
  of c + 1), which no detector flags, so that the copies differ: a real document does not
  repeat its sentences, and a checker must not be timed on cache hits;
- mlqe: the 2,000 `mt` lines of ../shared/data/mlqe-pe-dev.jsonl, one paragraph each, as
  bench/flags_eval.py checks them.

Each figure is the CPU time (the machine is shared: wall time would count other processes)
of one pass of ``FluencyChecker.check`` over the whole corpus in a fresh process, after a
warm-up on another text (data files loaded, patterns compiled), with every detector ("all",
as bench/flags_eval.py runs them) and with those on by default ("default", as `review check`
runs them); the median of ``--runs`` processes is printed, with the fastest and slowest.

Baseline: the detectors of git 543e79d (each detector called on each sentence), put into
today's tree (same segmenter) and run by this script on PYTHONPATH, on this shared 2-core
machine (load ~2.5), median of 14 runs interleaved with the whole-document version's:
seed 284 ms (all) and 263 ms (default), mlqe 147 ms (all) and 145 ms (default) per 1,000
sentences. The whole-document version then gave seed 120 / 111, mlqe 33 / 32.

``--each`` times every detector alone too: its own work plus the one search of the document
for its trigger, which all detectors share when they run together.

Run: .venv/bin/python bench/fluency_speed.py [--runs 5] [--each]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from review.checkers.fluency import DETECTORS, FluencyChecker
from review.segment import Sentence, segment

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_609f52cd2aa5fae0.txt"
# ../shared beside the repository, or beside the folder of git worktrees it is one of.
MLQE = next(
    (
        path
        for path in (p / "shared" / "data" / "mlqe-pe-dev.jsonl" for p in ROOT.parents)
        if path.is_file()
    ),
    ROOT.parent / "shared" / "data" / "mlqe-pe-dev.jsonl",
)
COPIES = 26
WARM_UP = "He read the the book in new york. It cost 1,000 dollars,Then he left。"
_SPACE_BETWEEN_LETTERS = re.compile(r"(?<=[^\W\d_]) (?=[^\W\d_])")
CORPORA = ("seed", "mlqe")
# ms per 1,000 sentences of the baseline the docstring names (git 543e79d), by corpus and set.
BASELINE = {
    ("seed", "all"): 284.0,
    ("seed", "default"): 263.0,
    ("mlqe", "all"): 147.0,
    ("mlqe", "default"): 145.0,
}
DETECTOR_SETS = ("all", "default")


def seed_corpus() -> tuple[str, tuple[Sentence, ...]]:
    text = SEED.read_text("utf-8").strip()
    sentences = segment(text)
    copies = []
    for copy in range(COPIES):
        pieces, position = [], 0
        for sentence in sentences:
            pieces.append(text[position : sentence.start])
            pieces.append(_doubled_space(sentence.text, copy))
            position = sentence.end
        copies.append("".join(pieces))
    document = "\n".join(copies)
    return document, segment(document)


def _doubled_space(text: str, copy: int) -> str:
    spaces = [m.start() for m in _SPACE_BETWEEN_LETTERS.finditer(text)][:5]
    for bit, at in reversed(list(enumerate(spaces))):
        if (copy + 1) >> bit & 1:
            text = text[:at] + " " + text[at:]
    return text


def mlqe_corpus() -> tuple[str, tuple[Sentence, ...]]:
    with MLQE.open(encoding="utf-8") as lines:
        mts = [json.loads(line)["mt"] for line in lines]
    sentences, offset = [], 0
    for number, mt in enumerate(mts, start=1):
        sentences.append(Sentence(f"s{number}", offset, offset + len(mt), number, mt))
        offset += len(mt) + 1
    return "\n".join(mts), tuple(sentences)


def time_once(corpus: str, detectors: str) -> float:
    """Milliseconds per 1,000 sentences of one pass over ``corpus`` in this process."""
    text, sentences = seed_corpus() if corpus == "seed" else mlqe_corpus()
    rules = {"all": frozenset(DETECTORS), "default": None}.get(detectors, frozenset({detectors}))
    checker = FluencyChecker(rules=rules)
    list(checker.check(WARM_UP, segment(WARM_UP)))
    started = time.process_time()
    list(checker.check(text, sentences))
    return (time.process_time() - started) * 1000 / len(sentences) * 1000


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per corpus")
    parser.add_argument(
        "--each",
        action="store_true",
        help="also time each detector alone (with the shared one-pass search)",
    )
    parser.add_argument("--once", nargs=2, metavar=("CORPUS", "DETECTORS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.once:
        print(time_once(*args.once))
        return 0
    sets = (*DETECTOR_SETS, *DETECTORS) if args.each else DETECTOR_SETS
    for corpus in CORPORA:
        for detectors in sets:
            samples = [
                float(
                    subprocess.run(
                        [sys.executable, __file__, "--once", corpus, detectors],
                        check=True,
                        capture_output=True,
                        text=True,
                    ).stdout
                )
                for _ in range(args.runs)
            ]
            median = statistics.median(samples)
            baseline = BASELINE.get((corpus, detectors))
            against = (
                f"; baseline {baseline:.0f} ms, {baseline / median:.1f}x faster" if baseline else ""
            )
            print(
                f"{corpus} ({detectors}): {median:.1f} ms per 1,000 sentences (min "
                f"{min(samples):.1f}, max {max(samples):.1f}, {args.runs} runs{against})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
