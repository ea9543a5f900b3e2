import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from review.errors import ReviewError
from review.lock import acquire


def test_acquire_writes_the_pid_and_release_removes_it(tmp_path):
    path = tmp_path / "corrections" / "x.lock"
    lock = acquire(path, "x.txt")
    assert path.read_text() == f"{os.getpid()}\n"
    assert not lock.taken_over
    lock.release()
    assert not path.exists()


def test_a_live_owner_is_named(tmp_path):
    path = tmp_path / "x.lock"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        path.write_text(f"{sleeper.pid}\n")
        with pytest.raises(ReviewError) as error:
            acquire(path, "x.txt")
        assert str(error.value) == (
            f"x.txt is being edited by another review process (pid {sleeper.pid})"
        )
    finally:
        sleeper.kill()
        sleeper.wait()


def test_a_dead_owner_or_an_empty_lock_is_taken_over(tmp_path):
    path = tmp_path / "x.lock"
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    path.write_text(f"{gone.pid}\n")
    lock = acquire(path, "x.txt")
    assert (lock.taken_over, lock.stale_pid) == (True, gone.pid)
    lock.release()
    path.write_text("")
    lock = acquire(path, "x.txt")
    assert (lock.taken_over, lock.stale_pid) == (True, None)


def test_release_leaves_a_lock_that_is_no_longer_ours(tmp_path):
    path = tmp_path / "x.lock"
    lock = acquire(path, "x.txt")
    path.write_text("1\n")
    lock.release()
    assert path.read_text() == "1\n"


def test_a_killed_child_not_yet_reaped_counts_as_gone(tmp_path):
    path = tmp_path / "x.lock"
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        deadline = time.monotonic() + 10
        stat = Path(f"/proc/{child.pid}/stat")
        while stat.read_text().rpartition(")")[2].split()[0] != "Z":
            assert time.monotonic() < deadline
            time.sleep(0.01)
        path.write_text(f"{child.pid}\n")
        assert acquire(path, "x.txt").taken_over
    finally:
        child.wait()
