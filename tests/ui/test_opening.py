"""Opening a document: the first rows show while the rest is still being segmented; the review
can only be changed once the session is open."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from review.segment import Sentence, iter_segments
from review.ui.opening import Chunk, DocumentOpener
from ui.harness import pilot_test, wait_ready


@dataclass(frozen=True)
class HeldOpener(DocumentOpener):
    """Segments a paragraph at a time and holds after the first chunk until released."""

    release: threading.Event = field(default_factory=threading.Event)

    def segment(self, on_chunk: Callable[[Chunk], None]) -> tuple[Sentence, ...]:
        found: list[Sentence] = []
        for number, chunk in enumerate(iter_segments(self.document.text, chunk_chars=1)):
            if number == 1:
                assert self.release.wait(10)
            found.extend(chunk)
            on_chunk(chunk)
        return tuple(found)


def _notices(app) -> list[str]:
    return [n.message for n in app._notifications]


@pilot_test
async def test_first_rows_show_before_segmenting_ends_and_changes_wait(make_app):
    app = make_app(HeldOpener)
    opener = app.main._opener
    async with app.run_test(size=(120, 30)) as pilot:
        for _ in range(100):
            await pilot.pause(0.01)
            if app.main.table.rows:
                break
        main = app.main
        assert list(main.table.rows) == list(range(7))  # the first paragraph's sentences
        assert main.session is None
        header = app.screen.query_one("#header-info").render()
        assert "7 sentences" in str(header)
        label = str(app.screen.query_one("#progress-label").render())
        assert label == "Segmenting… 7 sentences"
        assert main.detail().sentence.id == "s1"
        await pilot.press("r", "e", "n")
        assert _notices(app).count("Still opening…") == 3
        assert main.session is None and main.table.sentence_index == 0
        opener.release.set()
        await wait_ready(pilot)
        assert len(main.table.rows) == 77
        assert main.table.sentence_index == 0
        await pilot.press("down", "r")
        assert main.session.state.review_of("s2").status.value == "reviewed"


@pilot_test
async def test_rows_drawn_before_the_numbers_grew_a_digit_are_drawn_again(make_app):
    app = make_app(HeldOpener)
    async with app.run_test(size=(80, 12)) as pilot:  # fewer rows on screen than 7
        table = app.main.table
        while not table.rows:
            await pilot.pause(0.01)
        assert table.render_line(1).text.startswith("2 ")
        app.main._opener.release.set()
        await wait_ready(pilot)
        assert [table.render_line(y).text[:3] for y in range(3)] == [" 1 ", " 2 ", " 3 "]


@pilot_test
async def test_reopening_a_segmented_document_shows_all_rows_at_once(make_app):
    first = make_app()
    async with first.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
    first.session.close()
    chunks: list[int] = []

    @dataclass(frozen=True)
    class CountingOpener(DocumentOpener):
        def segment(self, on_chunk: Callable[[Chunk], None]) -> tuple[Sentence, ...]:
            return super().segment(lambda chunk: (chunks.append(len(chunk)), on_chunk(chunk)))

    second = make_app(CountingOpener)
    async with second.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert chunks == [77]
        assert len(second.main.table.rows) == 77


@pilot_test
async def test_quitting_while_segmenting_stops_and_opens_no_session(make_app, seed_copy):
    app = make_app(HeldOpener)
    async with app.run_test(size=(100, 30)) as pilot:
        while not app.main.table.rows:
            await pilot.pause(0.01)
        await pilot.press("q")
        app.main._opener.release.set()
    await app.workers.wait_for_complete()
    assert app.session is None
    assert not (seed_copy.parent.parent / "corrections").exists()  # no lock was taken


QUIT_WHILE_LANGUAGETOOL_STARTS = """
import asyncio, threading
from pathlib import Path
from review.cache import ResultCache
from review.inputs import load_text
from review.patch.location import locate
from review.ui.app import ReviewApp
from review.ui.opening import DocumentOpener
from ui.harness import recorded_stages

def stages(progress):
    yield from recorded_stages(progress)
    threading.Event().wait(60)  # ensure_server, still fetching or starting LanguageTool
    yield from recorded_stages(progress)

async def main():
    location = locate("{seed}")
    opener = DocumentOpener(
        load_text("{seed}", base=location.root), location, cache=ResultCache(Path("c.sqlite3"))
    )
    app = ReviewApp("{seed}", opener, stages)
    async with app.run_test() as pilot:
        while not app.main.board.flags_of("s5"):
            await pilot.pause(0.01)
        await pilot.press("q")
    app.session.close()

asyncio.run(main())
"""


def test_quitting_while_languagetool_starts_does_not_wait_for_it(seed_copy):
    seed = f"seeds/{seed_copy.name}"
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-c", QUIT_WHILE_LANGUAGETOOL_STARTS.format(seed=seed)],
        check=True,
        timeout=50,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)},
    )
    assert time.monotonic() - started < 15  # not the 60 s the stage still has to go
