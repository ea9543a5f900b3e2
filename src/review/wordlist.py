"""The project's word list (`review-words.txt`): words its checkers must not flag as misspelt.

One word a line, kept sorted, written atomically. LanguageTool's server takes no dictionary
with a request, so the list is honoured after the checkers answer (``KnownWords``): their
cached answers stay the same, and a word taken off the list brings its flags back at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from review.atomic import atomic_write
from review.checker_api import Checker, check_text
from review.corrected import CorrectedText
from review.errors import ReviewError
from review.files import require_regular_file
from review.flags import Flag
from review.segment import Sentence

# LanguageTool's spelling rules: MORFOLOGIK_RULE_EN_US, HUNSPELL_RULE, GERMAN_SPELLER_RULE…
_SPELLING_RULE = re.compile(r"MORFOLOGIK_RULE\w*|HUNSPELL\w*|\w*SPELL(?:ER|ING)_RULE\w*")
# Our detectors that flag a word for its form alone: a listed word is written as meant.
_WORD_RULES = frozenset({"MT_PROPER_NOUN_CASE", "MT_ODD_CASE"})


def read_words(path: Path) -> frozenset[str]:
    """The words listed in ``path``; none when it does not exist."""
    # A regular file, checked before it is opened: a named pipe would be read for ever.
    require_regular_file(path, missing_ok=True)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return frozenset()
    except (OSError, UnicodeDecodeError) as exc:
        raise ReviewError(f"{path}: cannot be read: {exc}") from None
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def changed_words(path: Path, add: Iterable[str] = (), remove: Iterable[str] = ()) -> set[str]:
    """The list in ``path`` with ``add`` added and ``remove`` taken off (not yet written)."""
    words = set(read_words(path))
    for word in (*add, *remove):
        if not word.strip() or word != word.strip() or "\n" in word or "\r" in word:
            raise ReviewError(f"{word!r} is not a word for the word list")
    for word in remove:
        if word not in words:
            raise ReviewError(f"{word!r} is not in {path}")
    return (words | set(add)) - set(remove)


def write_words(path: Path, words: Iterable[str]) -> None:
    atomic_write(path, "".join(f"{word}\n" for word in sorted(words)).encode("utf-8"))


def is_known(flag: Flag, words: frozenset[str]) -> bool:
    """Whether ``flag`` flags a listed word only for its spelling or form. A listed word in
    lower case covers its capitalised forms, as in a spelling dictionary."""
    if flag.source == "languagetool":
        if not _SPELLING_RULE.fullmatch(flag.rule):
            return False
    elif flag.rule not in _WORD_RULES:
        return False
    return flag.text in words or flag.text.lower() in words


class KnownWords:
    """A checker whose flags on the words listed in ``path`` are left out. The list is read
    at each check, so a word added while the checker is open (the review UI's add-to-list
    key) counts from the next check of its sentences. A corrected text not joined is handed
    on as ``check_text`` hands it on."""

    checks_corrected = True

    def __init__(self, checker: Checker, path: Path) -> None:
        self.name = checker.name
        self.checker = checker
        self.path = path

    @property
    def version(self) -> str | None:
        return self.checker.version

    def check(self, text: str | CorrectedText, sentences: Sequence[Sentence]) -> Iterator[Flag]:
        words = read_words(self.path)
        for flag in check_text(self.checker, text, sentences):
            if not is_known(flag, words):
                yield flag
