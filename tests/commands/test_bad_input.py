"""Bad input to every command: one line on stderr, exit 2, nothing opened that could block.

The README's table of bad inputs lists these lines; each case here failed (hung for ever or
gave a traceback) before its fix.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from patch_helpers import review

COMMANDS = (
    ("check", "--no-languagetool"),
    ("report", "--no-languagetool"),
    ("apply",),
    ("edit", "--status", "s1=reviewed", "--no-languagetool"),
    ("open", "--no-languagetool"),
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    (tmp_path / "ok.txt").write_text("The plan is good. We agree.\n", encoding="utf-8")
    yield tmp_path


def _fifo(d: Path) -> str:
    os.mkfifo(d / "f.txt")
    return "f.txt"


def _socket(d: Path) -> str:
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(d / "s.txt"))
    return "s.txt"


def _loop(d: Path) -> str:
    (d / "l.txt").symlink_to("l.txt")
    return "l.txt"


def _dangling(d: Path) -> str:
    (d / "gone.txt").symlink_to("nowhere.txt")
    return "gone.txt"


BAD_PATHS: list[tuple[Callable[[Path], str], str]] = [
    (_fifo, "review: f.txt: is a named pipe (FIFO), not a regular file\n"),
    (_socket, "review: s.txt: is a socket, not a regular file\n"),
    (lambda d: "/dev/null", "review: /dev/null: is a character device, not a regular file\n"),
    (_loop, "review: l.txt: is a symbolic link loop, not a file\n"),
    (_dangling, "review: gone.txt: is a symbolic link to nothing (no such file)\n"),
]


@pytest.mark.timeout(60)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize(("make", "line"), BAD_PATHS, ids=lambda v: getattr(v, "__name__", ""))
def test_a_text_that_is_no_regular_file_is_one_line(project, capsysbinary, command, make, line):
    code, out, err = review(capsysbinary, command[0], make(project), *command[1:])
    assert (code, out, err) == (2, b"", line)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("command", [c for c in COMMANDS if c[0] != "check"], ids=lambda c: c[0])
@pytest.mark.parametrize(("make", "line"), BAD_PATHS[:2] + BAD_PATHS[3:4])
def test_a_patch_that_is_no_regular_file_is_one_line(project, capsysbinary, command, make, line):
    code, out, err = review(
        capsysbinary, command[0], "ok.txt", "--patch", make(project), *command[1:]
    )
    assert (code, out, err) == (2, b"", line)


def test_an_edit_the_legacy_encoding_cannot_hold_is_one_line(project, capsysbinary):
    (project / "latin.txt").write_bytes(b"Caf\xe9 owners said hello to the na\xefve visitors.\n")
    code, out, err = review(
        capsysbinary,
        "edit",
        "latin.txt",
        "--encoding",
        "latin-1",
        "--sentence",
        "s1",
        "--text",
        "x → 中",
        "--no-languagetool",
    )
    assert (code, out, err) == (
        2,
        b"",
        "review: s1: latin.txt is iso8859-1, which cannot hold '→' (U+2192), '中' (U+4E2D); "
        "the edit is not made\n",
    )
    assert sorted(p.name for p in (project / "corrections").iterdir()) == []


def test_a_failed_edit_journals_nothing(project, capsysbinary):
    (project / "u16.txt").write_bytes("\ufeffThe plan is good. We agree.\n".encode("utf-16-le"))
    first = review(capsysbinary, "edit", "u16.txt", "--sentence", "s1", "--text", "X.")
    second = review(capsysbinary, "edit", "u16.txt", "--status", "s1=reviewed")
    assert first[:2] == second[:2] == (2, b"")
    assert first[2] == second[2]  # the same refusal, no "recovered 1 unsaved change"
    assert "recovered" not in second[2]
    assert sorted(p.name for p in (project / "corrections").iterdir()) == []


def test_a_patch_with_a_git_header_review_does_not_understand_is_one_line(project, capsysbinary):
    assert review(capsysbinary, "edit", "ok.txt", "--sentence", "s1", "--text", "Fine.")[0] == 0
    patch = project / "corrections" / "ok.patch"
    patch.write_bytes(
        patch.read_bytes().replace(
            b"--- a/ok.txt", b"rename from ../../evil3.txt\nrename to ok.txt\n--- a/ok.txt"
        )
    )
    code, out, err = review(capsysbinary, "apply", "ok.txt")
    assert (code, out, err) == (
        2,
        b"",
        "review: corrections/ok.patch: line 2 of its diff is not one review understands: "
        "'rename from ../../evil3.txt'\n",
    )


def _write(name: str, data: bytes) -> Callable[[Path], str]:
    def make(d: Path) -> str:
        (d / name).write_bytes(data)
        return name

    return make


UTF16 = "\ufeffThe plan is good.\n".encode("utf-16-le")
READ_ONLY = (
    "review: u16.txt is utf-16-le, whose patches patch tools cannot apply, so this review is "
    "read-only; `review open FILE --convert-to-utf8` reviews a UTF-8 copy\n"
)


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["check", "bad8.txt"],
            "review: bad8.txt: is not valid UTF-8: byte offset 11 (0x93, line 1) starts no "
            "UTF-8 character (fix that byte, or give --encoding if the file is not UTF-8)\n",
        ),
        (
            ["check", "ok.txt", "--encoding", "nope"],
            "review: unknown encoding 'nope' (Python's codec names, e.g. latin-1, cp1252)\n",
        ),
        (["edit", "u16.txt", "--status", "s1=reviewed"], READ_ONLY),
        (["edit", "u16.txt", "--sentence", "s1", "--text", "X."], READ_ONLY),
    ],
)
def test_encodings_review_cannot_use_are_one_line(project, capsysbinary, args, line):
    _write("bad8.txt", "A “quoted” ".encode()[:11] + b"\x93word\xe2\x80\x9d.\n")(project)
    _write("u16.txt", UTF16)(project)
    code, out, err = review(capsysbinary, *args, "--no-languagetool")
    assert (code, out, err) == (2, b"", line)


def test_an_encoding_in_review_toml_that_does_not_exist_is_one_line(project, capsysbinary):
    (project / "review.toml").write_text('[review]\nencoding = "nope"\n')
    code, out, err = review(capsysbinary, "check", "ok.txt", "--no-languagetool")
    assert (code, out) == (2, b"")
    assert err == (
        f"review: {project / 'review.toml'}: encoding: unknown encoding 'nope' (Python's codec "
        "names, e.g. latin-1, cp1252)\n"
    )
