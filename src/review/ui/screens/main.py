"""The main screen: the sentence table beside the detail pane.

It turns keys into calls on the ReviewSession (the one change API, which journals each change)
and renders what the session and the flag board say. Checking runs in thread workers.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import get_current_worker

from review.checkers import Checker
from review.checking import Checkers
from review.errors import ReviewError
from review.flags import Category, Flag
from review.inputs.document import BilingualDocument
from review.segment import Sentence
from review.session import Change, ReviewSession
from review.state import Annotation, ReviewState, Status
from review.ui.board import (
    FlagBoard,
    RowFilter,
    SeverityCounts,
    Show,
    refiltered,
    visible_rows,
)
from review.ui.checks import CheckerStages, paragraphs_around, recheck, run_stages
from review.ui.messages import (
    CheckersOpened,
    CheckProgress,
    ChecksFinished,
    FlagsFound,
    OpenFailed,
    RecheckFailed,
    SentencesFound,
    SessionOpened,
)
from review.ui.opening import Chunk, DocumentOpener
from review.ui.screens.dialogs import (
    AnnotateScreen,
    ChoiceScreen,
    EditScreen,
    PromptScreen,
    QuitScreen,
)
from review.ui.screens.help import HelpScreen
from review.ui.widgets.detail import DetailPane, SentenceDetail, UnitDetail
from review.ui.widgets.sentence_table import Row, SentenceTable
from review.ui.widgets.status_header import LANGUAGETOOL_STARTING, HeaderInfo, StatusHeader
from review.worddiff import word_diff

# Below this width the detail pane goes under the table instead of beside it.
SIDE_BY_SIDE_WIDTH = 120

UNREVIEWED = ReviewState()


class _OpeningCancelled(Exception):
    """Raised in the opening worker to stop segmenting when the app quits."""


class MainScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_flagged", "Next flag"),
        Binding("N", "previous_flagged", "Prev flag", show=False),
        Binding("tab,]", "select_flag(1)", "Next flag in sentence", show=False, priority=True),
        Binding(
            "shift+tab,[", "select_flag(-1)", "Previous flag in sentence", show=False, priority=True
        ),
        *(
            Binding(str(n), f"apply({n})", f"Apply suggestion {n}", show=False)
            for n in range(1, 10)
        ),
        Binding("d", "dismiss_flag", "Dismiss"),
        Binding("e,enter", "edit", "Edit"),
        Binding("r", "toggle_reviewed", "Reviewed"),
        Binding("c", "comment", "Comment", show=False),
        Binding("a", "annotate", "MQM annotation", show=False),
        Binding("u,ctrl+z", "undo", "Undo"),
        Binding("ctrl+y", "redo", "Redo", show=False),
        Binding("s,ctrl+s", "save", "Save"),
        Binding("f", "filter", "Filter", show=False),
        Binding("slash", "search", "Search", show=False),
        Binding("t", "toggle_source", "Source column", show=False),
        Binding("question_mark,f1", "help", "Help"),
        Binding("q", "quit_review", "Quit"),
    ]

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
        self.row_filter = RowFilter()
        self.selected_flag = 0
        self.checkers: tuple[Checker, ...] = ()
        self.checking = True
        self._languagetool_state = LANGUAGETOOL_STARTING
        self._edited_while_checking: set[str] = set()
        # Edited sentences whose new text has not come back from the checkers yet.
        self._unchecked: set[str] = set()
        self._recheck_lock = threading.Lock()

    # --- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield StatusHeader(id="header")
        with Horizontal(id="body"):
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
        self.post_message(SessionOpened(session, FlagBoard(session.sentences)))

    @property
    def sentences(self) -> Sequence[Sentence]:
        """The document's sentences: those segmented so far, until the session is open."""
        return self.session.sentences if self.session else self._segmented

    @on(SentencesFound)
    def _sentences_found(self, message: SentencesFound) -> None:
        self._segmented.extend(message.chunk)
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
        # The saved review may have edited, reviewed or commented rows on screen.
        self.table.set_rows(range(len(session.sentences)), keep=self.table.sentence_index)
        self.query_one(StatusHeader).show_progress("Checking…", None, None)
        for notice in session.notices:
            self.notify(notice, title="Opened", timeout=8)
        self._show_header()
        self._show_detail()
        self._check_all(session)

    @work(thread=True, group="check")
    def _check_all(self, session: ReviewSession) -> None:
        worker = get_current_worker()
        text, sentences = session.state.current_document(session.document.text, session.sentences)
        try:
            run_stages(
                self._stages,
                text,
                sentences,
                progress=lambda what, done, total: self.post_message(
                    CheckProgress(what, done, total)
                ),
                on_opened=lambda opened: self.post_message(CheckersOpened(opened)),
                on_flags=lambda batch: self.post_message(FlagsFound(batch)),
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
        batch = message.batch
        session = self.session
        if session is None:
            return
        current = {sid for sid, text in batch.checked.items() if session.text_of(sid) == text}
        flags = [f for f in batch.flags if f.sentence_id in current]
        touched = self.board.replace(current, flags) if batch.replace else self.board.add(flags)
        if batch.replace:
            self._unchecked -= current
        self._refresh(touched)

    @on(ChecksFinished)
    def _checks_finished(self, message: ChecksFinished) -> None:
        self.checking = False
        self.query_one(StatusHeader).hide_progress()
        if self._languagetool_state == LANGUAGETOOL_STARTING:
            self._languagetool_state = "LanguageTool: unavailable"
        if message.error:
            self.notify(message.error, title="Checking failed", severity="error", timeout=10)
        self._show_header()
        self._show_detail()
        if self._edited_while_checking:
            self._recheck(set(self._edited_while_checking))
            self._edited_while_checking.clear()

    def _recheck(self, sentence_ids: set[str]) -> None:
        """Check the paragraphs of these sentences again, on their current texts."""
        session = self.session
        if session is None:
            return
        self.board.clear(sentence_ids)
        self._unchecked |= sentence_ids
        if self.checking:
            self._edited_while_checking |= sentence_ids
        around = paragraphs_around(session.sentences, map(self.board.position, sentence_ids))
        self._recheck_worker(around, self.checkers)

    @work(thread=True, group="recheck")
    def _recheck_worker(self, sentences: list[Sentence], checkers: tuple[Checker, ...]) -> None:
        session = self.session
        if session is None:
            return
        ids = frozenset(s.id for s in sentences)
        if not checkers:
            self.post_message(RecheckFailed(ids, None))
            return
        with self._recheck_lock:
            text, placed = session.state.current_document(session.document.text, sentences)
            try:
                batch = recheck(checkers, text, placed)
            except Exception as exc:  # shown, and the review goes on
                self.post_message(RecheckFailed(ids, f"re-check failed: {exc}"))
                return
        self.post_message(FlagsFound(batch))

    @on(RecheckFailed)
    def _recheck_failed(self, message: RecheckFailed) -> None:
        if message.error:
            self.notify(message.error, title="Checking failed", severity="error", timeout=10)
        # While the document check runs, the edits wait in _edited_while_checking for it.
        if not self.checking:
            self._unchecked -= message.sentence_ids
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
            source=sentence.source,
        )

    def _refresh(self, sentence_ids: Iterable[str]) -> None:
        """Show that these sentences changed (flags, review): their rows, and whether the
        filter still lists them."""
        indices = {self.board.position(sid) for sid in sentence_ids}
        session = self.session
        if session is not None and self.row_filter != RowFilter():
            rows = refiltered(
                self.table.rows, indices, self.sentences, session.state, self.board, self.row_filter
            )
            self.table.set_rows(rows, keep=self.table.sentence_index)
        else:
            self.table.refresh_sentences(indices)
        current = self.table.sentence_index
        if current in indices:
            self._show_detail()
        self._show_header()

    def _apply_filter(self) -> None:
        session = self.session
        if session is None:
            return
        rows = visible_rows(session.sentences, session.state, self.board, self.row_filter)
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
            state = session.state
            reviewed = sum(1 for _, r in state.items() if r.status is Status.REVIEWED)
            info = replace(
                info,
                flagged=self.board.flagged_count(state),
                edited=len(state.edited_ids()),
                reviewed=reviewed,
                unsaved=session.dirty,
            )
        self.query_one(StatusHeader).show(info)

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
            selected=self.selected_flag,
            checking=self.checking or sentence.id in self._unchecked,
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
        self._show_detail()

    # --- actions: moving and selecting -------------------------------------------------------

    def _flags_here(self) -> tuple[Flag, ...]:
        """The current sentence's flags; the selected one is kept within them."""
        index = self.table.sentence_index
        if index is None:
            return ()
        sentence_id = self.sentences[index].id
        flags = self.board.active(sentence_id, self.state.review_of(sentence_id))
        self.selected_flag = min(self.selected_flag, max(len(flags) - 1, 0))
        return flags

    def _has_flags(self, index: int) -> bool:
        assert self.session is not None
        sentence_id = self.session.sentences[index].id
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

    def action_select_flag(self, step: int) -> None:
        flags = self._flags_here()
        if flags:
            self.selected_flag = (self.selected_flag + step) % len(flags)
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
        return flags[self.selected_flag]

    def _current(self) -> tuple[ReviewSession, str] | None:
        """The session and the selected sentence's id, once the session is open."""
        session = self._opened()
        index = self.table.sentence_index
        if session is None or index is None:
            return None
        return session, self.sentences[index].id

    def _change(self, make: Callable[[ReviewSession], Change | None]) -> None:
        """Run one change through the session, then show it (and re-check edited text)."""
        session = self._opened()
        if session is None:
            return
        try:
            change = make(session)
        except ReviewError as exc:
            self.notify(str(exc), title="Not done", severity="error", timeout=8)
            return
        if change is None or not change.after:
            return
        retext = {
            sid for sid in change.after if change.before[sid].edited != change.after[sid].edited
        }
        if retext:
            self._recheck(retext)
        self._refresh(change.sentence_ids)
        self._show_detail()

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

    def action_toggle_reviewed(self) -> None:
        current = self._current()
        if current is None:
            return
        session, sentence_id = current
        status = session.state.review_of(sentence_id).status
        new = Status.TODO if status is Status.REVIEWED else Status.REVIEWED
        self._change(lambda s: s.set_status(sentence_id, new))

    def action_edit(self) -> None:
        current = self._current()
        if current is None:
            return
        session, sentence_id = current
        number = self.board.position(sentence_id) + 1

        def done(text: str | None) -> None:
            if text is not None:
                self._change(lambda s: s.set_text(sentence_id, text))

        self.app.push_screen(
            EditScreen(session.text_of(sentence_id), f"Edit sentence {number}"), done
        )

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
        text = session.text_of(sentence_id)
        start, end = (
            (flags[self.selected_flag].start, flags[self.selected_flag].end)
            if flags
            else (0, len(text))
        )

        def done(choice: tuple[object, object] | None) -> None:
            if choice is not None:
                mqm, severity = choice
                annotation = Annotation(mqm, severity, start, end)  # type: ignore[arg-type]
                self._change(lambda s: s.annotate(sentence_id, annotation))

        self.app.push_screen(AnnotateScreen(text[start:end]), done)

    def action_undo(self) -> None:
        self._change(lambda s: s.undo())

    def action_redo(self) -> None:
        self._change(lambda s: s.redo())

    def action_save(self) -> bool:
        session = self._opened()
        if session is None:
            return False
        try:
            path = session.save()
        except ReviewError as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=10)
            return False
        self.notify(f"Saved {path.name}", title="Saved", timeout=3)
        self._show_header()
        return True

    # --- actions: views ----------------------------------------------------------------------

    def filter_choices(self) -> list[tuple[str, str]]:
        choices = [(show.value, f"{show.value} sentences") for show in Show]
        return choices + [(c.value, f"flagged {c.value}") for c in Category]

    def action_filter(self) -> None:
        if self._opened() is None:
            return
        current = self.row_filter.category or self.row_filter.show

        def done(key: str | None) -> None:
            if key is not None:
                self.set_filter(key)

        self.app.push_screen(ChoiceScreen("Show", self.filter_choices(), current.value), done)

    def set_filter(self, key: str) -> None:
        if self._opened() is None:
            return
        if key in {s.value for s in Show}:
            self.row_filter = replace(self.row_filter, show=Show(key), category=None)
        else:
            self.row_filter = replace(self.row_filter, show=Show.FLAGGED, category=Category(key))
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
        if self.session is None or not self.session.dirty:
            self.app.exit()
            return

        def done(answer: str | None) -> None:
            if answer == "save" and self.action_save():
                self.app.exit()
            elif answer == "discard" and self.session is not None:
                self.session.discard()
                self.app.exit()

        self.app.push_screen(QuitScreen(), done)


def help_sections() -> list[tuple[str, list[BindingType]]]:
    """Every key, by where it works; the nine suggestion keys as one line."""
    reviewing: list[BindingType] = [
        b
        for b in MainScreen.BINDINGS
        if not (isinstance(b, Binding) and b.action.startswith("apply"))
    ]
    reviewing.insert(4, Binding("1-9", "apply", "Apply that suggestion of the selected flag"))
    return [
        ("Moving", list(SentenceTable.BINDINGS)),
        ("Reviewing", reviewing),
        ("Sentence editor", list(EditScreen.BINDINGS)),
        ("MQM annotation", list(AnnotateScreen.BINDINGS)),
        ("Quit prompt", list(QuitScreen.BINDINGS)),
        ("Anywhere", [Binding("ctrl+p", "command_palette", "Command palette")]),
    ]
