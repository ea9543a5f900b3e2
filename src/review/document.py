"""Loading an original text: bytes, encoding, newline style. The original is never written."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from review.atomic import atomic_write
from review.errors import ReviewError
from review.files import require_regular_file

# A longer line is almost certainly not prose (minified data, a base64 blob, a binary
# mis-detected as text); sentence segmentation and the UI would choke on it.
MAX_LINE_CHARS = 100_000

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


@dataclass(frozen=True, slots=True)
class Document:
    """An original text as loaded.

    ``text`` is the decoded text without the BOM and with its newlines as they are in the file,
    so that offsets into it map back onto the file byte for byte.
    """

    path: Path
    relpath: str
    # The file's length in bytes. Its bytes are not kept: the text is (a book's bytes beside
    # its text were half as much memory again).
    size: int
    text: str
    encoding: str
    bom: bytes
    newline: str
    ends_with_newline: bool
    sha256: str
    # What the user should know about how the text was read (an encoding that was guessed).
    notices: tuple[str, ...] = ()

    @property
    def patchable(self) -> bool:
        """Whether patch tools can patch the file: its encoding writes "\\n" as one byte."""
        return "\n".encode(self.encoding) == b"\n"

    @property
    def bom_text(self) -> str:
        """The byte order mark as a character ("\\ufeff"), "" when the file has none."""
        return self.bom.decode(self.encoding)

    @property
    def file_text(self) -> str:
        """The whole file as text, BOM included: what a diff of the file compares."""
        return self.bom_text + self.text

    def unencodable(self, text: str) -> tuple[str, ...]:
        """The characters of ``text`` the file's encoding cannot hold, each once, in order."""
        try:
            text.encode(self.encoding)
        except UnicodeEncodeError:
            return tuple(dict.fromkeys(c for c in text if not _encodable(c, self.encoding)))
        return ()

    def encode(self, text: str) -> bytes:
        """Bytes of ``text`` written the way the original was (encoding and BOM)."""
        return self.bom + text.encode(self.encoding)


def load_document(
    path: str | os.PathLike[str], base: Path | None = None, encoding: str | None = None
) -> Document:
    """Read and decode ``path`` (as ``encoding`` when given, else as its BOM says, else as
    UTF-8, else as charset-normalizer guesses, with a notice); every way it can fail is a
    one-line ReviewError."""
    p = Path(path)
    raw = _read(p)
    if encoding:
        bom, encoding = _requested_encoding(raw, encoding)
        notices: tuple[str, ...] = ()
    else:
        bom, encoding, notices = _detect_encoding(p, raw)
    try:
        text = raw[len(bom) :].decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReviewError(
            f"{p}: cannot be decoded as {encoding}: {_where(raw, len(bom) + exc.start)} "
            f"({exc.reason})"
        ) from None
    # Decoded, not as bytes: a BOM alone, or spaces in UTF-16, hold no text either.
    if not text or text.isspace():
        raise ReviewError(f"{p}: is empty; there is nothing to review")
    _check_lines(p, text)
    return Document(
        path=p.resolve(),
        relpath=relative_path(p, base),
        size=len(raw),
        text=text,
        encoding=encoding,
        bom=bom,
        newline=_newline_style(text),
        ends_with_newline=text.endswith(("\n", "\r")),
        sha256=hashlib.sha256(raw).hexdigest(),
        notices=notices,
    )


def encoding_name(name: str) -> str:
    """The codec's canonical name; an unknown one is a ReviewError."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise ReviewError(
            f"unknown encoding {name!r} (Python's codec names, e.g. latin-1, cp1252)"
        ) from None


def convert_to_utf8(document: Document) -> Path:
    """Write the text as UTF-8 beside the original (``<stem>.utf8<suffix>``), for a review
    whose patch standard tools can apply; an existing different file there is not replaced."""
    target = document.path.with_name(f"{document.path.stem}.utf8{document.path.suffix}")
    data = document.text.encode("utf-8")
    if target.exists() or target.is_symlink():
        require_regular_file(target)
        if target.read_bytes() != data:
            raise ReviewError(f"{target}: exists and is not this text in UTF-8; move it away")
        return target
    atomic_write(target, data)
    return target


def _encodable(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def relative_path(p: Path, base: Path | None = None) -> str:
    """The path as patches name it: relative to the working folder, with forward slashes."""
    # os.path.realpath, not Path.resolve: a symbolic-link loop is named, not raised (Python
    # 3.11 and 3.12 raise a RuntimeError for it).
    root = Path(os.path.realpath(base or Path.cwd()))
    resolved = Path(os.path.realpath(p))
    try:
        return resolved.relative_to(root).as_posix()
    except ValueError:
        return Path(os.path.relpath(resolved, root)).as_posix()


def listed_path(p: Path, base: Path) -> str:
    """The path as its folder lists it, relative to ``base``: a link is named, not what it
    points to (nothing, itself, a file elsewhere)."""
    return (Path(relative_path(p.parent, base)) / p.name).as_posix()


def _read(p: Path) -> bytes:
    require_regular_file(p)
    try:
        raw = p.read_bytes()
    except PermissionError:
        raise ReviewError(f"{p}: permission denied") from None
    except OSError as exc:
        raise ReviewError(f"{p}: cannot be read: {exc.strerror}") from None
    return raw


def _requested_encoding(raw: bytes, encoding: str) -> tuple[bytes, str]:
    name = encoding_name(encoding)
    bom = next((b for b, e in _BOMS if e == name and raw.startswith(b)), b"")
    return bom, name


def _detect_encoding(p: Path, raw: bytes) -> tuple[bytes, str, tuple[str, ...]]:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return bom, encoding, ()
    if b"\x00" in raw:
        raise ReviewError(f"{p}: is a binary file (it contains NUL bytes), not a text file")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _mostly_utf8(raw):
            raise ReviewError(
                f"{p}: is not valid UTF-8: {_where(raw, exc.start)} starts no UTF-8 character "
                "(fix that byte, or give --encoding if the file is not UTF-8)"
            ) from None
    else:
        return b"", "utf-8", ()
    # Imported here: a UTF-8 file, most of them, is never guessed at.
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise ReviewError(f"{p}: is not text in any encoding review recognises")
    encoding = codecs.lookup(best.encoding).name
    confidence = best.coherence * (1 - best.chaos)
    notice = (
        f"{p}: not UTF-8; its encoding is a guess: {encoding} ({confidence:.0%} confidence); "
        "give --encoding, or encoding in review.toml's [review], if that is wrong"
    )
    return b"", encoding, (notice,)


def _mostly_utf8(raw: bytes) -> bool:
    """More characters of the file decode as UTF-8 multi-byte sequences than fail to: a UTF-8
    file with a few damaged bytes, not a legacy encoding (whose text rarely forms one)."""
    valid = sum(1 for _ in _UTF8_SEQUENCE.finditer(raw))
    return valid > raw.decode("utf-8", errors="replace").count("\ufffd")


def _where(raw: bytes, offset: int) -> str:
    line = raw.count(b"\n", 0, offset) + 1
    return f"byte offset {offset} (0x{raw[offset]:02x}, line {line})"


def _check_lines(p: Path, text: str) -> None:
    # Line by line with find, not split: a book's text is not copied into a list of lines.
    start = 0
    number = 1
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > MAX_LINE_CHARS:
            raise ReviewError(
                f"{p}: line {number} is {end - start:,} characters long "
                f"(at most {MAX_LINE_CHARS:,}); is this a text file?"
            )
        start = end + 1
        number += 1


def _newline_style(text: str) -> str:
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    counts = {"\r\n": crlf, "\n": lf, "\r": cr}
    style = max(counts, key=lambda k: counts[k])
    return style if counts[style] else "\n"
