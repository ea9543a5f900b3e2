"""The CPU-heavy checkers' passes (fluency detectors, terms, consistency, source–target), and the
settling of a whole document's flags, in another process.

In the UI's own process a detector's pass over a book holds the interpreter lock for seconds at
a stretch, and every key waits for it (p95 77 ms). In `review check` it holds the lock against
the threads that send LanguageTool its paragraphs, and the server waits for work; at a lower
priority, in a process of its own, the pass takes what the server leaves of the processor
(where niceness reaches the server: not across sessions under Linux's autogroup, README). The
checker (a small picklable object) and the sentences go to one worker process, started with
forkserver (never fork: the UI has threads); the flags come back in JSON chunks
(``review.flags.to_json_chunks``), so they are the same flags. The result cache stays in the
calling process (``RememberedChecker`` reads and writes it around the call).

The text, the sentences and the flags cross in files, a line at a time, not in the pool's
pickles: a pickle is made or read in one step that holds the interpreter lock, and a book's
(18 MB of text, 23 MB of sentences) held the keys and the screen for 50-150 ms each way.
An edited document's corrected text not joined (``review.corrected``) is written in pieces of
the original and its edits, and joined only in the worker. A text is written, and joined, once
for every call on it: a re-check's passes over its paragraphs and its settling against the
whole document are sent other sentences of the same text.

Plain Python (no Textual). The worker is a daemon process: it ends with its parent, even
mid-pass. It is one process reached through a pipe, not a ``multiprocessing.Pool``: a pool
whose worker was killed (the out-of-memory killer, a user) waits for its answer for ever, and
its ``terminate`` deadlocks on the lock the dead worker held; a pipe whose other end died
says so at once, and the call fails with one line.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import multiprocessing
import os
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from review.checker_api import Checker
from review.config import Config
from review.corrected import CorrectedText, PlacedSentences
from review.errors import ReviewError
from review.flags import Flag, from_json_chunks, to_json_chunks
from review.heap import made_uncollected
from review.segment import Sentence

PRELOAD = ("review.checkers.fluency", "review.checkers.terms", "review.checkers.source_target")


# The worker's niceness: it yields the processor to the UI (on two cores the checks and the
# screen each had one until other work took one; then the keys waited 100-200 ms for it) and
# to LanguageTool's server.
NICENESS = 10
# Sentences per chunk of columns sent (see ``_sent_sentences``); each chunk is one step that
# holds the interpreter lock (5000 took 6-25 ms).
SENTENCE_CHUNK = 1000
# Characters of the text a line of its file.
TEXT_PIECE = 1 << 20
# What a sentence is made of, in ``Sentence``'s order (its fields hold the text it is cut from).
SENTENCE_FIELDS = ("id", "start", "end", "paragraph", "text", "unit", "source")


def _flags(checker: Checker, document: _Sent, folder: str) -> None:
    text, sentences = _read_document(document)
    _write(Path(folder, FOUND), to_json_chunks(list(checker.check(text, sentences))))


def _settled(document: _Sent, folder: str, config: Config, use_servers: bool) -> None:
    from review.checking import open_checkers, settle_flags

    # The UI's checkers hold connections and the cache, which do not cross processes; these,
    # opened on the same config, find the server the UI started and re-check as its would.
    opened = open_checkers(config, use_servers=use_servers)
    text, sentences = _read_document(document)
    flags = from_json_chunks(_read(Path(folder, FLAGS)))
    checked = Path(folder, CHECKED)
    if checked.exists():  # a re-check: the flags of these sentences of the whole document
        ids = frozenset(_read(checked))
        some = [s for s in sentences if s.id in ids]
        settled = settle_flags(flags, opened.checkers, text, some, config, sentences)
    else:
        settled = settle_flags(flags, opened.checkers, text, sentences, config)
    _write(Path(folder, FOUND), to_json_chunks(settled))


# The files a call's folder holds.
TEXT, SENTENCES, FLAGS, FOUND, CHECKED = "text", "sentences", "flags", "found", "checked"


def _write(path: Path, items: Iterable[str]) -> None:
    """``items``, each a line of its own (as a JSON string: ASCII, no line break)."""
    with path.open("w", encoding="ascii") as out:
        for item in items:
            out.write(json.dumps(item) + "\n")


def _read(path: Path) -> Iterator[str]:
    with path.open(encoding="ascii") as lines:
        for line in lines:
            yield json.loads(line)


def _write_text(folder: Path, text: str | CorrectedText) -> None:
    if isinstance(text, str):
        pieces: Iterable[str] = (text[i : i + TEXT_PIECE] for i in range(0, len(text), TEXT_PIECE))
    else:  # never joined here: the worker joins it
        pieces = text.pieces(TEXT_PIECE)
    _write(folder / TEXT, pieces)


# A document as a call names it to the worker: the folder its text is in, and the file its
# sentences are in. Neither name is ever given to another text or other sentences.
_Sent = tuple[str, str]

# The worker's last text read (by its folder) and last sentences read (by their file). The
# passes over one document (fluency, terms, consistency, source–target, the settling) read
# them once between them, not a copy each; a re-check's passes over its paragraphs and its
# settling against the whole document, sent other sentences of the same text, read it once.
_received_text: tuple[str, str] | None = None
_received: tuple[str, tuple[Sentence, ...]] | None = None


def _read_document(document: _Sent) -> tuple[str, tuple[Sentence, ...]]:
    global _received_text, _received
    folder, sentences = document
    if _received_text is None or _received_text[0] != folder:
        _received_text = _received = None  # the last ones go before this one is read
        _received_text = folder, "".join(_read(Path(folder, TEXT)))
    if _received is None or _received[0] != sentences:
        _received = None
        _received = sentences, _received_sentences(_read(Path(sentences)))
    return _received_text[1], _received[1]


def _sent_sentences(sentences: Sequence[Sentence]) -> Iterator[str]:
    """The sentences as JSON columns (ids, starts, …), a few lists a chunk. Pickled as they
    are, each sentence's state is a list the pickler keeps until it is done: a book's
    100,000 of them alive at once, which each full collection in the UI's process scanned."""
    for i in range(0, len(sentences), SENTENCE_CHUNK):
        chunk = sentences[i : i + SENTENCE_CHUNK]
        yield json.dumps([[getattr(s, name) for s in chunk] for name in SENTENCE_FIELDS])


def _received_sentences(chunks: Iterable[str]) -> tuple[Sentence, ...]:
    return tuple(
        Sentence(*values) for chunk in chunks for values in zip(*json.loads(chunk), strict=True)
    )


@dataclass(eq=False)
class _Document:
    """A text sent (by identity: immutable), the folder that holds it, and how many passes
    are reading it; and the last sentences of it sent that cannot change (a tuple, or
    sentences placed) and their file in that folder, which the passes over them share."""

    text: str | CorrectedText
    folder: tempfile.TemporaryDirectory[str]
    readers: int = 0
    sentences: Sequence[Sentence] | None = None
    sentences_file: str = ""


def _serve(connection: Connection) -> None:
    """The worker: runs each call it is sent, answers None or the exception it raised."""
    os.nice(NICENESS)
    while True:
        try:
            function, args = connection.recv()
        except EOFError:
            return
        try:
            function(*args)
            answer: BaseException | None = None
        except Exception as exc:  # sent back to the caller, which raises it
            answer = exc
        try:
            connection.send(answer)
        except Exception as exc:  # an exception that does not pickle is told by its text
            connection.send(RuntimeError(f"{type(answer).__name__}: {answer} ({exc})"))


class ProcessOffload:
    """An ``Offload`` (``review.checker_api``): runs a checker's pass, or a settling, in a
    worker process started when first needed; they run one at a time."""

    def __init__(self) -> None:
        self._worker: tuple[BaseProcess, Connection] | None = None
        # Held for a whole call (one at a time); ``close`` takes only ``_guard``, so it can end
        # the worker while a call waits for it.
        self._calling = threading.Lock()
        self._guard = threading.Lock()
        # The text last sent: the passes over it, asked for at once by the checkers' threads,
        # and a re-check's passes and settling share one copy. Another (a tag-free view of a
        # bilingual text, the text edited) replaces it; a folder is removed once no pass reads
        # it, and its name is never one the worker has read before.
        self._document_lock = threading.Lock()
        self._last: _Document | None = None
        self._documents = itertools.count()

    def __call__(
        self, checker: Checker, text: str | CorrectedText, sentences: Sequence[Sentence]
    ) -> list[Flag]:
        with (
            tempfile.TemporaryDirectory(prefix="review-offload-") as folder,
            self._document(text, sentences, folder) as document,
        ):
            self._run(_flags, checker, document, folder)
            with made_uncollected():
                return from_json_chunks(_read(Path(folder, FOUND)))

    @contextlib.contextmanager
    def _document(
        self, text: str | CorrectedText, sentences: Sequence[Sentence], call: str
    ) -> Iterator[_Sent]:
        """Where ``text`` and ``sentences`` are: the text in its folder, written the first time
        it is sent (a re-check's passes and its settling are sent other sentences of one
        text); the sentences beside it if they cannot change, written the first time they are
        sent, else (a list) in the call's folder ``call``. Each file of sentences has a name
        of its own, which the worker never read before."""
        with self._document_lock:
            sent = self._last
            if not (sent and sent.text is text):
                self._forget_last()
                prefix = f"review-offload-document-{next(self._documents)}-"
                folder = tempfile.TemporaryDirectory(prefix=prefix)
                _write_text(Path(folder.name), text)
                sent = self._last = _Document(text, folder)
            if isinstance(sentences, tuple | PlacedSentences) and sent.sentences is not sentences:
                # Those it held before stay until the folder goes: one text is sent few sets.
                sentences_file = self._sentences_file(sent.folder.name)
                _write(sentences_file, _sent_sentences(sentences))
                sent.sentences, sent.sentences_file = sentences, str(sentences_file)
            kept = sent.sentences_file if sent.sentences is sentences else None
            sent.readers += 1
        try:
            if kept is None:
                listed = self._sentences_file(call)
                _write(listed, _sent_sentences(sentences))
                kept = str(listed)
            yield sent.folder.name, kept
        finally:
            with self._document_lock:
                sent.readers -= 1
                if not sent.readers and sent is not self._last:
                    sent.folder.cleanup()

    def _sentences_file(self, folder: str) -> Path:
        return Path(folder, f"{SENTENCES}-{next(self._documents)}")

    def _forget_last(self) -> None:
        last, self._last = self._last, None
        if last is not None and not last.readers:
            last.folder.cleanup()

    def settle(
        self,
        flags: Sequence[Flag],
        text: str | CorrectedText,
        sentences: Sequence[Sentence],
        config: Config,
        use_servers: bool,
        document: Sequence[Sentence] | None = None,
    ) -> tuple[Flag, ...]:
        """``review.checking.settle_flags`` of a whole document, or of some of its sentences
        (a re-check) against the whole ``document``: seconds on a book, which in the UI's
        process would hold the interpreter lock against the keys and, for an edited book, the
        corrected text joined. ``use_servers``: the server checkers (LanguageTool) ran and
        re-check the suggestions there too."""
        with (
            tempfile.TemporaryDirectory(prefix="review-offload-") as folder,
            self._document(text, sentences if document is None else document, folder) as sent,
        ):
            _write(Path(folder, FLAGS), to_json_chunks(flags))
            if document is not None:
                _write(Path(folder, CHECKED), (s.id for s in sentences))
            self._run(_settled, sent, folder, config, use_servers)
            with made_uncollected():
                return tuple(from_json_chunks(_read(Path(folder, FOUND))))

    def _run(self, function: Callable[..., None], *args: object) -> None:
        with self._calling:
            process, connection = self._started()
            try:
                connection.send((function, args))
                failure = connection.recv()
            except (EOFError, OSError):
                process.join(timeout=5)
                with self._guard:
                    if self._worker is not None and self._worker[0] is process:
                        self._worker = None
                raise ReviewError(
                    "the process that runs the fluency detectors ended before it answered "
                    f"(exit code {process.exitcode}; out of memory?)"
                ) from None
        if failure is not None:
            raise failure

    def _started(self) -> tuple[BaseProcess, Connection]:
        with self._guard:
            if self._worker is None:
                # The helper processes started now (forkserver, resource tracker) are handed
                # sys.stderr's descriptor; under Textual that is its capture, whose fileno()
                # is -1 ("bad value(s) in fds_to_keep"). They get /dev/null: the flags and
                # any error come back through the pipe, and the terminal is the UI's.
                context = multiprocessing.get_context("forkserver")
                # The server imports these once (not the program's __main__, its default:
                # the UI's launcher, or a bench script that cannot be imported from there).
                context.set_forkserver_preload(list(PRELOAD))
                ours, theirs = context.Pipe()
                process = context.Process(target=_serve, args=(theirs,), daemon=True)
                with open(os.devnull, "w") as null, contextlib.redirect_stderr(null):
                    process.start()
                # Only the worker holds its end now: its death ends the pipe.
                theirs.close()
                self._worker = (process, ours)
            return self._worker

    def close(self) -> None:
        """End the worker process (a pass under way is dropped, its call fails)."""
        with self._guard:
            worker, self._worker = self._worker, None
        if worker is not None:
            process, connection = worker
            process.kill()
            process.join(timeout=5)
            connection.close()
        with self._document_lock:
            self._forget_last()
