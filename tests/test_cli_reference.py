from __future__ import annotations

from pathlib import Path

from review.cli_reference import BEGIN, END, reference

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_lists_every_command_and_option_as_the_parser_has_them() -> None:
    text = README.read_text(encoding="utf-8")
    start = text.index(BEGIN)
    block = text[start : text.index(END, start) + len(END)]
    assert block == reference(), "README is stale: run `python -m review.cli_reference`"


def test_reference_names_options_that_the_old_hand_written_table_left_out() -> None:
    block = reference()
    assert "| open | `--no-languagetool` | run the fluency detectors only |" in block
    assert "| report | `--patch P` | the patch file of one file (default: corrections/…) |" in block
    assert (
        "| check | `--format text\\|json\\|sarif` | text (linter-style lines), json (JSON), "
        "sarif (SARIF 2.1.0); default: text |"
    ) in block


def test_usage_lines_say_how_to_run_the_launcher() -> None:
    usage = reference().split("| `./review apply ", 1)[1].split("`", 1)[0]
    assert all(o in usage for o in ("[--include GLOB]", "[--source SOURCE]", "[--encoding NAME]"))
