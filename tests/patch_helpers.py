"""Helpers for the patch tests: a throw-away git project, the CLI run in-process, and the
corrected bytes that `git apply` and GNU `patch -p1` make of a patch."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from review.cli import main
from review.segment import segment


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


def edit_args(edits: dict[str, str]) -> list[str]:
    return [arg for sid, text in edits.items() for arg in ("--sentence", sid, "--text", text)]


def expected_bytes(data: bytes, encoding: str, bom: bytes, edits: dict[str, str]) -> bytes:
    """The corrected file computed independently: each edited span replaced in the text; a
    deleted sentence also takes the space before it, else the one after it, else (alone on
    its line) the newline after it."""
    text = data[len(bom) :].decode(encoding)
    done, position = "", 0
    for sentence in segment(text):
        if sentence.id in edits:
            done += text[position : sentence.start] + edits[sentence.id]
            position = sentence.end
            if edits[sentence.id] == "":
                after = text[position : position + 1]
                if done.endswith(" "):
                    done = done[:-1]
                elif after == " " or (after == "\n" and done[-1:] in ("", "\n")):
                    position += 1
    return bom + (done + text[position:]).encode(encoding)


def check_standard_tools_agree(project, relpath, edits, capsysbinary, encoding="utf-8", bom=b""):
    """`review edit` the sentences, then `review apply`, `git apply` and `patch -p1` must all
    give the independently computed corrected bytes."""
    original = (project / relpath).read_bytes()
    code, _out, err = review(capsysbinary, "edit", relpath, *edit_args(edits))
    assert code == 0, err
    corrected = standard_tools_agree_with_review_apply(project, relpath, capsysbinary)
    assert corrected == expected_bytes(original, encoding, bom, edits)
    return project / "corrections" / Path(relpath).with_suffix(".patch")


def standard_tools_agree_with_review_apply(project, relpath, capsysbinary) -> bytes:
    """The corrected bytes, the same from `review apply`, `git apply` and `patch -p1`."""
    original = (project / relpath).read_bytes()
    code, corrected, err = review(capsysbinary, "apply", relpath)
    assert code == 0, err
    assert corrected != original
    patch = project / "corrections" / Path(relpath).with_suffix(".patch")
    for tool, result in applied_by_standard_tools(project, relpath, patch).items():
        assert result == corrected, f"{tool} made other bytes than review apply"
    assert (project / relpath).read_bytes() == original
    return corrected


def diff_lines(patch: bytes) -> list[str]:
    """The lines a patch removes and adds (``-``/``+``, file names left out), in order."""
    return [
        line
        for line in patch.decode("utf-8").splitlines()
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ]
