"""Time and peak memory of `review report` on a 100,000-sentence review with 5,000 edits.

The document repeats the seed's paragraphs (years shifted per copy) until it has exactly
100,000 sentences. The review, written as a real patch in corrections/, edits 5,000 sentences
spread over the whole text in the ways editors do (a word replaced, a word deleted, a phrase
added, a flag's suggestion accepted), marks half of them reviewed, comments on a tenth,
annotates one in 25 and dismisses flags elsewhere.

Two measurements:

- **command**, per format: the whole `review report --no-languagetool -f FORMAT -o FILE`
  process, wall time and peak RSS (its VmHWM). It includes loading and segmenting the original,
  reading the patch and running the fluency detectors on the original, which the report does
  every time (flags are never stored). LanguageTool is left out: on a book its time is the
  checking throughput that bench/check_throughput.py measures, and its cache makes it cheap
  the second time.
- **phases**, in this process: each step on its own, so the report's own work (sacrebleu's
  statistics, the rest of the model: fates and diffs; then rendering) is seen apart from
  loading and checking. The command overlaps the sacrebleu statistics with the checking.

For the HTML it also prints how many sentences are folded and, when /usr/bin/chromium is
there, how long headless Chromium takes to load the file and paint its first screen.

Run: .venv/bin/python bench/report_scale.py [--sentences 100000] [--edits 5000]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from review.checking import check_document
from review.config import Config
from review.document import load_document
from review.flags import Flag, MqmClass, Severity
from review.patch.file import load_saved_review, render_patch
from review.patch.header import header_for
from review.report.formats import FORMATS
from review.report.model import CheckersRun, ReportSource, build_report, effort_statistics
from review.segment import Sentence, segment
from review.state import Annotation, ReviewState, SentenceReview, Status

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_609f52cd2aa5fae0.txt"
NAME = "book.txt"
RENDERERS = {fmt.name: FORMATS.renderer(fmt.name) for fmt in FORMATS}
HTML_TARGET_SECONDS = 30.0
CHROMIUM = Path("/usr/bin/chromium")
T = TypeVar("T")


def build_text(sentence_count: int) -> str:
    """The seed's paragraphs over and over, years shifted per copy, cut after the sentence
    that makes ``sentence_count``."""
    paragraphs = SEED.read_text(encoding="utf-8").split("\n")
    per_copy = len(segment("\n".join(paragraphs)))
    copies = sentence_count // per_copy + 2
    text = "\n".join(
        re.sub(r"\b(19|20)\d\d\b", lambda m, c=copy: str(1800 + (int(m.group()) + c) % 220), p)
        for copy in range(copies)
        for p in paragraphs
    )
    sentences = segment(text)
    if len(sentences) < sentence_count:
        raise SystemExit(f"only {len(sentences)} sentences were made")
    return text[: sentences[sentence_count - 1].end] + "\n"


def build_review(
    sentences: tuple[Sentence, ...], flags: tuple[Flag, ...], edits: int, rng: random.Random
) -> ReviewState:
    by_sentence: dict[str, list[Flag]] = {}
    for flag in flags:
        by_sentence.setdefault(flag.sentence_id, []).append(flag)
    step = len(sentences) // edits
    reviews: dict[str, SentenceReview] = {}
    for number, sentence in enumerate(sentences[::step][:edits]):
        review = _edited(sentence, by_sentence.get(sentence.id, []), number, rng)
        if number % 2 == 0:
            review = replace(review, status=Status.REVIEWED)
        if number % 10 == 0:
            review = replace(review, comment=f"Checked against the source | note {number}")
        if number % 25 == 0:
            end = min(len(review.text(sentence.text)), 12)
            mark = Annotation(MqmClass.AWKWARD, Severity.MINOR, 0, end, "reads oddly")
            review = replace(review, annotations=(mark,))
        reviews[sentence.id] = review
    # Dismissals away from the edits: the editor judged these flags false.
    for flag in flags[1::7]:
        if flag.sentence_id not in reviews:
            reviews[flag.sentence_id] = SentenceReview(dismissed=frozenset({flag.key}))
    return ReviewState.of(reviews)


def _edited(
    sentence: Sentence, flags: list[Flag], number: int, rng: random.Random
) -> SentenceReview:
    text = sentence.text
    with_suggestion = [f for f in flags if f.replacements]
    if with_suggestion and number % 3 == 0:
        flag = with_suggestion[0]
        edited = text[: flag.start] + flag.replacements[0] + text[flag.end :]
        return SentenceReview(
            edited=edited, accepted=frozenset({(*flag.key, flag.replacements[0])})
        )
    words = text.split(" ")
    position = rng.randrange(len(words))
    if number % 3 == 1 and len(words) > 3:
        del words[position]
    elif number % 3 == 2:
        words.insert(position, "indeed")
    else:
        words[position] = "notably"
    return SentenceReview(edited=" ".join(words))


def write_review(folder: Path, sentence_count: int, edits: int) -> tuple[Path, float]:
    """The document and its patch in ``folder``; returns the document and the setup seconds."""
    started = time.perf_counter()
    path = folder / NAME
    path.write_text(build_text(sentence_count), encoding="utf-8")
    document = load_document(path, base=folder)
    sentences = segment(document.text)
    flags = check_document(document.text, sentences, Config(), use_servers=False).flags
    state = build_review(sentences, flags, edits, random.Random(7))
    header = header_for(document, "en-US", "Bench Editor", {}, "2026-01-01T00:00:00+00:00")
    patch = folder / "corrections" / f"{path.stem}.patch"
    patch.parent.mkdir()
    patch.write_bytes(render_patch(document, sentences, state, header))
    return path, time.perf_counter() - started


class Phases:
    """Wall seconds of each phase, and this process's peak RSS once it ended (it only grows:
    the phase that raises it is the one that needs the memory)."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, float, int]] = []

    def time(self, name: str, step: Callable[[], T]) -> T:
        clock = time.perf_counter()
        result = step()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        self.rows.append((name, time.perf_counter() - clock, peak))
        return result

    def seconds(self, name: str) -> float:
        return next(seconds for phase, seconds, _ in self.rows if phase == name)


def measure_phases(folder: Path) -> Phases:
    phases = Phases()
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        saved = phases.time("load + segment + read patch", lambda: load_saved_review(NAME))
        text, sentences = saved.document.text, saved.sentences
        result = phases.time(
            "check (fluency detectors)",
            lambda: check_document(text, sentences, Config(), None, False),
        )
        assert saved.patch is not None
        header = saved.patch.header
        source = ReportSource(NAME, saved.document.sha256, "corrections/book.patch",
                              header.reviewer, header.date, header.language,
                              header.tool)  # fmt: skip
        effort = phases.time(
            "sacrebleu statistics", lambda: effort_statistics(sentences, saved.state)
        )
        report = phases.time(
            "report model (the rest)",
            lambda: build_report(
                sentences, saved.state, result.flags, source, CheckersRun(None), effort=effort
            ),
        )
        for name, render in RENDERERS.items():
            phases.time(f"render {name}", lambda render=render: render(report))
        summary = report.summary
        print(f"review: {summary.sentences} sentences, {summary.edited} edited, "
              f"{summary.flags.total} flags ({summary.flags.accepted} accepted, "
              f"{summary.flags.resolved} resolved, {summary.flags.dismissed} dismissed, "
              f"{summary.flags.open} open), {len(report.paragraphs)} paragraphs")  # fmt: skip
    finally:
        os.chdir(cwd)
    return phases


# `review` run as a child that reports its own peak RSS: VmHWM belongs to the process's
# memory map, which exec makes new (ru_maxrss would also count this bench's memory at fork).
_MEASURED_REVIEW = """
import sys
from review.cli import main
code = main(sys.argv[1:])
peak = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(f"peak-rss-kib {peak}", file=sys.stderr)
sys.exit(code)
"""


def run_command(folder: Path, fmt: str) -> tuple[float, int, Path]:
    """Wall seconds and peak RSS (KiB) of one `review report` process."""
    output = folder / f"report.{fmt}"
    command = [sys.executable, "-c", _MEASURED_REVIEW, "report", NAME, "--no-languagetool",
               "--format", fmt, "-o", output.name]  # fmt: skip
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        raise SystemExit(f"review report --format {fmt} failed: {completed.stderr}")
    peak = re.search(r"^peak-rss-kib (\d+)$", completed.stderr, re.MULTILINE)
    if peak is None:
        raise SystemExit(f"review report --format {fmt} did not say its peak: {completed.stderr}")
    return elapsed, int(peak.group(1)), output


def chromium_seconds(html: Path) -> float | None:
    """Wall seconds for headless Chromium to load, lay out and paint the report's first
    screen (a screenshot), or None without Chromium."""
    if not CHROMIUM.exists():
        return None
    with tempfile.TemporaryDirectory() as scratch:
        command = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
                   "--disable-background-networking", "--disable-component-update",
                   "--disable-sync", "--no-first-run", f"--user-data-dir={scratch}",
                   f"--screenshot={scratch}/first-screen.png", "--window-size=1280,1000",
                   html.as_uri()]  # fmt: skip
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, timeout=600, check=True)
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=100_000)
    parser.add_argument("--edits", type=int, default=5_000)
    args = parser.parse_args()
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, load average {_load()} (other work slows "
          "every figure here)")  # fmt: skip
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        path, setup = write_review(folder, args.sentences, args.edits)
        patch = folder / "corrections" / "book.patch"
        print(f"setup: {path.stat().st_size / 1e6:.1f} MB text, patch "
              f"{patch.stat().st_size / 1e6:.2f} MB, made in {setup:.1f} s")  # fmt: skip
        print("\nphases (in one process):")
        phases = measure_phases(folder)
        for name, seconds, peak_kib in phases.rows:
            print(f"  {name:<30} {seconds:7.2f} s   peak RSS so far {peak_kib / 1024:6.0f} MB")
        own = sum(
            phases.seconds(name)
            for name in ("sacrebleu statistics", "report model (the rest)", "render html")
        )
        print(f"  {'own work of an HTML report':<30} {own:7.2f} s")
        print("  (the command works out the sacrebleu statistics while the checkers run)")
        print("\nwhole command, per format (review report --no-languagetool):")
        print(f"  {'format':<6} {'seconds':>8} {'peak RSS':>10} {'output':>10}")
        outputs: dict[str, Path] = {}
        html_seconds = 0.0
        for fmt in RENDERERS:
            seconds, peak_kib, output = run_command(folder, fmt)
            outputs[fmt] = output
            html_seconds = seconds if fmt == "html" else html_seconds
            print(f"  {fmt:<6} {seconds:8.2f} {peak_kib / 1024:8.0f} MB "
                  f"{output.stat().st_size / 1e6:7.1f} MB")  # fmt: skip
        html = outputs["html"].read_text(encoding="utf-8")
        folds = html.count('<details class="unchanged">')
        articles = html.count('<article class="sentence')
        print(f"\nHTML: {articles} sentences shown open, the other "
              f"{args.sentences - articles} folded into {folds} <details>")  # fmt: skip
        shown = chromium_seconds(outputs["html"])
        if shown is not None:
            print(f"HTML: headless Chromium loads it and paints the first screen in {shown:.1f} s")
        verdict = "met" if html_seconds < HTML_TARGET_SECONDS else "NOT met"
        print(f"load average at the end: {_load()}")
        print(f"target: HTML command under {HTML_TARGET_SECONDS:.0f} s: {verdict} "
              f"({html_seconds:.1f} s; the report's own work {own:.1f} s)")  # fmt: skip


def _load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
