import os
import subprocess
from pathlib import Path

import pytest

from review.corpus.files import Selection, find_project
from review.errors import ReviewError


def _tree(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("A sentence.\n", encoding="utf-8")


def _names(root: Path, *paths: str, selection: Selection | None = None) -> list[str]:
    project = find_project(list(paths), selection or Selection(), cwd=root)
    return [p.relative_to(project.root).as_posix() for p in project.files]


def test_folders_are_walked_in_path_order_without_hidden_files_or_corrections(
    tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path, ["b.txt", "a/z.txt", "a/b/c.txt", ".hidden.txt", ".cache/x.txt",
                     "corrections/a/z.patch", "a/corrections/old.patch"])  # fmt: skip
    assert _names(tmp_path, ".") == ["a/b/c.txt", "a/z.txt", "b.txt"]
    # Paths keep the order given; a file named twice is taken once; a file named is taken
    # even when hidden.
    assert _names(tmp_path, "b.txt", "a", "./b.txt", str(tmp_path / "a/z.txt"), ".hidden.txt") == [
        "b.txt", "a/b/c.txt", "a/z.txt", ".hidden.txt",
    ]  # fmt: skip


def test_include_and_exclude_globs_match_the_path_in_the_folder_or_the_name(tmp_path) -> None:
    _tree(tmp_path, ["a/x.txt", "a/y.md", "b/x.txt", "b/draft-1.txt"])
    assert _names(tmp_path, ".", selection=Selection(include=("*.txt",))) == [
        "a/x.txt", "b/draft-1.txt", "b/x.txt",
    ]  # fmt: skip
    assert _names(tmp_path, ".", selection=Selection(exclude=("b/*", "*.md"))) == ["a/x.txt"]
    assert _names(
        tmp_path, ".", selection=Selection(include=("*.txt", "*.md"), exclude=("draft-*",))
    ) == ["a/x.txt", "a/y.md", "b/x.txt"]


def test_what_gitignore_ignores_is_skipped_in_a_git_work_tree(tmp_path) -> None:
    _tree(tmp_path, ["kept.txt", "build/out.txt", "notes.log", "sub/tracked.log", "sub/new.txt"])
    (tmp_path / ".gitignore").write_text("build/\n*.log\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    # A tracked file stays even when an ignore rule matches it (git's own rule).
    subprocess.run(["git", "-C", str(tmp_path), "add", "-f", "sub/tracked.log"], check=True)
    assert _names(tmp_path, ".") == ["kept.txt", "sub/new.txt", "sub/tracked.log"]
    assert _names(tmp_path, "sub") == ["sub/new.txt", "sub/tracked.log"]


def test_a_fifo_in_a_folder_is_listed_for_the_command_to_skip(tmp_path) -> None:
    _tree(tmp_path, ["a.txt"])
    os.mkfifo(tmp_path / "pipe")
    assert _names(tmp_path, ".") == ["a.txt", "pipe"]


def test_one_file_alone_is_not_a_project_but_a_folder_or_two_files_are(tmp_path) -> None:
    _tree(tmp_path, ["a.txt", "b.txt"])
    assert not find_project([str(tmp_path / "a.txt")], cwd=tmp_path).many
    assert find_project([str(tmp_path)], cwd=tmp_path).many
    assert find_project([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], cwd=tmp_path).many


def test_the_root_is_the_working_folder_or_else_the_folder_the_paths_share(tmp_path) -> None:
    _tree(tmp_path, ["p/a/x.txt", "p/b/y.txt"])
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert find_project([str(tmp_path / "p")], cwd=tmp_path).root == tmp_path
    project = find_project([str(tmp_path / "p/a/x.txt"), str(tmp_path / "p/b")], cwd=elsewhere)
    assert project.root == tmp_path / "p"


@pytest.mark.parametrize(
    ("names", "paths", "message"),
    [
        ([], ["missing"], "missing: no such file"),
        (["empty/.hidden"], ["empty"], "empty: no file to work on"),
    ],
)
def test_a_missing_path_or_no_file_is_an_error(tmp_path, monkeypatch, names, paths, message):
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path, names)
    with pytest.raises(ReviewError, match=f"^{message}$"):
        find_project(paths)
