"""Two plain files aligned by paragraph: the target file is reviewed, the source file beside it.

A paragraph is a line with text, as in the rest of review (segment.py); the files must have as
many, else the first place where their layout of paragraphs and blank lines parts is named.
"""

from __future__ import annotations

import re

from review.bilingual import ids
from review.bilingual.model import BilingualText, Content, ReadOptions, Unit
from review.errors import ReviewError

NAME = "paired-text"
_PARAGRAPH = re.compile(r"[^\r\n]*\S[^\r\n]*")
_FIRST_WORDS = 5


def sniff(_head: str) -> bool:
    return False  # chosen by giving the source file, never guessed


def escape(text: str) -> str:
    if "\n" in text or "\r" in text:
        raise ReviewError("a paragraph of a plain text cannot take a line break")
    return text


def _paragraphs(text: str) -> list[re.Match[str]]:
    return list(_PARAGRAPH.finditer(text))


def read(text: str, name: str, options: ReadOptions) -> BilingualText:
    if options.source_text is None:
        raise ReviewError(f"{name}: a pair of plain files needs the source file")
    targets = _paragraphs(text)
    sources = _paragraphs(options.source_text)
    if len(targets) != len(sources):
        raise ReviewError(_divergence(name, text, targets, options, sources))
    units = [
        Unit(
            id=ids.hashed("p", s.group().strip()),
            source=Content((s.group().strip(),)),
            target=Content((t.group(),)),
            target_span=t.span(),
        )
        for s, t in zip(sources, targets, strict=True)
    ]
    return BilingualText(
        NAME, options.source_language, options.target_language, ids.unique_units(units)
    )


def _divergence(
    name: str,
    text: str,
    targets: list[re.Match[str]],
    options: ReadOptions,
    sources: list[re.Match[str]],
) -> str:
    """Name the first paragraph whose line differs between the files (the layouts part there),
    or the first paragraph one file has beyond the other."""
    source_text = options.source_text or ""

    def line(whole: str, match: re.Match[str]) -> int:
        return whole.count("\n", 0, match.start()) + 1

    index = next(
        (
            i
            for i, (t, s) in enumerate(zip(targets, sources, strict=False))
            if line(text, t) != line(source_text, s)
        ),
        min(len(targets), len(sources)),
    )
    where = [f"paragraph {index + 1}"]
    for label, whole, paragraphs in (("target", text, targets), ("source", source_text, sources)):
        if index < len(paragraphs):
            words = " ".join(paragraphs[index].group().split()[:_FIRST_WORDS])
            where.append(f"{label} line {line(whole, paragraphs[index])} {words!r}")
        else:
            where.append(f"{label} has no more")
    return (
        f"{name}: has {len(targets)} paragraphs but the source {options.source_name} has "
        f"{len(sources)}; they part at {', '.join(where)}"
    )
