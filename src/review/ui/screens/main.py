"""The main screen: the sentence table beside the detail pane.

It turns keys into calls on the ReviewSession (the one change API, which journals each change)
and renders what the session and the flag board say. Checking runs in thread workers.
"""

from __future__ import annotations

import contextlib
from bisect import bisect_left
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import ClassVar

from rich.console import RenderableType
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.constants import MAX_FPS
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from review.checkers import Checker
from review.checking import Checkers
from review.errors import ReviewError
from review.flags import Category, Flag
from review.heap import keep_out_of_collections, release
from review.inputs.document import BilingualDocument
from review.inputs.states import unit_states
from review.replace import Replacement
from review.segment import Sentence
from review.session import Change, ReviewSession
from review.state import TYPE_OF_CLASS, Annotation, MqmType, ReviewState, Status
from review.ui.actions import ACTIONS, MOVING, bindings, help_rows
from review.ui.board import (
    FlagBoard,
    RowFilter,
    SeverityCounts,
    Show,
    flag_kinds,
    matches,
    refiltered,
    visible_rows,
)
from review.ui.check_state import CheckState
from review.ui.checks import (
    POLL_SECONDS,
    CheckerStages,
    FlagBatch,
    paragraphs_around,
    recheck,
    run_stages,
    word_list,
)
from review.ui.counts import HeaderCounts
from review.ui.messages import (
    ChangeApplied,
    CheckersOpened,
    CheckProgress,
    ChecksFinished,
    FlagsFound,
    OpenFailed,
    PlanReady,
    RecheckFailed,
    Resegmented,
    ResegmentFailed,
    RowsFiltered,
    Saved,
    SentencesFound,
    SessionOpened,
    WholeFailed,
    WordAdded,
)
from review.ui.opening import Chunk, DocumentOpener
from review.ui.place import Place, load_place, place_path, save_place
from review.ui.screens.dialogs import (
    AnnotateScreen,
    AnnotationChoice,
    ChoiceScreen,
    EditScreen,
    PromptScreen,
    QuitScreen,
    SentenceEditor,
    SplitAt,
)
from review.ui.screens.help import HelpScreen, binding_rows
from review.ui.screens.whole import PreviewScreen, ReplaceScreen
from review.ui.whole import (
    Plan,
    accept_plan,
    dismiss_plan,
    merge_plan,
    replace_plan,
    split_plan,
)
from review.ui.widgets.detail import DetailPane, SentenceDetail, UnitDetail, flag_list
from review.ui.widgets.sentence_table import Row, SentenceTable
from review.ui.widgets.status_header import (
    LANGUAGETOOL_STARTING,
    HeaderInfo,
    StatusHeader,
    update_in_place,
)
from review.worddiff import word_diff
from review.wordlist import changed_words, is_known, write_words

FRAME_SECONDS = 1 / MAX_FPS

# A filter or search over more sentences runs in a thread (a book's takes a few hundred ms).
INLINE_FILTER_SENTENCES = 20_000

# The filter choices' keys for one rule, one checker and one unit state ("rule:EN_QUOTES");
# "state:" alone lifts the unit-state filter.
RULE = "rule:"
CHECKER = "checker:"
STATE = "state:"

# Below this width the detail pane goes under the table instead of beside it.
SIDE_BY_SIDE_WIDTH = 120

UNREVIEWED = ReviewState()


class _OpeningCancelled(Exception):
    """Raised in the opening worker to stop segmenting when the app quits."""


class MainScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = list(bindings(ACTIONS))

    def __init__(
        self,
        file: str,
        opener: DocumentOpener,
        stages: CheckerStages,
    ) -> None:
        super().__init__()
        self.file = file
        self._opener = opener
        self._stages = stages
        self.session: ReviewSession | None = None
        self._segmented: list[Sentence] = []
        self.open_error: str | None = None
        self.board = FlagBoard(())
        self.counts = HeaderCounts()
        self.row_filter = RowFilter()
        # Sentences changed while a filter runs in its thread: judged again when it is done.
        self._changed_while_filtering: set[int] | None = None
        # The editor's sentence, listed though an edit made it stop matching the filter: it
        # goes when the editor moves away (a row must not vanish under the cursor).
        self.held: int | None = None
        # A merge or split (or its undo or redo) is being made in a worker: what would change
        # the board or the session waits in ``_waiting``, in order (see ``_later``).
        self._resegmenting = False
        self._waiting: deque[Callable[[], object]] = deque()
        self.selected_flag = 0
        self.checkers: tuple[Checker, ...] = ()
        self.check_state = CheckState()
        self._languagetool_state = LANGUAGETOOL_STARTING
        # One thread writes the patch: saves run in order, off the UI thread.
        self._saver = ThreadPoolExecutor(max_workers=1, thread_name_prefix="review-save")
        self._place_path = place_path(opener.location.patch)
        # Where the editor left off: the sentence is restored at open, the filter once the
        # flags it may select on are in.
        self._place: Place | None = load_place(self._place_path)

    # --- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield StatusHeader(id="header")
        with Horizontal(id="body"):
            with Vertical(id="rows"):
                yield Static(id="columns")
                yield SentenceTable(self._row, id="table")
            yield DetailPane(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self._show_header()
        self.query_one(StatusHeader).show_progress("Segmenting…", 0, self._opener.length)
        self.query_one(DetailPane).show(None)
        # A watcher, not a message: the moved cursor and the new detail make one frame.
        self.watch(self.table, "cursor", self._moved, init=False)
        self.table.focus()
        self._open()

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < SIDE_BY_SIDE_WIDTH, "-narrow")

    @property
    def checking(self) -> bool:
        """Whether the document check is still running."""
        return self.check_state.checking

    @property
    def table(self) -> SentenceTable:
        return self.query_one(SentenceTable)

    # --- opening and checking (workers) ------------------------------------------------------

    @work(thread=True, group="open")
    def _open(self) -> None:
        worker = get_current_worker()

        def found(chunk: Chunk) -> None:
            if worker.is_cancelled:
                raise _OpeningCancelled
            self.post_message(SentencesFound(chunk))

        try:
            session = self._opener.open(self._opener.segment(found))
        except _OpeningCancelled:
            return
        except ReviewError as exc:
            self.post_message(OpenFailed(str(exc)))
            return
        if worker.is_cancelled:
            session.close()
            return
        board = FlagBoard(session.sentences, unit_states(session.document, session.sentences))
        self.post_message(SessionOpened(session, board, HeaderCounts.of(session.state, board)))

    @property
    def sentences(self) -> Sequence[Sentence]:
        """The document's sentences as the screen shows them (the board's, which follows the
        editor's merges and splits): those segmented so far, until the session is open."""
        return self.board.sentences if self.session else self._segmented

    @on(SentencesFound)
    def _sentences_found(self, message: SentencesFound) -> None:
        self._segmented.extend(message.chunk)
        keep_out_of_collections()
        count = len(self._segmented)
        self.table.set_rows(range(count), keep=self.table.sentence_index)
        if message.chunk:
            self.query_one(StatusHeader).show_progress(
                f"Segmenting… {count:,} sentences",
                message.chunk[-1].end,
                self._opener.length,
            )
        self._show_header()

    @on(OpenFailed)
    def _open_failed(self, message: OpenFailed) -> None:
        self.app.exit(return_code=2)
        self.open_error = message.error

    @on(SessionOpened)
    def _session_opened(self, message: SessionOpened) -> None:
        session = self.session = message.session
        self._segmented = []
        self.board = message.board
        self.counts = message.counts
        # The saved review may have edited, reviewed or commented rows on screen.
        keep = self.table.sentence_index
        if self._place is not None and self._place.sentence is not None:
            with contextlib.suppress(KeyError):  # a sentence the document no longer has
                keep = self.board.position(self._place.sentence)
        self.table.set_rows(range(len(session.sentences)), keep=keep)
        self.query_one(StatusHeader).show_progress("Checking…", None, None)
        for notice in session.notices:
            self.notify(notice, title="Opened", timeout=8)
        self._show_header()
        self._show_detail()
        keep_out_of_collections()
        self._check_all(session)

    @work(thread=True, group="check")
    def _check_all(self, session: ReviewSession) -> None:
        worker = get_current_worker()
        # Not joined: an edited book's corrected text joined was the book again beside the
        # original the session holds, and its sentences after the first edit placed anew.
        text, sentences = session.state.corrected(session.document.text, session.sentences)

        def progress(what: str, done: int | None, total: int | None) -> None:
            self.post_message(CheckProgress(what, done, total))

        def opened(checkers: Checkers) -> None:
            self.post_message(CheckersOpened(checkers))

        def found(batch: FlagBatch) -> None:
            message = FlagsFound(batch)
            self.post_message(message)
            # One batch a frame: the screen takes queued messages back to back without drawing
            # a frame, and a book's batches, all ready at once, held the keys and the screen
            # for most of a second.
            while not message.taken.wait(POLL_SECONDS) and not worker.is_cancelled:
                pass

        try:
            run_stages(
                self._stages,
                text,
                sentences,
                progress=progress,
                on_opened=opened,
                on_flags=found,
                cancelled=lambda: worker.is_cancelled,
            )
        except Exception as exc:  # a checker's failure must not end the review
            self.post_message(ChecksFinished(f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(ChecksFinished())

    @on(CheckProgress)
    def _check_progress(self, message: CheckProgress) -> None:
        if self.checking:
            self.query_one(StatusHeader).show_progress(message.what, message.done, message.total)

    @on(CheckersOpened)
    def _checkers_opened(self, message: CheckersOpened) -> None:
        opened: Checkers = message.opened
        known = {c.name for c in self.checkers}
        self.checkers += tuple(c for c in opened.checkers if c.name not in known)
        if self.session is not None:
            self.session.checked_by(opened.versions)
        languagetool = opened.versions.get("languagetool")
        if languagetool:
            self._languagetool_state = f"LanguageTool {languagetool}: ready"
        elif opened.notices:
            self._languagetool_state = opened.notices[-1]
        self._show_header()

    @on(FlagsFound)
    def _flags_found(self, message: FlagsFound) -> None:
        if self._later(lambda: self._flags_found(message)):
            return
        try:
            self._take(message.batch)
        finally:
            # The next batch once this one is on screen: taken back to back, two or three
            # held a key for 30-50 ms of the UI's thread. After a frame's time, the widgets
            # have told the screen what they must repaint, and it is repainted first.
            self.set_timer(FRAME_SECONDS, lambda: self.call_after_refresh(message.taken.set))

    def _take(self, batch: FlagBatch) -> None:
        session = self.session
        if session is None:
            return
        current, flags = self.check_state.current(batch, self._text_now)
        touched = self.board.replace(current, flags) if batch.replace else self.board.add(flags)
        self._refresh(touched)
        keep_out_of_collections()

    def _text_now(self, sentence_id: str) -> str | None:
        """The sentence's current text; None for one merged away or split since it was
        checked (the board or the session no longer has it)."""
        if self.session is None or not self.board.knows(sentence_id):
            return None
        try:
            return self.session.text_of(sentence_id)
        except ReviewError:
            return None

    @on(ChecksFinished)
    def _checks_finished(self, message: ChecksFinished) -> None:
        if self._later(lambda: self._checks_finished(message)):
            return
        waiting = self.check_state.finished()
        keep_out_of_collections()
        if self._place is not None:
            self.row_filter, self._place = self._place.row_filter, None
            self._apply_filter()
        self.query_one(StatusHeader).hide_progress()
        if self._languagetool_state == LANGUAGETOOL_STARTING:
            self._languagetool_state = "LanguageTool: unavailable"
        if message.error:
            self.notify(message.error, title="Checking failed", severity="error", timeout=10)
        self._show_header()
        self._show_detail()
        if waiting:
            self._recheck(waiting)

    def _recheck(self, sentence_ids: set[str]) -> None:
        """Check the paragraphs of these sentences again, on their current texts."""
        session = self.session
        if session is None or self._later(lambda: self._recheck(sentence_ids)):
            return
        around = paragraphs_around(session.sentences, map(self.board.position, sentence_ids))
        # Which of them still hold is told in the worker (``recheck``), on the texts it checks.
        had = [f for s in around for f in self.board.flags_of(s.id)]
        self.board.clear(sentence_ids)
        self.check_state.edited(sentence_ids)
        self._recheck_worker(around, self.checkers, had)

    @work(thread=True, group="recheck")
    def _recheck_worker(
        self, sentences: list[Sentence], checkers: tuple[Checker, ...], had: list[Flag]
    ) -> None:
        session = self.session
        if session is None:
            return
        ids = frozenset(s.id for s in sentences)
        if not checkers:
            self.post_message(RecheckFailed(ids, None))
            return
        with self.check_state.recheck_lock:
            text, document = session.state.corrected(session.document.text, session.sentences)
            try:
                batch = recheck(checkers, text, document, ids, self._stages, had)
            except Exception as exc:  # shown, and the review goes on
                self.post_message(RecheckFailed(ids, f"re-check failed: {exc}"))
                return
        self.post_message(FlagsFound(batch))

    @on(RecheckFailed)
    def _recheck_failed(self, message: RecheckFailed) -> None:
        if self._later(lambda: self._recheck_failed(message)):
            return
        if message.error:
            self.notify(message.error, title="Checking failed", severity="error", timeout=10)
        self.check_state.recheck_failed(message.sentence_ids)
        self._refresh(message.sentence_ids)

    # --- rendering ---------------------------------------------------------------------------

    @property
    def state(self) -> ReviewState:
        """The review as it stands (none before the session is open)."""
        return self.session.state if self.session else UNREVIEWED

    def _row(self, index: int) -> Row:
        sentence = self.sentences[index]
        review = self.state.review_of(sentence.id)
        return Row(
            number=index + 1,
            counts=SeverityCounts.of(self.board.active(sentence.id, review)),
            edited=review.edited is not None,
            reviewed=review.status is Status.REVIEWED,
            commented=bool(review.comment or review.annotations),
            text=review.text(sentence.text),
            stale=index == self.held,
            source=sentence.source,
        )

    def _refresh(self, sentence_ids: Iterable[str]) -> None:
        """Show that these sentences changed (flags, review): their rows, and whether the
        filter still lists them."""
        indices = {self.board.position(sid) for sid in sentence_ids}
        if self._changed_while_filtering is not None:
            self._changed_while_filtering |= indices
        session = self.session
        if session is not None:
            self.counts.recount(sentence_ids, session.state, self.board)
        current = self.table.sentence_index
        if session is not None and self.row_filter != RowFilter():
            state, board, row_filter = session.state, self.board, self.row_filter
            if current in indices:
                kept = matches(self.sentences[current], state, board, row_filter)
                self.held = None if kept else current
            rows = refiltered(
                self.table.rows, indices, self.sentences, state, board, row_filter, self.held
            )
            self.table.set_rows(rows, keep=current)
        else:
            self.table.refresh_sentences(indices)
        if current in indices:
            self._show_detail()
        self._show_header()

    def _apply_filter(self) -> None:
        session = self.session
        if session is None or self._later(self._apply_filter):
            return
        self.held = None
        everything = self.row_filter == RowFilter()
        if everything or len(session.sentences) <= INLINE_FILTER_SENTENCES:
            rows = visible_rows(session.sentences, session.state, self.board, self.row_filter)
            self.table.set_rows(rows, keep=self.table.sentence_index)
            return
        self._changed_while_filtering = set()
        self._filter(session, self.board, self.row_filter)

    @work(thread=True, exclusive=True, group="filter")
    def _filter(self, session: ReviewSession, board: FlagBoard, row_filter: RowFilter) -> None:
        rows = visible_rows(board.sentences, session.state, board, row_filter)
        self.post_message(RowsFiltered(row_filter, rows, board))

    @on(RowsFiltered)
    def _rows_filtered(self, message: RowsFiltered) -> None:
        session = self.session
        changed = self._changed_while_filtering
        if (
            session is None
            or changed is None
            or (message.row_filter, message.board) != (self.row_filter, self.board)
        ):
            return  # a newer filter is on its way
        self._changed_while_filtering = None
        rows = refiltered(
            message.rows, changed, self.sentences, session.state, self.board, self.row_filter
        )
        self.table.set_rows(rows, keep=self.table.sentence_index)

    def _show_header(self) -> None:
        session = self.session
        info = HeaderInfo(
            file=self.file,
            sentences=len(self.sentences),
            languagetool=self._languagetool_state,
            showing=self.row_filter.describe(),
        )
        if session is not None:
            counts = self.counts
            info = replace(
                info,
                flagged=counts.flagged(self.board),
                edited=counts.edited,
                reviewed=counts.reviewed,
                unsaved=session.dirty,
            )
        self.query_one(StatusHeader).show(info)
        columns = self.query_one("#columns", Static)
        header = self.table.column_header()
        if columns.content != header:  # the number column's width changed
            update_in_place(columns, header)

    def _show_detail(self) -> None:
        self.query_one(DetailPane).show(self.detail())

    def detail(self) -> SentenceDetail | None:
        index = self.table.sentence_index
        if index is None:
            return None
        sentence = self.sentences[index]
        review = self.state.review_of(sentence.id)
        flags = self._flags_here()
        dismissed = tuple(f for f in self.board.flags_of(sentence.id) if f not in flags)
        edited = review.edited is not None
        return SentenceDetail(
            number=index + 1,
            sentence=sentence,
            review=review,
            flags=flags,
            dismissed=dismissed,
            selected=self._selected_index(flags),
            checking=self.check_state.pending(sentence.id),
            diff=word_diff(sentence.text, review.edited or "") if edited else (),
            unit=self._unit(sentence),
        )

    def _unit(self, sentence: Sentence) -> UnitDetail | None:
        """The unit of a bilingual file's sentence, as the file gives it."""
        document = self.session.document if self.session else None
        if not sentence.unit or not isinstance(document, BilingualDocument):
            return None
        unit = document.bilingual.units[document.unit_index[sentence.unit]]
        return UnitDetail(unit.id, sentence.source, unit.context, unit.notes, unit.state)

    def _moved(self) -> None:
        self.selected_flag = 0
        held = self.held
        if held is not None and held != self.table.sentence_index:
            self.held = None
            rows = self.table.rows
            position = self.table.position_of(held)
            if position is not None:
                self.table.set_rows(
                    [*rows[:position], *rows[position + 1 :]], keep=self.table.sentence_index
                )
        self._show_detail()

    # --- actions: moving and selecting -------------------------------------------------------

    def _flags_here(self) -> tuple[Flag, ...]:
        """The current sentence's flags."""
        index = self.table.sentence_index
        if index is None:
            return ()
        sentence_id = self.sentences[index].id
        return self.board.active(sentence_id, self.state.review_of(sentence_id))

    def _selected_index(self, flags: Sequence[Flag]) -> int:
        """The selected flag among ``flags``. ``selected_flag`` itself is left as it is while
        an edit is re-checked (no flags for a moment): applying a suggestion leaves the
        selection on the next flag, which takes the applied one's place."""
        return min(self.selected_flag, max(len(flags) - 1, 0))

    def _has_flags(self, index: int) -> bool:
        assert self.session is not None
        sentence_id = self.sentences[index].id
        return bool(self.board.active(sentence_id, self.session.state.review_of(sentence_id)))

    def action_next_flagged(self) -> None:
        self._jump_to_flagged(1)

    def action_previous_flagged(self) -> None:
        self._jump_to_flagged(-1)

    def _jump_to_flagged(self, step: int) -> None:
        current = self.table.sentence_index
        if self._opened() is None or current is None:
            return
        for index in self.board.flagged_from(current, step):
            position = self.table.position_of(index)
            if position is not None and self._has_flags(index):
                self.table.cursor = position
                return
        self.notify("No more flagged sentences that way.", timeout=3)

    def action_go_to(self) -> None:
        if self._opened() is None:
            return

        def done(answer: str | None) -> None:
            if answer:
                self.go_to(answer.strip())

        self.app.push_screen(PromptScreen("Go to sentence (number or id)"), done)

    def go_to(self, where: str) -> None:
        """Move to sentence ``where`` (its number or its id); a filter that hides it is
        lifted, since a key must act only on a row the screen shows."""
        session = self.session
        if session is None or self._later(lambda: self.go_to(where)):
            return
        try:
            index = int(where) - 1 if where.isdigit() else self.board.position(where)
        except KeyError:
            index = -1
        if not 0 <= index < len(self.sentences):
            self.notify(f"No sentence {where}.", severity="warning", timeout=3)
            return
        if self.table.position_of(index) is None:
            self.row_filter = RowFilter()
            self._apply_filter()
            self._show_header()
        position = self.table.position_of(index)
        assert position is not None
        self.table.cursor = position

    def action_select_flag(self, step: int) -> None:
        flags = self._flags_here()
        if flags:
            self.selected_flag = (self._selected_index(flags) + step) % len(flags)
            self._show_detail()

    # --- actions: changes --------------------------------------------------------------------

    def _opened(self) -> ReviewSession | None:
        """The session; None, and the user told why, while the document is still opening."""
        if self.session is None:
            self.notify("Still opening…", timeout=3)
        return self.session

    def _selected(self) -> Flag | None:
        if self._opened() is None:
            return None
        flags = self._flags_here()
        if not flags:
            self.notify("This sentence has no open flag.", timeout=3)
            return None
        return flags[self._selected_index(flags)]

    def _current(self) -> tuple[ReviewSession, str] | None:
        """The session and the selected sentence's id, once the session is open."""
        session = self._opened()
        index = self.table.sentence_index
        if session is None or index is None:
            return None
        return session, self.sentences[index].id

    def _later(self, do: Callable[[], object]) -> bool:
        """Whether ``do`` waits for the merge or split being made in a worker: it is done, in
        the order asked, once the screen shows its sentences. Meanwhile nothing changes the
        board the worker reads, and a key changes the sentence it was pressed on (its id and
        flag are taken when pressed)."""
        if self._resegmenting:
            self._waiting.append(do)
        return self._resegmenting

    def _change(
        self,
        make: Callable[[ReviewSession], Change | None],
        refused: Callable[[], None] | None = None,
    ) -> None:
        """Run one change through the session, then show it (and re-check edited text); one
        the session refuses is told, and ``refused`` called."""
        session = self._opened()
        if session is None or self._later(lambda: self._change(make, refused)):
            return
        try:
            change = make(session)
        except ReviewError as exc:
            self.notify(str(exc), title="Not done", severity="error", timeout=8)
            if refused is not None:
                refused()
            return
        if change is not None:
            self._show_change(change)

    def _show_change(self, change: Change) -> None:
        """Show what a change did (and re-check the sentences whose text it changed)."""
        if not change.after:
            return
        retext = {
            sid for sid in change.after if change.before[sid].edited != change.after[sid].edited
        }
        if retext:
            self._recheck(retext)
        self._refresh(change.sentence_ids)
        self._show_detail()

    def _resegment(self, make: Callable[[ReviewSession], Change]) -> None:
        """Merge or split sentences (or undo or redo that) in a worker: it makes the
        session's new sentences and the screen's board, counts and rows, which on a book took
        150-400 ms on the UI thread."""
        session = self._opened()
        if session is None or self._later(lambda: self._resegment(make)):
            return
        self._resegmenting = True
        self._resegment_worker(session, make, self.board, self.row_filter)

    @work(thread=True, group="resegment")
    def _resegment_worker(
        self,
        session: ReviewSession,
        make: Callable[[ReviewSession], Change],
        board: FlagBoard,
        row_filter: RowFilter,
    ) -> None:
        try:
            change = make(session)
        except ReviewError as exc:
            self.post_message(ResegmentFailed(str(exc)))
            return
        sentences, state = session.sentences, session.state
        new, changed = board.resegmented(sentences)
        counts = HeaderCounts.of(state, new)
        rows = visible_rows(sentences, state, new, row_filter)
        self.post_message(Resegmented(change, new, frozenset(changed), counts, rows))

    @on(Resegmented)
    def _resegmented(self, message: Resegmented) -> None:
        """The table lists the new sentences, the cursor on the sentence it is on (the merged
        one, the first part of a split one), and the new or changed sentences are checked
        again."""
        old = self.sentences
        index = self.table.sentence_index or 0
        self.board, self.counts = message.board, message.counts
        keep_out_of_collections()  # the new board's index of a book's sentences
        # The sentence under the cursor, or, merged away, the one it was merged into.
        target = next(
            (
                self.board.position(old[i].id)
                for i in range(index, -1, -1)
                if self.board.knows(old[i].id)
            ),
            0,
        )
        rows = message.rows
        at = bisect_left(rows, target)
        self.held = None
        if at == len(rows) or rows[at] != target:
            self.held = target
            rows = [*rows[:at], target, *rows[at:]]
        self.table.set_rows(rows, keep=target)
        label = message.change.label
        self.notify(f"{label[0].upper()}{label[1:]}", timeout=4)
        self._resegmenting = False
        if message.changed:
            self._recheck(set(message.changed))
        self._show_header()
        self._show_detail()
        self._done_waiting()

    @on(ResegmentFailed)
    def _resegment_failed(self, message: ResegmentFailed) -> None:
        self.notify(message.error, title="Not done", severity="error", timeout=10)
        self._resegmenting = False
        self._done_waiting()

    def _done_waiting(self) -> None:
        """Do what waited for a merge or split, until one of them starts another."""
        while self._waiting and not self._resegmenting:
            self._waiting.popleft()()

    def action_merge_next(self) -> None:
        current = self._current()
        if current is not None:
            sentence_id = current[1]
            self._plan(lambda s, board: merge_plan(s, board, sentence_id))

    def action_split(self) -> None:
        self.action_edit(title="Split sentence {number}: put the cursor where it breaks, ctrl+o")

    def _split_at(self, sentence_id: str, request: SplitAt) -> None:
        """The editor's ctrl+o: the text as edited is kept, then the split is previewed."""
        session = self.session
        if session is None or self._later(lambda: self._split_at(sentence_id, request)):
            return
        if request.text != session.text_of(sentence_id):
            self._change(lambda s: s.set_text(sentence_id, request.text))
        self._plan(lambda s, board: split_plan(s, board, sentence_id, request.offset))

    def action_apply(self, number: int) -> None:
        flag = self._selected()
        if flag is None:
            return
        if number > len(flag.replacements):
            self.notify(f"{flag.rule} has no suggestion {number}.", severity="warning", timeout=3)
            return
        self._change(lambda s: s.accept(flag, number - 1))

    def action_dismiss_flag(self) -> None:
        flag = self._selected()
        if flag is not None:
            self._change(lambda s: s.dismiss(flag))

    def action_add_word(self) -> None:
        flag = self._selected()
        if flag is None:
            return
        if not is_known(flag, frozenset({flag.text})):
            self.notify(
                f"{flag.rule} is not a spelling flag: only a word flagged for its spelling "
                "goes to the word list.",
                severity="warning",
                timeout=4,
            )
            return
        self._add_word(flag.text)

    @work(thread=True, group="words")
    def _add_word(self, word: str) -> None:
        path = word_list(self._stages)
        try:
            write_words(path, changed_words(path, add=[word]))
        except ReviewError as exc:
            self.post_message(WholeFailed(str(exc)))
            return
        self.post_message(WordAdded(word, path))

    @on(WordAdded)
    def _word_added(self, message: WordAdded) -> None:
        """Check again the sentences with a flag the word list now covers: the checkers read
        the list at each check, so their flags on the word go (the word list is a project
        file, not the review: no undo; `review edit --remove-word` takes it off)."""
        known = frozenset({message.word})
        sentence_ids = {f.sentence_id for f in self.board.all_flags() if is_known(f, known)}
        self.notify(f"Added {message.word!r} to {message.path.name}", timeout=4)
        self._recheck(sentence_ids)

    # --- actions: the whole document (planned and applied in workers) ------------------------

    def action_dismiss_everywhere(self, same_text: bool = False) -> None:
        flag = self._selected()
        if flag is not None:
            text = flag.text if same_text else None
            self._plan(lambda s, board: dismiss_plan(s, board, flag.rule, text))

    def action_accept_everywhere(self) -> None:
        flag = self._selected()
        if flag is None:
            return
        if not flag.replacements:
            self.notify(f"{flag.rule} has no suggestion to accept.", severity="warning")
            return
        checkers, stages = self.checkers, self._stages
        self._plan(lambda s, board: accept_plan(s, board, flag.rule, checkers, stages))

    def action_replace(self) -> None:
        if self._opened() is None:
            return

        def done(replacement: Replacement | None) -> None:
            if replacement is not None:
                self._plan(lambda s, board: replace_plan(s, board, replacement))

        self.app.push_screen(ReplaceScreen(self.row_filter.query), done)

    def _plan(self, make: Callable[[ReviewSession, FlagBoard], Plan]) -> None:
        session = self.session
        if session is not None and not self._later(lambda: self._plan(make)):
            self._plan_worker(session, self.board, make)

    @work(thread=True, exclusive=True, group="whole")
    def _plan_worker(
        self,
        session: ReviewSession,
        board: FlagBoard,
        make: Callable[[ReviewSession, FlagBoard], Plan],
    ) -> None:
        try:
            plan = make(session, board)
        except ReviewError as exc:
            self.post_message(WholeFailed(str(exc)))
            return
        self.post_message(PlanReady(plan))

    @on(PlanReady)
    def _plan_ready(self, message: PlanReady) -> None:
        plan = message.plan
        if not plan.lines:
            self.notify(f"{plan.title}: nothing to change.", timeout=4)
            return

        def done(kept: list[int] | None) -> None:
            if kept and plan.resegments:
                self._resegment(lambda s: plan.apply(s, kept))
            elif kept and not self._later(lambda: self._apply_plan(plan, kept)):
                self._apply_plan(plan, kept)

        self.app.push_screen(PreviewScreen(plan), done)

    @work(thread=True, group="whole")
    def _apply_plan(self, plan: Plan, kept: list[int]) -> None:
        session = self.session
        if session is None:
            return
        try:
            change = plan.apply(session, kept)
        except ReviewError as exc:
            self.post_message(WholeFailed(str(exc)))
            return
        self.post_message(ChangeApplied(change))

    @on(ChangeApplied)
    def _change_applied(self, message: ChangeApplied) -> None:
        if self._later(lambda: self._change_applied(message)):
            return
        change = message.change
        label = f"{change.label[0].upper()}{change.label[1:]}: {len(change.after):,} sentences"
        self.notify(label, timeout=4)
        self._show_change(change)

    @on(WholeFailed)
    def _whole_failed(self, message: WholeFailed) -> None:
        self.notify(message.error, title="Not done", severity="error", timeout=10)

    def action_toggle_reviewed(self) -> None:
        current = self._current()
        if current is None:
            return
        session, sentence_id = current
        status = session.state.review_of(sentence_id).status
        new = Status.TODO if status is Status.REVIEWED else Status.REVIEWED
        self._change(lambda s: s.set_status(sentence_id, new))

    def action_edit(self, title: str = "Edit sentence {number}") -> None:
        current = self._current()
        if current is None:
            return
        session, sentence_id = current
        text = self._text_of(session, sentence_id)
        if text is None:
            return
        flags = self._flags_here()
        selected = self._selected_index(flags)
        self._edit(
            sentence_id,
            text,
            title.format(number=self.board.position(sentence_id) + 1),
            flags[selected].start if flags else None,
            flag_list(flags, selected) if flags else "",
        )

    def _edit(
        self, sentence_id: str, text: str, title: str, cursor: int | None, flags: RenderableType
    ) -> None:
        """The editor on ``text``; an edit the session refuses (a tag token broken, a character
        the file's encoding cannot hold) opens it again on what was typed, cursor at its end:
        nothing typed is lost to a refusal the text can mend (a read-only review takes no
        edit at all)."""

        def done(answer: str | SplitAt | None) -> None:
            if isinstance(answer, SplitAt):
                self._split_at(sentence_id, answer)
            elif answer is not None:
                self._change(
                    lambda s: s.set_text(sentence_id, answer), refused=lambda: again(answer)
                )

        def again(typed: str) -> None:
            session = self._opened()
            if session is not None and not session.read_only:
                self._edit(sentence_id, typed, title, None, flags)

        self.app.push_screen(EditScreen(text, title, cursor, flags), done)

    def _text_of(self, session: ReviewSession, sentence_id: str) -> str | None:
        """The sentence's text; None, and the editor told why, for one a merge being made in
        a worker has just merged away (the screen still lists it)."""
        try:
            return session.text_of(sentence_id)
        except ReviewError as exc:
            self.notify(str(exc), title="Not done", severity="error", timeout=8)
            return None

    def action_comment(self) -> None:
        current = self._current()
        if current is None:
            return
        session, sentence_id = current

        def done(text: str | None) -> None:
            if text is not None:
                self._change(lambda s: s.comment(sentence_id, text))

        comment = session.state.review_of(sentence_id).comment
        self.app.push_screen(PromptScreen("Comment (empty removes it)", comment), done)

    def action_annotate(self) -> None:
        current = self._current()
        if current is None:
            return
        session, sentence_id = current
        flags = self._flags_here()
        text = self._text_of(session, sentence_id)
        if text is None:
            return
        flag = flags[self._selected_index(flags)] if flags else None
        start, end = (flag.start, flag.end) if flag else (0, len(text))

        def done(choice: AnnotationChoice | None) -> None:
            if choice is not None:
                annotation = Annotation(*choice[:2], start, end, note=choice[2])
                self._change(lambda s: s.annotate(sentence_id, annotation))

        start_class = TYPE_OF_CLASS[flag.mqm] if flag else MqmType.GRAMMAR
        self.app.push_screen(AnnotateScreen(text[start:end], start_class), done)

    def action_undo(self) -> None:
        self._step(ReviewSession.undoing, ReviewSession.undo, "Nothing to undo.")

    def action_redo(self) -> None:
        self._step(ReviewSession.redoing, ReviewSession.redo, "Nothing to redo.")

    def _step(
        self,
        next_change: Callable[[ReviewSession], Change | None],
        step: Callable[[ReviewSession], Change | None],
        nothing: str,
    ) -> None:
        """An undo or a redo; one of a merge or split remakes the sentences, in a worker."""
        session = self._opened()
        if session is None or self._later(lambda: self._step(next_change, step, nothing)):
            return
        change = next_change(session)
        if change is not None and change.segmentation is not None:
            self._resegment(lambda s: _made(step(s)))
        else:
            self._change(lambda s: self._told(step(s), nothing))

    def _told(self, change: Change | None, nothing: str) -> Change | None:
        """Say what an undo or redo did (or that there was nothing to do)."""
        if change is None:
            self.notify(nothing, timeout=3)
        else:
            numbers = ", ".join(str(self.board.position(sid) + 1) for sid in change.sentence_ids)
            self.notify(f"{change.label[0].upper()}{change.label[1:]} (sentence {numbers})")
        return change

    def action_save(self) -> None:
        if self._opened() is not None:
            self._save(quit_after=False)

    def _save(self, quit_after: bool) -> None:
        """Write the patch in the saver's thread (a book's patch takes a second or more);
        ``Saved`` comes back when it is written."""
        session = self.session
        if session is None:
            return

        def save() -> None:
            try:
                path = session.save()
            except ReviewError as exc:
                self.post_message(Saved(None, str(exc), quit_after))
                return
            self.post_message(Saved(path, None, quit_after))

        self._saver.submit(save)

    @on(Saved)
    def _saved(self, message: Saved) -> None:
        if message.path is None:
            self.notify(message.error or "", title="Not saved", severity="error", timeout=10)
            return
        self.notify(f"Saved {message.path.name}", title="Saved", timeout=3)
        self._show_header()
        if message.quit_after:
            self.app.exit()

    def on_unmount(self) -> None:
        # A save under way is finished before the app ends (the session closes after it).
        self._saver.shutdown(wait=True)
        release()

    # --- actions: views ----------------------------------------------------------------------

    def filter_choices(self) -> list[tuple[str, str]]:
        """(key, label): the kinds of sentence, the unit states of a bilingual file (each
        combined with the rest of the filter), the categories, and the rules and checkers that
        have open flags, most flags first."""
        choices = [(show.value, f"{show.value} sentences") for show in Show]
        states = self.board.unit_states
        if states is not None:
            choices += [(f"{STATE}{s}", f"unit state {s}") for s in states.present]
            choices.append((STATE, "any unit state"))
        choices += [(c.value, f"flagged {c.value}") for c in Category]
        rules, sources = flag_kinds(self.board, self.state)
        choices += [(f"{RULE}{rule}", f"rule {rule} ({n:,})") for rule, n in rules.most_common()]
        return choices + [
            (f"{CHECKER}{source}", f"checker {source} ({n:,})")
            for source, n in sources.most_common()
        ]

    def _filter_key(self) -> str:
        row_filter = self.row_filter
        if row_filter.rule is not None:
            return f"{RULE}{row_filter.rule}"
        if row_filter.source is not None:
            return f"{CHECKER}{row_filter.source}"
        return (row_filter.category or row_filter.show).value

    def action_filter(self) -> None:
        if self._opened() is None:
            return
        choices = self.filter_choices()
        current = self._filter_key()
        if current not in {key for key, _ in choices}:
            current = self.row_filter.show.value

        def done(key: str | None) -> None:
            if key is not None:
                self.set_filter(key)

        self.app.push_screen(ChoiceScreen("Show", choices, current), done)

    def set_filter(self, key: str) -> None:
        if self._opened() is None:
            return
        kept = replace(self.row_filter, category=None, rule=None, source=None)
        if key.startswith(STATE):
            self.row_filter = replace(self.row_filter, unit_state=key.removeprefix(STATE) or None)
        elif key in {s.value for s in Show}:
            self.row_filter = replace(kept, show=Show(key))
        elif key.startswith(RULE):
            self.row_filter = replace(kept, show=Show.FLAGGED, rule=key.removeprefix(RULE))
        elif key.startswith(CHECKER):
            self.row_filter = replace(kept, show=Show.FLAGGED, source=key.removeprefix(CHECKER))
        else:
            self.row_filter = replace(kept, show=Show.FLAGGED, category=Category(key))
        self._apply_filter()
        self._show_header()

    def action_search(self) -> None:
        if self._opened() is None:
            return

        def done(query: str | None) -> None:
            if query is not None:
                self.row_filter = replace(self.row_filter, query=query)
                self._apply_filter()
                self._show_header()

        self.app.push_screen(PromptScreen("Search (empty shows all)", self.row_filter.query), done)

    def action_toggle_source(self) -> None:
        self.table.toggle_source()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(help_sections()))

    def action_quit_review(self) -> None:
        index = self.table.sentence_index
        if self.session is not None and index is not None:
            here = self.sentences[index].id
            save_place(self._place_path, Place.of(here, self.row_filter))
        if self.session is None or not self.session.dirty:
            self.app.exit()
            return

        def done(answer: str | None) -> None:
            if answer == "save":
                self._save(quit_after=True)
            elif answer == "discard" and self.session is not None:
                self.session.discard()
                self.app.exit()

        self.app.push_screen(QuitScreen(), done)


def _made(change: Change | None) -> Change:
    """The change an undo or redo made; there was one to make (the screen looked first, and
    nothing else changes the session while the worker makes it)."""
    assert change is not None
    return change


def help_sections() -> list[tuple[str, list[tuple[str, str]]]]:
    """Every key, by where it works: the screen's from its actions, the dialogs' from their
    bindings."""
    sections = dict(help_rows(ACTIONS))
    sections[MOVING] = binding_rows(SentenceTable.BINDINGS) + sections[MOVING]
    return [
        *sections.items(),
        (
            "Sentence editor",
            [
                ("Enter", "Confirm"),
                *binding_rows([*EditScreen.BINDINGS, *SentenceEditor.BINDINGS]),
                ("ctrl+← ctrl+→", "Word to word, over punctuation"),
            ],
        ),
        ("MQM annotation", binding_rows(AnnotateScreen.BINDINGS)),
        ("Whole-document preview", binding_rows(PreviewScreen.BINDINGS)),
        ("Quit prompt", binding_rows(QuitScreen.BINDINGS)),
        ("Anywhere", [("ctrl+p", "Command palette")]),
    ]
