"""What a checker is: the protocol every checker family implements and what opening one gets.

It sits below the registry (``review.checkers``) and the families, so that a family in its own
package (``review.languagetool``) implements it without importing the registry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from review.cache import ResultCache
from review.config import Config
from review.corrected import CorrectedText, joined
from review.flags import Flag
from review.progress import Progress
from review.segment import Sentence

# What a checker's name must look like (the JSON schemas say the same).
NAME_PATTERN = r"^[a-z][a-z0-9-]*$"


class Checker(Protocol):
    """Anything that flags sentences: LanguageTool, our fluency detectors, a terminology list.

    ``text`` is the document text the sentences' offsets point into; a checker that needs
    context (LanguageTool checks whole paragraphs) rebuilds it from there. Flags may be yielded
    as they are found so that callers can stream them. ``version`` is what the patch header
    records; None for a checker that ships with review (the tool's version is its version).
    """

    name: str

    @property
    def version(self) -> str | None: ...

    def check(self, text: str, sentences: Sequence[Sentence]) -> Iterable[Flag]: ...


@runtime_checkable
class ChecksCorrected(Protocol):
    """A checker whose ``check`` also takes a corrected text not joined (``review.corrected``),
    which it says with ``checks_corrected = True``: one whose pass runs in another process,
    which is sent the text in pieces, or that hands it on to such a checker."""

    checks_corrected: bool

    def check(self, text: str | CorrectedText, sentences: Sequence[Sentence]) -> Iterable[Flag]: ...


def check_text(
    checker: Checker, text: str | CorrectedText, sentences: Sequence[Sentence]
) -> Iterable[Flag]:
    """``checker``'s flags of ``text``, joined for a checker that takes only a text joined."""
    if isinstance(text, str):
        return checker.check(text, sentences)
    if isinstance(checker, ChecksCorrected) and checker.checks_corrected:
        return checker.check(text, sentences)
    return checker.check(*joined(text, sentences))


class CheckerUnavailable(Exception):
    """A checker that cannot be had now (a server that will not start); the others run.
    The message is the one-line notice the user sees."""


# Runs a checker's pass over a text elsewhere and returns its flags: the UI runs the CPU-heavy
# checkers in another process, as they would hold the interpreter lock its keys need.
Offload = Callable[["Checker", str | CorrectedText, Sequence[Sentence]], list[Flag]]


@dataclass(frozen=True, slots=True)
class Opening:
    """What a checker's ``open_checker`` gets. ``offload``: where a CPU-heavy checker that
    needs no server runs its pass (None: in the calling thread)."""

    config: Config
    cache: ResultCache
    progress: Progress | None = None
    offload: Offload | None = None
