import errno
import json
import os
import stat
import threading
import time

import pytest

from review.errors import ReviewError
from review.journal import JournalEntry, JournalWriter, read_journal
from review.segment import Resegmentation
from review.state import SentenceReview, Status

ORIGINAL = "a" * 64
PATCH = "b" * 64


def write(path, *entries, patch=PATCH):
    writer = JournalWriter(path, ORIGINAL, patch)
    for entry in entries:
        writer.append(entry)
    writer.close()


def test_nothing_is_written_before_the_first_change(tmp_path):
    path = tmp_path / "corrections" / "x.journal"
    JournalWriter(path, ORIGINAL, None).close()
    assert not path.exists()
    assert read_journal(path) is None


def test_entries_are_json_lines_read_back_in_order(tmp_path):
    path = tmp_path / "x.journal"
    write(
        path,
        JournalEntry("text replaced", {"s1": SentenceReview(edited="Ünïcode “x”\n")}),
        JournalEntry("undone: text replaced", {"s1": SentenceReview()}),
        JournalEntry("marked reviewed", {"s2": SentenceReview(status=Status.REVIEWED)}),
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0]) == {
        "journal": 2,
        "original_sha256": ORIGINAL,
        "patch_sha256": PATCH,
    }
    assert json.loads(lines[1]) == {
        "change": "text replaced",
        "set": {"s1": {"edited": "Ünïcode “x”\n"}},
    }
    contents = read_journal(path)
    assert (contents.original_sha256, contents.patch_sha256) == (ORIGINAL, PATCH)
    assert [e.label for e in contents.entries] == [
        "text replaced",
        "undone: text replaced",
        "marked reviewed",
    ]
    assert contents.entries[1].reviews == {"s1": SentenceReview()}
    assert not contents.torn_tail


def test_every_append_is_fsynced_by_close(tmp_path, monkeypatch):
    """Each fsync is of the file as far as it was written then; the last covers it all, and
    the folder is fsynced once, for the new file's entry."""
    path = tmp_path / "x.journal"
    synced = []
    real_fsync = os.fsync

    def fsync(fd):
        status = os.fstat(fd)
        synced.append("folder" if stat.S_ISDIR(status.st_mode) else status.st_size)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    writer = JournalWriter(path, ORIGINAL, None)
    writer.append(JournalEntry("one", {"s1": SentenceReview(comment="1")}))
    writer.synced()
    assert synced.count("folder") == 1
    assert [size for size in synced if size != "folder"][-1] == path.stat().st_size
    writer.append(JournalEntry("two", {"s1": SentenceReview(comment="2")}))
    writer.close()
    assert synced.count("folder") == 1
    assert synced[-1] == path.stat().st_size


class BlockedFsync:
    """os.fsync held until ``release`` (a disk under load); counts the calls that began."""

    def __init__(self, monkeypatch):
        self.gate = threading.Event()
        self.began = threading.Semaphore(0)
        real_fsync = os.fsync

        def fsync(fd):
            self.began.release()
            assert self.gate.wait(timeout=10)
            real_fsync(fd)

        monkeypatch.setattr(os, "fsync", fsync)

    def release(self):
        self.gate.set()


def in_thread(call):
    """Run ``call`` on a thread; the thread, to join, and an event set when it returned."""
    done = threading.Event()
    thread = threading.Thread(target=lambda: (call(), done.set()))
    thread.start()
    return thread, done


def test_append_returns_while_the_fsync_is_blocked_with_the_record_in_the_file(
    tmp_path, monkeypatch
):
    blocked = BlockedFsync(monkeypatch)
    path = tmp_path / "x.journal"
    writer = JournalWriter(path, ORIGINAL, None)
    started = time.perf_counter()
    writer.append(JournalEntry("one", {"s1": SentenceReview(comment="1")}))
    writer.append(JournalEntry("two", {"s1": SentenceReview(comment="2")}))
    assert time.perf_counter() - started < 1
    assert blocked.began.acquire(timeout=5)  # the fsync is under way, and held
    # Another process (the next open after a kill -9) reads both changes already.
    assert [e.label for e in read_journal(path).entries] == ["one", "two"]
    blocked.release()
    writer.close()


@pytest.mark.parametrize("ending", ["close", "restart", "synced"])
def test_close_save_and_synced_wait_for_the_pending_fsyncs(tmp_path, monkeypatch, ending):
    blocked = BlockedFsync(monkeypatch)
    writer = JournalWriter(tmp_path / "x.journal", ORIGINAL, None)
    writer.append(JournalEntry("one", {"s1": SentenceReview(comment="1")}))
    assert blocked.began.acquire(timeout=5)
    call = {
        "close": writer.close,
        "restart": lambda: writer.restart(PATCH),
        "synced": writer.synced,
    }[ending]
    thread, done = in_thread(call)
    assert not done.wait(timeout=0.3)
    blocked.release()
    thread.join(timeout=5)
    assert done.is_set()
    writer.close()


def test_a_failed_fsync_is_reported_at_the_next_change_and_at_close(tmp_path, monkeypatch):
    path = tmp_path / "x.journal"

    def failing_fsync(fd):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", failing_fsync)
    writer = JournalWriter(path, ORIGINAL, None)
    writer.append(JournalEntry("one", {"s1": SentenceReview(comment="1")}))
    message = (
        f"{path}: cannot write the journal: Input/output error (the last changes may not "
        "survive a crash; save to keep them)"
    )
    with pytest.raises(ReviewError) as refused:
        writer.synced()
    assert str(refused.value) == message
    with pytest.raises(ReviewError, match="Input/output error"):
        writer.append(JournalEntry("two", {"s1": SentenceReview(comment="2")}))
    assert [e.label for e in read_journal(path).entries] == ["one"]  # "two" was not written
    with pytest.raises(ReviewError) as refused:
        writer.close()
    assert str(refused.value) == message


def test_a_torn_last_line_is_dropped_and_reported(tmp_path):
    path = tmp_path / "x.journal"
    write(path, JournalEntry("one", {"s1": SentenceReview(comment="1")}))
    with path.open("ab") as handle:
        handle.write(b'{"change": "two", "set": {"s1": {"comm')
    contents = read_journal(path)
    assert len(contents.entries) == 1
    assert contents.torn_tail


def test_a_journal_torn_in_its_first_line_holds_nothing(tmp_path):
    path = tmp_path / "x.journal"
    path.write_bytes(b'{"journal": 1, "orig')
    assert read_journal(path) is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"journal": 1, "original_sha256": "a"}\nnot json\n', "line 2 is damaged"),
        (b'{"journal": 1, "original_sha256": "a"}\n{"set": {}}\n', "line 2 is not a journalled"),
        (
            b'{"journal": 1, "original_sha256": "a"}\n{"change": "c", "set": {"s1": {"x": 1}}}\n',
            "line 2: not a sentence review",
        ),
        (b'{"journal": 3, "original_sha256": "a"}\n', "is not a review journal"),
        (b"[]\n", "is not a review journal"),
    ],
)
def test_a_damaged_journal_is_refused(tmp_path, content, message):
    path = tmp_path / "x.journal"
    path.write_bytes(content)
    with pytest.raises(ReviewError, match=message):
        read_journal(path)


def test_restart_removes_the_journal_and_sets_the_new_base(tmp_path):
    path = tmp_path / "x.journal"
    writer = JournalWriter(path, ORIGINAL, None)
    writer.append(JournalEntry("one", {"s1": SentenceReview(comment="1")}))
    writer.restart(PATCH)
    assert not path.exists()
    writer.append(JournalEntry("two", {"s1": SentenceReview(comment="2")}))
    writer.close()
    contents = read_journal(path)
    assert contents.patch_sha256 == PATCH
    assert [e.label for e in contents.entries] == ["two"]


def test_continue_existing_appends_after_a_replay(tmp_path):
    path = tmp_path / "x.journal"
    write(path, JournalEntry("one", {"s1": SentenceReview(comment="1")}))
    writer = JournalWriter(path, ORIGINAL, PATCH)
    writer.continue_existing()
    writer.append(JournalEntry("two", {"s1": SentenceReview(comment="2")}))
    writer.close()
    assert [e.label for e in read_journal(path).entries] == ["one", "two"]


def test_a_merge_or_split_is_journalled_with_the_whole_segmentation(tmp_path):
    path = tmp_path / "doc.journal"
    merged = Resegmentation(joined=frozenset({"s67"}), split=frozenset({"s12-48"}))
    write(path, JournalEntry("merged s66 and s67 into s66", {"s67": SentenceReview()}, merged))
    line = json.loads(path.read_text(encoding="utf-8").splitlines()[1])
    assert line == {
        "change": "merged s66 and s67 into s66",
        "set": {"s67": {}},
        "segmentation": {"joined": ["s67"], "split": ["s12-48"]},
    }
    contents = read_journal(path)
    assert contents is not None and contents.entries[0].segmentation == merged


def test_a_journal_of_the_first_version_is_still_read(tmp_path):
    path = tmp_path / "doc.journal"
    path.write_bytes(
        b'{"journal": 1, "original_sha256": "a", "patch_sha256": null}\n'
        b'{"change": "c", "set": {"s1": {"status": "reviewed"}}}\n'
    )
    contents = read_journal(path)
    assert contents is not None
    assert contents.entries[0] == JournalEntry("c", {"s1": SentenceReview(status=Status.REVIEWED)})
