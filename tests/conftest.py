"""Shared test setup. The LanguageTool server is real: fetched from Maven Central and started
once per session by the `languagetool_server` fixture, and stopped again if this run started it
(a server left running would hold CI open)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from support import SEED


@pytest.fixture(scope="session")
def languagetool_server() -> Iterator[object]:
    from review.languagetool import server

    info = server.ensure_server(progress=lambda message: print(f"[languagetool] {message}"))
    yield info
    if info.started:
        server.stop()


@pytest.fixture
def seed_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seed in a fresh working folder (cwd), so corrections/ lands in tmp_path."""
    (tmp_path / "seeds").mkdir()
    target = tmp_path / "seeds" / SEED.name
    shutil.copyfile(SEED, target)
    monkeypatch.chdir(tmp_path)
    return target


class Niceness:
    """A stand-in for ``os.nice``: `review check` run in the tests' own process lowers its
    priority (``review.commands.check._yield_to_languagetool``), which cannot be raised again,
    and would slow every test after it, and every server started after it, for good."""

    def __init__(self) -> None:
        self.value = 0
        self.calls: list[int] = []

    def __call__(self, increment: int) -> int:
        self.calls.append(increment)
        self.value = min(19, self.value + increment)
        return self.value


@pytest.fixture(autouse=True)
def niceness(monkeypatch: pytest.MonkeyPatch) -> Niceness:
    fake = Niceness()
    monkeypatch.setattr(os, "nice", fake)
    return fake
