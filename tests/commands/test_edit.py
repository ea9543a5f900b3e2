import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from patch_helpers import git_project, review, standard_tools_agree_with_review_apply
from review import checking
from review.checking import CheckResult
from review.flags import Category, Flag, MqmClass, Severity
from review.session import ReviewSession
from review.state import Status
from support import SEED

SEED_NAME = "seeds/000_609f52cd2aa5fae0.txt"
PATCH = Path("corrections/seeds/000_609f52cd2aa5fae0.patch")


@pytest.fixture(autouse=True)
def no_user_config(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))


@pytest.fixture
def project(tmp_path, monkeypatch):
    root = tmp_path / "project"
    git_project(root, SEED_NAME, SEED.read_bytes())
    monkeypatch.chdir(root)
    return root


def reopen(root):
    return ReviewSession.open(root / SEED_NAME, cwd=root)


def test_each_change_is_one_line_then_the_patch(project, capsysbinary):
    code, out, err = review(
        capsysbinary, "edit", SEED_NAME,
        "--sentence", "s1", "--text", "A new first sentence.",
        "--status", "s1=reviewed",
        "--comment", "s2", "Check the “win-win”.",
        "--status", "s3=todo",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out.decode() == (
        "s1: text replaced\n"
        "s1: marked reviewed\n"
        "unchanged: marked todo\n"
        "s2: comment set\n"
        f"saved {PATCH}\n"
    )
    with reopen(project) as session:
        assert session.text_of("s1") == "A new first sentence."
        assert session.state.review_of("s1").status is Status.REVIEWED
        assert session.state.review_of("s2").comment == "Check the “win-win”."


def test_real_fluency_flags_accepted_and_dismissed(project, capsysbinary):
    """With the real detectors (LanguageTool off): the seed's full-width stop, an idiom's
    third suggestion, every space inside quotes (one of them at the very end of the file,
    which has no final newline), and a dismissal."""
    code, out, err = review(
        capsysbinary, "edit", SEED_NAME, "--no-languagetool",
        "--accept", "s67:MT_FULLWIDTH_PUNCT",
        "--accept", "s63:MT_IDIOM_CALQUE:3",
        "--accept-all", "MT_SPACE_INSIDE_QUOTES",
        "--dismiss", "s44:MT_PROPER_NOUN_CASE",
    )  # fmt: skip
    assert code == 0, err
    lines = out.decode().splitlines()
    assert lines[:3] == [
        "s44: dismissed MT_PROPER_NOUN_CASE ('new york')",
        "s67: accepted MT_FULLWIDTH_PUNCT: ' 。”' → '.\"'",  # in the seed's straight quotes
        "s63: accepted MT_IDIOM_CALQUE: 'start a new stove' → 'reinvent the wheel'",
    ]
    assert "s77: accepted MT_SPACE_INSIDE_QUOTES" in lines
    with reopen(project) as session:
        assert session.text_of("s67").endswith('a strong country must dominate’."')
        assert session.text_of("s77").endswith('development."')
        assert session.state.review_of("s44").dismissed == {("MT_PROPER_NOUN_CASE", "new york")}
        assert ("MT_SPACE_INSIDE_QUOTES", 'development. "', 'development."') in (
            session.state.review_of("s77").accepted
        )
    corrected = standard_tools_agree_with_review_apply(project, SEED_NAME, capsysbinary)
    assert corrected.endswith(b'their own development."')


class FakeChecker:
    """Stands in for check_document: flags "teh" (two suggestions), " ," and "thw" (whose
    suggestion "teh" is itself flagged) in the texts it is given, so the tests show that
    flags come from the current, edited text."""

    def __init__(self):
        self.calls = 0

    def __call__(self, text, sentences, config, progress=None, use_servers=True):
        self.calls += 1
        flags = []
        for sentence in sentences:
            assert text[sentence.start : sentence.end] == sentence.text
            for needle, rule, replacements in (
                ("teh", "TYPO", ("the", "tea")),
                (" ,", "SPACE_COMMA", (",",)),
                ("thw", "THW", ("teh",)),
            ):
                start = sentence.text.find(needle)
                while start >= 0:
                    flags.append(flag(sentence.id, start, needle, rule, replacements))
                    start = sentence.text.find(needle, start + 1)
        return CheckResult(tuple(flags), {"languagetool": "6.6"}, ())


def flag(sentence_id, start, text, rule, replacements):
    return Flag(
        sentence_id, start, start + len(text), "languagetool", rule, Category.GRAMMAR,
        MqmClass.GRAMMAR, Severity.MINOR, "m", text, replacements,
    )  # fmt: skip


@pytest.fixture
def fake_checker(monkeypatch):
    checker = FakeChecker()
    monkeypatch.setattr(checking, "check_document", checker)
    return checker


def test_accept_all_skips_a_fix_that_raises_a_new_flag(project, capsysbinary, fake_checker):
    code, out, err = review(
        capsysbinary, "edit", SEED_NAME,
        "--sentence", "s2", "--text", "Thw cause , thw end.",
        "--accept-all", "SPACE_COMMA",
        "--accept-all", "THW",
    )  # fmt: skip
    assert code == 0, err
    assert err.splitlines() == [
        "review: skipped s2 THW 'thw' → 'teh': it would raise TYPO",
    ]
    assert out.decode().splitlines() == [
        "s2: text replaced",
        "s2: accepted SPACE_COMMA",
        "s67: accepted SPACE_COMMA",
        "unchanged: accepted THW",
        f"saved {PATCH}",
    ]
    with reopen(project) as session:
        assert session.state.review_of("s2").edited == "Thw cause, thw end."


def test_accept_uses_flags_of_the_edited_text(project, capsysbinary, fake_checker):
    code, out, err = review(
        capsysbinary, "edit", SEED_NAME,
        "--sentence", "s2", "--text", "Teh cause , teh cooperation , all.",
        "--accept", "s2:TYPO:2",
        "--accept-all", "SPACE_COMMA",
        "--dismiss", "s2:TYPO",
    )  # fmt: skip
    assert code == 0, err
    assert out.decode().splitlines() == [
        "s2: text replaced",
        "s2: dismissed TYPO ('teh')",
        "s2: accepted TYPO: 'teh' → 'tea'",
        "s2: accepted SPACE_COMMA",
        "s67: accepted SPACE_COMMA",  # the seed's "’ ,"
        f"saved {PATCH}",
    ]
    # After the edit, after the accept (texts changed), and the accept-all's fixes checked
    # before they are applied.
    assert fake_checker.calls == 3
    with reopen(project) as session:
        review_of_s2 = session.state.review_of("s2")
        assert review_of_s2.edited == "Teh cause, tea cooperation, all."
        assert review_of_s2.accepted == {
            ("TYPO", "teh", "tea"),
            ("SPACE_COMMA", " ,", ","),
        }
        assert review_of_s2.dismissed == frozenset()  # accepting it undid the dismissal
    assert "\nLanguageTool: 6.6\n" in PATCH.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--accept", "s2:NOPE"], "s2 has no NOPE flag (it has no flags)"),
        (["--accept", "s2"], "--accept wants ID:RULE or ID:RULE:N, not 's2'"),
        (["--accept", "s2:TYPO:0"], "--accept wants ID:RULE or ID:RULE:N, not 's2:TYPO:0'"),
        (["--dismiss", "s2"], "--dismiss wants ID:RULE, not 's2'"),
        (["--status", "s2:reviewed"], "--status wants ID=STATUS, not 's2:reviewed'"),
        (["--status", "s2=done"], "unknown status 'done' (use todo or reviewed)"),
        (["--accept-all", "NOPE"], "no NOPE flag in the document"),
        (["--sentence", "s2"], "give each --sentence ID exactly one --text"),
        (["--sentence", "s999", "--text", "x"], "has no sentence 's999' (it has s1…s77)"),
        (["--merge", "s999"], "has no sentence 's999' (it has s1…s77)"),
        (["--merge", "s77"], "s77 is the last sentence; there is none to merge it with"),
        (["--merge", "s7"], "s7 ends a line; it is not merged with s8, which starts the next"),
        (["--split", "s12"], "--split wants ID@OFFSET, not 's12'"),
        (["--split", "s12@x"], "--split wants ID@OFFSET (OFFSET a number), not 's12@x'"),
        (["--split", "s12@400"], "s12: cannot split at 400: its text has 165 characters"),
        (
            ["--merge", "s66", "--split", "s12@40"],
            "s12: cannot split at 40 ('national sit|uation, how '): not at a space between",
        ),
    ],
)
def test_a_bad_change_changes_nothing(project, capsysbinary, fake_checker, args, message):
    code, out, err = review(
        capsysbinary, "edit", SEED_NAME, "--comment", "s1", "made before the error", *args
    )
    assert (code, out) == (2, b"")
    assert err.startswith("review: ") and message in err and err.count("\n") == 1
    assert not (project / "corrections" / "seeds" / "000_609f52cd2aa5fae0.patch").exists()
    assert not (project / "corrections" / "seeds" / "000_609f52cd2aa5fae0.journal").exists()
    assert not (project / "corrections" / "seeds" / "000_609f52cd2aa5fae0.lock").exists()


def test_a_second_process_is_refused_while_the_lock_is_held(project, capsysbinary):
    holder = subprocess.Popen(
        [
            sys.executable, "-c",
            "import sys, time\n"
            "from review.session import ReviewSession\n"
            f"session = ReviewSession.open({SEED_NAME!r})\n"
            "print('ready', flush=True)\n"
            "time.sleep(60)\n",
        ],
        cwd=project, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline() == "ready\n"
        code, _, err = review(capsysbinary, "edit", SEED_NAME, "--status", "s1=reviewed")
        assert code == 2
        assert err == (
            f"review: {SEED_NAME} is being edited by another review process (pid {holder.pid})\n"
        )
    finally:
        holder.kill()
        holder.wait()
    code, _out, err = review(capsysbinary, "edit", SEED_NAME, "--status", "s1=reviewed")
    assert code == 0
    assert err == (
        f"review: warning: took over the stale lock {project / 'corrections' / 'seeds'}"
        f"/000_609f52cd2aa5fae0.lock (pid {holder.pid} is not running)\n"
    )


def review_edit(root, *args):
    return subprocess.Popen(
        [sys.executable, "-m", "review.cli", "edit", SEED_NAME, *args],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "XDG_CONFIG_HOME": str(root / ".config")},
    )


@pytest.mark.slow
def test_sigkill_in_a_series_of_edit_calls_loses_no_completed_edit(project):
    """Run `review edit` calls one after the other and SIGKILL some of them mid-run (early,
    while loading, while saving); every call that finished is in the review afterwards, a
    killed one is either wholly there or not at all, and the series carries on."""
    kill_after = {3: 0.2, 5: 0.6, 7: 0.9}
    completed = {}
    for number in range(1, 9):
        text = f"Sentence {number} as edited."
        process = review_edit(project, "--sentence", f"s{number}", "--text", text)
        if number in kill_after:
            time.sleep(kill_after[number])
            process.send_signal(signal.SIGKILL)
            process.communicate()
            continue
        _out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err
        completed[f"s{number}"] = text
    with reopen(project) as session:
        for sentence_id, text in completed.items():
            assert session.text_of(sentence_id) == text
        for number in kill_after:
            sentence = session.sentence(f"s{number}")
            assert session.text_of(sentence.id) in (f"Sentence {number} as edited.", sentence.text)


@pytest.mark.slow
def test_sigkill_after_journalled_changes_loses_none_of_them(project):
    """A process killed with unsaved changes: each change was on disk (journal) before the
    call returned, so reopening has all of them."""
    worker = subprocess.Popen(
        [
            sys.executable, "-c",
            "import time\n"
            "from review.session import ReviewSession\n"
            f"session = ReviewSession.open({SEED_NAME!r})\n"
            "for number in range(1, 1000):\n"
            "    session.set_text(f's{number % 77 + 1}', f'Edit number {number}.')\n"
            "    print(number, flush=True)\n"
            "    time.sleep(0.01)\n",
        ],
        cwd=project, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    for _ in range(20):
        last = int(worker.stdout.readline())
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    with reopen(project) as session:
        assert any("unsaved change" in notice for notice in session.notices)
        assert any("took over the stale lock" in notice for notice in session.notices)
        for number in range(max(1, last - 76), last + 1):
            assert session.text_of(f"s{number % 77 + 1}") in (
                f"Edit number {number}.",
                f"Edit number {number + 77}.",  # a later edit of the same sentence
            )
        session.save()
    assert not (project / "corrections" / "seeds" / "000_609f52cd2aa5fae0.journal").exists()


def test_convert_to_utf8_reviews_a_utf8_copy_that_git_applies(tmp_path, monkeypatch, capsysbinary):
    from patch_helpers import applied_by_standard_tools, git_project, review

    project = tmp_path / "project"
    git_project(project, "u16.txt", "\ufeffOne. Two.\n".encode("utf-16-le"))
    monkeypatch.chdir(project)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    code, out, err = review(
        capsysbinary, "edit", "u16.txt", "--convert-to-utf8", "--sentence", "s2", "--text", "2."
    )
    assert (code, err) == (0, "review: u16.utf8.txt is u16.txt in UTF-8; reviewing it\n")
    assert out == b"s2: text replaced\nsaved corrections/u16.utf8.patch\n"
    assert (project / "u16.utf8.txt").read_bytes() == b"One. Two.\n"
    assert applied_by_standard_tools(
        project, "u16.utf8.txt", project / "corrections" / "u16.utf8.patch"
    ) == {"git apply": b"One. 2.\n", "patch -p1": b"One. 2.\n"}


def test_merge_and_split_save_a_patch_git_applies_and_check_names_the_same_ids(
    project, capsysbinary
):
    """The seed's quotation cut across s66/s67 merged, the run-on s12 split after
    "situation,": then edit's and check's ids are those of the merged and split sentences
    (s67's flags are s66's, at their place in it)."""
    code, out, err = review(
        capsysbinary, "edit", SEED_NAME, "--no-languagetool",
        "--merge", "s66", "--split", "s12@47", "--status", "s12-48=reviewed",
        "--accept", "s66:MT_SPACE_BEFORE_PUNCT",
    )  # fmt: skip
    assert (code, err) == (0, "review: LanguageTool off (--no-languagetool)\n")
    assert out.decode() == (
        "merged s66 and s67 into s66\n"
        "split s12 at 47 into s12 and s12-48\n"
        "s12-48: marked reviewed\n"
        "s66: accepted MT_SPACE_BEFORE_PUNCT: '’ ,' → '’,'\n"
        f"saved {PATCH}\n"
    )
    header = PATCH.read_text(encoding="utf-8").split("\n\n")[0]
    assert header.splitlines()[7:] == [
        'Segmentation: {"joined": ["s67"], "split": ["s12-48"]}',
        "Reviews: 2",
        'Sentence-s12-48: {"status": "reviewed"}',
        'Sentence-s66: {"accepted": [["MT_SPACE_BEFORE_PUNCT", "’ ,", "’,"]], "edited_chars": 369}',
    ]
    corrected = standard_tools_agree_with_review_apply(project, SEED_NAME, capsysbinary)
    assert "to do to you ’, China does not agree".encode() in corrected
    with reopen(project) as session:
        ids = [s.id for s in session.sentences]
        assert ids[11:14] == ["s12", "s12-48", "s13"]
        assert ids[66:68] == ["s66", "s68"]
        assert session.sentence("s12-48").text.startswith("how can we handle")
        assert (
            session.text_of("s66")[200:250] == "e truth. People in China admire ‘ Don’t do to othe"
        )
    code, out, err = review(
        capsysbinary, "check", SEED_NAME, "--no-languagetool", "--format", "json",
        "--fail-on", "none",
    )  # fmt: skip
    assert code == 0, err
    flags = json.loads(out)["flags"]
    assert "s67" not in {flag["sentence"] for flag in flags}
    space = next(f for f in flags if f["rule"] == "MT_SPACE_BEFORE_PUNCT")
    assert (space["sentence"], space["text"], space["start"]) == ("s66", "’ ,", 291)


def test_a_dry_run_lists_the_merges_and_splits_and_changes_nothing(project, capsysbinary):
    code, out, err = review(
        capsysbinary, "edit", SEED_NAME, "--merge", "s66", "--split", "s12@47", "--dry-run"
    )
    assert (code, err) == (0, "")
    assert out.decode() == (
        "merged s66 and s67 into s66\n"
        "split s12 at 47 into s12 and s12-48\n"
        "dry run: nothing changed\n"
    )
    assert not PATCH.exists()
    assert not PATCH.with_suffix(".journal").exists()
