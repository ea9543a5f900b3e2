"""The journal: every change, on disk before the change is reported done.

JSON lines beside the patch (``corrections/<name>.journal``). The first line says which
original and which saved patch the changes apply to; each further line is one change, giving
the new review of every sentence it touched, so replaying is just setting them again (and the
order of lines is the only thing that matters); a change that merges or splits sentences also
gives the whole new segmentation (``"segmentation"``), set before its reviews, which are keyed
by the ids it gives. Saving the patch removes the journal.
"""

from __future__ import annotations

import contextlib
import json
import os
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
    """Appends changes to a journal file, each fsynced before ``append`` returns.

    The file is created on the first append, so opening a review and changing nothing leaves
    no journal behind. Not thread-safe: the session serialises calls.
    """

    def __init__(self, path: Path, original_sha256: str, patch_sha256: str | None) -> None:
        self.path = path
        self._original_sha256 = original_sha256
        self._patch_sha256 = patch_sha256
        self._handle: IO[bytes] | None = None

    def continue_existing(self) -> None:
        """Append to the journal already on disk (after it was replayed) instead of a new one."""
        self._handle = self._open("ab")

    def append(self, entry: JournalEntry) -> None:
        if self._handle is None:
            self._handle = self._open("wb")
            head = {
                "journal": FORMAT_VERSION,
                "original_sha256": self._original_sha256,
                "patch_sha256": self._patch_sha256,
            }
            self._write(head)
            fsync_directory(self.path.parent)
        record: dict[str, Any] = {
            "change": entry.label,
            "set": {k: v.to_json() for k, v in entry.reviews.items()},
        }
        if entry.segmentation is not None:
            record["segmentation"] = entry.segmentation.to_json()
        self._write(record)

    def restart(self, patch_sha256: str) -> None:
        """The patch was saved: drop the journal; later changes start one on top of that patch."""
        self.discard()
        fsync_directory(self.path.parent)
        self._patch_sha256 = patch_sha256

    def discard(self) -> None:
        """Forget the unsaved changes: remove the journal file."""
        self.close()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def _open(self, mode: str) -> IO[bytes]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self.path.open(mode)
        except OSError as exc:
            raise ReviewError(f"{self.path}: cannot write the journal: {exc.strerror}") from None

    def _write(self, record: dict[str, Any]) -> None:
        assert self._handle is not None
        line = json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"
        try:
            self._handle.write(line.encode("utf-8"))
            self._handle.flush()
            os.fsync(self._handle.fileno())
        except OSError as exc:
            raise ReviewError(f"{self.path}: cannot write the journal: {exc.strerror}") from None


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
