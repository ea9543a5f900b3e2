"""A project of 30 files for the tests of whole-project commands: 28 texts of the seed's
sentences in nested folders, one binary and one undecodable file."""

from __future__ import annotations

from pathlib import Path

from review.segment import segment
from support import SEED

TEXTS = 28
BINARY = "ch2/figure.png"
UNDECODABLE = "ch3/legacy.txt"
BINARY_LINE = (
    f"review: {BINARY}: is a binary file (it contains NUL bytes), not a text file; skipped"
)
UNDECODABLE_LINE = f"review: {UNDECODABLE}: is not text in any encoding review recognises; skipped"


def text_names() -> list[str]:
    """The texts' paths relative to the project, in the order commands take them (sorted)."""
    names = [f"ch{1 + i % 4}/{'sub/' if i % 7 == 0 else ''}part{i:02}.txt" for i in range(TEXTS)]
    return sorted(names)


def make_corpus(root: Path) -> list[str]:
    """The project under ``root``; returns the texts' paths relative to it."""
    sentences = [s.text for s in segment(SEED.read_text(encoding="utf-8"))]
    names = text_names()
    for index, name in enumerate(sorted(names, key=lambda n: n[-6:])):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        chosen = sentences[index * 2 : index * 2 + 3]
        path.write_text(" ".join(chosen) + "\n", encoding="utf-8")
    (root / BINARY).write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (root / UNDECODABLE).write_bytes(bytes(range(128, 256)) * 4)
    return names
