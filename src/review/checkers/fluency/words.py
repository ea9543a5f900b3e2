"""The words of every sentence, found once per document for the detectors that work on words.

Finding words is most of what those detectors cost, so it is done once per document (each
function here is an analysis for ``DocumentText.shared``) and at C speed where it can be: in
ASCII text without an apostrophe a word is exactly a run of letters, and ``bytes.translate``
and ``str.split`` find those runs in all such sentences at once, several times faster than the
regular expression. Most English sentences are such text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from review.checkers.fluency.document_text import DocumentText

# A word may have one apostrophe inside ("China’s", "don't"); digits and "_" end it.
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_A_TO_Z_RUN = re.compile(r"[a-z]+")
# Every ASCII byte that is not a letter becomes a space, except the newline between lines.
_LETTERS_ONLY = bytes(
    code if chr(code).isalpha() or chr(code) == "\n" else ord(" ") for code in range(128)
) + bytes(128)


@dataclass(frozen=True, slots=True)
class DocumentWords:
    """By sentence: its words (``WORD``) in lower case, and its runs of the letters a-z once it
    is in lower case ("Café au lait" gives caf, au, lait)."""

    lower: tuple[list[str], ...]
    a_to_z: tuple[list[str], ...]


def _is_plain(text: str) -> bool:
    """ASCII without an apostrophe or a line break: its words are its runs of letters."""
    return text.isascii() and "'" not in text and "\n" not in text


def sentence_words(document: DocumentText) -> DocumentWords:
    """The words of each sentence of ``document``."""
    texts = [s.text for s in document.sentences]
    plain = [_is_plain(text) for text in texts]
    letters = "\n".join(t for t, p in zip(texts, plain, strict=True) if p).encode("ascii")
    plain_lower = iter(letters.translate(_LETTERS_ONLY).decode("ascii").lower().split("\n"))
    lower: list[list[str]] = []
    a_to_z: list[list[str]] = []
    for text, is_plain in zip(texts, plain, strict=True):
        if is_plain:
            lower.append(next(plain_lower).split())
            a_to_z.append(lower[-1])
        else:
            lower.append([w.lower() for w in WORD.findall(text)])
            a_to_z.append(_A_TO_Z_RUN.findall(text.lower()))
    return DocumentWords(tuple(lower), tuple(a_to_z))
