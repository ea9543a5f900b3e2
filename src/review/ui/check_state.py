"""Which sentences' flags are current: the bookkeeping of the document check and of the
re-checks of edited sentences.

Plain Python (no Textual): the screen asks it what to do with each message its workers send
and renders the answer. The rules it keeps:

- while the document check runs, an edited sentence is re-checked once it has finished (the
  check's stages may still bring flags for the old text, which are dropped);
- a batch of flags counts only for sentences whose text is still the one that was checked;
- an edited sentence shows "Checking…" until its complete new flags have come back (or its
  re-check failed).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

from review.flags import Flag
from review.ui.checks import FlagBatch


class CheckState:
    def __init__(self) -> None:
        self.checking = True
        # Edited during the document check: re-checked when it has finished.
        self._waiting: set[str] = set()
        # Edited sentences whose new text has not come back from the checkers yet.
        self._unchecked: set[str] = set()
        # One re-check at a time: each reads the session's current texts.
        self.recheck_lock = threading.Lock()

    def edited(self, sentence_ids: Iterable[str]) -> None:
        """These sentences' texts changed; their re-check is about to start."""
        ids = set(sentence_ids)
        self._unchecked |= ids
        if self.checking:
            self._waiting |= ids

    def current(
        self, batch: FlagBatch, text_of: Callable[[str], str | None]
    ) -> tuple[set[str], list[Flag]]:
        """The sentences of ``batch`` still holding the checked text (``text_of`` gives None
        for a sentence merged away or split since), and their flags; a complete batch
        (``replace``) ends their wait."""
        ids = {sid for sid, text in batch.checked.items() if text_of(sid) == text}
        if batch.replace:
            self._unchecked -= ids
        return ids, [f for f in batch.flags if f.sentence_id in ids]

    def recheck_failed(self, sentence_ids: Iterable[str]) -> None:
        # While the document check runs, the edits wait for it to re-check them.
        if not self.checking:
            self._unchecked -= set(sentence_ids)

    def finished(self) -> set[str]:
        """The document check has finished: returns the sentences to re-check now."""
        self.checking = False
        waiting, self._waiting = self._waiting, set()
        return waiting

    def pending(self, sentence_id: str) -> bool:
        """Whether the sentence's flags may still change (shown as "Checking…")."""
        return self.checking or sentence_id in self._unchecked
