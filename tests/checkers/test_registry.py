"""A checker added through the registry alone reaches every output: `review check`, the UI's
flag board, the patch header's provenance and the report."""

import json
import re
from importlib.resources import files

import jsonschema
import pytest

from patch_helpers import review
from review import checkers
from review.checkers import CHECKERS, NAME_PATTERN
from review.config import Config
from review.segment import segment
from review.ui.board import FlagBoard
from review.ui.checks import default_stages, run_stages
from support import onto_board
from toy_checker import TOY

TEXT = "The plan is very good.\nIt was a very long day, and very cold.\n"


@pytest.fixture
def toy(monkeypatch, tmp_path):
    monkeypatch.setattr(checkers, "CHECKERS", (*CHECKERS, TOY))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")


def _schema(name: str) -> dict:
    return json.loads((files("review") / "schemas" / name).read_text(encoding="utf-8"))


def test_every_registered_name_fits_the_schemas_pattern():
    for schema in ("check.schema.json", "report.schema.json"):
        assert f'"pattern": "{NAME_PATTERN}"' in (files("review") / "schemas" / schema).read_text()
    assert all(re.fullmatch(NAME_PATTERN, factory.name) for factory in (*CHECKERS, TOY))


def test_toy_flags_in_check_json(toy, capsysbinary):
    code, out, err = review(
        capsysbinary, "check", "doc.txt", "--format", "json", "--no-languagetool"
    )
    data = json.loads(out)
    jsonschema.validate(data, _schema("check.schema.json"))
    toys = [
        (f["sentence"], f["document_start"], f["rule"])
        for f in data["flags"]
        if f["source"] == "toy"
    ]
    assert toys == [("s1", 12, "TOY_VERY"), ("s2", 32, "TOY_VERY"), ("s2", 51, "TOY_VERY")]
    assert data["summary"]["by_source"]["toy"] == 3
    assert (code, err) == (0, "review: LanguageTool off (--no-languagetool)\n")


def test_toy_flags_on_the_ui_board(toy):
    sentences = segment(TEXT)
    board = FlagBoard(sentences)
    opened = []
    run_stages(
        default_stages(Config(), use_languagetool=False), TEXT, sentences,
        lambda *progress: None, opened.append, onto_board(board),
    )  # fmt: skip
    assert [c.name for c in opened[0].checkers] == [
        "fluency",
        "consistency",
        "source-target",
        "toy",
    ]
    assert opened[0].versions == {"toy": "0.1"}
    assert [(f.source, f.start, f.text) for f in board.flags_of("s2")] == [
        ("toy", 9, "very"),
        ("toy", 28, "very"),
    ]


def test_toy_version_in_the_patch_header_and_flags_in_the_report(toy, tmp_path, capsysbinary):
    code, _, err = review(
        capsysbinary, "edit", "doc.txt", "--accept", "s1:TOY_VERY", "--no-languagetool"
    )
    assert (code, err) == (0, "review: LanguageTool off (--no-languagetool)\n")
    header = (tmp_path / "corrections" / "doc.patch").read_text(encoding="utf-8")
    assert "\nTool: review 0.1.0\nLanguageTool: none\nChecker-toy: 0.1\nLanguage: en-US\n" in header
    code, out, _ = review(
        capsysbinary, "report", "doc.txt", "--format", "json", "--no-languagetool"
    )
    report = json.loads(out)
    jsonschema.validate(report, _schema("report.schema.json"))
    fates = [
        (sentence["id"], flag["fate"], flag["text"])
        for sentence in report["sentences"]
        for flag in sentence["flags"]
        if flag["source"] == "toy"
    ]
    assert fates == [("s1", "accepted", "very"), ("s2", "open", "very"), ("s2", "open", "very")]
    assert code == 0
