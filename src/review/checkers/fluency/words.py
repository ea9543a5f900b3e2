"""The words of every sentence, found once per document for the detectors that work on words.

Finding words is most of what those detectors cost, so it is done once per document (the
function here is an analysis for ``DocumentText.shared``) and at C speed where it can be. In
ASCII text (with ’ perhaps) only letters and apostrophes make words, so ``bytes.translate``
turns everything else in all such sentences into spaces at once; then ``str.split`` gives
the words of a sentence without an apostrophe, several times faster than the regular
expression, and a simpler expression those of the others. Most English sentences are such
text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from sys import intern

from review.checkers.fluency.document_text import DocumentText

# A word may have one apostrophe inside ("China’s", "don't"); digits and "_" end it.
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_A_TO_Z_RUN = re.compile(r"[a-z]+")
# WORD where nothing but a-z, apostrophes and spaces are left.
_A_TO_Z_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")
# Every ASCII byte that is neither a letter nor an apostrophe becomes a space, but for the
# newline between lines; the bytes of ’ (the only other characters there) stay.
_LETTERS_AND_APOSTROPHES = bytes(
    code if chr(code).isalpha() or chr(code) in "'\n" else ord(" ") for code in range(128)
) + bytes(range(128, 256))


@dataclass(frozen=True, slots=True)
class DocumentWords:
    """By sentence: its words (``WORD``) in lower case, and its runs of the letters a-z once it
    is in lower case ("Café au lait" gives caf, au, lait)."""

    lower: tuple[list[str], ...]
    a_to_z: tuple[list[str], ...]


def _is_simple(text: str) -> bool:
    """ASCII but for ’, and without a line break (they separate the sentences translated
    together)."""
    return "\n" not in text and (text.isascii() or text.replace("’", "").isascii())


def sentence_words(document: DocumentText) -> DocumentWords:
    """The words of each sentence of ``document``, each word one string however often it is
    said (a book's words are most of what the detectors hold)."""
    lower: list[list[str]] = []
    a_to_z: list[list[str]] = []
    # Some thousands of sentences at a time: the copies of their text made on the way are
    # not a book's.
    for start in range(0, len(document.sentences), _AT_ONCE):
        texts = [s.text for s in document.sentences[start : start + _AT_ONCE]]
        _add_words(texts, lower, a_to_z)
    return DocumentWords(tuple(lower), tuple(a_to_z))


_AT_ONCE = 4096


def _add_words(texts: list[str], lower: list[list[str]], a_to_z: list[list[str]]) -> None:
    simple = [_is_simple(text) for text in texts]
    joined = "\n".join(t for t, is_simple in zip(texts, simple, strict=True) if is_simple)
    runs = joined.encode().translate(_LETTERS_AND_APOSTROPHES).decode().lower()
    simple_runs = iter(runs.split("\n"))
    for text, is_simple in zip(texts, simple, strict=True):
        if not is_simple:
            lower.append([intern(w.lower()) for w in WORD.findall(text)])
            a_to_z.append(list(map(intern, _A_TO_Z_RUN.findall(text.lower()))))
            continue
        line = next(simple_runs)
        if "'" not in line and "’" not in line:
            lower.append(list(map(intern, line.split())))
            a_to_z.append(lower[-1])
            continue
        lower.append(list(map(intern, _A_TO_Z_WORD.findall(line))))
        a_to_z.append(list(map(intern, line.replace("'", " ").replace("’", " ").split())))
