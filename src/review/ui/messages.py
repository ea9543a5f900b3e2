"""Messages the UI's workers and widgets send up to the app."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from textual.message import Message

from review.checking import Checkers
from review.session import Change, ReviewSession
from review.ui.board import FlagBoard, RowFilter
from review.ui.checks import FlagBatch
from review.ui.counts import HeaderCounts
from review.ui.opening import Chunk
from review.ui.whole import Plan


@dataclass
class SentencesFound(Message):
    """The next chunk of the document's sentences, while it is being segmented."""

    chunk: Chunk


@dataclass
class SessionOpened(Message):
    session: ReviewSession
    board: FlagBoard
    """Empty, made in the worker: a book's index of sentences is not built on the UI thread."""
    counts: HeaderCounts
    """The saved review's counts, made in the worker too."""


@dataclass
class OpenFailed(Message):
    error: str


@dataclass
class CheckersOpened(Message):
    opened: Checkers


@dataclass
class FlagsFound(Message):
    batch: FlagBatch
    taken: threading.Event = field(default_factory=threading.Event)
    """Set once the screen has taken the batch in."""


@dataclass
class CheckProgress(Message):
    what: str
    done: int | None
    total: int | None


@dataclass
class ChecksFinished(Message):
    error: str | None = None


@dataclass
class RecheckFailed(Message):
    """Edited sentences that could not be checked again: ``error`` says why, None when no
    checker is open to check them."""

    sentence_ids: frozenset[str]
    error: str | None


@dataclass
class Saved(Message):
    """The patch was written to ``path``, or not (``error`` says why); ``quit_after``: the
    editor chose to save and quit."""

    path: Path | None
    error: str | None
    quit_after: bool


@dataclass
class RowsFiltered(Message):
    """The rows ``row_filter`` keeps, judged in a thread on a book."""

    row_filter: RowFilter
    rows: Sequence[int]
    board: FlagBoard
    """The board the rows were judged on (a merge or split since makes another)."""


@dataclass
class PlanReady(Message):
    """A whole-document action's plan, made in a worker, to preview."""

    plan: Plan


@dataclass
class ChangeApplied(Message):
    """A change made in a worker (a whole-document action), to show."""

    change: Change


@dataclass
class Resegmented(Message):
    """Sentences were merged or split (or that was undone or redone) in a worker, which made
    the screen's new board, header counts and rows (those the filter keeps) there too: on a book
    they took 150-400 ms. ``changed``: the sentences that are new or changed (to check)."""

    change: Change
    board: FlagBoard
    changed: frozenset[str]
    counts: HeaderCounts
    rows: Sequence[int]


@dataclass
class ResegmentFailed(Message):
    """The session refused a merge or a split; ``error`` says why."""

    error: str


@dataclass
class WordAdded(Message):
    """``word`` is in the word list at ``path`` now: its flags go at their next check."""

    word: str
    path: Path


@dataclass
class WholeFailed(Message):
    """A whole-document action could not be planned or applied; ``error`` says why."""

    error: str
