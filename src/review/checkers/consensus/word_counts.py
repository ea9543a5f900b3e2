"""How often each word of a whole text is written, counted without a list of all its words."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

# Words are found this many characters at a time (to the next line break): a book's list of
# every word it says would be ten times the book.
_WINDOW = 1 << 20


def word_counts(
    word: re.Pattern[str], text: str, key: Callable[[str], str] | None = None
) -> Counter[str]:
    """How often each match of ``word`` is in ``text`` (as ``key`` gives it): the matches of
    ``word.findall(text)``, which must not span a line break."""
    counts: Counter[str] = Counter()
    start = 0
    while start < len(text):
        end = text.find("\n", start + _WINDOW)
        end = len(text) if end == -1 else end + 1
        words = word.findall(text, start, end)
        counts.update(words if key is None else map(key, words))
        start = end
    return counts
