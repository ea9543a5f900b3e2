"""Atomic writes: a file is replaced whole or left as it was, also when written in pieces."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from review.atomic import atomic_write


def test_pieces_are_written_in_order_and_a_new_file_gets_the_usual_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    atomic_write(target, iter([b"<html>", b"\xc3\xa9", b"</html>\n"]))
    assert target.read_bytes() == b"<html>\xc3\xa9</html>\n"
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_failure_while_making_the_pieces_leaves_the_old_file_and_no_temporary(
    tmp_path: Path,
) -> None:
    target = tmp_path / "report.html"
    target.write_bytes(b"the old report")

    def pieces() -> Iterator[bytes]:
        yield b"half of a new "
        raise ValueError("rendering failed")

    with pytest.raises(ValueError, match="rendering failed"):
        atomic_write(target, pieces())
    assert target.read_bytes() == b"the old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]
