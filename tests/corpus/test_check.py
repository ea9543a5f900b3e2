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
        Skipped("pipe", "is not a regular file (a FIFO, socket…)"),
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
