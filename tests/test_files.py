import os
from pathlib import Path

import pytest

from review.errors import ReviewError
from review.files import require_regular_file


def test_a_regular_file_and_a_link_to_one_pass(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "link.txt").symlink_to("a.txt")
    require_regular_file(tmp_path / "a.txt")
    require_regular_file(tmp_path / "link.txt")


def test_a_missing_file_passes_only_when_allowed(tmp_path: Path) -> None:
    require_regular_file(tmp_path / "new.patch", missing_ok=True)
    with pytest.raises(ReviewError, match=r"^p\.patch: no such file$"):
        require_regular_file(tmp_path / "new.patch", shown="p.patch")
    (tmp_path / "dangling.patch").symlink_to("nowhere")
    with pytest.raises(ReviewError, match="is a symbolic link to nothing"):
        require_regular_file(tmp_path / "dangling.patch", missing_ok=True)


def test_what_is_not_a_regular_file_is_named_without_opening_it(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "loop").symlink_to("loop")
    cases = [
        (tmp_path / "pipe", "is a named pipe (FIFO), not a regular file"),
        (tmp_path / "loop", "is a symbolic link loop, not a file"),
        (tmp_path, "is a directory, not a text file"),
        (Path("/dev/null"), "is a character device, not a regular file"),
    ]
    for path, message in cases:
        with pytest.raises(ReviewError) as caught:
            require_regular_file(path, missing_ok=True)
        assert str(caught.value) == f"{path}: {message}"
