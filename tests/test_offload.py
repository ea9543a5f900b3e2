"""The CPU-heavy checkers run in another process: the same flags as in the calling process,
the result cache written by the caller (issue 12 item 8); a worker that dies (killed by the
system or a user) fails the call with one line instead of leaving it waiting for ever, and
closing never waits on it."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from multiprocessing.reduction import ForkingPickler
from pathlib import Path

import pytest

from review.cache import ResultCache
from review.checker_api import Checker
from review.checking import open_checkers, settle_flags
from review.config import Config
from review.errors import ReviewError
from review.flags import Flag, to_json_chunks
from review.inputs import open_text
from review.offload import ProcessOffload
from review.segment import Sentence
from support import SEED

GLOSSARY = """\
use: China–US
avoid: community of human destiny → community with a shared future for mankind
"""


@pytest.fixture
def offload() -> Iterator[ProcessOffload]:
    runner = ProcessOffload()
    yield runner
    runner.close()


def _config(tmp_path: Path) -> Config:
    glossary = tmp_path / "glossary.txt"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    return replace(Config(), glossaries=(glossary,), words=tmp_path / "words.txt")


def test_the_checkers_give_the_same_flags_in_the_other_process(tmp_path, offload):
    text = open_text(SEED)
    config = _config(tmp_path)
    here = open_checkers(config, use_servers=False, cache=ResultCache(tmp_path / "a.sqlite3"))
    there = open_checkers(
        config, use_servers=False, cache=ResultCache(tmp_path / "b.sqlite3"), offload=offload
    )
    offloaded = ["fluency", "terms", "consistency"]
    # The source–target checker is opened too; a plain text gives it nothing to check.
    assert [c.name for c in there.checkers] == [*offloaded, "source-target"]
    for mine, theirs in zip(here.checkers[:3], there.checkers[:3], strict=True):
        expected = list(mine.check(text.document.text, text.sentences))
        assert expected  # each finds something on the seed
        assert list(theirs.check(text.document.text, text.sentences)) == expected


def test_the_pass_runs_in_another_process_and_the_cache_is_written_here(tmp_path, offload):
    text = open_text(SEED)
    ran_in: list[int] = []

    def watched(checker: Checker, text: str, sentences: Sequence[Sentence]) -> list[Flag]:
        flags = offload(checker, text, sentences)
        ran_in.append(offload(_Pid(), "", ())[0].start)
        return flags

    cache = ResultCache(tmp_path / "cache.sqlite3")
    opened = open_checkers(_config(tmp_path), use_servers=False, cache=cache, offload=watched)
    fluency = opened.checkers[0]
    first = list(fluency.check(text.document.text, text.sentences))
    assert ran_in and ran_in[0] != os.getpid()
    # Reopened on the same cache: the flags come from it, nothing is sent to the process.
    ran_in.clear()
    again = open_checkers(_config(tmp_path), use_servers=False, cache=cache, offload=watched)
    assert list(again.checkers[0].check(text.document.text, text.sentences)) == first
    assert ran_in == []


def test_the_process_is_nicer_than_the_ui(offload):
    # It gives the processor to the keys and the screen when both want it.
    ours = os.getpriority(os.PRIO_PROCESS, 0)  # os.nice is the tests' stand-in (conftest)
    assert offload(_Niceness(), "", ())[0].start == min(ours + 10, 19)


class _Niceness:
    """A checker whose one flag's start is the niceness of the process that ran it."""

    name = "niceness"
    version = None

    def check(self, text: str, sentences: Sequence[Sentence]) -> list[Flag]:
        return [replace(flag, start=os.nice(0)) for flag in _Pid().check(text, sentences)]


class _Pid:
    """A checker whose one flag's start is the id of the process that ran it."""

    name = "pid"
    version = None

    def check(self, text: str, sentences: Sequence[Sentence]) -> list[Flag]:
        from review.flags import Category, MqmClass, Severity

        pid = os.getpid()
        return [
            Flag("s1", pid, pid, "pid", "PID", Category.STYLE, MqmClass.AWKWARD,
                 Severity.MINOR, "", "")
        ]  # fmt: skip


STARTED_UNDER_TEXTUAL = """
import sys
from review.inputs import open_text
from review.checkers.fluency import FluencyChecker
from review.offload import ProcessOffload

class Capture:  # as Textual's capture of stderr: no file descriptor
    def write(self, text): return len(text)
    def flush(self): pass
    def fileno(self): return -1

if __name__ == "__main__":
    text = open_text(sys.argv[1])
    sys.stderr = Capture()
    flags = ProcessOffload()(FluencyChecker(), text.document.text, text.sentences)
    print(len(flags) == len(list(FluencyChecker().check(text.document.text, text.sentences))))
"""


def test_the_process_starts_while_stderr_has_no_file_descriptor(tmp_path):
    # It failed with "bad value(s) in fds_to_keep": the helper processes get stderr's fd.
    script = tmp_path / "started.py"
    script.write_text(STARTED_UNDER_TEXTUAL, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script), str(SEED)], capture_output=True, text=True, timeout=120
    )
    assert (result.returncode, result.stdout) == (0, "True\n"), result.stderr[-500:]


def test_a_document_is_settled_in_the_other_process_as_review_check_settles_it(tmp_path, offload):
    text = open_text(SEED)
    config = _config(tmp_path)
    opened = open_checkers(config, use_servers=False, cache=ResultCache(tmp_path / "c.sqlite3"))
    found = [f for c in opened.checkers for f in c.check(text.document.text, text.sentences)]
    here = settle_flags(found, opened.checkers, text.document.text, text.sentences, config)
    there = offload.settle(found, text.document.text, text.sentences, config, use_servers=False)
    assert there == here
    assert len(here) < len(found)  # settling dropped some (the quotes the house style owns)


def test_sentences_cross_to_the_process_as_columns_and_come_back_equal(monkeypatch):
    from review import offload as module

    monkeypatch.setattr(module, "SENTENCE_CHUNK", 2)
    sentences = (
        Sentence("s1", 0, 5, 1, "Hello"),
        Sentence("u7.s1", 6, 12, 2, "Wörld😀", unit="u7", source="世界"),
        Sentence("u7.s2", 13, 15, 2, "\ud800x", unit="u7", source=""),
    )
    sent = list(module._sent_sentences(sentences))
    assert len(sent) == 2 and all(isinstance(chunk, str) for chunk in sent)
    assert module._received_sentences(sent) == sentences


def test_a_document_is_sent_once_for_all_its_passes(tmp_path, offload, monkeypatch):
    """Sent once a pass, a book's text and sentences were written, and read into the worker,
    once for each checker (four times 40 MB at 100,000 sentences)."""
    from review import offload as module

    texts: list[int] = []
    written: list[int] = []
    write_text, sent_sentences = module._write_text, module._sent_sentences

    def recorded_text(folder: Path, text: str) -> None:
        texts.append(len(text))
        write_text(folder, text)

    def recorded_sentences(sentences: Sequence[Sentence]) -> Iterator[str]:
        written.append(len(sentences))
        return sent_sentences(sentences)

    monkeypatch.setattr(module, "_write_text", recorded_text)
    monkeypatch.setattr(module, "_sent_sentences", recorded_sentences)
    text = open_text(SEED)
    config = _config(tmp_path)
    here = open_checkers(config, use_servers=False, cache=ResultCache(tmp_path / "a.sqlite3"))
    there = open_checkers(
        config, use_servers=False, cache=ResultCache(tmp_path / "b.sqlite3"), offload=offload
    )
    whole, part = len(text.sentences), text.sentences[:12]
    for sentences in (text.sentences, part):
        for mine, theirs in zip(here.checkers, there.checkers, strict=True):
            expected = list(mine.check(text.document.text, sentences))
            assert list(theirs.check(text.document.text, sentences)) == expected
    found = list(here.checkers[0].check(text.document.text, part))
    offload.settle(found, text.document.text, part, config, False)
    # Four checkers' passes over the whole text, then over its first paragraphs, and a
    # settling of those: the text sent once, and two sets of its sentences.
    assert whole > 12 and texts == [len(text.document.text)] and written == [whole, 12]


def test_the_text_sentences_and_flags_cross_in_files_not_in_the_pools_pickles(
    tmp_path, offload, monkeypatch
):
    """A pickle is made, and read, in one step that holds the interpreter lock: a book's text
    and sentences pickled held the UI's keys and screen for 50-150 ms."""
    sizes: list[int] = []
    dumps, loads = ForkingPickler.dumps, ForkingPickler.loads

    def measured_dumps(cls, obj, protocol=None):
        data = dumps(obj, protocol)
        sizes.append(len(data))
        return data

    def measured_loads(data, /, **options):
        sizes.append(len(data))
        return loads(data, **options)

    monkeypatch.setattr(ForkingPickler, "dumps", classmethod(measured_dumps))
    monkeypatch.setattr("multiprocessing.connection._ForkingPickler.loads", measured_loads)
    text = open_text(SEED)
    config = _config(tmp_path)
    cache = ResultCache(tmp_path / "cache.sqlite3")
    there = open_checkers(config, use_servers=False, cache=cache, offload=offload)
    found = list(there.checkers[0].check(text.document.text, text.sentences))
    settled = offload.settle(found, text.document.text, text.sentences, config, False)
    here = settle_flags(
        found, open_checkers(config, use_servers=False).checkers, text.document.text,
        text.sentences, config,
    )  # fmt: skip
    assert len(found) >= 20 and settled == here
    # The seed's text is 13,805 characters, its flags about 7,000 characters of JSON; what is
    # pickled is the checker, the config, and a folder's name.
    assert len(text.document.text) == 13_805 and len("".join(to_json_chunks(found))) > 5_000
    assert len(sizes) >= 4 and max(sizes) < 2_000


class _Many:
    """A checker with a flag on every one of 50,000 offsets."""

    name = "many"
    version = None

    def check(self, text: str, sentences: Sequence[Sentence]) -> list[Flag]:
        from review.flags import Category, MqmClass, Severity

        return [
            Flag("s1", i, i + 1, "many", "MANY", Category.STYLE, MqmClass.AWKWARD,
                 Severity.MINOR, "", "x", ("y",))
            for i in range(50_000)
        ]  # fmt: skip


def test_the_flags_sent_back_are_made_with_no_collection_and_kept_out_of_later_ones(offload):
    """Made while collections run, a book's flags set off full ones, each holding the
    interpreter lock against the keys (one took 200 ms)."""
    here = threading.get_ident()
    generations: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and threading.get_ident() == here:
            generations.append(info["generation"])

    gc.collect()
    frozen = gc.get_freeze_count()
    gc.callbacks.append(seen)
    try:
        flags = offload(_Many(), "", ())
    finally:
        gc.callbacks.remove(seen)
        kept_out = gc.get_freeze_count() - frozen
        gc.unfreeze()
    assert len(flags) == 50_000 and (flags[-1].start, flags[-1].replacements) == (49_999, ("y",))
    assert [g for g in generations if g > 0] == []
    assert kept_out >= 50_000


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


def test_the_worker_reads_a_text_once_for_the_sentences_sent_with_it(tmp_path):
    """A re-check's passes over the edited paragraph and its settling against the whole
    document are sent other sentences of the same text: the worker joined it again for each."""
    from review import offload as module

    module._write_text(tmp_path, "One. Two.")
    paragraph = (Sentence("s2", 5, 9, 1, "Two."),)
    document = (Sentence("s1", 0, 4, 1, "One."), *paragraph)
    module._write(tmp_path / "sentences-1", module._sent_sentences(paragraph))
    module._write(tmp_path / "sentences-2", module._sent_sentences(document))
    first = module._read_document((str(tmp_path), str(tmp_path / "sentences-1")))
    second = module._read_document((str(tmp_path), str(tmp_path / "sentences-2")))
    assert first == ("One. Two.", paragraph) and second == ("One. Two.", document)
    assert second[0] is first[0]
