"""Helpers for the patch tests: a throw-away git project, the CLI run in-process, and the
corrected bytes that `git apply` and GNU `patch -p1` make of a patch."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from review.cli import main


def git_project(root: Path, relpath: str, data: bytes) -> Path:
    """A git repository at ``root`` with ``relpath`` holding ``data``, committed."""
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    git(root, "init", "-q")
    git(root, "add", relpath)
    git(root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "original")
    return path


def git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout


def review(capsysbinary: pytest.CaptureFixture[bytes], *args: str) -> tuple[int, bytes, str]:
    """Run `review ARGS` in this process: exit code, stdout bytes, stderr text."""
    capsysbinary.readouterr()
    code = main(list(args))
    captured = capsysbinary.readouterr()
    return code, captured.out, captured.err.decode("utf-8")


def applied_by_standard_tools(root: Path, relpath: str, patch: Path) -> dict[str, bytes]:
    """The file after `git apply` and after `patch -p1` (each on the pristine original)."""
    original = (root / relpath).read_bytes()
    results = {}
    git(root, "apply", "--check", str(patch))
    git(root, "apply", str(patch))
    results["git apply"] = (root / relpath).read_bytes()
    (root / relpath).write_bytes(original)
    gnu_patch = shutil.which("patch")
    assert gnu_patch, "GNU patch is not installed (apt-get install patch)"
    with patch.open("rb") as stdin:
        done = subprocess.run(
            [gnu_patch, "-p1", "--batch", "--no-backup-if-mismatch"],
            cwd=root,
            stdin=stdin,
            capture_output=True,
            check=False,
        )
    assert done.returncode == 0, done.stdout + done.stderr
    results["patch -p1"] = (root / relpath).read_bytes()
    (root / relpath).write_bytes(original)
    return results
