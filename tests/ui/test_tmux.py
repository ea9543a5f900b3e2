"""The real `review` command in a real terminal (tmux): fix two sentences, save, quit, and
`git apply --check` the patch it wrote."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from support import ROOT, SEED

REVIEW = ROOT / ".venv" / "bin" / "review"
SESSION = f"review-test-{os.getpid()}"


def _ensure_tmux() -> None:
    if shutil.which("tmux"):
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip("tmux is not installed and cannot be installed here (needs root and apt-get)")
    subprocess.run(["apt-get", "install", "-y", "-q", "tmux"], check=True, capture_output=True)


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Callable[..., str]]:
    _ensure_tmux()
    (tmp_path / "seeds").mkdir()
    shutil.copyfile(SEED, tmp_path / "seeds" / SEED.name)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    command = f"cd {tmp_path} && {REVIEW} seeds/{SEED.name} --no-languagetool; sleep 30"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", SESSION, "-x", "120", "-y", "40", command],
        check=True,
        env={**os.environ, "TERM": "xterm-256color"},
    )

    def screen() -> str:
        return subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", SESSION],
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    yield screen
    subprocess.run(["tmux", "kill-session", "-t", SESSION], check=False)


def _send(*keys: str) -> None:
    for key in keys:
        subprocess.run(["tmux", "send-keys", "-t", SESSION, key], check=True)
        time.sleep(0.15)


def _wait_for(screen: Callable[[], str], predicate: Callable[[str], bool]) -> str:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        shown = screen()
        if predicate(shown):
            return shown
        time.sleep(0.2)
    raise AssertionError(f"the screen never showed what was expected:\n{shown}")


@pytest.mark.slow
def test_fix_two_sentences_save_and_git_apply(tmux, tmp_path: Path):
    _wait_for(tmux, lambda s: "77 sentences" in s and "LanguageTool off" in s)
    _send("e", "End", " Indeed.", "Enter")  # edit sentence 1
    _wait_for(tmux, lambda s: "1 edited" in s)
    _send("Down", "e", "End", " Truly.", "Enter")  # and sentence 2
    _wait_for(tmux, lambda s: "2 edited" in s)
    _send("s")
    _wait_for(tmux, lambda s: "Saved" in s)
    _send("q")
    _wait_for(tmux, lambda s: "77 sentences" not in s)
    patch = tmp_path / "corrections" / "seeds" / f"{SEED.stem}.patch"
    assert b"Reviews: 2\n" in patch.read_bytes()
    subprocess.run(["git", "apply", "--check", str(patch)], cwd=tmp_path, check=True)
    subprocess.run(["git", "apply", str(patch)], cwd=tmp_path, check=True)
    corrected = (tmp_path / "seeds" / SEED.name).read_text(encoding="utf-8")
    assert corrected.startswith('"The trip to the avenue is also the world’s public." Indeed. ')
    assert "with all countries in the world. Truly. Faced with" in corrected
