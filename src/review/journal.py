"""The journal: every change, on disk before the change is reported done.

JSON lines beside the patch (``corrections/<name>.journal``). The first line says which
original and which saved patch the changes apply to; each further line is one change, giving
the new review of every sentence it touched, so replaying is just setting them again (and the
order of lines is the only thing that matters); a change that merges or splits sentences also
gives the whole new segmentation (``"segmentation"``), set before its reviews, which are keyed
by the ids it gives. Saving the patch removes the journal.

Each change is written and flushed on the caller's thread, so the operating system holds it
before ``append`` returns (a killed process loses nothing); it is fsynced (made to survive a
power cut) on a thread of its own, because an fsync under disk load takes longer than a frame.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from review.atomic import fsync_directory
from review.errors import ReviewError
from review.files import require_regular_file
from review.segment import Resegmentation
from review.state import SentenceReview

# 2: a change may set the segmentation (merged and split sentences), which a reader of 1
# would not replay; it refuses a journal of 2 instead. Version 1 journals are read as ever.
FORMAT_VERSION = 2
_READ_VERSIONS = (1, 2)


@dataclass(frozen=True, slots=True)
class JournalEntry:
    label: str
    reviews: Mapping[str, SentenceReview]
    segmentation: Resegmentation | None = None


@dataclass(frozen=True, slots=True)
class JournalContents:
    """What a journal on disk holds. ``patch_sha256`` is the SHA-256 of the patch file the
    changes were made on top of (None: there was no patch yet); ``torn_tail`` says the last
    line was cut off mid-write (by a crash) and was left out."""

    original_sha256: str
    patch_sha256: str | None
    entries: tuple[JournalEntry, ...]
    torn_tail: bool


def read_journal(path: Path) -> JournalContents | None:
    """The journal at ``path``, or None when there is none; a damaged one is a ReviewError."""
    require_regular_file(path, missing_ok=True)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ReviewError(f"{path}: cannot be read: {exc.strerror}") from None
    lines = data.split(b"\n")
    torn_tail = lines[-1] != b""
    complete = lines[:-1]
    if not complete:
        # Killed before the first line was whole: nothing was journalled yet.
        return None
    head = _decode(path, 1, complete[0])
    if not (
        isinstance(head, dict)
        and head.get("journal") in _READ_VERSIONS
        and isinstance(head.get("original_sha256"), str)
        and (head.get("patch_sha256") is None or isinstance(head.get("patch_sha256"), str))
    ):
        raise ReviewError(f"{path}: is not a review journal (line 1)")
    entries = tuple(
        _entry(path, number, _decode(path, number, line))
        for number, line in enumerate(complete[1:], start=2)
    )
    return JournalContents(head["original_sha256"], head["patch_sha256"], entries, torn_tail)


class JournalWriter:
    """Appends changes to a journal file: each is written and flushed before ``append``
    returns and fsynced soon after on a background thread (see ``_Fsyncer``).

    The file is created on the first append, so opening a review and changing nothing leaves
    no journal behind. Not thread-safe: the session serialises calls.
    """

    def __init__(self, path: Path, original_sha256: str, patch_sha256: str | None) -> None:
        self.path = path
        self._original_sha256 = original_sha256
        self._patch_sha256 = patch_sha256
        self._handle: IO[bytes] | None = None
        self._fsyncer: _Fsyncer | None = None

    def continue_existing(self) -> None:
        """Append to the journal already on disk (after it was replayed) instead of a new one."""
        self._start(self._open("ab"), created=False)

    def append(self, entry: JournalEntry) -> None:
        """Write ``entry``; a ReviewError (and nothing written) when the file cannot be written
        or an earlier change could not be fsynced."""
        if self._fsyncer is not None:
            self._fsyncer.raise_failure(self.path)
        if self._handle is None:
            self._start(self._open("wb"), created=True)
            head = {
                "journal": FORMAT_VERSION,
                "original_sha256": self._original_sha256,
                "patch_sha256": self._patch_sha256,
            }
            self._write(head)
        record: dict[str, Any] = {
            "change": entry.label,
            "set": {k: v.to_json() for k, v in entry.reviews.items()},
        }
        if entry.segmentation is not None:
            record["segmentation"] = entry.segmentation.to_json()
        self._write(record)

    def synced(self) -> None:
        """Wait until every change appended so far is fsynced; a ReviewError if one was not."""
        if self._fsyncer is not None:
            self._fsyncer.wait()
            self._fsyncer.raise_failure(self.path)

    def restart(self, patch_sha256: str) -> None:
        """The patch was saved: drop the journal; later changes start one on top of that patch."""
        self.discard()
        fsync_directory(self.path.parent)
        self._patch_sha256 = patch_sha256

    def discard(self) -> None:
        """Forget the unsaved changes: remove the journal file. A failed fsync of it is not
        reported: its changes are either saved in the patch or meant to be dropped."""
        self._stop()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def close(self) -> None:
        """Wait for the pending fsyncs and close the file; a ReviewError if one failed (the
        file is closed all the same)."""
        fsyncer = self._stop()
        if fsyncer is not None:
            fsyncer.raise_failure(self.path)

    def _start(self, handle: IO[bytes], created: bool) -> None:
        self._handle = handle
        # A new file's directory entry is fsynced too, or a crash could lose the whole file.
        self._fsyncer = _Fsyncer(handle.fileno(), self.path.parent if created else None)

    def _stop(self) -> _Fsyncer | None:
        fsyncer = self._fsyncer
        if fsyncer is not None:
            fsyncer.stop()
        if self._handle is not None:
            self._handle.close()
        self._handle = None
        self._fsyncer = None
        return fsyncer

    def _open(self, mode: str) -> IO[bytes]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self.path.open(mode)
        except OSError as exc:
            raise ReviewError(f"{self.path}: cannot write the journal: {exc.strerror}") from None

    def _write(self, record: dict[str, Any]) -> None:
        assert self._handle is not None and self._fsyncer is not None
        line = json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"
        try:
            self._handle.write(line.encode("utf-8"))
            self._handle.flush()
        except OSError as exc:
            raise ReviewError(f"{self.path}: cannot write the journal: {exc.strerror}") from None
        self._fsyncer.written()


class _Fsyncer:
    """fsyncs one open file on a thread of its own whenever something was written to it since
    the last fsync: one fsync covers every write before it, so a burst of changes during a slow
    fsync costs one more, not one each. The first failure is kept (a later fsync of the same
    file may succeed though the data was lost) and ends the thread."""

    def __init__(self, fd: int, directory: Path | None) -> None:
        self._fd = fd
        self._directory = directory
        self._changed = threading.Condition()
        self._written = 0
        self._synced = 0
        self._failure: OSError | None = None
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="journal fsync", daemon=True)
        self._thread.start()

    def written(self) -> None:
        with self._changed:
            self._written += 1
            self._changed.notify_all()

    def wait(self) -> None:
        with self._changed:
            self._changed.wait_for(lambda: self._synced == self._written or self._ended)

    def stop(self) -> None:
        """Wait for the pending fsyncs, then end the thread."""
        with self._changed:
            self._stopping = True
            self._changed.notify_all()
        self._thread.join()

    def raise_failure(self, path: Path) -> None:
        if self._failure is not None:
            raise ReviewError(
                f"{path}: cannot write the journal: {self._failure.strerror} (the last changes "
                "may not survive a crash; save to keep them)"
            )

    @property
    def _ended(self) -> bool:
        return self._failure is not None or not self._thread.is_alive()

    def _run(self) -> None:
        with self._changed:
            while True:
                self._changed.wait_for(lambda: self._synced < self._written or self._stopping)
                if self._synced == self._written:
                    return
                target = self._written
                self._changed.release()
                try:
                    os.fsync(self._fd)
                    if self._directory is not None:
                        fsync_directory(self._directory)
                        self._directory = None
                except OSError as exc:
                    self._failure = exc
                finally:
                    self._changed.acquire()
                if self._failure is None:
                    self._synced = target
                self._changed.notify_all()
                if self._failure is not None:
                    return


def _decode(path: Path, number: int, line: bytes) -> Any:
    try:
        return json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ReviewError(f"{path}: line {number} is damaged (not JSON)") from None


def _entry(path: Path, number: int, record: Any) -> JournalEntry:
    if not (
        isinstance(record, dict)
        and isinstance(record.get("change"), str)
        and isinstance(record.get("set"), dict)
    ):
        raise ReviewError(f"{path}: line {number} is not a journalled change")
    try:
        reviews = {str(k): SentenceReview.from_json(v) for k, v in record["set"].items()}
        segmentation = (
            Resegmentation.from_json(record["segmentation"]) if "segmentation" in record else None
        )
    except ValueError as exc:
        raise ReviewError(f"{path}: line {number}: {exc}") from None
    return JournalEntry(record["change"], reviews, segmentation)
