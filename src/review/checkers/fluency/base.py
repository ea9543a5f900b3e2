"""What every fluency detector is: a rule id, one job, and its hits turned into flags."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from typing import ClassVar

from review.checkers.fluency.document_text import DocumentText, Trigger
from review.flags import Category, Flag, MqmClass, Severity
from review.segment import Sentence

# The checker's name, every fluency flag's source.
NAME = "fluency"


@dataclass(frozen=True, slots=True)
class Settings:
    """What the project tells the detectors about its text (from `review.toml`).

    ``source_language``: the ISO 639 code (or BCP 47 tag) of the language the text was
    translated from, "" when not known. ``quotes``: the pinned quote style, "straight" or
    "curly" (`[style] quotes`), "" to follow the document's majority. ``ranked``: whether a
    hit's fixes are put in the order an editor should see them; the vetting, which only counts
    what a candidate fix is flagged for, has no use for the order, and a detector may read the
    whole text to make it.
    """

    source_language: str = ""
    quotes: str = ""
    ranked: bool = True


class Reach(Enum):
    """How much of the text a detector reads to judge one sentence."""

    SENTENCE = "sentence"
    # Its paragraph: a quotation opened in one sentence may close in the next.
    PARAGRAPH = "paragraph"
    # The whole document's words: its names, the case a word mostly takes, its quote style.
    DOCUMENT = "document"


@dataclass(frozen=True, slots=True)
class Hit:
    """One finding of a detector; ``start``/``end`` are offsets into the sentence text.

    ``severity`` overrides the detector's own where one finding is worse or milder than
    the usual (quoted source-script text that may be meant to be there is minor).
    """

    start: int
    end: int
    message: str
    replacements: tuple[str, ...] = ()
    severity: Severity | None = None


class Detector:
    """A detector of one machine-translation artefact.

    Subclasses set the class attributes and implement ``scan``, which looks at one sentence,
    together with ``trigger``: what every sentence that ``scan`` may flag contains (a Chinese
    character, a comma before a letter). The triggers of all detectors are searched for in one
    pass over the whole document (see ``DocumentText``), and ``scan`` runs only on the
    sentences its trigger is in, so a detector costs next to nothing where its artefact is
    absent. A detector that needs to see across sentences (a quotation closed two sentences
    later) or the words of every sentence overrides ``scan_document`` instead, and says so in
    ``reach`` (what suggestions are judged on before they are offered depends on it: see
    ``review.checkers.consensus.suggestions``). The docstring of each subclass says what it
    catches and why.
    """

    rule: ClassVar[str]
    category: ClassVar[Category]
    mqm: ClassVar[MqmClass]
    severity: ClassVar[Severity]
    default_on: ClassVar[bool] = True
    # None: every sentence may be flagged, ``scan`` runs on each.
    trigger: ClassVar[Trigger | None] = None
    reach: ClassVar[Reach] = Reach.SENTENCE

    def __init__(self, settings: Settings = Settings()) -> None:
        self.settings = settings

    def scan(self, text: str) -> Iterator[Hit]:
        raise NotImplementedError

    def scan_document(self, document: DocumentText) -> Iterator[tuple[Sentence, Hit]]:
        for sentence in document.matching(self.trigger):
            for hit in self.scan(sentence.text):
                yield sentence, hit

    def flag(self, sentence: Sentence, hit: Hit) -> Flag:
        return Flag(
            sentence_id=sentence.id,
            start=hit.start,
            end=hit.end,
            source=NAME,
            rule=self.rule,
            category=self.category,
            mqm=self.mqm,
            severity=hit.severity or self.severity,
            message=hit.message,
            text=sentence.text[hit.start : hit.end],
            replacements=hit.replacements,
        )

    @classmethod
    def summary(cls) -> str:
        """The first line of the docstring: what the detector catches, for docs and config."""
        return (cls.__doc__ or cls.rule).strip().splitlines()[0]


def match_case(template: str, suggestion: str) -> str:
    """``suggestion`` with its first letter upper-cased when ``template`` starts upper-case."""
    if template[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def document_scan(detector: Detector, text: str) -> Iterator[Hit]:
    """The hits of a detector that reads the whole document (``scan_document``) in ``text``
    taken as a document of one sentence."""
    document = DocumentText((Sentence("", 0, len(text), 1, text),))
    return (hit for _, hit in detector.scan_document(document))
