import shutil
import subprocess
import sys

import pytest

from corpus_helpers import make_corpus
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


# --- a whole project ---------------------------------------------------------------------------


@pytest.fixture
def reviewed_corpus(tmp_path, monkeypatch, capsysbinary):
    """The 30-file project with two files reviewed: one at the top of a chapter, one nested."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    root = tmp_path / "project"
    make_corpus(root)
    monkeypatch.chdir(root)
    for name in (TOP, NESTED):
        code, _, err = review(
            capsysbinary, "edit", name, "--sentence", "s1", "--text", "Rewritten.",
            "--no-languagetool",
        )  # fmt: skip
        assert code == 0, err
    return root


TOP = "ch2/part01.txt"
NESTED = "ch1/sub/part00.txt"


def test_patches_mirror_the_project_tree(reviewed_corpus):
    patches = sorted(p.relative_to(reviewed_corpus).as_posix()
                     for p in (reviewed_corpus / "corrections").rglob("*.patch"))  # fmt: skip
    assert patches == ["corrections/ch1/sub/part00.patch", "corrections/ch2/part01.patch"]


def test_apply_writes_the_corrected_tree_for_every_file_with_a_patch(reviewed_corpus, capsysbinary):
    code, out, err = review(capsysbinary, "apply", ".", "-o", "../out")
    assert (code, out, err) == (0, b"", "")
    out_dir = reviewed_corpus.parent / "out"
    written = sorted(p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*") if p.is_file())
    assert written == [NESTED, TOP]
    for name in (NESTED, TOP):
        original = (reviewed_corpus / name).read_text(encoding="utf-8")
        corrected = (out_dir / name).read_text(encoding="utf-8")
        assert corrected.startswith("Rewritten. ") and not original.startswith("Rewritten.")
        # Each is exactly what `review apply FILE` gives for that file alone.
        code, alone, _ = review(capsysbinary, "apply", name)
        assert (code, alone) == (0, corrected.encode("utf-8"))


def test_apply_over_a_project_skips_a_file_whose_patch_fails_and_exits_3(
    reviewed_corpus, capsysbinary
):
    (reviewed_corpus / TOP).write_text("Changed since the review.\n", encoding="utf-8")
    code, _, err = review(capsysbinary, "apply", "ch1", "ch2", "-o", "../out")
    assert code == 3
    assert err.startswith(f"review: {TOP}: ") and err.endswith("; skipped\n")
    assert err.count("\n") == 1
    assert (reviewed_corpus.parent / "out" / NESTED).exists()
    assert not (reviewed_corpus.parent / "out" / TOP).exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "review: several files or a folder need -o OUT, the folder to write them in\n"),
        (["-o", "."], "review: . is the project folder; review never overwrites the originals\n"),
        (["-o", "out", "--patch", "x.patch"],
         "review: --patch names the review of one file; give one file\n"),
    ],
)  # fmt: skip
def test_apply_over_a_project_refuses_bad_output(reviewed_corpus, capsysbinary, args, message):
    code, out, err = review(capsysbinary, "apply", ".", *args)
    assert (code, out, err) == (2, b"", message)


def test_apply_over_a_project_skips_a_link_loop_in_it(reviewed_corpus, capsysbinary):
    # Found by a hostile run: the loop's patch was looked for first, and that raised.
    (reviewed_corpus / "loop1").symlink_to("loop2")
    (reviewed_corpus / "loop2").symlink_to("loop1")
    code, out, err = review(capsysbinary, "apply", ".", "-o", "../out")
    assert (code, out) == (3, b"")
    assert err == (
        "review: loop1: is a symbolic link loop, not a file; skipped\n"
        "review: loop2: is a symbolic link loop, not a file; skipped\n"
    )
    out_dir = reviewed_corpus.parent / "out"
    assert sorted(p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*.txt")) == [
        NESTED,
        TOP,
    ]
