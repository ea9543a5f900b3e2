"""UI latency on a book-length document (100,000 sentences), headless with Textual's pilot.

Prints, each opening in a new process as the editor's `review` command would be and timed from
launching it (interpreter, imports, loading, segmenting the first chunk, first frame): time
until the sentence table is first shown and until all is segmented and the review open, on a
fresh document and on reopening it (segmentation cached); key-to-screen latency (key press
until the frame showing what it changed in the table and the detail pane) for moving down,
jumping to the next flagged sentence and marking a sentence reviewed (journalled), median and
p95 over 200 presses; peak memory (max RSS); the load average at the start and the end.
Targets: first screen < 2 s, p95 < 50 ms, memory < 1 GB.

Flags come from a stand-in checker that flags every 17th sentence, so the figures measure the
UI, not LanguageTool; with --fluency, from the real fluency detectors (a third of the sentences
flagged), the keys timed while the detectors run over the book (a line marked * was timed from
start to end while they ran; then each key in turn, SETTLING_PRESSES at a time, until the flags
are settled, while the UI takes them in), and the longest the UI's event loop stalled from the
review open until the flags were settled (a heartbeat every 5 ms records how late it wakes);
each stall and each key over 50 ms is listed with what the main thread did meanwhile: whether
it ran (work) or waited for a processor (the machine's load), and where (``ui_stalls.py``).
The caches live in a temporary REVIEW_CACHE_DIR, so the first opening is uncached. The keys are
pressed back to back, each right after the frame of the last, so that most wait for Textual's
next frame (60 per second) as well, and at a held key's auto-repeat pace.
Run: .venv/bin/python bench/ui_latency.py [--sentences N] [--fluency]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from textual import events
from textual.screen import Screen

from review.checking import Checkers, Progress
from review.config import load_config
from review.flags import Category, Flag, MqmClass, Severity
from review.inputs import load_text
from review.patch.location import locate
from review.segment import Sentence, segment
from review.ui.app import ReviewApp
from review.ui.checks import CheckerStages, default_stages
from review.ui.opening import DocumentOpener
from review.ui.widgets.detail import DetailPane, SentenceDetail
from ui_stalls import Stalls, Usage

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_609f52cd2aa5fae0.txt"
PRESSES = 200
# Presses of each key in turn after the timed series, until the flags are settled.
SETTLING_PRESSES = 20
KEYS = (("down", "move down (j)"), ("n", "next flagged (n)"), ("r", "mark reviewed (r)"))
# Seconds between a frame and the next key: none (each key waits for Textual's next frame,
# 60 a second), and a held key's auto-repeat (about 25 a second), which finds it idle.
PACES = ((0.0, "back to back"), (0.04, "25 keys/s"))
TARGET_MS = 50


class EveryNthChecker:
    name = "every-17th"

    def check(self, text: str, sentences: Sequence[Sentence]) -> Iterable[Flag]:
        for index, sentence in enumerate(sentences):
            if index % 17 == 0 and len(sentence.text) > 4:
                yield Flag(
                    sentence.id,
                    0,
                    4,
                    "fluency",
                    "BENCH",
                    Category.STYLE,
                    MqmClass.AWKWARD,
                    Severity.MINOR,
                    "bench flag",
                    sentence.text[:4],
                    ("Xxxx",),
                )


def stages(progress: Progress) -> Iterator[Checkers]:
    yield Checkers((EveryNthChecker(),), {"languagetool": "bench"}, ())


def make_document(folder: Path, sentences: int) -> Path:
    seed = SEED.read_text(encoding="utf-8")
    per_copy = len(segment(seed))
    copies = -(-sentences // per_copy)
    path = folder / "book.txt"
    path.write_text("\n".join([seed] * copies), encoding="utf-8")
    return path


@dataclass(frozen=True)
class Opening:
    loading: float
    first_screen: float
    session_open: float
    sentences: int


async def open_app(
    path: Path, measure_keys: bool, started: float, checking: CheckerStages = stages
) -> Opening:
    """Seconds from ``started`` (a time.time() when the process was launched) to the first
    frame with rows in the table, and to the review session being open on all the sentences."""
    loading = time.time()
    location = locate(path)
    opener = DocumentOpener(load_text(path, base=location.root), location, reviewer="bench")
    app = ReviewApp(path.name, opener, checking)
    first_frame: list[float] = []
    display = app._display

    def timed_display(screen: Screen, renderable: object) -> None:
        display(screen, renderable)  # type: ignore[arg-type]
        if not first_frame and app.main.sentences:
            first_frame.append(time.time())

    app._display = timed_display  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        while not first_frame:
            await asyncio.sleep(0.001)
        while app.session is None:
            await asyncio.sleep(0.001)
        session_open = time.time()
        app._display = display  # type: ignore[method-assign]
        if measure_keys:
            # The stand-in checker is done at once; the fluency detectors are timed against:
            # the keys are pressed while they run over the book.
            while app.main.checking and checking is stages:
                await pilot.pause(0.05)
            await pilot.pause()
            checked = time.perf_counter()
            with Stalls() as stalls:
                for gap, pace in PACES:
                    await pilot.press("home")
                    for key, what in KEYS:
                        running = app.main.checking
                        times = await latencies(app, key, gap, stalls)
                        during = " *" if running and app.main.checking else ""
                        report_latency(f"{what}, {pace}{during}", times)
                if checking is not stages:
                    await settling_keys(app, stalls)
                checked = time.perf_counter() - checked
            if checking is not stages:
                print("* timed while the fluency detectors were running over the book")
                report_stalls(checked, stalls)
            app.session.discard()  # the reopening measures opening, not a journal's replay
        app.session.close()
    return Opening(
        loading - started, first_frame[0] - started, session_open - started, len(app.main.sentences)
    )


async def settling_keys(app: ReviewApp, stalls: Stalls) -> None:
    """Keep pressing the keys, SETTLING_PRESSES of each in turn at a held key's pace, until
    the flags are settled: the UI takes them in meanwhile."""
    times: dict[str, list[float]] = {key: [] for key, _ in KEYS}
    while app.main.checking:
        for key, _ in KEYS:
            if app.main.checking:
                times[key] += await latencies(app, key, PACES[-1][0], stalls, SETTLING_PRESSES)
    for key, what in KEYS:
        report_latency(f"{what}, until the flags settled", times[key])


async def latencies(
    app: ReviewApp, key: str, gap: float, stalls: Stalls, presses: int = PRESSES
) -> list[float]:
    """Seconds from a key event reaching the app to the first frame drawn after the detail
    pane was given what the key changed (another sentence, or the sentence's new review; the
    table changes before that); a key over the target is one of ``stalls``."""
    display = app._display
    pane = app.main.query_one(DetailPane)
    show = pane.show
    shown_at: list[float] = []
    framed_at: list[Usage] = []
    framed = asyncio.Event()

    def timed_show(detail: SentenceDetail | None) -> None:
        show(detail)
        if detail != before:
            shown_at.append(time.perf_counter())

    def timed_display(screen: Screen, renderable: object) -> None:
        display(screen, renderable)  # type: ignore[arg-type]
        if shown_at and not framed.is_set():
            framed_at.append(Usage.now())
            framed.set()

    app._display = timed_display  # type: ignore[method-assign]
    # Shown before the first key too: the checks may finish (and show) while it waits.
    before = pane.shown
    pane.show = timed_show  # type: ignore[method-assign]
    times = []
    for _ in range(presses):
        await asyncio.sleep(gap)
        before = pane.shown
        shown_at.clear()
        framed.clear()
        started = Usage.now()
        app._driver.send_message(events.Key(key, key if len(key) == 1 else None))
        try:
            await asyncio.wait_for(framed.wait(), timeout=2)
        except TimeoutError:  # nothing changed: no flagged sentence left below, on a short text
            break
        times.append(framed_at[-1].at - started.at)
        if times[-1] * 1000 > TARGET_MS:
            stalls.record(f"key {key}", started, framed_at[-1])
    app._display = display  # type: ignore[method-assign]
    pane.show = show  # type: ignore[method-assign]
    return times


def report_latency(what: str, times: list[float]) -> None:
    if len(times) < 2:
        print(f"{what:<36} not timed: nothing to move to (no flagged sentence below yet)")
        return
    median = statistics.median(times) * 1000
    p95 = statistics.quantiles(times, n=20)[-1] * 1000
    verdict = "ok" if p95 < 50 else "OVER the 50 ms target"
    print(
        f"{what:<36} median {median:5.1f} ms   p95 {p95:5.1f} ms   ({verdict})"
        + ("" if len(times) == PRESSES else f", {len(times)} presses")
    )


def report_stalls(seconds: float, stalls: Stalls) -> None:
    over = sum(late * 1000 > TARGET_MS for late in stalls.late)
    verdict = "ok" if not over else f"{over} OVER the {TARGET_MS} ms target"
    print(
        f"from the review open to the flags settled ({seconds:.1f} s, keys pressed meanwhile): "
        f"longest UI stall {stalls.longest * 1000:.1f} ms ({verdict}); each stall of the event "
        f"loop and each key over {TARGET_MS} ms, and what the main thread did meanwhile:"
    )
    for line in stalls.report():
        print(line)


def report_opening(what: str, opening: Opening) -> None:
    verdict = "ok" if opening.first_screen < 2 else "OVER the 2 s target"
    print(
        f"{what}: first screen {opening.first_screen:.2f} s ({verdict}; "
        f"{opening.first_screen - opening.loading:.2f} s from loading the document); "
        f"all {opening.sentences:,} sentences, review open: {opening.session_open:.2f} s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=100_000)
    parser.add_argument(
        "--fluency",
        action="store_true",
        help="flags from the real fluency detectors instead of every 17th sentence",
    )
    # The child processes that open the document, as the editor's `review` command would.
    parser.add_argument("--open", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--launched", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--keys", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.open:
        checking = default_stages(load_config(), use_languagetool=False) if args.fluency else stages
        opening = asyncio.run(open_app(args.open, args.keys, args.launched, checking))
        report_opening("fresh document" if args.keys else "reopened (cached)", opening)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        os.environ["REVIEW_CACHE_DIR"] = str(Path(folder) / "cache")
        os.chdir(folder)
        path = make_document(Path(folder), args.sentences)
        print(f"document: {path.stat().st_size / 1e6:.1f} MB; times from launching the process")
        print(load_average())
        sys.stdout.flush()
        for keys in (["--keys"], []):
            command = [sys.executable, __file__, "--open", str(path), *keys]
            command += ["--fluency"] if args.fluency else []
            subprocess.run([*command, "--launched", repr(time.time())], check=True)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak:.0f} MB ({'ok' if peak < 1024 else 'OVER 1 GB'})")
    print(load_average())
    return 0


def load_average() -> str:
    """The machine's load (1, 5 and 15 minutes): the figures depend on it."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f}"


if __name__ == "__main__":
    sys.exit(main())
