import os
from pathlib import Path

from review.checking import check_document
from review.config import Config
from review.corpus.check import Checked, Skipped, check_corpus
from review.inputs import open_text


def test_each_file_in_order_checked_as_alone_or_skipped_with_why(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Our cause is a win-win cooperation。\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "z.txt").write_text("The report is ready.\n", encoding="utf-8")
    files = [tmp_path / name for name in ("a.txt", "empty.txt", "pipe", "z.txt")]
    # A FIFO is never opened for reading (that would block until a writer comes).
    results = list(check_corpus(files, tmp_path, Config(), use_servers=False))
    assert results[1:3] == [
        Skipped("empty.txt", "is empty; there is nothing to review"),
        Skipped("pipe", "is a named pipe (FIFO), not a regular file"),
    ]
    for index in (0, 3):
        checked = results[index]
        assert isinstance(checked, Checked)
        alone = open_text(files[index], base=tmp_path)
        assert checked.text == alone
        assert checked.result == check_document(
            alone.document.text, alone.sentences, Config(), use_servers=False
        )
    assert str(results[1]) == "empty.txt: is empty; there is nothing to review; skipped"


def test_a_link_loop_or_a_link_to_nothing_in_a_project_is_skipped_as_alone(tmp_path: Path) -> None:
    # Found by a hostile run: a loop made `review check DIR` end in a traceback (resolving
    # the loop's path to name it raised a RuntimeError on Python 3.11 and 3.12).
    (tmp_path / "loop1").symlink_to("loop2")
    (tmp_path / "loop2").symlink_to("loop1")
    (tmp_path / "dangling").symlink_to("nothing")
    os.mkfifo(tmp_path / "pipe")
    files = [tmp_path / name for name in ("dangling", "loop1", "pipe")]
    results = list(check_corpus(files, tmp_path, Config(), use_servers=False))
    # The reasons a file named alone is refused with (README, bad input).
    assert results == [
        Skipped("dangling", "is a symbolic link to nothing (no such file)"),
        Skipped("loop1", "is a symbolic link loop, not a file"),
        Skipped("pipe", "is a named pipe (FIFO), not a regular file"),
    ]
