"""Patch file at book scale: a 100,000-sentence document with 5,000 edits.

Prints the time to save the review (render + atomic write), to load it (read, verify, apply
the diff, recover every sentence's edit), to open it as the UI does (document, segmentation,
patch), to apply it as `review apply` does (no segmentation needed), and the patch's size.
Everything happens in a temporary folder.

    .venv/bin/python bench/patch_scale.py [--sentences N] [--edits N]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from review.cli import main as review_main
from review.document import load_document
from review.patch.file import read_patch
from review.patch.location import locate
from review.segment import segment
from review.session import ReviewSession

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_609f52cd2aa5fae0.txt"


def book(sentences: int) -> str:
    """The seed's paragraphs repeated, each copy numbered so that no two lines are the same
    (a book's paragraphs are unique, and duplicate lines would flatter the diff)."""
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n") if p.strip()]
    per_copy = len(segment("\n".join(paragraphs)))
    copies = sentences // per_copy + 1
    lines = []
    for copy in range(copies):
        lines += [f"Section {copy} paragraph {number}: {p}" for number, p in enumerate(paragraphs)]
    return "\n".join(lines) + "\n"


def timed(label: str, action):
    start = time.perf_counter()
    result = action()
    print(f"{label:<44} {time.perf_counter() - start:8.2f} s")
    return result


def run(sentence_count: int, edit_count: int) -> None:
    with tempfile.TemporaryDirectory(prefix="review-bench-") as folder:
        root = Path(folder)
        path = root / "book.txt"
        path.write_text(book(sentence_count), encoding="utf-8")
        document = timed("load document", lambda: load_document(path, base=root))
        sentences = timed("segment", lambda: segment(document.text))
        print(f"{'sentences':<44} {len(sentences):8,}")
        print(f"{'document size':<44} {document.size / 1e6:8.2f} MB")
        chosen = random.Random(7).sample(sentences, edit_count)
        session = ReviewSession.open_document(
            document, sentences, locate(path, cwd=root), reviewer="bench"
        )

        def edit_all() -> None:
            for number, sentence in enumerate(chosen):
                text = sentence.text.replace(" the ", " a ", 1)
                if number % 10 == 0:
                    text = text.replace(", ", ". ", 1)  # a split
                session.set_text(sentence.id, text + ("" if number % 3 else " (edited)"))

        timed(f"{edit_count:,} edits (each journalled, fsynced)", edit_all)
        patch = timed("save", session.save)
        session.close()
        print(f"{'patch size':<44} {patch.stat().st_size / 1e6:8.2f} MB")
        loaded = timed(
            "load patch (parse, verify, apply, recover)",
            lambda: read_patch(patch, document, sentences),
        )
        assert loaded.state == session.state
        timed(
            "open the review (document, segment, patch)",
            lambda: ReviewSession.open(path, cwd=root).close(),
        )
        output = root / "corrected.txt"
        timed("review apply -o (in-process CLI)", lambda: _cli_apply(root, path, output))
        assert output.read_bytes() == loaded.corrected != document.raw


def _cli_apply(root: Path, path: Path, output: Path) -> None:
    import os

    here = Path.cwd()
    os.chdir(root)
    try:
        if review_main(["apply", str(path), "-o", str(output)]) != 0:
            sys.exit("review apply failed")
    finally:
        os.chdir(here)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=100_000)
    parser.add_argument("--edits", type=int, default=5_000)
    arguments = parser.parse_args()
    run(arguments.sentences, arguments.edits)
