"""The offload process: a worker that dies (killed by the system or a user) fails the call with
one line instead of leaving it waiting for ever, and closing never waits on it."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Sequence

import pytest

from review.errors import ReviewError
from review.flags import Category, Flag, MqmClass, Severity
from review.offload import ProcessOffload
from review.segment import Sentence


class _Pid:
    """A checker whose one flag's start is the id of the process that ran it."""

    name = "pid"
    version = None

    def check(self, text: str, sentences: Sequence[Sentence]) -> list[Flag]:
        pid = os.getpid()
        return [
            Flag("s1", pid, pid, "pid", "PID", Category.STYLE, MqmClass.AWKWARD,
                 Severity.MINOR, "", "")
        ]  # fmt: skip


class _Killed:
    """A checker whose process is killed while it checks (as the out-of-memory killer does)."""

    name = "killed"
    version = None

    def check(self, text: str, sentences: Sequence[Sentence]) -> list[Flag]:
        os.kill(os.getpid(), signal.SIGKILL)
        return []


def _within(seconds: float, call: Callable[[], object]) -> list[object]:
    """What ``call`` returned or raised, which it must do within ``seconds`` (a daemon thread
    left waiting does not hold the test run)."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(call())
        except Exception as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still waiting after {seconds} s"
    return outcome


def test_a_worker_killed_mid_pass_fails_the_call_and_the_next_call_gets_a_new_one() -> None:
    offload = ProcessOffload()
    try:
        (failure,) = _within(30, lambda: offload(_Killed(), "", ()))
        assert isinstance(failure, ReviewError)
        assert str(failure) == (
            "the process that runs the fluency detectors ended before it answered "
            "(exit code -9; out of memory?)"
        )
        (flags,) = _within(30, lambda: offload(_Pid(), "", ()))
        assert isinstance(flags, list) and flags[0].start != os.getpid()
    finally:
        _within(10, offload.close)


def test_closing_after_the_idle_worker_was_killed_returns_at_once() -> None:
    offload = ProcessOffload()
    (flags,) = _within(30, lambda: offload(_Pid(), "", ()))
    assert isinstance(flags, list)
    os.kill(flags[0].start, signal.SIGKILL)
    _within(10, offload.close)
    with pytest.raises(ProcessLookupError):
        os.kill(flags[0].start, 0)
