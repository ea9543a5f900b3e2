import codecs
import hashlib
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from review.document import MAX_LINE_CHARS, convert_to_utf8, load_document
from review.errors import ReviewError
from support import SEED

TEXT = "Le “café” coûte 3 €.\nSecond line。\n"


def test_seed_is_utf8_without_final_newline() -> None:
    doc = load_document(SEED, base=SEED.parent.parent)
    assert doc.relpath == "seeds/000_609f52cd2aa5fae0.txt"
    assert doc.encoding == "utf-8"
    assert doc.bom == b""
    assert doc.newline == "\n"
    assert doc.ends_with_newline is False
    assert doc.sha256 == hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert doc.encode(doc.text) == SEED.read_bytes()


@pytest.mark.parametrize(
    ("raw", "encoding", "bom"),
    [
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", codecs.BOM_UTF8),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le", codecs.BOM_UTF16_LE),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be", codecs.BOM_UTF16_BE),
    ],
)
def test_boms_are_kept_apart_from_the_text(tmp_path: Path, raw: bytes, encoding: str, bom: bytes):
    path = tmp_path / "t.txt"
    path.write_bytes(raw)
    doc = load_document(path)
    assert (doc.encoding, doc.bom, doc.text) == (encoding, bom, TEXT)
    assert doc.encode(doc.text) == raw


def test_gb18030_is_detected(tmp_path: Path) -> None:
    text = "中华人民共和国外交部发言人表示，中方愿同各方一道，推动构建新型国际关系。\n" * 4
    path = tmp_path / "gb.txt"
    path.write_bytes(text.encode("gb18030"))
    doc = load_document(path)
    assert doc.text == text
    assert doc.encode(doc.text) == path.read_bytes()


def test_crlf_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"One. Two.\r\nThree.\r\n")
    doc = load_document(path)
    assert doc.newline == "\r\n"
    assert doc.text == "One. Two.\r\nThree.\r\n"
    assert doc.ends_with_newline is True


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b" \n\n", "is empty"),
        # A BOM alone, or UTF-16 spaces, passed as text of no sentences (a hostile run).
        (b"\xef\xbb\xbf", "is empty"),
        (b"\xff\xfe \x00\n\x00", "is empty"),
        (b"abc\x00def\x01" * 10, "is a binary file"),
        (b"x" * (MAX_LINE_CHARS + 1) + b"\n", "characters long"),
    ],
)
def test_bad_files_are_one_line_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ReviewError, match=message) as caught:
        load_document(path)
    assert "\n" not in str(caught.value)


def test_missing_directory_and_unreadable(tmp_path: Path) -> None:
    with pytest.raises(ReviewError, match="no such file"):
        load_document(tmp_path / "missing.txt")
    with pytest.raises(ReviewError, match="is a directory"):
        load_document(tmp_path)


def test_fifty_megabytes_load(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    line = "The trend of the times is rolling forward, and win-win cooperation is the core. " * 8
    path.write_text((line + "\n") * (50_000_000 // (len(line) + 1)), encoding="utf-8")
    doc = load_document(path)
    assert doc.size > 49_000_000
    assert doc.encoding == "utf-8"


def test_a_loaded_document_holds_its_text_not_the_files_bytes_too(tmp_path: Path) -> None:
    # The bytes beside the text were half as much memory again, all through a check.
    path = tmp_path / "book.txt"
    path.write_text("The trend of the times is rolling forward.\n" * 25_000, encoding="utf-8")
    tracemalloc.start()
    try:
        doc = load_document(path)
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert held < 1.2 * path.stat().st_size
    assert doc.size == path.stat().st_size > 1_000_000


LATIN = b"Caf\xe9 owners said hello to the na\xefve visitors.\n"


def test_a_guessed_encoding_is_said_with_its_confidence(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(LATIN)
    doc = load_document(path)
    assert doc.encoding == "cp1250"  # the guess charset-normalizer makes: ï reads as ď
    assert doc.notices == (
        f"{path}: not UTF-8; its encoding is a guess: cp1250 (65% confidence); give "
        "--encoding, or encoding in review.toml's [review], if that is wrong",
    )


def test_a_given_encoding_is_used_without_a_guess(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(LATIN)
    doc = load_document(path, encoding="Latin-1")
    assert (doc.encoding, doc.text, doc.notices) == (
        "iso8859-1",
        "Café owners said hello to the naïve visitors.\n",
        (),
    )
    with pytest.raises(ReviewError) as caught:
        load_document(path, encoding="utf-8")
    assert str(caught.value) == (
        f"{path}: cannot be decoded as utf-8: byte offset 3 (0xe9, line 1) "
        "(invalid continuation byte)"
    )
    with pytest.raises(ReviewError, match=r"^unknown encoding 'nope' \(Python's codec names"):
        load_document(path, encoding="nope")


def test_mostly_valid_utf8_is_reported_at_its_first_bad_byte_not_guessed(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("He said “hello”.\nTo the ".encode() + b"\x93visitors\xe2\x80\x9d.\n")
    with pytest.raises(ReviewError) as caught:
        load_document(path)
    assert str(caught.value) == (
        f"{path}: is not valid UTF-8: byte offset 28 (0x93, line 2) starts no UTF-8 character "
        "(fix that byte, or give --encoding if the file is not UTF-8)"
    )


def test_utf16_is_not_patchable_and_converts_to_utf8_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"))
    doc = load_document(path)
    assert not doc.patchable
    copy = convert_to_utf8(doc)
    assert (copy, copy.read_bytes()) == (tmp_path / "u16.utf8.txt", TEXT.encode())
    assert load_document(copy).patchable
    assert convert_to_utf8(doc) == copy  # the same copy again is fine
    copy.write_bytes(b"Something else.\n")
    with pytest.raises(ReviewError, match=r"u16\.utf8\.txt: exists and is not this text in UTF-8"):
        convert_to_utf8(doc)


def test_a_utf8_text_is_read_without_loading_the_encoding_guesser(tmp_path: Path) -> None:
    """charset_normalizer (a fiftieth of a second to import, before a check's first request
    to LanguageTool) is for texts that are not UTF-8."""
    (tmp_path / "a.txt").write_text("Café owners said hello.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from review.document import load_document\n"
        f"print(load_document({str(tmp_path / 'a.txt')!r}).encoding,"
        " 'charset_normalizer' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout == "utf-8 False\n"
