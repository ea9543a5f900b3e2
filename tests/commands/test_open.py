import subprocess
import sys

from support import SEED


def test_a_bad_glossary_is_one_line_before_the_ui_starts(tmp_path) -> None:
    (tmp_path / "g.csv").write_text("x\n", encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "review.cli", "open", str(SEED), "--glossary", "g.csv"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert (completed.returncode, completed.stdout) == (2, "")
    assert completed.stderr == "review: g.csv: line 1 is not source,target[,note]: ['x']\n"
