import shutil
import subprocess
import sys

import pytest

from patch_helpers import review
from support import SEED

NAME = "seed.txt"


@pytest.fixture
def edited(tmp_path, monkeypatch, capsysbinary):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    monkeypatch.chdir(tmp_path)
    shutil.copyfile(SEED, tmp_path / NAME)
    code, _, err = review(
        capsysbinary, "edit", NAME, "--sentence", "s77", "--text", "The end — ünïcödé."
    )
    assert code == 0, err
    return tmp_path


def expected():
    return (
        SEED.read_bytes().removesuffix(
            b"Take into account the interests of other countries when pursuing their own "
            b"interests, and take into account the development of other countries when seeking "
            b'their own development. "'
        )
        + "The end — ünïcödé.".encode()
    )


def test_stdout_gets_the_corrected_bytes(edited, capsysbinary):
    code, out, err = review(capsysbinary, "apply", NAME)
    assert (code, err) == (0, "")
    assert out == expected()


def test_output_file_is_written_and_the_original_left_alone(edited, capsysbinary):
    code, out, err = review(capsysbinary, "apply", NAME, "-o", "out/corrected.txt")
    assert (code, out, err) == (0, b"", "")
    assert (edited / "out" / "corrected.txt").read_bytes() == expected()
    assert (edited / NAME).read_bytes() == SEED.read_bytes()
    assert [p.name for p in (edited / "out").iterdir()] == ["corrected.txt"]


def test_an_explicit_patch_is_used(edited, capsysbinary):
    shutil.move(edited / "corrections" / "seed.patch", edited / "elsewhere.patch")
    code, out, _ = review(capsysbinary, "apply", NAME, "--patch", "elsewhere.patch")
    assert (code, out) == (0, expected())


def test_refuses_to_overwrite_the_original(edited, capsysbinary):
    code, out, err = review(capsysbinary, "apply", NAME, "-o", f"./{NAME}")
    assert (code, out) == (2, b"")
    assert err == f"review: ./{NAME} is the original; review never overwrites it\n"
    assert (edited / NAME).read_bytes() == SEED.read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "review: seed.txt has no saved review (corrections/seed.patch does not exist); "
             "give one with --patch\n"),
        (["--patch", "none.patch"], "review: none.patch: no such patch file\n"),
    ],
)  # fmt: skip
def test_a_missing_patch_is_one_line(edited, capsysbinary, args, message):
    (edited / "corrections" / "seed.patch").unlink()
    code, out, err = review(capsysbinary, "apply", NAME, *args)
    assert (code, out, err) == (2, b"", message)


def test_output_is_binary_safe_through_a_pipe(edited):
    crlf = edited / "crlf.txt"
    crlf.write_bytes(b"One line.\r\nTwo line.\r\nNo newline")
    run = [sys.executable, "-m", "review.cli"]
    edit = subprocess.run(
        [*run, "edit", "crlf.txt", "--sentence", "s3", "--text", "Last line."],
        cwd=edited, capture_output=True, check=False,
    )  # fmt: skip
    assert edit.returncode == 0, edit.stderr
    applied = subprocess.run([*run, "apply", "crlf.txt"], cwd=edited, capture_output=True)
    assert applied.stdout == b"One line.\r\nTwo line.\r\nLast line."
