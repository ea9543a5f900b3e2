"""A glossary's term: what every glossary format reads into."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Term:
    """An English term of a glossary. ``preferred`` is what to write instead of a forbidden
    term ("" when the glossary does not say); ``source`` is the source-language term."""

    text: str
    forbidden: bool = False
    preferred: str = ""
    source: str = ""
    note: str = ""
