"""Checkers turn sentences into flags; the UI and the CLI only see ``Checker``.

``CHECKERS`` is the registry: a new checker is one module (with an ``open_checker``) and one
line there. Nothing else names checkers: a flag's ``source`` is its checker's name, the schemas
accept any name of the form ``NAME_PATTERN``, and provenance is a ``{name: version}`` map.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Protocol, cast

from review.checker_api import NAME_PATTERN, Checker, CheckerUnavailable, Opening
from review.config import Config

__all__ = [
    "CHECKERS",
    "NAME_PATTERN",
    "Checker",
    "CheckerFactory",
    "CheckerUnavailable",
    "Opening",
]


class _Module(Protocol):
    def open_checker(self, opening: Opening) -> Checker: ...


def _always(config: Config) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class CheckerFactory:
    """One registered checker.

    ``module`` is imported only when the checker is opened, so a command that does not check
    pays nothing for it. ``needs_server``: slow to open, left out by ``--no-languagetool`` (with
    ``off_notice``) and opened after the others in the UI. ``positioned``: its flags' spans
    are the authority when two checkers flag the same characters (see ``merge_duplicates``).
    ``sees_tags``: it is given a bilingual file's tag tokens (``⟨1⟩``); the others are given
    the text without them. ``whole_document``: its flags compare sentences across the
    document, so checking one paragraph again (after an edit) cannot run it; the flags it
    gave there are kept while their words are where they point.
    """

    name: str
    module: str
    enabled: Callable[[Config], bool] = _always
    needs_server: bool = False
    positioned: bool = False
    off_notice: str = ""
    sees_tags: bool = False
    whole_document: bool = False

    def open(self, opening: Opening) -> Checker:
        return cast(_Module, import_module(self.module)).open_checker(opening)


CHECKERS: tuple[CheckerFactory, ...] = (
    CheckerFactory(
        "languagetool",
        "review.languagetool.checker",
        needs_server=True,
        positioned=True,
        off_notice="LanguageTool off (--no-languagetool)",
    ),
    CheckerFactory("fluency", "review.checkers.fluency"),
    CheckerFactory(
        "terms", "review.checkers.terms", enabled=lambda config: bool(config.glossaries)
    ),
    CheckerFactory("consistency", "review.checkers.terms.consistency", whole_document=True),
    # Only a bilingual file's sentences have a source; a plain text gets nothing from it.
    CheckerFactory("source-target", "review.checkers.source_target.unit_checker", sees_tags=True),
)
