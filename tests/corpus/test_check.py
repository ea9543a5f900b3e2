import os
from pathlib import Path

from review.checking import check_document
from review.config import Config
from review.corpus.check import Checked, Skipped, check_corpus
from review.inputs import open_text, with_file_languages


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


RUSSIAN_XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a" source-language="ru" target-language="en-US" datatype="plaintext"><body>
    <trans-unit id="1"><source>Москва большой город.</source>
      <target>Moscow is a big город.</target></trans-unit>
  </body></file>
</xliff>
"""


def test_a_bilingual_file_is_checked_with_its_own_source_language_as_alone(tmp_path) -> None:
    # Checked in a project, the file's source language was not taken: "Untranslated
    # Cyrillic text" where `review check FILE` says "Untranslated Russian text".
    (tmp_path / "r.xlf").write_text(RUSSIAN_XLIFF, encoding="utf-8")
    (tmp_path / "z.txt").write_text("The report is ready.\n", encoding="utf-8")
    files = [tmp_path / "r.xlf", tmp_path / "z.txt"]
    results = list(check_corpus(files, tmp_path, Config(), use_servers=False))
    alone = open_text(files[0], base=tmp_path)
    expected = check_document(
        alone.document.text,
        alone.sentences,
        with_file_languages(Config(), alone.document),
        use_servers=False,
    )
    checked = results[0]
    assert isinstance(checked, Checked)
    assert checked.result == expected
    assert [f.message for f in expected.flags if f.rule == "MT_SOURCE_SCRIPT"] == [
        "Untranslated Russian text"
    ]
    assert isinstance(results[1], Checked) and results[1].result == check_document(
        "The report is ready.\n", open_text(files[1], base=tmp_path).sentences, Config(),
        use_servers=False,
    )  # fmt: skip


def test_a_files_notices_are_those_it_has_alone(tmp_path) -> None:
    # In a project, a guessed encoding and another target language went unsaid.
    (tmp_path / "latin.txt").write_bytes(b"Caf\xe9 owners said hello to the na\xefve visitors.\n")
    (tmp_path / "de.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n\n'
        'msgid "Open"\nmsgstr "Öffnen"\n',
        encoding="utf-8",
    )
    files = [tmp_path / "de.po", tmp_path / "latin.txt"]
    results = list(check_corpus(files, tmp_path, Config(), use_servers=False))
    assert [r.notices for r in results if isinstance(r, Checked)] == [
        ("de.po: its target language is de, and it is checked as en-US (language in "
         "review.toml's [review]): the flags follow en-US's rules",),
        (f"{files[1]}: not UTF-8; its encoding is a guess: cp1250 (65% confidence); give "
         "--encoding, or encoding in review.toml's [review], if that is wrong",),
    ]  # fmt: skip
