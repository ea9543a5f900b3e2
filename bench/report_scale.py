"""Time and peak memory of `review report` on a 100,000-sentence review with 5,000 edits.

The document repeats the seed's paragraphs (years shifted per copy) until it has exactly
100,000 sentences. The review, written as a real patch in corrections/, edits 5,000 sentences
spread over the whole text in the ways editors do (a word replaced, a word deleted, a phrase
added, a flag's suggestion accepted), marks half of them reviewed, comments on a tenth,
annotates one in 25 and dismisses flags elsewhere.

Two measurements:

- **command**, per format: the whole `review report --no-languagetool -f FORMAT -o FILE`
  process, wall time and peak RSS (os.wait4). It includes loading and segmenting the original,
  reading the patch and running the fluency detectors on the original, which the report does
  every time (flags are never stored). LanguageTool is left out: on a book its time is the
  checking throughput that bench/check_throughput.py measures, and its cache makes it cheap
  the second time.
- **phases**, in this process: each step on its own, so the report's own work (the model:
  fates, sacrebleu statistics, diffs; then rendering) is seen apart from loading and checking.

For the HTML it also prints the file's size and how many sentences are folded, and, when
/usr/bin/chromium is there, how long headless Chromium takes to load and lay it out.

Run: .venv/bin/python bench/report_scale.py [--sentences 100000] [--edits 5000]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from review.checking import check_document
from review.config import Config
from review.document import load_document
from review.flags import Flag, MqmClass, Severity
from review.patchfile import header_for, load_saved_review, render_patch
from review.report.csv_format import render_csv
from review.report.html import render_html
from review.report.json_format import render_json
from review.report.markdown import render_markdown
from review.report.model import CheckersRun, ReportSource, build_report
from review.segment import Sentence, segment
from review.state import Annotation, ReviewState, SentenceReview, Status

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_609f52cd2aa5fae0.txt"
NAME = "book.txt"
RENDERERS = {"md": render_markdown, "html": render_html, "json": render_json, "csv": render_csv}
HTML_TARGET_SECONDS = 30.0
CHROMIUM = Path("/usr/bin/chromium")


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
    flags = check_document(document.text, sentences, Config(), use_languagetool=False).flags
    state = build_review(sentences, flags, edits, random.Random(7))
    header = header_for(document, "en-US", "Bench Editor", None, "2026-01-01T00:00:00+00:00")
    patch = folder / "corrections" / f"{path.stem}.patch"
    patch.parent.mkdir()
    patch.write_bytes(render_patch(document, sentences, state, header))
    return path, time.perf_counter() - started


def measure_phases(folder: Path) -> dict[str, float]:
    seconds: dict[str, float] = {}
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        clock = time.perf_counter()
        saved = load_saved_review(NAME)
        seconds["load + segment + read patch"] = time.perf_counter() - clock
        clock = time.perf_counter()
        result = check_document(saved.document.text, saved.sentences, Config(), None, False)
        seconds["check (fluency detectors)"] = time.perf_counter() - clock
        assert saved.patch is not None
        header = saved.patch.header
        source = ReportSource(NAME, saved.document.sha256, "corrections/book.patch",
                              header.reviewer, header.date, header.language,
                              header.tool)  # fmt: skip
        clock = time.perf_counter()
        report = build_report(saved.sentences, saved.state, result.flags, source, CheckersRun(None))
        seconds["report model"] = time.perf_counter() - clock
        for name, render in RENDERERS.items():
            clock = time.perf_counter()
            render(report)
            seconds[f"render {name}"] = time.perf_counter() - clock
        summary = report.summary
        print(f"review: {summary.sentences} sentences, {summary.edited} edited, "
              f"{summary.flags.total} flags ({summary.flags.accepted} accepted, "
              f"{summary.flags.resolved} resolved, {summary.flags.dismissed} dismissed, "
              f"{summary.flags.open} open), {len(report.paragraphs)} paragraphs")  # fmt: skip
    finally:
        os.chdir(cwd)
    return seconds


def run_command(folder: Path, fmt: str) -> tuple[float, int, Path]:
    """Wall seconds and peak RSS (KiB) of one `review report` process."""
    output = folder / f"report.{fmt}"
    command = [sys.executable, "-m", "review.cli", "report", NAME, "--no-languagetool",
               "--format", fmt, "-o", output.name]  # fmt: skip
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=folder, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)  # fmt: skip
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    stderr = process.stderr.read().decode() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"review report --format {fmt} failed: {stderr}")
    return elapsed, usage.ru_maxrss, output


def chromium_load_seconds(html: Path) -> float | None:
    if not CHROMIUM.exists():
        return None
    with tempfile.TemporaryDirectory() as profile:
        command = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
                   "--disable-background-networking", "--disable-component-update",
                   "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
                   "--dump-dom", html.as_uri()]  # fmt: skip
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, timeout=600, check=True)
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=100_000)
    parser.add_argument("--edits", type=int, default=5_000)
    args = parser.parse_args()
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")  # fmt: skip
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        path, setup = write_review(folder, args.sentences, args.edits)
        patch = folder / "corrections" / "book.patch"
        print(f"setup: {path.stat().st_size / 1e6:.1f} MB text, patch "
              f"{patch.stat().st_size / 1e6:.2f} MB, made in {setup:.1f} s")  # fmt: skip
        print("\nphases (in one process):")
        phases = measure_phases(folder)
        for name, seconds in phases.items():
            print(f"  {name:<30} {seconds:7.2f} s")
        own = phases["report model"] + phases["render html"]
        print(f"  {'report model + render html':<30} {own:7.2f} s")
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
        loaded = chromium_load_seconds(outputs["html"])
        if loaded is not None:
            print(f"HTML: headless Chromium loads and lays it out in {loaded:.1f} s")
        verdict = "met" if html_seconds < HTML_TARGET_SECONDS else "NOT met"
        print(f"target: HTML command under {HTML_TARGET_SECONDS:.0f} s: {verdict} "
              f"({html_seconds:.1f} s; the report's own work {own:.1f} s)")  # fmt: skip


if __name__ == "__main__":
    main()
