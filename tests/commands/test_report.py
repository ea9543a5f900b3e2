"""`review report` on the seed, with a sample review made by `review edit`."""

from __future__ import annotations

import csv
import io
import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest

from review.cli import main

SEED_NAME = "seeds/000_609f52cd2aa5fae0.txt"
S2_TEXT = "Our cause is <script>alert(1)</script> cooperation | with all </td> countries."


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def reviewed_seed(seed_copy: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The seed with a review: s2 rewritten (with markup characters), marked reviewed and
    commented; s5's set phrase accepted; s6's quote spacing dismissed."""
    code, out, err = _run(
        capsys, "edit", SEED_NAME,
        "--sentence", "s2", "--text", S2_TEXT,
        "--status", "s2=reviewed",
        "--comment", "s2", "Check with the client | <b>term</b>",
        "--accept", "s5:MT_SET_PHRASE",
        "--dismiss", "s6:MT_SPACE_INSIDE_QUOTES",
        "--no-languagetool",
    )  # fmt: skip
    assert code == 0, err
    assert "saved corrections/000_609f52cd2aa5fae0.patch" in out
    return seed_copy


def _schema() -> dict:
    return json.loads((files("review") / "schemas" / "report.schema.json").read_text("utf-8"))


def test_all_four_formats_from_the_output_suffix(reviewed_seed: Path, capsys) -> None:
    for suffix in ("md", "html", "json", "csv"):
        code, out, err = _run(
            capsys, "report", SEED_NAME, "--no-languagetool", "-o", f"out/report.{suffix}"
        )
        assert code == 0, err
        assert out == ""
    out_dir = reviewed_seed.parent.parent / "out"
    data = json.loads((out_dir / "report.json").read_text("utf-8"))
    jsonschema.validate(data, _schema(), cls=jsonschema.Draft202012Validator)
    assert data["source"]["document"] == SEED_NAME
    assert data["source"]["patch"] == "corrections/000_609f52cd2aa5fae0.patch"
    assert data["checkers"]["languagetool"] is None
    assert data["summary"]["sentences"] == 77
    assert data["summary"]["edited"] == 2
    assert data["summary"]["reviewed"] == 1
    s2 = data["sentences"][1]
    assert (s2["corrected"], s2["status"]) == (S2_TEXT, "reviewed")
    fates = {(f["rule"], f["fate"]) for s in data["sentences"] for f in s["flags"]}
    assert ("MT_SET_PHRASE", "accepted") in fates
    assert ("MT_SPACE_INSIDE_QUOTES", "dismissed") in fates

    html = (out_dir / "report.html").read_text("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script" not in html
    assert html.count('<details class="unchanged">') >= 2
    markdown = (out_dir / "report.md").read_text("utf-8")
    assert "\\<script\\>alert(1)\\</script\\>" in markdown
    rows = list(csv.DictReader(io.StringIO((out_dir / "report.csv").read_text("utf-8-sig"))))
    assert len(rows) == 77
    assert rows[1]["corrected"] == S2_TEXT


def test_markdown_to_stdout_by_default_and_format_wins_over_suffix(reviewed_seed, capsys) -> None:
    code, out, _ = _run(capsys, "report", SEED_NAME, "--no-languagetool", "--only-changed")
    assert code == 0
    assert out.startswith("# Correction report: seeds/000\\_609f52cd2aa5fae0.txt\n")
    assert "### s2 · ¶1 · reviewed" in out and "### s1 " not in out
    code, _, _ = _run(
        capsys, "report", SEED_NAME, "--no-languagetool", "--format", "json", "-o", "r.md"
    )
    assert code == 0
    assert json.loads(Path("r.md").read_text("utf-8"))["schema"] == "review-report/3"


def test_gates_exit_1_and_still_write_the_report(reviewed_seed, capsys) -> None:
    base = ("report", SEED_NAME, "--no-languagetool", "--format", "json")
    code, out, _ = _run(capsys, *base)
    score = json.loads(out)["mqm"]["score"]
    assert 99 < score < 100
    code, out, err = _run(capsys, *base, "--fail-under-score", "99.99")
    assert code == 1 and json.loads(out)["mqm"]["score"] == score
    assert f"review: quality score {score:.2f} is under --fail-under-score 99.99" in err
    assert _run(capsys, *base, "--fail-under-score", "90")[0] == 0
    code, _, err = _run(capsys, *base, "--fail-on-open", "major")
    assert code == 1
    # The idiom calques: s11, s14, s38 (and s3, cut short), s47, s63, s76.
    assert "7 flags at or above major left open (--fail-on-open)" in err
    assert _run(capsys, *base, "--fail-on-open", "critical")[0] == 0


def test_refusals(seed_copy, capsys) -> None:
    code, _, err = _run(capsys, "report", SEED_NAME, "--no-languagetool")
    assert code == 2
    assert "has no saved review" in err and "does not exist" in err
    code, _, err = _run(capsys, "report", SEED_NAME, "--patch", "nope.patch")
    assert code == 2 and "nope.patch: no such patch file" in err


def test_never_overwrites_the_original_and_names_unsaved_changes(reviewed_seed, capsys) -> None:
    code, _, err = _run(capsys, "report", SEED_NAME, "--no-languagetool", "-o", SEED_NAME)
    assert code == 2 and "is the original or its patch" in err
    journal = Path("corrections/000_609f52cd2aa5fae0.journal")
    journal.write_text("", encoding="utf-8")
    code, out, err = _run(capsys, "report", SEED_NAME, "--no-languagetool", "--format", "json")
    assert code == 0
    assert "holds unsaved changes, which this report leaves out" in err
    assert any("unsaved changes" in n for n in json.loads(out)["checkers"]["notices"])


def test_patch_named_with_patch(reviewed_seed, capsys) -> None:
    moved = Path("elsewhere/round1.patch")
    moved.parent.mkdir()
    Path("corrections/000_609f52cd2aa5fae0.patch").rename(moved)
    code, out, err = _run(
        capsys, "report", SEED_NAME, "--patch", str(moved), "--no-languagetool", "--format", "csv"
    )
    assert code == 0, err
    assert S2_TEXT in out


@pytest.mark.languagetool
def test_with_languagetool(reviewed_seed, languagetool_server, capsys) -> None:
    code, out, err = _run(capsys, "report", SEED_NAME, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    jsonschema.validate(data, _schema(), cls=jsonschema.Draft202012Validator)
    assert data["checkers"]["languagetool"] == languagetool_server.version
    rules = {
        f["rule"] for s in data["sentences"] for f in s["flags"] if f["source"] == "languagetool"
    }
    assert "MORFOLOGIK_RULE_EN_US" in rules


def test_a_format_registered_in_one_line_is_chosen_by_name_or_suffix(reviewed_seed, capsys) -> None:
    from review.report.formats import FORMATS
    from toy_formats import registered

    with registered(FORMATS, "render_report"):
        code, out, err = _run(capsys, "report", SEED_NAME, "--no-languagetool", "--format", "toy")
        assert (code, out) == (0, f"toy report of {SEED_NAME}: 2 edited\n"), err
        code, out, err = _run(capsys, "report", SEED_NAME, "--no-languagetool", "-o", "r.toy")
        assert (code, out) == (0, ""), err
    assert (reviewed_seed.parent.parent / "r.toy").read_text("utf-8") == (
        f"toy report of {SEED_NAME}: 2 edited\n"
    )
