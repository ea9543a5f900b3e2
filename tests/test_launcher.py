"""The `review` launcher script and the installable package, run as a user would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from support import SEED

ROOT = Path(__file__).resolve().parents[1]


def _fake_checkout(tmp_path: Path, stamps: list[str]) -> Path:
    """The launcher beside a .venv whose `review` only echoes: shows what the launcher runs."""
    shutil.copy2(ROOT / "review", tmp_path / "review")
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    fake = bin_dir / "review"
    fake.write_text('#!/bin/sh\necho "ran review $* as $REVIEW_PROG"\n')
    fake.chmod(0o755)
    later = time.time() + 5
    for stamp in stamps:
        path = tmp_path / ".venv" / f".installed-{stamp}"
        path.touch()
        os.utime(path, (later, later))
    return tmp_path


def test_after_the_test_set_up_a_review_sets_up_nothing_again(tmp_path: Path) -> None:
    checkout = _fake_checkout(tmp_path, ["test"])
    run = subprocess.run(
        ["./review", "--version"], cwd=checkout, capture_output=True, text=True, timeout=30
    )
    assert run.returncode == 0
    assert run.stderr == ""
    assert run.stdout == "ran review --version as ./review\n"


def test_our_modules_are_compiled_where_python_would_not_write_their_bytecode(
    tmp_path: Path,
) -> None:
    checkout = _fake_checkout(tmp_path, ["test"])
    (checkout / ".venv" / "bin" / "python").symlink_to(sys.executable)
    module = checkout / "src" / "review" / "words.py"
    module.parent.mkdir(parents=True)
    module.write_text("WORD = 'one'\n")
    cached = module.parent / "__pycache__" / f"words.{sys.implementation.cache_tag}.pyc"
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}

    def launched() -> str:
        run = subprocess.run(
            ["./review", "--version"], cwd=checkout, capture_output=True, text=True,
            timeout=60, env=env,
        )  # fmt: skip
        assert (run.returncode, run.stderr) == (0, "")
        return run.stdout

    assert launched() == "ran review --version as ./review\n"
    first = cached.read_bytes()
    launched()
    assert cached.read_bytes() == first
    # A source edited after: its bytecode (which records the source's size) is written again.
    later = time.time() + 10
    module.write_text("WORD = 'a longer one'\n")
    os.utime(module, (later, later))
    launched()
    assert cached.read_bytes() != first
    assert b"a longer one" in cached.read_bytes()


def test_a_stale_stamp_sets_up_again(tmp_path: Path) -> None:
    checkout = _fake_checkout(tmp_path, [])
    (checkout / ".venv" / "bin" / "python").symlink_to("/bin/false")
    env = {**os.environ, "REVIEW_PYTHON": sys.executable}
    run = subprocess.run(
        ["./review", "--version"], cwd=checkout, capture_output=True, text=True, timeout=30,
        env=env,
    )  # fmt: skip
    assert "Setting up review (first run only)" in run.stderr
    assert run.returncode != 0


def test_the_launcher_turns_away_a_python_outside_3_11_to_3_13(tmp_path: Path) -> None:
    checkout = _fake_checkout(tmp_path, [])
    old = tmp_path / "python-old"
    old.write_text("#!/bin/sh\nexit 1\n")  # fails the version test, as Python 3.10 would
    old.chmod(0o755)
    env = {"PATH": str(tmp_path), "REVIEW_PYTHON": str(old), "HOME": str(tmp_path)}
    run = subprocess.run(
        ["/bin/bash", "./review", "x"], cwd=checkout, capture_output=True, text=True, env=env,
        timeout=30,
    )  # fmt: skip
    assert run.returncode == 1
    assert run.stderr.endswith(
        "review: Python 3.11, 3.12 or 3.13 is needed (set REVIEW_PYTHON to its path)\n"
    )


@pytest.mark.slow
def test_pip_install_puts_a_working_review_on_path(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    (wheel,) = wheels.glob("review-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "review/checkers/fluency/data/calques.tsv" in names
    assert "review/schemas/check.schema.json" in names
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
         str(wheel)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(target), "REVIEW_PROG": ""}
    version = subprocess.run(
        [str(target / "bin" / "review"), "--version"], capture_output=True, text=True, env=env
    )
    assert version.stdout.startswith("review ")
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(SEED, work / SEED.name)
    check = subprocess.run(
        [str(target / "bin" / "review"), "check", SEED.name, "--no-languagetool",
         "--format", "json", "--fail-on", "none"],
        cwd=work, capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert check.returncode == 0, check.stderr
    assert '"rule": "MT_' in check.stdout
    assert str(target) in subprocess.run(
        [sys.executable, "-c", "import review; print(review.__file__)"],
        capture_output=True, text=True, env=env, cwd=work,
    ).stdout  # fmt: skip
