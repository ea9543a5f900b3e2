"""What the sentence table shows: the flags per sentence and which sentences a filter keeps.

Plain Python (no Textual), so it is tested on its own and costs nothing to import.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from review.checking import merge_duplicates
from review.flags import Category, Flag, Severity
from review.segment import Sentence
from review.state import ReviewState, SentenceReview, Status

if TYPE_CHECKING:  # only its type: the board stays quick to import
    from review.inputs.states import UnitStates


class Show(StrEnum):
    ALL = "all"
    FLAGGED = "flagged"
    EDITED = "edited"
    TODO = "todo"


@dataclass(frozen=True, slots=True)
class RowFilter:
    """Which sentences the table lists: a kind, optionally the flags of one category, rule or
    checker (``source``), optionally text, optionally the state of their unit (bilingual
    files); all that are given must hold."""

    show: Show = Show.ALL
    category: Category | None = None
    query: str = ""
    rule: str | None = None
    source: str | None = None
    unit_state: str | None = None

    def describe(self) -> str:
        if self.category:
            shown = self.category.value
        elif self.rule:
            shown = f"rule {self.rule}"
        elif self.source:
            shown = f"checker {self.source}"
        else:
            shown = self.show.value
        parts = [shown]
        if self.unit_state:
            parts.append(f"in state {self.unit_state}")
        if self.query:
            parts.append(f"/{self.query}")
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class SeverityCounts:
    critical: int = 0
    major: int = 0
    minor: int = 0

    @classmethod
    def of(cls, flags: Iterable[Flag]) -> SeverityCounts:
        counts = {severity: 0 for severity in Severity}
        for flag in flags:
            counts[flag.severity] += 1
        return cls(counts[Severity.CRITICAL], counts[Severity.MAJOR], counts[Severity.MINOR])


class FlagBoard:
    """The current flags of every sentence, as checks stream in and edits are re-checked."""

    def __init__(
        self, sentences: Sequence[Sentence], unit_states: UnitStates | None = None
    ) -> None:
        self.sentences = tuple(sentences)
        # Ids to positions: a dict of strings and ints, which the collector does not track
        # (pairs with the sentences were a book's 100,000 more objects for it to scan).
        self._positions = {s.id: index for index, s in enumerate(self.sentences)}
        self.unit_states = unit_states
        self._flags: dict[str, tuple[Flag, ...]] = {}
        # Positions of the sentences that have flags, ascending: jumping to the next flagged
        # sentence must not walk a book's sentences one by one.
        self._flagged: list[int] = []

    def resegmented(self, sentences: Sequence[Sentence]) -> tuple[FlagBoard, set[str]]:
        """A board of ``sentences`` (after a merge or a split) with the flags of every sentence
        that is as it was, and the ids of those that are new or changed (to check again)."""
        states = self.unit_states
        board = FlagBoard(sentences, states.regrouped(sentences) if states else None)
        old, positions = self.sentences, self._positions
        # A sentence as it was is mostly the very same object (``resegmented`` keeps them).
        changed = {
            s.id
            for s in sentences
            if (at := positions.get(s.id)) is None or (old[at] is not s and old[at] != s)
        }
        kept = {sid: flags for sid, flags in self._flags.items() if sid not in changed}
        board._flags = {sid: flags for sid, flags in kept.items() if board.knows(sid)}
        board._flagged = sorted(board.position(sid) for sid in board._flags)
        return board, changed

    def knows(self, sentence_id: str) -> bool:
        return sentence_id in self._positions

    def add(self, flags: Iterable[Flag]) -> set[str]:
        """Merge newly found flags in (one finding reported twice stays one); returns the ids
        of the sentences whose flags changed."""
        grouped = _by_sentence(flags)
        for sentence_id, found in grouped.items():
            self._set(sentence_id, (*self._flags.get(sentence_id, ()), *found))
        return set(grouped)

    def replace(self, sentence_ids: Iterable[str], flags: Iterable[Flag]) -> set[str]:
        """The sentences were checked again: their flags are exactly ``flags`` now."""
        grouped = _by_sentence(flags)
        touched = set(sentence_ids)
        for sentence_id in touched:
            self._set(sentence_id, grouped.get(sentence_id, []))
        return touched

    def clear(self, sentence_ids: Iterable[str]) -> None:
        """Forget the flags of sentences whose text changed (their offsets no longer hold)."""
        for sentence_id in sentence_ids:
            self._set(sentence_id, ())

    def position(self, sentence_id: str) -> int:
        """The sentence's index in the document."""
        return self._positions[sentence_id]

    def unit_state(self, sentence: Sentence, state: ReviewState) -> str:
        """The state of the sentence's unit ("" in a text without unit states)."""
        return "" if self.unit_states is None else self.unit_states.of(sentence, state)

    def with_unit_mates(self, positions: Iterable[int], sentences: Sequence[Sentence]) -> set[int]:
        """``positions`` and those of the other sentences of their units: marking one sentence
        reviewed may change its whole unit's state."""
        found = set(positions)
        if self.unit_states is not None:
            mates = self.unit_states.sentences
            for position in tuple(found):
                found.update(self.position(s.id) for s in mates.get(sentences[position].unit, ()))
        return found

    def flags_of(self, sentence_id: str) -> tuple[Flag, ...]:
        return self._flags.get(sentence_id, ())

    def all_flags(self) -> Iterator[Flag]:
        """Every sentence's flags, dismissed ones included."""
        # A snapshot: a worker reads it while the checks still stream flags in.
        for flags in tuple(self._flags.values()):
            yield from flags

    def active(self, sentence_id: str, review: SentenceReview) -> tuple[Flag, ...]:
        """The flags the editor has not dismissed."""
        return tuple(f for f in self.flags_of(sentence_id) if f.key not in review.dismissed)

    @property
    def sentences_flagged(self) -> int:
        """Sentences with flags, dismissed ones included."""
        return len(self._flags)

    def flagged_count(self, state: ReviewState) -> int:
        """Sentences with a flag the editor has not dismissed: all with flags, less those whose
        every flag is dismissed (counted among the few reviewed, not the book's flagged)."""
        silenced = sum(
            1
            for sid, review in state.items()
            if review.dismissed and sid in self._flags and not self.active(sid, review)
        )
        return len(self._flags) - silenced

    def flagged_from(self, position: int, step: int) -> Iterator[int]:
        """Positions of the sentences with flags (dismissed ones too) beyond ``position``,
        nearest first: after it for ``step`` 1, before it for -1."""
        if step > 0:
            yield from self._flagged[bisect_right(self._flagged, position) :]
        else:
            yield from reversed(self._flagged[: bisect_left(self._flagged, position)])

    def _set(self, sentence_id: str, flags: Sequence[Flag]) -> None:
        position = self._positions[sentence_id]
        sentence = self.sentences[position]
        had = sentence_id in self._flags
        if flags:
            self._flags[sentence_id] = merge_duplicates(flags, (sentence,))
            if not had:
                insort(self._flagged, position)
        elif had:
            del self._flags[sentence_id]
            self._flagged.pop(bisect_left(self._flagged, position))


def _by_sentence(flags: Iterable[Flag]) -> dict[str, list[Flag]]:
    grouped: dict[str, list[Flag]] = {}
    for flag in flags:
        grouped.setdefault(flag.sentence_id, []).append(flag)
    return grouped


def flag_kinds(board: FlagBoard, state: ReviewState) -> tuple[Counter[str], Counter[str]]:
    """How many open flags each rule and each checker has: the filter's choices."""
    rules: Counter[str] = Counter()
    sources: Counter[str] = Counter()
    for flag in board.all_flags():
        if flag.key not in state.review_of(flag.sentence_id).dismissed:
            rules[flag.rule] += 1
            sources[flag.source] += 1
    return rules, sources


def visible_rows(
    sentences: Sequence[Sentence], state: ReviewState, board: FlagBoard, row_filter: RowFilter
) -> Sequence[int]:
    """Indices (ascending) of the sentences ``row_filter`` keeps."""
    if row_filter == RowFilter():
        return range(len(sentences))
    query = row_filter.query.casefold()
    return [
        index
        for index, sentence in enumerate(sentences)
        if _kept(sentence, state, board, row_filter, query)
    ]


def refiltered(
    rows: Sequence[int],
    changed: Iterable[int],
    sentences: Sequence[Sentence],
    state: ReviewState,
    board: FlagBoard,
    row_filter: RowFilter,
    hold: int | None = None,
) -> list[int]:
    """``rows`` (what ``row_filter`` kept) once the sentences at the ``changed`` indices have
    been judged again: a change costs its own sentences, not a pass over the whole book. The
    sentence at ``hold`` (the editor's) stays listed even if it no longer matches."""
    updated = list(rows)
    query = row_filter.query.casefold()
    if row_filter.unit_state is not None:
        changed = board.with_unit_mates(changed, sentences)
    for index in sorted(changed):
        position = bisect_left(updated, index)
        listed = position < len(updated) and updated[position] == index
        kept = _kept(sentences[index], state, board, row_filter, query)
        if kept and not listed:
            updated.insert(position, index)
        elif listed and not kept and index != hold:
            del updated[position]
    return updated


def matches(
    sentence: Sentence, state: ReviewState, board: FlagBoard, row_filter: RowFilter
) -> bool:
    """Whether ``row_filter`` keeps the sentence."""
    return _kept(sentence, state, board, row_filter, row_filter.query.casefold())


def _kept(
    sentence: Sentence, state: ReviewState, board: FlagBoard, row_filter: RowFilter, query: str
) -> bool:
    # A bilingual file's sentence is found by its source too.
    return (
        _keeps(sentence, state.review_of(sentence.id), board, row_filter)
        and (
            row_filter.unit_state is None
            or board.unit_state(sentence, state) == row_filter.unit_state
        )
        and (
            not query
            or query in state.text_of(sentence).casefold()
            or query in sentence.source.casefold()
        )
    )


def _keeps(
    sentence: Sentence, review: SentenceReview, board: FlagBoard, row_filter: RowFilter
) -> bool:
    if row_filter.category is not None:
        return any(f.category == row_filter.category for f in board.active(sentence.id, review))
    if row_filter.rule is not None:
        return any(f.rule == row_filter.rule for f in board.active(sentence.id, review))
    if row_filter.source is not None:
        return any(f.source == row_filter.source for f in board.active(sentence.id, review))
    match row_filter.show:
        case Show.FLAGGED:
            return bool(board.active(sentence.id, review))
        case Show.EDITED:
            return review.edited is not None
        case Show.TODO:
            return review.status is Status.TODO
    return True
