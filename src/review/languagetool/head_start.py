"""LanguageTool's answers for a plain text's paragraphs, asked for as soon as the file is read.

A plain text's paragraphs are its lines without the spaces around them (``review.segment``),
so they can go to the server while the text is still being segmented: on a text of thousands
of sentences the segmenter's imports and its pass take half a second or more, in which the
server would otherwise wait. The checker takes the answers for the paragraphs it finds among
those asked for and asks for any others itself, so a text whose paragraphs are not its lines
is checked the same, only without the head start.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from queue import SimpleQueue

from review.languagetool.errors import LanguageToolUnavailable
from review.languagetool.match import ServerMatch
from review.languagetool.server import ServerInfo
from review.segment import PARAGRAPH

# A paragraph's place in the text: (start, end); a paragraph's matches.
Span = tuple[int, int]
Matches = tuple[ServerMatch, ...]
# Each of some spans' matches, by the span's index, as they come (``LanguageToolChecker.answers``).
Fetch = Callable[[str, list[Span]], Generator[tuple[int, Matches], None, None]]

_HEAD_START: ContextVar[HeadStart | None] = ContextVar("languagetool_head_start", default=None)


def current() -> HeadStart | None:
    """The head start of the text this run checks, if it has one."""
    return _HEAD_START.get()


def line_spans(text: str) -> list[Span]:
    """Each line of ``text`` (``review.segment.PARAGRAPH``) that has more than spaces, without
    the spaces around it."""
    spans: list[Span] = []
    for line in PARAGRAPH.finditer(text):
        body = line.group()
        left = len(body) - len(body.lstrip())
        right = len(body.rstrip())
        if right > left:
            spans.append((line.start() + left, line.start() + right))
    return spans


class HeadStart:
    """The server's answers for ``text``'s lines, fetched in a thread of their own by
    ``fetch``; or, when no server could be had, why (``found``)."""

    def __init__(
        self, text: str, found: ServerInfo | LanguageToolUnavailable | None, fetch: Fetch | None
    ) -> None:
        self.text = text
        self._found = found
        self._answers: SimpleQueue[tuple[Span, Matches] | BaseException | None] = SimpleQueue()
        self._stopped = False
        if fetch is None:
            self._answers.put(None)
            return
        self._thread = threading.Thread(
            target=self._fetch,
            args=(fetch, line_spans(text)),
            name="languagetool-head-start",
            daemon=True,
        )
        self._thread.start()

    def server(self) -> ServerInfo:
        """The server found for this run (the error that said why none could be had is raised
        here); under an engine of ``--jobs`` or ``--cluster``, none is looked for."""
        if isinstance(self._found, LanguageToolUnavailable):
            raise self._found
        assert self._found is not None, "an engine's head start has no server"
        return self._found

    def answers(self) -> Iterator[tuple[Span, Matches]]:
        """Each line's matches as they come; an error of the server's is raised here."""
        while (item := self._answers.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item

    def stop(self) -> None:
        """Ask for nothing more (the answers on their way are dropped)."""
        self._stopped = True

    def _fetch(self, fetch: Fetch, spans: list[Span]) -> None:
        try:
            found = fetch(self.text, spans)
            for index, matches in found:
                if self._stopped:
                    found.close()
                    break
                self._answers.put((spans[index], matches))
        except BaseException as exc:  # raised again by answers(), not lost with the thread
            self._answers.put(exc)
        self._answers.put(None)


@contextmanager
def started(head: HeadStart) -> Iterator[None]:
    """Within, the LanguageTool checker opened takes ``head``'s answers."""
    token = _HEAD_START.set(head)
    try:
        yield
    finally:
        head.stop()
        _HEAD_START.reset(token)
