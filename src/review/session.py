"""The one change API: every edit of a review goes through a ``ReviewSession``.

A session holds one document's review open: it takes the lock, loads the saved patch, replays
the journal of a process that died before saving, and from then on turns each change into a new
immutable ``ReviewState``, journalled before the method returns (written to the file then,
fsynced soon after: see ``review.journal``). The UI renders ``session.state``; the CLI makes a
few changes and saves.

Thread safety: every method may be called from any thread; changes are serialised by one lock,
and ``state`` is always a complete, immutable value.
"""

from __future__ import annotations

import getpass
import hashlib
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from difflib import SequenceMatcher
from pathlib import Path
from types import TracebackType

from review.atomic import atomic_write
from review.document import Document, relative_path
from review.errors import ReviewError
from review.flags import Flag
from review.inputs import format_of, open_text
from review.journal import JournalEntry, JournalWriter, read_journal
from review.lock import Lock, acquire
from review.patch.file import parse_patch, read_patch_bytes, render_patch
from review.patch.header import PatchHeader, header_for, redate
from review.patch.location import PatchLocation, locate
from review.replace import ReplaceHit, Replacement, find_hits, rewritten
from review.segment import Resegmentation, Sentence, id_range, resegmented
from review.state import (
    Annotation,
    ReviewState,
    SentenceReview,
    Status,
    merged_review,
    split_review,
)

DEFAULT_LANGUAGE = "en-US"

Opcodes = Sequence[tuple[str, int, int, int, int]]


@dataclass(frozen=True, slots=True)
class Change:
    """What one call changed: the reviews of the touched sentences before and after.

    ``after`` is empty when the call changed nothing (setting a status a sentence already has).
    ``segmentation`` is (before, after) when sentences were merged or split.
    """

    label: str
    before: Mapping[str, SentenceReview] = field(default_factory=dict)
    after: Mapping[str, SentenceReview] = field(default_factory=dict)
    segmentation: tuple[Resegmentation, Resegmentation] | None = None

    @property
    def sentence_ids(self) -> tuple[str, ...]:
        return tuple(self.after)

    @property
    def changed(self) -> bool:
        return bool(self.after) or self.segmentation is not None

    def reversed(self, label: str) -> Change:
        """The change that undoes this one."""
        segmentation = None
        if self.segmentation is not None:
            segmentation = (self.segmentation[1], self.segmentation[0])
        return Change(label, self.after, self.before, segmentation)


# A segmentation's sentences, and the same by id.
Placed = tuple[tuple[Sentence, ...], dict[str, Sentence]]


def _now() -> datetime:
    return datetime.now().astimezone()


class ReviewSession:
    """An open, locked review of one document. Use ``open`` or ``open_document``; close it
    (or use it as a context manager). Unsaved changes stay in the journal after ``close``
    and come back on the next open; ``discard`` drops them."""

    def __init__(
        self,
        document: Document,
        sentences: Sequence[Sentence],
        location: PatchLocation,
        lock: Lock,
        *,
        reviewer: str | None = None,
        language: str | None = None,
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self.document = document
        self.segmented = tuple(sentences)
        self.location = location
        self._starts = [s.start for s in self.segmented]
        # The sentences of the review's segmentation and of the one a change is moving it to
        # (see ``_sentences_of``).
        self._placed: dict[Resegmentation, Placed] = {
            Resegmentation(): (self.segmented, {s.id: s for s in self.segmented})
        }
        self._lock = lock
        self._clock = clock
        self._mutex = threading.RLock()
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        self._notices: list[str] = list(document.notices)
        if self.read_only:
            self._notices.append(self.read_only)
        if lock.taken_over:
            gone = f"pid {lock.stale_pid} is not running" if lock.stale_pid else "it held no pid"
            self._notices.append(f"took over the stale lock {lock.path} ({gone})")
        self._header: PatchHeader | None = None
        self._saved_bytes: bytes | None = None
        self._saved = ReviewState()
        self._checkers: dict[str, str] = {}
        if location.patch.exists():
            self._saved_bytes = read_patch_bytes(location.patch)
            patch = parse_patch(
                self._saved_bytes, document, self.segmented, relative_path(location.patch)
            )
            self._header = patch.header
            self._saved = patch.state
        self._state = self._saved
        self.reviewer = reviewer or _login_name()
        self.language = language or (self._header.language if self._header else DEFAULT_LANGUAGE)
        patch_sha256 = hashlib.sha256(self._saved_bytes).hexdigest() if self._saved_bytes else None
        self._journal = JournalWriter(location.journal, document.sha256, patch_sha256)
        self._replay_journal(patch_sha256)

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        patch: str | Path | None = None,
        cwd: Path | None = None,
        reviewer: str | None = None,
        language: str | None = None,
        encoding: str | None = None,
        clock: Callable[[], datetime] = _now,
    ) -> ReviewSession:
        """Load and segment the document at ``path`` and open its review."""
        location = locate(path, patch, cwd)
        text = open_text(path, base=location.root, encoding=encoding)
        return cls.open_document(
            text.document,
            text.sentences,
            location,
            reviewer=reviewer,
            language=language,
            clock=clock,
        )

    @classmethod
    def open_document(
        cls,
        document: Document,
        sentences: Sequence[Sentence],
        location: PatchLocation,
        *,
        reviewer: str | None = None,
        language: str | None = None,
        clock: Callable[[], datetime] = _now,
    ) -> ReviewSession:
        """Open the review of a document the caller has already loaded and segmented."""
        lock = acquire(location.lock, document.relpath)
        try:
            return cls(
                document,
                sentences,
                location,
                lock,
                reviewer=reviewer,
                language=language,
                clock=clock,
            )
        except BaseException:
            lock.release()
            raise

    # --- what the UI reads -----------------------------------------------------------------

    @property
    def state(self) -> ReviewState:
        return self._state

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """The sentences under review: the segmenter's (``segmented``), merged and split as
        the review says."""
        return self._sentences_of(self._state.segmentation)[0]

    @property
    def _by_id(self) -> dict[str, Sentence]:
        return self._sentences_of(self._state.segmentation)[1]

    def _sentences_of(self, segmentation: Resegmentation) -> Placed:
        """The sentences of ``segmentation``, and by id; a book's take a tenth of a second or
        more to make. A merge, a split or their undo makes the new ones (in the UI, in a
        worker) before the state moves to them, and keeps those of the state it moves from:
        a reader in another thread finds the sentences of whichever state it sees made."""
        placed = self._placed
        found = placed.get(segmentation)
        if found is None:
            sentences = resegmented(self.document.text, self.segmented, segmentation)
            found = (sentences, {s.id: s for s in sentences})
            current = self._state.segmentation
            kept = {current: placed[current]} if current in placed else {}
            self._placed = {**kept, segmentation: found}
        return found

    @property
    def dirty(self) -> bool:
        """Whether there are changes the patch file does not have yet."""
        state = self._state
        return state is not self._saved and state != self._saved

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def notices(self) -> tuple[str, ...]:
        """Warnings from opening (stale lock taken over, journal replayed) to show the user."""
        return tuple(self._notices)

    @property
    def read_only(self) -> str:
        """Why no change can be made ("" when they can): a patch of the original's encoding
        could not be applied by patch tools, so it could never be saved."""
        document = self.document
        if document.patchable:
            return ""
        return (
            f"{document.relpath} is {document.encoding}, whose patches patch tools cannot "
            "apply, so this review is read-only; `review open FILE --convert-to-utf8` reviews "
            "a UTF-8 copy"
        )

    def sentence(self, sentence_id: str) -> Sentence:
        try:
            return self._by_id[sentence_id]
        except KeyError:
            pass
        if sentence_id in self._state.segmentation.joined:
            start = next(s.start for s in self.segmented if s.id == sentence_id)
            into = self.sentences[bisect_right(self.sentences, start, key=lambda s: s.start) - 1]
            raise ReviewError(f"{sentence_id} is merged into {into.id}; name that one")
        raise ReviewError(
            f"{self.document.relpath} has no sentence {sentence_id!r} "
            f"(it has {id_range(self.sentences)})"
        )

    def text_of(self, sentence_id: str) -> str:
        """The sentence's current text."""
        return self._state.text_of(self.sentence(sentence_id))

    # --- changes -------------------------------------------------------------------------------

    def set_text(self, sentence_id: str, text: str) -> Change:
        """Replace the sentence's text (restoring the original text clears the edit)."""
        with self._mutex:
            sentence = self.sentence(sentence_id)
            review = self._state.review_of(sentence_id)
            annotations = review.annotations
            if annotations:
                current = review.text(sentence.text)
                opcodes = SequenceMatcher(None, current, text, autojunk=False).get_opcodes()
                annotations = _remapped(annotations, opcodes)
            new = replace(
                review, edited=None if text == sentence.text else text, annotations=annotations
            )
            label = "text restored" if new.edited is None else "text replaced"
            return self._commit(label, {sentence_id: new})

    def set_status(self, sentence_id: str, status: Status | str) -> Change:
        try:
            status = Status(status)
        except ValueError:
            raise ReviewError(
                f"unknown status {status!r} (use {' or '.join(s.value for s in Status)})"
            ) from None
        with self._mutex:
            review = self._state.review_of(self.sentence(sentence_id).id)
            return self._commit(f"marked {status}", {sentence_id: replace(review, status=status)})

    def dismiss(self, *flags: Flag) -> Change:
        """Dismiss flags (one undo step): remembered by rule and flagged text, so they stay
        dismissed when the sentence is checked again."""
        with self._mutex:
            what = "; ".join(
                f"{rule} ({', '.join(repr(f.text) for f in flags if f.rule == rule)})"
                for rule in dict.fromkeys(f.rule for f in flags)
            )
            return self._commit(f"dismissed {what or 'nothing'}", self._dismissed(flags))

    def _dismissed(self, flags: Iterable[Flag]) -> dict[str, SentenceReview]:
        reviews: dict[str, SentenceReview] = {}
        for flag in flags:
            sentence_id = self.sentence(flag.sentence_id).id
            review = reviews.get(sentence_id, self._state.review_of(sentence_id))
            reviews[sentence_id] = replace(review, dismissed=review.dismissed | {flag.key})
        return reviews

    def accept(self, flag: Flag, suggestion: int = 0) -> Change:
        """Apply ``flag.replacements[suggestion]`` to the flagged span of the sentence.

        The flag must have been computed on the sentence's current text.
        """
        if not 0 <= suggestion < len(flag.replacements):
            count = len(flag.replacements)
            raise ReviewError(
                f"{flag.sentence_id}: {flag.rule} has {count} suggestion{'s' * (count != 1)}; "
                f"there is no suggestion {suggestion + 1}"
            )
        with self._mutex:
            sentence = self.sentence(flag.sentence_id)
            replacement = flag.replacements[suggestion]
            new = _accepted(self._state.review_of(sentence.id), sentence, flag, replacement)
            label = f"accepted {flag.rule}: {flag.text!r} → {replacement!r}"
            return self._commit(label, {sentence.id: new})

    def accept_all(self, flags: Iterable[Flag], rule: str) -> Change:
        """Apply the first suggestion of every flag of ``rule``, as one change (one undo step).

        Of overlapping flags in a sentence the one further on wins; the others are left open.
        """
        with self._mutex:
            _, reviews = self._accepting(flags, rule)
            return self._commit(f"accepted {rule}", reviews)

    def acceptable(
        self, flags: Iterable[Flag], rule: str
    ) -> tuple[tuple[Flag, ...], Mapping[str, str]]:
        """The preview of ``accept_all``: the flags it would apply, and the texts of the
        sentences it would change once they are applied."""
        with self._mutex:
            chosen, reviews = self._accepting(flags, rule)
            texts = {sid: review.text(self._by_id[sid].text) for sid, review in reviews.items()}
            return chosen, texts

    def _accepting(
        self, flags: Iterable[Flag], rule: str
    ) -> tuple[tuple[Flag, ...], dict[str, SentenceReview]]:
        candidates = sorted(
            (f for f in flags if f.rule == rule and f.replacements),
            key=lambda f: (f.sentence_id, -f.start),
        )
        chosen: list[Flag] = []
        reviews: dict[str, SentenceReview] = {}
        limits: dict[str, int] = {}
        for flag in candidates:
            if flag.end > limits.get(flag.sentence_id, flag.end):
                continue
            sentence = self.sentence(flag.sentence_id)
            review = reviews.get(sentence.id, self._state.review_of(sentence.id))
            reviews[sentence.id] = _accepted(review, sentence, flag, flag.replacements[0])
            limits[sentence.id] = flag.start
            chosen.append(flag)
        ordered = {s.id: reviews[s.id] for s in self.sentences if s.id in reviews}
        return tuple(chosen), ordered

    def dismissable(
        self, flags: Iterable[Flag], rule: str, text: str | None = None
    ) -> tuple[Flag, ...]:
        """The preview of ``dismiss_all``: the open flags of ``rule`` (with this flagged
        ``text`` only, when given)."""
        state = self._state
        return tuple(
            f
            for f in flags
            if f.rule == rule
            and (text is None or f.text == text)
            and f.key not in state.review_of(f.sentence_id).dismissed
        )

    def dismiss_all(self, flags: Iterable[Flag], rule: str, text: str | None = None) -> Change:
        """Dismiss every open flag of ``rule`` in the document (with this flagged ``text``
        only, when given): one change, one undo step."""
        with self._mutex:
            chosen = self.dismissable(flags, rule, text)
            label = f"dismissed {rule}" + (f" ({text!r})" if text is not None else "")
            return self._commit(f"{label} everywhere ({len(chosen)})", self._dismissed(chosen))

    def find(self, replacement: Replacement) -> tuple[ReplaceHit, ...]:
        """The preview of a find and replace: every hit in the sentences' current text, each
        with the reason the file refuses it when it does (a protected tag it would break)."""
        state = self._state
        texts = ((s.id, state.text_of(s)) for s in self.sentences)
        hits = tuple(find_hits(replacement, texts))
        if not hits:
            return hits
        units: dict[str, list[Sentence]] = {}
        for sentence in self.sentences:
            if sentence.unit:
                units.setdefault(sentence.unit, []).append(sentence)
        return tuple(self._judged(hit, state, units) for hit in hits)

    def _judged(
        self, hit: ReplaceHit, state: ReviewState, units: Mapping[str, Sequence[Sentence]]
    ) -> ReplaceHit:
        """``hit`` with the reason the format refuses its sentence with the hit alone made:
        the check every change passes (``_commit``), given the sentences of the hit's unit
        only, so a book's hits cost what their units do."""
        sentence = self.sentence(hit.sentence_id)
        text, _ = rewritten(state.text_of(sentence), [hit])
        review = replace(
            state.review_of(sentence.id), edited=None if text == sentence.text else text
        )
        around = units.get(sentence.unit, [sentence])
        alone = ReviewState.of(
            {**{s.id: state.review_of(s.id) for s in around}, sentence.id: review}
        )
        try:
            format_of(self.document).check_edits(self.document, around, alone, [sentence.id])
        except ReviewError as exc:
            return replace(hit, refused=str(exc))
        return hit

    def replace_hits(self, hits: Iterable[ReplaceHit], label: str = "replaced") -> Change:
        """Apply the hits ``find`` gave (all, or those the editor kept): one change."""
        by_sentence: dict[str, list[ReplaceHit]] = {}
        for hit in hits:
            by_sentence.setdefault(self.sentence(hit.sentence_id).id, []).append(hit)
        with self._mutex:
            reviews: dict[str, SentenceReview] = {}
            for sentence in self.sentences:
                if sentence.id not in by_sentence:
                    continue
                review = self._state.review_of(sentence.id)
                text, opcodes = rewritten(review.text(sentence.text), by_sentence[sentence.id])
                reviews[sentence.id] = replace(
                    review,
                    edited=None if text == sentence.text else text,
                    annotations=_remapped(review.annotations, opcodes),
                )
            return self._commit(label, reviews)

    def comment(self, sentence_id: str, text: str) -> Change:
        with self._mutex:
            review = self._state.review_of(self.sentence(sentence_id).id)
            label = "comment removed" if not text else "comment set"
            return self._commit(label, {sentence_id: replace(review, comment=text)})

    def annotate(self, sentence_id: str, annotation: Annotation) -> Change:
        """Add an MQM annotation; its span indexes the sentence's current text."""
        with self._mutex:
            current = self.text_of(sentence_id)
            if not 0 <= annotation.start <= annotation.end <= len(current):
                raise ReviewError(
                    f"{sentence_id}: annotation span {annotation.start}..{annotation.end} "
                    f"is outside the sentence (0..{len(current)})"
                )
            review = self._state.review_of(sentence_id)
            new = replace(review, annotations=(*review.annotations, annotation))
            return self._commit(
                f"annotated {annotation.mqm} ({annotation.severity})", {sentence_id: new}
            )

    def remove_annotation(self, sentence_id: str, index: int) -> Change:
        with self._mutex:
            review = self._state.review_of(self.sentence(sentence_id).id)
            if not 0 <= index < len(review.annotations):
                raise ReviewError(f"{sentence_id} has no annotation {index + 1}")
            removed = review.annotations[index]
            kept = review.annotations[:index] + review.annotations[index + 1 :]
            label = f"annotation removed: {removed.mqm}"
            return self._commit(label, {sentence_id: replace(review, annotations=kept)})

    def merge(self, sentence_id: str) -> Change:
        """Merge the sentence with the next one (one sentence of the two, keeping the first's
        id; see ``merged_review`` for what the review keeps). Sentences of two paragraphs, or
        of two units of a bilingual file, or with a line break between them, are not
        merged."""
        with self._mutex:
            first, second = self.merging(sentence_id)
            state = self._state
            gap = self.document.text[first.end : second.start]
            merged = merged_review(
                (first, state.review_of(first.id)), (second, state.review_of(second.id)), gap
            )
            label = f"merged {first.id} and {second.id} into {first.id}" + _carried(merged.carried)
            return self._commit(
                label,
                {first.id: merged.reviews[0], second.id: SentenceReview()},
                state.segmentation.without_start(second.id),
            )

    def merging(self, sentence_id: str) -> tuple[Sentence, Sentence]:
        """The two sentences ``merge`` would merge; a ReviewError says why it would not."""
        sentences = self.sentences
        first = self.sentence(sentence_id)
        index = bisect_left(sentences, first.start, key=lambda s: s.start)
        if index + 1 == len(sentences):
            raise ReviewError(f"{sentence_id} is the last sentence; there is none to merge it with")
        second = sentences[index + 1]
        if first.unit != second.unit:
            raise ReviewError(
                f"{first.id} and {second.id} are in two units ({first.unit}, {second.unit}); "
                "a unit's translation is written on its own, so they are not merged"
            )
        if first.paragraph != second.paragraph or _line_break(self.document.text, first, second):
            raise ReviewError(
                f"{first.id} ends a line; it is not merged with {second.id}, which starts the next"
            )
        return first, second

    def split(self, sentence_id: str, offset: int) -> Change:
        """Split the sentence at ``offset`` of its current text, which must be after or before
        a space between two words: the first part keeps the id, the second is named after
        where it starts in the original (``Resegmentation``). In an edited sentence the cut
        goes, in the original, at the space that lines up with it."""
        with self._mutex:
            sentence = self.sentence(sentence_id)
            state = self._state
            review = state.review_of(sentence.id)
            current = review.text(sentence.text)
            _require_cut(sentence.id, current, offset)
            position = sentence.start + _aligned_cut(sentence, current, offset)
            inner = self.segmented[bisect_right(self._starts, position) - 1]
            segmentation = state.segmentation.with_start(inner, position)
            sentences = self._sentences_of(segmentation)[0]
            index = next(i for i, s in enumerate(sentences) if s.id == sentence.id)
            parts = (sentences[index], sentences[index + 1])
            split = split_review(review, current, offset, parts)
            label = f"split {sentence.id} at {offset} into {parts[0].id} and {parts[1].id}"
            return self._commit(
                label + _carried(split.carried),
                dict(zip((p.id for p in parts), split.reviews, strict=True)),
                segmentation,
            )

    def splitting(self, sentence_id: str, offset: int) -> tuple[str, str]:
        """The texts of the two sentences ``split`` would give; a ReviewError says why it would
        not split there."""
        with self._mutex:
            sentence = self.sentence(sentence_id)
            current = self.text_of(sentence.id)
            _require_cut(sentence.id, current, offset)
            _aligned_cut(sentence, current, offset)
            return current[:offset].rstrip(), current[offset:].lstrip()

    def undoing(self) -> Change | None:
        """The change ``undo`` would undo (None: nothing to undo)."""
        return self._undo[-1] if self._undo else None

    def redoing(self) -> Change | None:
        """The change ``redo`` would redo (None: nothing to redo)."""
        return self._redo[-1] if self._redo else None

    def undo(self) -> Change | None:
        """Undo the last change; returns what the undo changed, None when there is nothing."""
        with self._mutex:
            if not self._undo:
                return None
            change = self._undo.pop()
            undone = change.reversed(f"undone: {change.label}")
            self._apply(undone)
            self._redo.append(change)
            return undone

    def redo(self) -> Change | None:
        with self._mutex:
            if not self._redo:
                return None
            change = self._redo.pop()
            redone = replace(change, label=f"redone: {change.label}")
            self._apply(redone)
            self._undo.append(change)
            return redone

    # --- saving and closing --------------------------------------------------------------

    def checked_by(self, versions: Mapping[str, str]) -> None:
        """Record the checkers (name → version) whose flags the editor works from: the next
        save writes them in the header (a checker not named keeps the version it had there)."""
        with self._mutex:
            self._checkers.update(versions)

    def save(self) -> Path:
        """Write the patch atomically and clear the journal; returns the patch's path.

        The Date changes only when the patch's content does, so saving an unchanged review
        rewrites nothing.
        """
        with self._mutex:
            previous = self._header
            now = self._clock().isoformat(timespec="seconds")
            header = header_for(
                self.document,
                self.language,
                self.reviewer,
                {**(previous.checkers if previous else {}), **self._checkers},
                previous.date if previous else now,
            )
            data = render_patch(self.document, self.sentences, self._state, header)
            if data != self._saved_bytes:
                if previous is not None:
                    data = redate(data, header.date, now)
                    header = replace(header, date=now)
                atomic_write(self.location.patch, data)
            self._journal.restart(hashlib.sha256(data).hexdigest())
            self._header = header
            self._saved_bytes = data
            self._saved = self._state
            return self.location.patch

    def discard(self) -> None:
        """Drop the unsaved changes: back to the saved review, journal removed."""
        with self._mutex:
            self._journal.discard()
            self._state = self._saved
            self._undo.clear()
            self._redo.clear()

    def close(self) -> None:
        """Release the lock. Unsaved changes stay in the journal for the next open (a
        ReviewError, once the lock is released, if the last of them could not be fsynced)."""
        with self._mutex:
            try:
                self._journal.close()
            finally:
                self._lock.release()

    def __enter__(self) -> ReviewSession:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # --- internals -------------------------------------------------------------------------

    def _commit(
        self,
        label: str,
        reviews: Mapping[str, SentenceReview],
        segmentation: Resegmentation | None = None,
    ) -> Change:
        """Journal the changed reviews (and segmentation), then make them the state; one undo
        step."""
        state = self._state
        before = {k: state.review_of(k) for k in reviews}
        after = {k: v for k, v in reviews.items() if v != before[k]}
        for sentence_id, review in after.items():
            self._require_encodable(sentence_id, review.edited)
        moved = segmentation is not None and segmentation != state.segmentation
        change = Change(
            label,
            {k: before[k] for k in after},
            after,
            (state.segmentation, segmentation) if moved and segmentation is not None else None,
        )
        if change.changed:
            new = state.with_segmentation(segmentation or state.segmentation).with_reviews(after)
            # A broken inline tag is refused here, so the UI and `review edit` both say why.
            format_of(self.document).check_edits(
                self.document, self._sentences_of(new.segmentation)[0], new, list(after)
            )
            self._apply(change)
            self._undo.append(change)
            self._redo.clear()
        return change

    def _require_encodable(self, sentence_id: str, text: str | None) -> None:
        """Refuse, when it is made, a change the patch could not be saved with."""
        if self.read_only:
            raise ReviewError(self.read_only)
        missing = self.document.unencodable(text or "")
        if missing:
            listed = ", ".join(f"{c!r} (U+{ord(c):04X})" for c in missing)
            raise ReviewError(
                f"{sentence_id}: {self.document.relpath} is {self.document.encoding}, which "
                f"cannot hold {listed}; the edit is not made"
            )

    def _apply(self, change: Change) -> None:
        segmentation = change.segmentation[1] if change.segmentation else None
        self._journal.append(JournalEntry(change.label, change.after, segmentation))
        state = self._state
        if segmentation is not None:
            self._sentences_of(segmentation)  # made before the state moves to them
            state = state.with_segmentation(segmentation)
        self._state = state.with_reviews(change.after)

    def _replay_journal(self, patch_sha256: str | None) -> None:
        journal = self.location.journal
        contents = read_journal(journal)
        if contents is None:
            return
        replayed = self._saved
        for entry in contents.entries:
            if entry.segmentation is not None:
                replayed = replayed.with_segmentation(entry.segmentation)
            replayed = replayed.with_reviews(entry.reviews)
        same_original = contents.original_sha256 == self.document.sha256
        if same_original and replayed == self._saved:
            # Nothing unsaved: the changes were undone back to the saved review, or the
            # process was killed after saving the patch but before removing the journal
            # (the patch already holds them), or before the first change was whole.
            self._journal.discard()
            return
        if (same_original, contents.patch_sha256) != (True, patch_sha256):
            # Named by its content, so that a later one set aside does not overwrite it.
            digest = hashlib.sha256(journal.read_bytes()).hexdigest()[:12]
            aside = journal.with_name(f"{journal.name}.{digest}.old")
            journal.replace(aside)
            self._notices.append(
                f"{journal} was written against another version of the review; "
                f"not replayed, kept as {aside}"
            )
            return
        segmentation = self._saved.segmentation
        for number, entry in enumerate(contents.entries, start=2):
            if entry.segmentation is not None:
                segmentation = entry.segmentation
            try:
                known = self._sentences_of(segmentation)[1]
            except ValueError as exc:
                raise ReviewError(f"{journal}: line {number}: {exc}") from None
            # A merge leaves the sentence it took in with the default review.
            unknown = sorted(
                key
                for key, review in entry.reviews.items()
                if not review.is_default and key not in known
            )
            if unknown:
                raise ReviewError(
                    f"{journal}: line {number} names no sentence of the original ({unknown[0]})"
                )
        self._state = replayed
        self._journal.continue_existing()
        count = len(contents.entries)
        self._notices.append(
            f"recovered {count} unsaved change{'s' * (count != 1)} from {journal}"
            + ("; its last, half-written line was left out" if contents.torn_tail else "")
        )


def _line_break(text: str, first: Sentence, second: Sentence) -> bool:
    return any(mark in text[first.end : second.start] for mark in "\r\n")


def _carried(carried: Sequence[str]) -> str:
    return f"; kept {', '.join(carried)}" if carried else ""


def _require_cut(sentence_id: str, text: str, offset: int) -> None:
    """Refuse a split anywhere but at a space between two words of ``text``."""
    if not 0 < offset < len(text):
        raise ReviewError(
            f"{sentence_id}: cannot split at {offset}: its text has {len(text)} characters"
        )
    at_space = text[offset - 1].isspace() or text[offset].isspace()
    if not (at_space and text[:offset].strip() and text[offset:].strip()):
        where = f"{text[max(0, offset - 12) : offset]}|{text[offset : offset + 12]}"
        raise ReviewError(
            f"{sentence_id}: cannot split at {offset} ({where!r}): not at a space between two words"
        )


def _aligned_cut(sentence: Sentence, current: str, offset: int) -> int:
    """Where the second part starts in the sentence's original text: the word start after the
    space at ``offset`` of its ``current`` text, or, when it was edited, the original's word
    start nearest to where that offset lines up."""
    original = sentence.text
    if current == original:
        return offset + len(original[offset:]) - len(original[offset:].lstrip())
    opcodes = SequenceMatcher(None, current, original, autojunk=False).get_opcodes()
    target = _moved(offset, opcodes, is_end=False)
    starts = [
        i
        for i in range(1, len(original))
        if original[i - 1].isspace() and not original[i].isspace() and original[:i].strip()
    ]
    if not starts:
        raise ReviewError(
            f"{sentence.id}: its original text has no space to split it at; restore it first"
        )
    return min(starts, key=lambda i: abs(i - target))


def _accepted(
    review: SentenceReview, sentence: Sentence, flag: Flag, replacement: str
) -> SentenceReview:
    current = review.text(sentence.text)
    if current[flag.start : flag.end] != flag.text:
        raise ReviewError(
            f"{sentence.id} has changed since {flag.rule} flagged {flag.text!r}; check it again"
        )
    text = current[: flag.start] + replacement + current[flag.end :]
    shift = len(replacement) - (flag.end - flag.start)
    opcodes = [
        ("equal", 0, flag.start, 0, flag.start),
        ("replace", flag.start, flag.end, flag.start, flag.start + len(replacement)),
        ("equal", flag.end, len(current), flag.end + shift, len(text)),
    ]
    return replace(
        review,
        edited=None if text == sentence.text else text,
        accepted=review.accepted | {(flag.rule, flag.text, replacement)},
        dismissed=review.dismissed - {flag.key},
        annotations=_remapped(review.annotations, opcodes),
    )


def _remapped(annotations: tuple[Annotation, ...], opcodes: Opcodes) -> tuple[Annotation, ...]:
    """Annotations moved along with the text around them; a span whose text was replaced
    stretches over the replacement."""
    moved = []
    for annotation in annotations:
        start = _moved(annotation.start, opcodes, is_end=False)
        end = max(start, _moved(annotation.end, opcodes, is_end=True))
        moved.append(replace(annotation, start=start, end=end))
    return tuple(moved)


def _moved(position: int, opcodes: Opcodes, is_end: bool) -> int:
    for tag, i1, i2, j1, _ in opcodes:
        if tag == "equal" and i1 <= position <= i2:
            return j1 + position - i1
    for _, i1, i2, j1, j2 in opcodes:
        if i1 <= position <= i2:
            return j2 if is_end else j1
    return 0


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
