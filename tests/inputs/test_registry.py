"""A format added through the registry alone is what every command reads and patches."""

import json

import pytest

from patch_helpers import review
from review import inputs
from review.inputs import FORMATS, input_format, open_text
from review.inputs.plain import FORMAT as PLAIN
from toy_format import FORMAT as LINES_FORMAT
from toy_format import LINES

TEXT = "First line. Still the first.\nSecond line here.\n"


@pytest.fixture
def lines_format(monkeypatch, tmp_path):
    monkeypatch.setattr(inputs, "FORMATS", (LINES, *FORMATS))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.lines").write_text(TEXT, encoding="utf-8")
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")


def test_the_suffix_chooses_the_format_and_plain_text_takes_the_rest(lines_format):
    assert input_format("doc.LINES") is LINES_FORMAT
    assert input_format("doc.txt") is PLAIN
    assert input_format("README") is PLAIN
    assert [s.text for s in open_text("doc.txt").sentences] == [
        "First line.",
        "Still the first.",
        "Second line here.",
    ]
    assert [s.text for s in open_text("doc.lines").sentences] == [
        "First line. Still the first.",
        "Second line here.",
    ]


def test_check_edit_and_apply_read_the_new_format(lines_format, tmp_path, capsysbinary):
    code, out, _ = review(capsysbinary, "check", "doc.lines", "--format", "json",
                          "--no-languagetool", "--fail-on", "none")  # fmt: skip
    assert code == 0
    assert [s["text"] for s in json.loads(out)["sentences"]] == [
        "First line. Still the first.",
        "Second line here.",
    ]
    code, _, _ = review(capsysbinary, "edit", "doc.lines", "--sentence", "s2", "--text", "Two.")
    assert code == 0
    code, out, _ = review(capsysbinary, "apply", "doc.lines")
    assert (code, out) == (0, b"First line. Still the first.\nTwo.\n")
    patch = (tmp_path / "corrections" / "doc.patch").read_text(encoding="utf-8")
    assert 'Sentence-s2: {"edited_chars": 4}\n' in patch
