"""`review report` on the seed, with a sample review made by `review edit`."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource

from corpus_helpers import (
    BINARY,
    BINARY_LINE,
    UNDECODABLE,
    UNDECODABLE_LINE,
    make_corpus,
    text_names,
)
from review.cli import main
from review.metrics import Metric, corpus_score
from review.segment import segment

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
    assert "saved corrections/seeds/000_609f52cd2aa5fae0.patch" in out
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
    assert data["source"]["patch"] == "corrections/seeds/000_609f52cd2aa5fae0.patch"
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
    journal = Path("corrections/seeds/000_609f52cd2aa5fae0.journal")
    journal.write_text("", encoding="utf-8")
    code, out, err = _run(capsys, "report", SEED_NAME, "--no-languagetool", "--format", "json")
    assert code == 0
    assert "holds unsaved changes, which this report leaves out" in err
    assert any("unsaved changes" in n for n in json.loads(out)["checkers"]["notices"])


def test_patch_named_with_patch(reviewed_seed, capsys) -> None:
    moved = Path("elsewhere/round1.patch")
    moved.parent.mkdir()
    Path("corrections/seeds/000_609f52cd2aa5fae0.patch").rename(moved)
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
    assert {"EN_SPECIFIC_CASE", "SO_AS_TO"} <= rules


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


# --- a whole project ---------------------------------------------------------------------------

REVIEWED = {"ch2/part01.txt": "Rewritten here.", "ch1/sub/part00.txt": "Changed, too."}


@pytest.fixture(scope="module")
def reviewed_project(tmp_path_factory) -> Path:
    """The 30-file project (one binary, one undecodable file) with two files reviewed."""
    root = tmp_path_factory.mktemp("project")
    make_corpus(root)
    for name, text in REVIEWED.items():
        completed = _cli(root, "edit", name, "--sentence", "s1", "--text", text,
                         "--status", "s1=reviewed", "--no-languagetool")  # fmt: skip
        assert completed.returncode == 0, completed.stderr
    return root


def _cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "review.cli", *args],
        capture_output=True, text=True, cwd=root, timeout=600, check=False,
    )  # fmt: skip


def _project_report(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return _cli(root, "report", ".", "--no-languagetool", *args)


@pytest.fixture(scope="module")
def project_json(reviewed_project: Path) -> tuple[dict, subprocess.CompletedProcess[str]]:
    completed = _project_report(reviewed_project, "--format", "json")
    return json.loads(completed.stdout), completed


def test_project_json_validates_and_reports_every_file(project_json) -> None:
    data, completed = project_json
    schemas = files("review") / "schemas"
    registry: Registry = Registry()
    for name in ("report.schema.json", "project-report.schema.json"):
        schema = json.loads((schemas / name).read_text("utf-8"))
        registry = registry.with_resource(schema["$id"], Resource.from_contents(schema))
    validator = jsonschema.Draft202012Validator(
        registry.contents("review-project-report/1"), registry=registry
    )
    validator.validate(data)
    assert [f["path"] for f in data["files"]] == text_names()
    assert [f["path"] for f in data["files"] if f["saved"]] == sorted(REVIEWED)
    assert [f["patch"] for f in data["files"] if f["saved"]] == [
        "corrections/ch1/sub/part00.patch", "corrections/ch2/part01.patch",
    ]  # fmt: skip
    assert data["skipped"] == [
        {"path": BINARY, "reason": "is a binary file (it contains NUL bytes), not a text file"},
        {"path": UNDECODABLE, "reason": "is not text in any encoding review recognises"},
    ]
    totals = data["totals"]
    assert (totals["files"], totals["saved"], totals["skipped"]) == (28, 2, 2)
    assert totals["summary"]["reviewed"] == 2 and totals["summary"]["edited"] == 2
    assert totals["summary"]["sentences"] == sum(f["summary"]["sentences"] for f in data["files"])
    assert completed.returncode == 3
    assert completed.stderr.splitlines() == [
        BINARY_LINE, UNDECODABLE_LINE, "review: LanguageTool off (--no-languagetool)",
    ]  # fmt: skip


def test_project_totals_score_every_sentence_as_one_corpus(project_json, reviewed_project):
    data, _ = project_json
    originals, corrected = [], []
    for name in text_names():
        sentences = [s.text for s in segment((reviewed_project / name).read_text("utf-8"))]
        originals += sentences
        corrected += [REVIEWED.get(name, sentences[0]), *sentences[1:]]
    effort = {score["metric"]: score for score in data["totals"]["effort"]}
    for metric in (Metric.TER, Metric.CHRF_PLUS):
        expected = corpus_score(metric, originals, corrected)
        assert effort[metric.value]["score"] == pytest.approx(expected.value, abs=1e-9)
        assert effort[metric.value]["signature"] == expected.signature


def test_a_project_file_has_the_figures_of_its_own_report(project_json, reviewed_project):
    data, _ = project_json
    alone = json.loads(
        _cli(reviewed_project, "report", "ch2/part01.txt", "--format", "json",
             "--no-languagetool").stdout
    )  # fmt: skip
    entry = next(f for f in data["files"] if f["path"] == "ch2/part01.txt")
    assert (entry["summary"], entry["effort"], entry["mqm"]) == (
        alone["summary"], alone["effort"], alone["mqm"],
    )  # fmt: skip


def test_project_html_md_and_csv_have_a_section_or_row_per_file(reviewed_project) -> None:
    html = _project_report(reviewed_project, "--format", "html").stdout
    markdown = _project_report(reviewed_project, "--format", "md").stdout
    rows = list(csv.DictReader(io.StringIO(
        _project_report(reviewed_project, "--format", "csv").stdout.removeprefix("\ufeff")
    )))  # fmt: skip
    for index, name in enumerate(text_names(), start=1):
        assert f'<a href="#file-{index}">{name}</a>' in html
        assert f'<section id="file-{index}" class="file"><h2>{name}</h2>' in html
        assert f"[{name.replace('_', chr(92) + '_')}](#file-{index})" in markdown
        assert f'<a id="file-{index}"></a>' in markdown
    assert [row["file"] for row in rows] == [*text_names(), BINARY, UNDECODABLE]
    reviewed = {row["file"]: (row["saved"], row["reviewed"], row["edited"]) for row in rows}
    assert reviewed["ch2/part01.txt"] == ("yes", "1", "1")
    assert reviewed["ch1/part04.txt"] == ("no", "0", "0")
    assert rows[-1]["skipped"] == "is not text in any encoding review recognises"


def test_project_gates_exit_1_over_all_files(reviewed_project) -> None:
    completed = _project_report(reviewed_project, "--fail-on-open", "minor", "-o", "../r.md")
    assert completed.returncode == 1
    assert re.search(r"^review: \d+ flags at or above minor left open", completed.stderr, re.M)
    assert (reviewed_project.parent / "r.md").read_text("utf-8").startswith("# Project report")


def test_reports_and_project_checks_name_the_merged_and_split_sentences(seed_copy, capsys) -> None:
    """The review merges s66 with s67 and splits s12: the file's report, the project's report
    and the project's check list the sentences as the review has them."""
    code, _, err = _run(
        capsys, "edit", SEED_NAME, "--merge", "s66", "--split", "s12@47",
        "--sentence", "s66", "--text", "One merged sentence.",
    )  # fmt: skip
    assert code == 0, err
    code, out, err = _run(capsys, "report", SEED_NAME, "--no-languagetool", "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    jsonschema.validate(report, _schema())
    sentences = {s["id"]: s for s in report["sentences"]}
    assert len(sentences) == 77 and "s67" not in sentences
    assert sentences["s12-48"]["original"].startswith("how can we handle the relations")
    merged = sentences["s66"]["original"]
    assert "The truth. People in China admire" in merged
    assert merged.endswith("a strong country must dominate ’ 。”")
    assert sentences["s66"]["corrected"] == "One merged sentence."
    code, out, err = _run(capsys, "check", "seeds", "--no-languagetool", "--format", "json")
    ids = [s["id"] for s in json.loads(out)["documents"][0]["sentences"]]
    assert (ids[11:14], ids[65:68]) == (["s12", "s12-48", "s13"], ["s65", "s66", "s68"])
    code, out, err = _run(capsys, "report", "seeds", "--no-languagetool", "--format", "json")
    assert code == 0, err
    (reviewed,) = json.loads(out)["files"]
    assert (reviewed["summary"]["sentences"], reviewed["summary"]["edited"]) == (77, 1)


def test_a_project_report_skips_a_link_loop_in_it(tmp_path: Path) -> None:
    # Found by a hostile run: comparing -o with the project's files resolved the loop, which
    # raised.
    (tmp_path / "a.txt").write_text("The plan is good.\n", encoding="utf-8")
    (tmp_path / "loop1").symlink_to("loop2")
    (tmp_path / "loop2").symlink_to("loop1")
    completed = _cli(tmp_path, "report", ".", "-o", "out.html", "--no-languagetool")
    assert completed.returncode == 3, completed.stderr
    assert completed.stderr.splitlines()[:2] == [
        "review: loop1: is a symbolic link loop, not a file; skipped",
        "review: loop2: is a symbolic link loop, not a file; skipped",
    ]
    assert "a.txt" in (tmp_path / "out.html").read_text(encoding="utf-8")
