"""`review edit` acting on the whole document: --dismiss-all, --replace, --dry-run, and the
word list (--add-word, --remove-word)."""

import hashlib
import re
from pathlib import Path

import pytest

from patch_helpers import diff_lines, git_project, review

TEXT = "In 2015,When the China-US talks began.\nIn 2016,Then China-US trade grew.\n"
SHA = hashlib.sha256(TEXT.encode()).hexdigest()
OFF = "review: LanguageTool off (--no-languagetool)\n"
PATCH_HEAD = f"""\
Original: doc.txt
Original-SHA256: {SHA}
Tool: review 0.1.0
LanguageTool: none
Language: en-US
Reviewer: Ann
Date: DATE
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    root = tmp_path / "project"
    git_project(root, "doc.txt", TEXT.encode())
    (root / "review.toml").write_text('[review]\nreviewer = "Ann"\n', encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def patch_text(root):
    data = (root / "corrections" / "doc.patch").read_text(encoding="utf-8")
    return re.sub(r"(?m)^Date: .*$", "Date: DATE", data)


def test_replace_writes_the_patch(project, capsysbinary):
    code, out, err = review(
        capsysbinary, "edit", "doc.txt", "--no-languagetool", "--replace", "China-US", "China–US"
    )
    assert (code, err) == (0, "")
    assert out.decode() == (
        "s1: replaced 'China-US' → 'China–US' (2)\n"
        "s2: replaced 'China-US' → 'China–US' (2)\n"
        "saved corrections/doc.patch\n"
    )
    assert patch_text(project) == PATCH_HEAD + (
        "Reviews: 2\n"
        'Sentence-s1: {"edited_chars": 38}\n'
        'Sentence-s2: {"edited_chars": 33}\n'
        "\n"
        "diff --git a/doc.txt b/doc.txt\n"
        "--- a/doc.txt\n"
        "+++ b/doc.txt\n"
        "@@ -1,2 +1,2 @@\n"
        "-In 2015,When the China-US talks began.\n"
        "+In 2015,When the China–US talks began.\n"
        "-In 2016,Then China-US trade grew.\n"
        "+In 2016,Then China–US trade grew.\n"
    )


def test_replace_regex_whole_word_ignore_case(project, capsysbinary):
    code, out, _ = review(
        capsysbinary, "edit", "doc.txt", "--no-languagetool",
        "--replace", r"(\d+),(when|then)", r"\1, \2", "--regex", "--ignore-case", "--whole-word",
    )  # fmt: skip
    assert code == 0
    assert out.decode().splitlines()[0] == (
        "s1: replaced '(\\\\d+),(when|then)' → '\\\\1, \\\\2' (regex, whole word, any case) (2)"
    )
    diff = patch_text(project).split("\n\n", 1)[1]
    assert diff.endswith(
        "-In 2015,When the China-US talks began.\n+In 2015, When the China-US talks began.\n"
        "-In 2016,Then China-US trade grew.\n+In 2016, Then China-US trade grew.\n"
    )


def test_dismiss_all_writes_the_patch(project, capsysbinary):
    code, out, err = review(
        capsysbinary, "edit", "doc.txt", "--no-languagetool", "--dismiss-all", "MT_SPACE_MISSING"
    )
    assert (code, err) == (0, OFF)
    assert out.decode() == (
        "s1: dismissed MT_SPACE_MISSING everywhere (2)\n"
        "s2: dismissed MT_SPACE_MISSING everywhere (2)\n"
        "saved corrections/doc.patch\n"
    )
    assert patch_text(project) == PATCH_HEAD + (
        "Reviews: 2\n"
        'Sentence-s1: {"dismissed": [["MT_SPACE_MISSING", "2015,When"]]}\n'
        'Sentence-s2: {"dismissed": [["MT_SPACE_MISSING", "2016,Then"]]}\n'
        "\n"
        "diff --git a/doc.txt b/doc.txt\n"
        "--- a/doc.txt\n"
        "+++ b/doc.txt\n"
        "@@ -1,2 +1,2 @@\n"
        "-In 2015,When the China-US talks began.\n"
        "+In 2015,When the China-US talks began.\n"
        " In 2016,Then China-US trade grew.\n"
    )


def test_dry_run_lists_every_hit_and_changes_nothing(project, capsysbinary):
    code, out, err = review(
        capsysbinary, "edit", "doc.txt", "--no-languagetool", "--dry-run",
        "--dismiss-all", "MT_SPACE_MISSING", "--replace", "China-US", "China–US",
        "--add-word", "Diaoyutai",
    )  # fmt: skip
    assert (code, err) == (0, OFF)
    assert out.decode() == (
        "s1:3: dismiss MT_SPACE_MISSING '2015,When'\n"
        "s2:3: dismiss MT_SPACE_MISSING '2016,Then'\n"
        "s1:17: 'China-US' → 'China–US'\n"
        "s2:13: 'China-US' → 'China–US'\n"
        f"add 'Diaoyutai' to {project / 'review-words.txt'}\n"
        "dry run: nothing changed\n"
    )
    assert_nothing_written(project)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--dismiss-all", "NOPE"], "review: no open NOPE flag in the document\n"),
        (["--replace", "Taiwan", "x"],
         "review: --replace 'Taiwan' → 'x': not found in the document\n"),
        (["--replace", "(", "x", "--regex"],
         "review: '(' is not a regular expression: missing ) at position 1\n"),
        (["--remove-word", "nope"], "review: 'nope' is not in {root}/review-words.txt\n"),
        (["--add-word", " two\n"], "review: ' two\\n' is not a word for the word list\n"),
    ],
)  # fmt: skip
def test_a_bad_whole_document_change_changes_nothing(project, capsysbinary, args, message):
    code, out, err = review(
        capsysbinary, "edit", "doc.txt", "--no-languagetool", "--comment", "s1", "before", *args
    )
    assert (code, out) == (2, b"")
    assert err in (message.format(root=project), OFF + message.format(root=project))
    assert_nothing_written(project)


def assert_nothing_written(project):
    assert sorted(p.name for p in project.iterdir()) in (
        [".git", "corrections", "doc.txt", "review.toml"],
        [".git", "doc.txt", "review.toml"],
    )
    assert list((project / "corrections").glob("*")) == []


def test_add_and_remove_words_keep_the_list_sorted(project, capsysbinary):
    code, out, _ = review(
        capsysbinary, "edit", "doc.txt", "--add-word", "Diaoyutai", "--add-word", "Bashu",
    )  # fmt: skip
    assert code == 0
    words = project / "review-words.txt"
    assert out.decode().splitlines()[:2] == [
        f"added 'Diaoyutai' to {words}",
        f"added 'Bashu' to {words}",
    ]
    assert words.read_bytes() == b"Bashu\nDiaoyutai\n"
    assert review(capsysbinary, "edit", "doc.txt", "--remove-word", "Bashu")[0] == 0
    assert words.read_bytes() == b"Diaoyutai\n"


def test_words_path_from_review_toml(project, capsysbinary):
    (project / "review.toml").write_text('[review]\nwords = "terms/words.txt"\n', encoding="utf-8")
    assert review(capsysbinary, "edit", "doc.txt", "--add-word", "Diaoyutai")[0] == 0
    assert (project / "terms" / "words.txt").read_bytes() == b"Diaoyutai\n"


DATA = Path(__file__).resolve().parents[1] / "data" / "bilingual"
# speech_zh_en.xlf: unit 2 is "The two sides held the ⟨1⟩China-US …⟨/1⟩." (a <g> pair),
# unit 3 "The Belt and Road ⟨1/⟩benefits …" (an <x/>), unit 5 "… in Beijing for 1 day.";
# features.po: "Öffnen ⟨1/⟩" (%s) and "Zweite Zeile mit ⟨1/⟩ und …" ({0}).
FIRST = {"speech.xlf": "1-s1", "features.po": "u7ca47ff943-s1"}


@pytest.fixture
def bilingual(tmp_path, monkeypatch, capsysbinary):
    """A project with the two files, each with a saved review to keep (one sentence edited)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    root = tmp_path / "project"
    git_project(root, "speech.xlf", (DATA / "speech_zh_en.xlf").read_bytes())
    (root / "features.po").write_bytes((DATA / "features.po").read_bytes())
    (root / "review.toml").write_text('[review]\nreviewer = "Ann"\n', encoding="utf-8")
    monkeypatch.chdir(root)
    for name, sentence, text in (
        ("speech.xlf", "4-s2", "Policy banks lent at low rates of interest."),
        ("features.po", "po-0d6fdfc6ac01-s1", "Öffnen!"),
    ):
        code, _, _ = review(
            capsysbinary, "edit", name, "--no-languagetool", "--sentence", sentence,
            "--text", text,
        )  # fmt: skip
        assert code == 0
    return root


def corrections(root):
    return {p.name: p.read_bytes() for p in sorted((root / "corrections").iterdir())}


@pytest.mark.parametrize(
    ("name", "args", "message"),
    [
        # Altered: the 1 of ⟨1⟩, ⟨/1⟩ and ⟨1/⟩ (unit 5's "1 day" alone would be fine).
        ("speech.xlf", ["--replace", "1", "one"],
         "--replace '1' → 'one' is refused in 2-s1: unit 2: ⟨1⟩ is missing (and 2 more hits)"),
        # Deleted: the closing tag of a <g> pair, an <x/>.
        ("speech.xlf", ["--replace", "Exchange⟨/1⟩", "Exchange"],
         "--replace 'Exchange⟨/1⟩' → 'Exchange' is refused in 2-s1: unit 2: ⟨/1⟩ is missing"),
        ("speech.xlf", ["--replace", r"Road ⟨\d/⟩", "Road Initiative ", "--regex"],
         r"--replace 'Road ⟨\\d/⟩' → 'Road Initiative ' (regex) is refused in 3-s1: "
         "unit 3: ⟨1/⟩ is missing"),
        # Split: a space put inside a token.
        ("speech.xlf", ["--replace", "⟨1⟩", "⟨1 ⟩"],
         "--replace '⟨1⟩' → '⟨1 ⟩' is refused in 2-s1: unit 2: ⟨1⟩ is missing"),
        # A PO placeholder (%s, {0}) deleted, or typed as the text it stands for.
        ("features.po", ["--replace", "Öffnen ⟨1/⟩", "Öffnen"],
         "--replace 'Öffnen ⟨1/⟩' → 'Öffnen' is refused in po-6685d1236406-s1: "
         "unit po-6685d1236406: ⟨1/⟩ is missing"),
        ("features.po", ["--replace", "mit (⟨1/⟩)", "mit {0}", "--regex"],
         "--replace 'mit (⟨1/⟩)' → 'mit {0}' (regex) is refused in po-ac41267d8583-s2: "
         "unit po-ac41267d8583: ⟨1/⟩ is missing"),
        # A dry run is refused as the run would be.
        ("features.po", ["--replace", "Öffnen ⟨1/⟩", "Öffnen", "--dry-run"],
         "--replace 'Öffnen ⟨1/⟩' → 'Öffnen' is refused in po-6685d1236406-s1: "
         "unit po-6685d1236406: ⟨1/⟩ is missing"),
    ],
)  # fmt: skip
def test_a_replace_that_would_break_a_tag_is_refused(bilingual, capsysbinary, name, args, message):
    before = corrections(bilingual)
    code, out, err = review(
        capsysbinary, "edit", name, "--no-languagetool", "--comment", FIRST[name], "made first",
        *args,
    )  # fmt: skip
    assert (code, out, err) == (2, b"", f"review: {message}\n")
    # All or nothing: the patches as they were (bytes), no journal left.
    assert corrections(bilingual) == before
    assert sorted(before) == ["features.patch", "speech.patch"]


def test_a_replace_beside_a_tag_is_made(bilingual, capsysbinary):
    code, out, err = review(
        capsysbinary, "edit", "speech.xlf", "--no-languagetool", "--replace", r"(⟨1⟩)China-US",
        r"\1China–US", "--regex", "--replace", "for 1 day", "for one day",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out.decode().splitlines()[-1] == "saved corrections/speech.patch"
    changed = diff_lines((bilingual / "corrections" / "speech.patch").read_bytes())
    assert changed == [
        '-        <target>The two sides held the <g id="1">China-US High-Level Consultation on '
        "People-to-People Exchange</g>.</target>",
        '+        <target>The two sides held the <g id="1">China–US High-Level Consultation on '
        "People-to-People Exchange</g>.</target>",
        "-        <target>Loans came early. Policy banks lent at low rates.</target>",
        "+        <target>Loans came early. Policy banks lent at low rates of interest.</target>",
        "-        <target>The meeting was held in Beijing for 1 day.</target>",
        "+        <target>The meeting was held in Beijing for one day.</target>",
    ]
