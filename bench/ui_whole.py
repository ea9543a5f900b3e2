"""The UI's whole-document dismiss ("dismiss this rule everywhere") on a book-length document
(100,000 sentences, built as bench/ui_latency.py builds it, flagged by its stand-in checker:
every 17th sentence), headless with Textual's pilot.

Prints the time from the key to the preview, and from confirming to the dismissals shown, and
the longest the UI thread stalled meanwhile (a heartbeat every 5 ms on the app's event loop
records how late it wakes: a key or a frame waits that long). Target: no stall over 100 ms, the
work running off the UI thread. Then the same for undoing it (one step), and for merging a
sentence with the next (m), undoing and redoing the merge. Prints the load average too.
Run: .venv/bin/python bench/ui_whole.py [--sentences N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot

from review.errors import ReviewError
from review.inputs import load_text
from review.patch.location import locate
from review.session import ReviewSession
from review.ui.app import ReviewApp
from review.ui.opening import DocumentOpener
from review.ui.screens.dialogs import PromptScreen
from review.ui.screens.whole import PreviewScreen
from ui_latency import Stalls, load_average, make_document, stages

TARGET_MS = 100


Pause = Callable[[], Awaitable[None]]


async def until(condition: Callable[[], bool], pause: Pause) -> None:
    while not condition():
        await pause()


async def run(path: Path) -> None:
    location = locate(path)
    opener = DocumentOpener(load_text(path, base=location.root), location, reviewer="bench")
    app = ReviewApp(path.name, opener, stages)
    async with app.run_test(size=(120, 40)) as pilot:

        async def pause() -> None:
            await asyncio.sleep(0.002)

        await until(lambda: app.session is not None and not app.main.checking, pause)
        await pilot.pause()
        await pilot.press("n")
        session = app.session
        assert session is not None
        flags = len(tuple(app.main.board.all_flags()))
        print(f"{len(session.sentences):,} sentences, {flags:,} flags of the rule")

        # A reference on this machine at this load: the smallest dialog there is.
        with Stalls() as stalls:
            started = time.perf_counter()
            await pilot.press("colon")
            await until(lambda: isinstance(app.screen, PromptScreen), pause)
            prompted = time.perf_counter() - started
        report("reference: key to the go-to prompt", prompted, stalls.longest)
        await pilot.press("escape")

        with Stalls() as stalls:
            started = time.perf_counter()
            await pilot.press("D")
            await until(lambda: isinstance(app.screen, PreviewScreen), pause)
            previewed = time.perf_counter() - started
        report("key to preview", previewed, stalls.longest)

        dismissed = len(session.state)
        with Stalls() as stalls:
            started = time.perf_counter()
            await pilot.press("enter")
            await until(lambda: len(session.state) > dismissed, pause)
            await app.workers.wait_for_complete()
            await pilot.pause()
            applied = time.perf_counter() - started
        report(f"confirm to shown ({len(session.state):,} sentences)", applied, stalls.longest)

        with Stalls() as stalls:
            started = time.perf_counter()
            await pilot.press("u")
            await pilot.pause()
            undone = time.perf_counter() - started
        report("undo (one step)", undone, stalls.longest)
        await app.workers.wait_for_complete()
        await pilot.pause()
        await merge_and_undo(app, pilot, pause)
        session.discard()
        session.close()


async def merge_and_undo(app: ReviewApp, pilot: Pilot[None], pause: Pause) -> None:
    """Merge a sentence of the book's middle with the next one (m, previewed, confirmed),
    undo it, redo it: each timed until the table lists the sentences it made."""
    session = app.session
    assert session is not None
    count = len(session.sentences)
    sentence_id = next(s.id for s in session.sentences[count // 2 :] if _mergeable(session, s.id))
    await pilot.press("colon", *sentence_id, "enter")
    await pilot.pause()
    with Stalls() as stalls:
        started = time.perf_counter()
        await pilot.press("m")
        await until(lambda: isinstance(app.screen, PreviewScreen), pause)
        previewed = time.perf_counter() - started
    report(f"merge {sentence_id}: key to preview", previewed, stalls.longest)
    for what, key, listed in (
        ("merge: confirm to shown", "enter", count - 1),
        ("merge: undo to shown", "u", count),
        ("merge: redo to shown", "ctrl+y", count - 1),
    ):
        with Stalls() as stalls:
            started = time.perf_counter()
            await pilot.press(key)
            await until(lambda n=listed: len(app.main.table.rows) == n, pause)  # type: ignore[misc]
            shown = time.perf_counter() - started
            await app.workers.wait_for_complete()
            await pilot.pause()
        report(what, shown, stalls.longest)


def _mergeable(session: ReviewSession, sentence_id: str) -> bool:
    try:
        session.merging(sentence_id)
    except ReviewError:
        return False
    return True


def report(what: str, seconds: float, stall: float) -> None:
    verdict = "ok" if stall * 1000 <= TARGET_MS else f"OVER the {TARGET_MS} ms target"
    print(f"{what:<42} {seconds:6.2f} s; longest UI stall {stall * 1000:5.1f} ms ({verdict})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["REVIEW_CACHE_DIR"] = str(Path(folder) / "cache")
        os.chdir(folder)
        path = make_document(Path(folder), args.sentences)
        print(load_average())
        asyncio.run(run(path))
        print(load_average())
    return 0


if __name__ == "__main__":
    sys.exit(main())
