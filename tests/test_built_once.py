from __future__ import annotations

import errno
import os
from fractions import Fraction
from pathlib import Path

import pytest

from review.built_once import built_once


class Builds:
    """A build that counts its calls."""

    def __init__(self, value: object) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path))
    return tmp_path


def _kept(cache: Path) -> list[Path]:
    return sorted((cache / "built").glob("*.pickle"))


def test_an_object_is_built_once_then_loaded(cache: Path) -> None:
    build = Builds(Fraction(3, 7))
    assert built_once("thing", "v1", build, Fraction) == Fraction(3, 7)
    assert built_once("thing", "v1", build, Fraction) == Fraction(3, 7)
    assert build.calls == 1
    assert [p.name[:6] for p in _kept(cache)] == ["thing-"]


def test_another_version_is_built_and_kept_beside_the_first(cache: Path) -> None:
    built_once("thing", "v1", Builds(Fraction(1, 2)), Fraction)
    build = Builds(Fraction(2, 3))
    assert built_once("thing", "v2", build, Fraction) == Fraction(2, 3)
    assert build.calls == 1
    assert len(_kept(cache)) == 2


@pytest.mark.parametrize(
    "content",
    [b"", b"\x80\x05not a pickle", b"\x80\x05\x95", None],
    ids=["empty", "garbage", "cut short", "another kind"],
)
def test_a_bad_file_is_built_again_and_replaced(cache: Path, content: bytes | None) -> None:
    built_once("thing", "v1", Builds(Fraction(1, 2)), Fraction)
    [path] = _kept(cache)
    if content is None:  # a pickle, of something else
        built_once("thing", "v1", Builds("text"), str)
    else:
        path.write_bytes(content)
    build = Builds(Fraction(5, 9))
    assert built_once("thing", "v1", build, Fraction) == Fraction(5, 9)
    assert build.calls == 1
    assert built_once("thing", "v1", Builds(None), Fraction) == Fraction(5, 9)


def test_a_failed_write_leaves_no_file_and_still_gives_the_object(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(source: str, target: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    assert built_once("thing", "v1", Builds(Fraction(1, 3)), Fraction) == Fraction(1, 3)
    assert list((cache / "built").iterdir()) == []


def test_a_fifo_in_its_place_is_not_read_and_is_replaced(cache: Path) -> None:
    built_once("thing", "v1", Builds(Fraction(1, 2)), Fraction)
    [path] = _kept(cache)
    path.unlink()
    os.mkfifo(path)
    build = Builds(Fraction(7, 8))
    assert built_once("thing", "v1", build, Fraction) == Fraction(7, 8)
    assert path.is_file()
    assert built_once("thing", "v1", Builds(None), Fraction) == Fraction(7, 8)


def test_a_cache_folder_that_is_a_file_still_gives_the_object(cache: Path) -> None:
    (cache / "built").write_text("in the way")
    build = Builds(Fraction(1, 4))
    assert built_once("thing", "v1", build, Fraction) == Fraction(1, 4)
    assert built_once("thing", "v1", build, Fraction) == Fraction(1, 4)
    assert build.calls == 2
