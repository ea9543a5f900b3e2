"""Score the source–target checks: do their flags land on what human judges marked?

Two data sets (see ../shared/data/README.md), both read as (source, MT) pairs:

- MLQE-PE (`mlqe-pe-dev.jsonl`, et/ne/ro/ru/si → en): gold is `mt_bad_spans`, the words
  post-editors changed; a sentence is gold when it has one. One document per language pair
  (400 sentences), as the length-ratio check needs a document.
- MQM Chinese→English TED (`mqm-zhen-ted-dev.jsonl`): gold is the experts' errors of category
  Accuracy/* or Non-translation (`errors` on the target; `source_errors`, such as omissions,
  make the sentence gold); for a check whose MQM class is Fluency/Punctuation, any error. One
  document per MT system (about 41 segments). Evaluation only: the TED text stays out of the
  repository.

Per check (rule id) and language pair: flags; span precision (a flag is precise when it
overlaps a gold span, or, when it spans the whole target, when the sentence is gold); sentence
precision (flagged sentences that are gold). Every check runs, on by default or not; the last
column says whether it is on by default.

Run: .venv/bin/python bench/source_target_eval.py ../shared/data/mlqe-pe-dev.jsonl \\
         ../shared/data/mqm-zhen-ted-dev.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from review.checkers.source_target import CHECKS, Pair, SourceTargetChecker
from review.flags import Flag, MqmClass


@dataclass(frozen=True, slots=True)
class Item:
    """One pair with its gold: ``spans`` (start, end) into the target; ``gold``: the sentence
    has an error; ``any_spans``/``any_error``: the same counting every error category."""

    pair: Pair
    language_pair: str
    document: str
    spans: tuple[tuple[int, int], ...]
    gold: bool
    any_spans: tuple[tuple[int, int], ...]
    any_error: bool


def load_mlqe(path: Path) -> list[Item]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        spans = tuple((s["start"], s["end"]) for s in row["mt_bad_spans"])
        source_language = row["lang_pair"].split("-")[0]
        pair = Pair(row["id"], row["src"], row["mt"], source_language, "en")
        items.append(
            Item(pair, row["lang_pair"], row["lang_pair"], spans, bool(spans), spans, bool(spans))
        )
    return items


def _accuracy(category: str) -> bool:
    return category.startswith("Accuracy/") or category.startswith("Non-translation")


def _spans(target: str, errors: Iterable[dict[str, Any]]) -> tuple[tuple[int, int], ...]:
    return tuple((0, len(target)) if e["whole_segment"] else (e["start"], e["end"]) for e in errors)


def load_mqm(path: Path) -> list[Item]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        target = row["target"]
        errors, source_errors = row["errors"], row["source_errors"]
        accuracy = [e for e in errors if _accuracy(e["category"])]
        pair = Pair(row["id"], row["source"], target, "zh", "en")
        items.append(
            Item(
                pair,
                "zh-en",
                row["system"],
                _spans(target, accuracy),
                bool(accuracy) or any(_accuracy(e["category"]) for e in source_errors),
                _spans(target, errors),
                bool(errors) or bool(source_errors),
            )
        )
    return items


@dataclass
class Tally:
    flags: int = 0
    precise: int = 0
    sentences: int = 0
    gold_sentences: int = 0

    def add(self, item: Item, flags: Sequence[Flag], any_error: bool) -> None:
        """``flags``: one check's flags on ``item``; ``any_error``: every error is gold."""
        spans = item.any_spans if any_error else item.spans
        gold = item.any_error if any_error else item.gold
        for flag in flags:
            self.flags += 1
            if _whole(item, flag):
                self.precise += gold
            else:
                self.precise += any(flag.start < end and start < flag.end for start, end in spans)
        if flags:
            self.sentences += 1
            self.gold_sentences += gold

    def row(self) -> list[str]:
        return [
            str(self.flags),
            _share(self.precise, self.flags),
            _share(self.gold_sentences, self.sentences),
        ]


def _whole(item: Item, flag: Flag) -> bool:
    return flag.start == 0 and flag.end == len(item.pair.target) > 0


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.3f} ({part}/{whole})" if whole else "–"


def evaluate(items: Sequence[Item]) -> dict[str, dict[str, Tally]]:
    """Tallies by rule, then by language pair ("all" for every pair)."""
    documents: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        documents[item.document].append(item)
    checker = SourceTargetChecker(CHECKS)
    tallies: dict[str, dict[str, Tally]] = {rule: defaultdict(Tally) for rule in CHECKS}
    for document in documents.values():
        flags: dict[tuple[str, str], list[Flag]] = defaultdict(list)
        for flag in checker.check([item.pair for item in document]):
            flags[flag.sentence_id, flag.rule].append(flag)
        for rule, check in CHECKS.items():
            any_error = check.mqm == MqmClass.PUNCTUATION
            for item in document:
                found = flags.get((item.pair.sentence_id, rule), [])
                for key in (item.language_pair, "all"):
                    tallies[rule][key].add(item, found, any_error)
    return tallies


def table(name: str, items: Sequence[Item]) -> None:
    tallies = evaluate(items)
    pairs = sorted({item.language_pair for item in items})
    gold = sum(item.gold for item in items)
    print(f"## {name}: {len(items)} pairs, {gold} with gold errors\n")
    print("| rule | pair | flags | span P | sentence P | on |")
    print("|---|---|---|---|---|---|")
    for rule, by_pair in tallies.items():
        on = "yes" if CHECKS[rule].default_on else "no"
        for key in [*pairs, "all"] if len(pairs) > 1 else ["all"]:
            tally = by_pair[key]
            if tally.flags or key == "all":
                print(f"| {rule} | {key} | {' | '.join(tally.row())} | {on} |")
    print()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mlqe", type=Path, help="mlqe-pe-dev.jsonl")
    parser.add_argument("mqm", type=Path, nargs="?", help="mqm-zhen-ted-dev.jsonl")
    args = parser.parse_args(argv)
    table("MLQE-PE dev (gold: post-edited words)", load_mlqe(args.mlqe))
    if args.mqm:
        table("MQM zh-en TED (gold: Accuracy and Non-translation errors)", load_mqm(args.mqm))


if __name__ == "__main__":
    main()
