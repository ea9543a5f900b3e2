"""Sentences too long to read in one go."""

from __future__ import annotations

import re
from collections.abc import Iterator

from review.checkers.fluency.base import Detector, Hit
from review.flags import Category, MqmClass, Severity

MIN_WORDS = 40
MIN_CLAUSE_WORDS = 25
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
# Where a reader may pause: a long sentence cut into such pieces stays readable.
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-\s")


class LongSentence(Detector):
    """A sentence of 40 words or more with a stretch of 25 words or more without a pause.

    Chinese strings clauses together that English would split, and MT keeps them as one
    run-on sentence. Length alone is no fault (legal and academic prose is long but
    punctuated into clauses), so only a long unbroken stretch counts. Off by default: on the
    post-edited data it barely beats the base rate of sentences with errors.
    """

    rule = "MT_LONG_SENTENCE"
    category = Category.STYLE
    mqm = MqmClass.AWKWARD
    severity = Severity.MINOR
    default_on = False

    def scan(self, text: str) -> Iterator[Hit]:
        if text.count(" ") < MIN_WORDS - 1:
            return
        # No word spans a clause break, so the clauses' words are the sentence's.
        counts = [len(_WORD.findall(clause)) for clause in _CLAUSE_BREAK.split(text)]
        words, longest = sum(counts), max(counts)
        if words >= MIN_WORDS and longest >= MIN_CLAUSE_WORDS:
            yield Hit(
                0,
                len(text),
                f"Long sentence ({words} words, {longest} without a pause): consider splitting",
            )
