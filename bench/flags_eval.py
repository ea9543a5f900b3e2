"""Score checkers against post-edited MT: do flags land where the post-editor changed words?

Each line of DATA.jsonl is checked as a one-sentence document. Two layouts are read (see
../shared/data/README.md): MLQE-PE (`mt`; gold `mt_bad_spans`, the words the post-editor
changed, and `hter`) and expert MQM annotations (`target`; gold the `errors` an English-only
checker can hope to find: category Fluency/…, Style/…, Locale convention/… or Non-translation;
the source language is Chinese unless `lang_pair` says otherwise).

- sentence level: a sentence is predicted positive when it has a flag, gold positive when it
  has a BAD span; precision, recall, F1;
- span level: precision = flags overlapping a BAD span / flags; recall = BAD spans hit by a
  flag / BAD spans; F1 of the two;
- character level: precision = flagged characters inside a BAD span / flagged characters;
  recall = BAD characters flagged / BAD characters (each sentence's union of spans);
- Spearman correlation of the per-sentence penalty (minor 1, major 5, critical 25) with HTER;
- per fluency rule (every detector, on by default or not) and per language pair.

Checker sets: `languagetool` (the real server, picky level, every match it returns),
`fluency` (our detectors that are on by default) and `both` (all checkers as `review check`
shows them: merged, then settled against the document by review.checkers.consensus, which
leaves noisy rules out, spares names, keeps to the house style and merges flags over the
same characters). All lines are checked as one document, so the house style is the data
set's. The detectors are
told each line's source language (`lang_pair` "ru-en" → "ru"), as `[review] source_language`
tells them in a project; `--source-language` overrides it ("" for not known).

Run: .venv/bin/python bench/flags_eval.py ../shared/data/mlqe-pe-dev.jsonl [--checkers ...]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from review.checkers.fluency import DETECTORS, FluencyChecker, default_enabled_rules
from review.config import Config
from review.flags import Flag, Severity
from review.segment import Sentence

PENALTY = {Severity.MINOR: 1, Severity.MAJOR: 5, Severity.CRITICAL: 25}
CHECKER_SETS = ("languagetool", "fluency", "both")


@dataclass(frozen=True, slots=True)
class Item:
    """One MT sentence with its gold: BAD spans as (start, end) into ``mt``."""

    sentence: Sentence
    pair: str
    source_language: str
    bad: tuple[tuple[int, int], ...]
    hter: float | None


@dataclass(frozen=True, slots=True)
class Scores:
    flags: int
    flags_on_bad: int
    bad_spans: int
    bad_spans_hit: int
    chars_flagged: int
    chars_flagged_bad: int
    chars_bad: int
    sentence_tp: int
    sentence_fp: int
    sentence_fn: int
    spearman: float | None

    @property
    def span_precision(self) -> float | None:
        return _ratio(self.flags_on_bad, self.flags)

    @property
    def span_recall(self) -> float | None:
        return _ratio(self.bad_spans_hit, self.bad_spans)

    @property
    def span_f1(self) -> float | None:
        return _f1(self.span_precision, self.span_recall)

    @property
    def char_precision(self) -> float | None:
        return _ratio(self.chars_flagged_bad, self.chars_flagged)

    @property
    def char_recall(self) -> float | None:
        return _ratio(self.chars_flagged_bad, self.chars_bad)

    @property
    def char_f1(self) -> float | None:
        return _f1(self.char_precision, self.char_recall)

    @property
    def sentence_precision(self) -> float | None:
        return _ratio(self.sentence_tp, self.sentence_tp + self.sentence_fp)

    @property
    def sentence_recall(self) -> float | None:
        return _ratio(self.sentence_tp, self.sentence_tp + self.sentence_fn)

    @property
    def sentence_f1(self) -> float | None:
        return _f1(self.sentence_precision, self.sentence_recall)


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None or precision + recall == 0:
        return None
    return 2 * precision * recall / (precision + recall)


# MQM error classes a checker that reads only the English can hope to find.
FLUENCY_GOLD = ("Fluency/", "Style/", "Locale convention/")


def is_fluency_gold(category: str) -> bool:
    return category.startswith(FLUENCY_GOLD) or category == "Non-translation"


def load_items(path: Path) -> list[Item]:
    items: list[Item] = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            row = json.loads(line)
            if "mt" in row:
                mt = row["mt"]
                pair = row.get("lang_pair", "all")
                bad = [(s["start"], s["end"]) for s in row.get("mt_bad_spans", ())]
            else:
                mt = row["target"]
                pair = row.get("lang_pair", "zh-en")
                bad = [
                    (e["start"], e["end"])
                    for e in row["errors"]
                    if is_fluency_gold(e["category"]) and e["end"] > e["start"]
                ]
            items.append(
                Item(
                    Sentence(f"s{number}", 0, len(mt), 1, mt),
                    pair,
                    pair.split("-")[0] if "-" in pair else "",
                    tuple(sorted(set(bad))),
                    row.get("hter"),
                )
            )
    return items


def as_document(items: Sequence[Item]) -> tuple[str, tuple[Sentence, ...]]:
    """All sentences as one document, one paragraph each, so a checker runs once.

    Flags are relative to their sentence, so they map straight back onto each item's `mt`.
    """
    text_parts: list[str] = []
    sentences: list[Sentence] = []
    offset = 0
    for number, item in enumerate(items, start=1):
        mt = item.sentence.text
        sentences.append(Sentence(item.sentence.id, offset, offset + len(mt), number, mt))
        text_parts.append(mt)
        offset += len(mt) + 1
    return "\n".join(text_parts), tuple(sentences)


def score(items: Sequence[Item], flags: Iterable[Flag]) -> Scores:
    by_sentence: dict[str, list[Flag]] = defaultdict(list)
    for flag in flags:
        by_sentence[flag.sentence_id].append(flag)
    flags_total = flags_on_bad = spans = spans_hit = tp = fp = fn = 0
    chars_flagged = chars_flagged_bad = chars_bad = 0
    penalties: list[float] = []
    hters: list[float] = []
    for item in items:
        found = by_sentence.get(item.sentence.id, [])
        flags_total += len(found)
        flags_on_bad += sum(any(_overlap(f, span) for span in item.bad) for f in found)
        spans += len(item.bad)
        spans_hit += sum(any(_overlap(f, span) for f in found) for span in item.bad)
        flagged = _covered((f.start, f.end) for f in found)
        bad = _covered(item.bad)
        chars_flagged += len(flagged)
        chars_bad += len(bad)
        chars_flagged_bad += len(flagged & bad)
        tp += bool(found) and bool(item.bad)
        fp += bool(found) and not item.bad
        fn += not found and bool(item.bad)
        if item.hter is not None:
            penalties.append(sum(PENALTY[f.severity] for f in found))
            hters.append(item.hter)
    return Scores(
        flags_total,
        flags_on_bad,
        spans,
        spans_hit,
        chars_flagged,
        chars_flagged_bad,
        chars_bad,
        tp,
        fp,
        fn,
        spearman(penalties, hters),
    )


def _covered(spans: Iterable[tuple[int, int]]) -> set[int]:
    return {position for start, end in spans for position in range(start, end)}


def _overlap(flag: Flag, span: tuple[int, int]) -> bool:
    return flag.start < span[1] and span[0] < flag.end


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Spearman's rho: Pearson's correlation of the ranks (ties get their mean rank)."""
    if len(xs) < 3:
        return None
    rx, ry = _ranks(xs), _ranks(ys)
    mean_x, mean_y = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mean_x) * (b - mean_y) for a, b in zip(rx, ry, strict=True))
    var_x = sum((a - mean_x) ** 2 for a in rx)
    var_y = sum((b - mean_y) ** 2 for b in ry)
    if var_x == 0 or var_y == 0:
        return None
    return cov / math.sqrt(var_x * var_y)


def _ranks(values: Sequence[float]) -> list[float]:
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for position in range(start, end + 1):
            ranks[order[position]] = (start + end) / 2 + 1
        start = end + 1
    return ranks


def fluency_flags(
    items: Sequence[Item], sentences: Sequence[Sentence], text: str, source: str | None
) -> list[Flag]:
    """Every detector's flags, each line checked with its source language (or ``source``)."""
    by_source: dict[str, list[Sentence]] = defaultdict(list)
    for item, sentence in zip(items, sentences, strict=True):
        by_source[item.source_language if source is None else source].append(sentence)
    flags: list[Flag] = []
    for code, group in by_source.items():
        checker = FluencyChecker(Config(source_language=code), rules=frozenset(DETECTORS))
        flags.extend(checker.check(text, group))
    return flags


def settled_flags(
    items: Sequence[Item], sentences: Sequence[Sentence], found: Sequence[Flag], source: str | None
) -> list[Flag]:
    """The flags as `review check` shows them: each language pair is a document of its own
    (its house style, its names), settled with its source language (or ``source``)."""
    from review.checkers.consensus import settle

    groups: dict[str, list[Sentence]] = defaultdict(list)
    for item, sentence in zip(items, sentences, strict=True):
        groups[item.source_language if source is None else source].append(sentence)
    flags: list[Flag] = []
    for code, group in groups.items():
        ids = {s.id for s in group}
        text = "\n".join(s.text for s in group)
        placed: list[Sentence] = []
        offset = 0
        for sentence in group:
            placed.append(
                Sentence(
                    sentence.id,
                    offset,
                    offset + len(sentence.text),
                    sentence.paragraph,
                    sentence.text,
                )
            )
            offset += len(sentence.text) + 1
        mine = [f for f in found if f.sentence_id in ids]
        flags += settle(mine, text, placed, Config(source_language=code))
    return flags


def languagetool_flags(text: str, sentences: Sequence[Sentence]) -> tuple[list[Flag], str]:
    """LanguageTool's flags as `review check` gets them, and the server's version."""
    from review.checking import open_checkers

    opened = open_checkers(Config(), progress=_progress)
    checker = next((c for c in opened.checkers if c.name == "languagetool"), None)
    if checker is None:
        raise RuntimeError("; ".join(opened.notices) or "LanguageTool unavailable")
    return list(checker.check(text, sentences)), opened.versions.get("languagetool", "?")


def _progress(message: str, done: int | None, total: int | None) -> None:
    if done is not None and total and done % 200 == 0:
        print(f"  {message}: {done}/{total}", file=sys.stderr)


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.4f}"


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def score_row(name: str, s: Scores) -> list[str]:
    return [
        name,
        str(s.flags),
        fmt(s.sentence_precision),
        fmt(s.sentence_recall),
        fmt(s.sentence_f1),
        fmt(s.span_precision),
        fmt(s.span_recall),
        fmt(s.span_f1),
        fmt(s.char_precision),
        fmt(s.char_recall),
        fmt(s.char_f1),
        fmt(s.spearman),
    ]


SCORE_HEADER = (
    "checkers",
    "flags",
    "sent P",
    "sent R",
    "sent F1",
    "span P",
    "span R",
    "span F1",
    "char P",
    "char R",
    "char F1",
    "rho(penalty, HTER)",
)


def per_rule_rows(items: Sequence[Item], flags: Sequence[Flag]) -> list[list[str]]:
    by_rule: dict[str, list[Flag]] = defaultdict(list)
    for flag in flags:
        by_rule[flag.rule].append(flag)
    on = default_enabled_rules()
    rows = []
    for rule in DETECTORS:
        s = score(items, by_rule.get(rule, []))
        rows.append(
            [
                rule,
                "on" if rule in on else "off",
                str(s.flags),
                fmt(s.span_precision),
                str(s.bad_spans_hit),
                fmt(s.sentence_precision),
            ]
        )
    return rows


def per_source_rule_rows(items: Sequence[Item], flags: Sequence[Flag], top: int) -> list[list[str]]:
    by_rule: dict[str, list[Flag]] = defaultdict(list)
    for flag in flags:
        by_rule[flag.rule].append(flag)
    ranked = sorted(by_rule.items(), key=lambda kv: -len(kv[1]))[:top]
    return [
        [rule, str(len(found)), fmt(s.span_precision), fmt(s.char_precision)]
        for rule, found in ranked
        for s in (score(items, found),)
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="MLQE-PE style JSONL")
    parser.add_argument(
        "--checkers",
        default=",".join(CHECKER_SETS),
        help="comma-separated among languagetool, fluency, both (default: all three)",
    )
    parser.add_argument(
        "--source-language",
        default=None,
        help="source language for every line (default: each line's lang_pair)",
    )
    parser.add_argument(
        "--top-lt-rules", type=int, default=15, help="LanguageTool rules to list by flag count"
    )
    args = parser.parse_args(argv)
    wanted = [c.strip() for c in args.checkers.split(",") if c.strip()]
    unknown = set(wanted) - set(CHECKER_SETS)
    if unknown:
        parser.error(f"unknown checker set(s): {', '.join(sorted(unknown))}")
    if not args.data.is_file():
        parser.error(f"{args.data}: no such file")

    items = load_items(args.data)
    text, sentences = as_document(items)
    all_fluency = fluency_flags(items, sentences, text, args.source_language)
    on = default_enabled_rules()
    flag_sets: dict[str, list[Flag]] = {"fluency": [f for f in all_fluency if f.rule in on]}
    lt_version = None
    if {"languagetool", "both"} & set(wanted):
        try:
            flag_sets["languagetool"], lt_version = languagetool_flags(text, sentences)
        except Exception as exc:  # the report says why and goes on with fluency only
            print(f"LanguageTool unavailable: {exc}", file=sys.stderr)
    if "languagetool" in flag_sets and "both" in wanted:
        flag_sets["both"] = settled_flags(
            items, sentences, flag_sets["languagetool"] + flag_sets["fluency"], args.source_language
        )
    shown = [name for name in wanted if name in flag_sets]

    positives = sum(bool(i.bad) for i in items)
    print(
        f"# flags_eval: {args.data.name}, {len(items)} sentences, {positives} with a BAD span"
        f" (base rate {positives / len(items):.3f})"
    )
    if lt_version:
        print(f"LanguageTool {lt_version}, picky level")
    print("\n## Overall\n")
    print(table(SCORE_HEADER, (score_row(n, score(items, flag_sets[n])) for n in shown)))
    pairs = sorted({i.pair for i in items})
    for name in shown:
        print(f"\n## {name} per language pair\n")
        rows = []
        for pair in pairs:
            subset = [i for i in items if i.pair == pair]
            ids = {i.sentence.id for i in subset}
            rows.append(
                score_row(pair, score(subset, [f for f in flag_sets[name] if f.sentence_id in ids]))
            )
        print(table(("pair", *SCORE_HEADER[1:]), rows))
    print("\n## Fluency detectors, each alone (on = on by default)\n")
    print(
        table(
            ("rule", "default", "flags", "span P", "BAD spans hit", "sent P"),
            per_rule_rows(items, all_fluency),
        )
    )
    if "both" in flag_sets:
        print(f"\n## All checkers as review check shows them, top {args.top_lt_rules} rules\n")
        print(
            table(
                ("rule", "flags", "span P", "char P"),
                per_source_rule_rows(items, flag_sets["both"], args.top_lt_rules),
            )
        )
    if "languagetool" in flag_sets:
        print(f"\n## LanguageTool rules, top {args.top_lt_rules} by flags\n")
        print(
            table(
                ("rule", "flags", "span P", "char P"),
                per_source_rule_rows(items, flag_sets["languagetool"], args.top_lt_rules),
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
