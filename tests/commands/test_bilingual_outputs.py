"""What `check`, `report` and `diff` say of a bilingual file: sentences named with their unit,
the source beside each target sentence."""

from __future__ import annotations

import json
import shutil
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest

from patch_helpers import git_project, review

DATA = Path(__file__).resolve().parents[1] / "data" / "bilingual"
NAME = "mlqe_et_en.xlf"
SOURCE_13 = (
    "Aastal 1132 proovisid Antakya, Tripoli ja Edessa kõik oma iseseisvust maksma panna ja "
    "hakkasid Jeruusalemma kuningavõimule vastu."
)


def _schema(name: str) -> dict[str, object]:
    return json.loads((files("review") / "schemas" / name).read_text("utf-8"))


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    git_project(tmp_path, NAME, (DATA / NAME).read_bytes())
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_check_json_sentences_carry_unit_and_source(project, capsysbinary):
    code, out, _ = review(
        capsysbinary, "check", NAME, "--no-languagetool", "--format", "json", "--fail-on", "none"
    )
    data = json.loads(out)
    jsonschema.validate(data, _schema("check.schema.json"))
    assert (code, data["schema"]) == (0, "review-check/2")
    first = data["sentences"][0]
    assert (first["id"], first["unit"], first["source"]) == ("line13-s1", "line13", SOURCE_13)


def test_check_text_names_the_unit_and_its_line_in_the_file(project, capsysbinary, tmp_path):
    # A number the target lost: the source–target check flags it where the unit's target
    # starts in the file (line 7, after `    <target state="translated">`).
    text = (DATA / NAME).read_text("utf-8").replace("In the year 1132", "In the year")
    (tmp_path / NAME).write_text(text, "utf-8")
    code, out, _ = review(capsysbinary, "check", NAME, "--no-languagetool", "--fail-on", "none")
    assert code == 0
    lines = [line for line in out.decode().splitlines() if "ST_NUMBER_MISSING" in line]
    assert lines == [
        f"{NAME}:7:32: line13-s1 (unit line13) mistranslation-risk ST_NUMBER_MISSING "
        "the source's 1132 is not in the translation"
    ]


def test_report_and_diff_show_the_source_beside_the_target(project, capsysbinary, tmp_path):
    code, _, err = review(
        capsysbinary, "edit", NAME, "--sentence", "line13-s1", "--text", "In 1132 they rebelled."
    )
    assert (code, err) == (0, "")
    code, out, _ = review(capsysbinary, "report", NAME, "--no-languagetool", "--format", "json")
    data = json.loads(out)
    jsonschema.validate(data, _schema("report.schema.json"))
    row = data["sentences"][0]
    assert (row["id"], row["unit"], row["source"]) == ("line13-s1", "line13", SOURCE_13)
    code, out, _ = review(capsysbinary, "report", NAME, "--no-languagetool", "--format", "md")
    markdown = out.decode()
    assert "### line13-s1 · unit line13 · todo ·" in markdown
    assert f"| Source | {SOURCE_13} |" in markdown

    shutil.copy(tmp_path / "corrections" / "mlqe_et_en.patch", tmp_path / "before.patch")
    code, _, err = review(
        capsysbinary, "edit", NAME, "--sentence", "line13-s1", "--text", "In 1132 they rose."
    )
    assert (code, err) == (0, "")
    code, out, _ = review(capsysbinary, "diff", "before.patch", "corrections/mlqe_et_en.patch")
    lines = out.decode().splitlines()
    at = lines.index(next(line for line in lines if line.startswith("line13-s1 (unit line13)")))
    assert lines[at + 1] == f"  source: {SOURCE_13}"
    assert lines[at + 2] == "  In 1132 they [-rebelled-]{+rose+}."
