"""A review's objects are kept out of the garbage collector's full scans while it is open, and
given back when it closes (issue 12 item 7: no frame over 50 ms on a book)."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator, Sequence

from review.checking import Checkers, Progress
from review.flags import Category, Flag, MqmClass, Severity
from review.segment import Sentence
from review.ui.messages import FlagsFound
from review.ui.screens.main import MainScreen
from ui.harness import pilot_test, wait_ready


def _collectable() -> set[int]:
    return {id(o) for generation in (0, 1, 2) for o in gc.get_objects(generation)}


@pilot_test
async def test_the_sentences_are_left_out_of_collections_until_the_review_closes(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        sentences = list(app.main.sentences)
        collectable = _collectable()
        assert sentences and not any(id(s) in collectable for s in sentences)
    assert gc.get_freeze_count() == 0


class ManyFlags:
    """A checker whose flags, all found at once, make several batches (see FLUSH_FLAGS)."""

    name = "many"
    version = None

    def check(self, text: str, sentences: Sequence[Sentence]) -> list[Flag]:
        first = sentences[0]
        return [
            Flag(first.id, i % 5, i % 5 + 1, "many", f"R{i}", Category.STYLE,
                 MqmClass.AWKWARD, Severity.MINOR, "m", first.text[i % 5])
            for i in range(2500)
        ]  # fmt: skip


def many_stages(progress: Progress) -> Iterator[Checkers]:
    yield Checkers((ManyFlags(),), {}, ())


@pilot_test
async def test_the_screen_is_given_one_batch_of_flags_at_a_time(make_app, monkeypatch):
    # Batches all ready at once were queued together and taken back to back, without a frame
    # between them: a book's held the keys for most of a second.
    waiting: list[int] = []
    most: list[int] = [0]
    post = MainScreen.post_message
    take = MainScreen._take

    def posted(self: MainScreen, message: object) -> bool:
        if isinstance(message, FlagsFound):
            waiting.append(1)
            most[0] = max(most[0], len(waiting))
        return post(self, message)  # type: ignore[arg-type]

    def taken(self: MainScreen, batch: object) -> None:
        time.sleep(0.05)
        waiting.pop()
        take(self, batch)  # type: ignore[arg-type]

    monkeypatch.setattr(MainScreen, "post_message", posted)
    monkeypatch.setattr(MainScreen, "_take", taken)
    app = make_app(stages=many_stages)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        assert len(app.main.board.flags_of(app.main.sentences[0].id)) == 2500
    assert most[0] == 1
