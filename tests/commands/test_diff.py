import json

import pytest

from patch_helpers import git, git_project, review
from review.flags import Category, Flag, MqmClass, Severity
from review.session import ReviewSession
from review.state import Annotation

TER_SIGNATURE = "nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0"
CHRF_SIGNATURE = "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    git_project(tmp_path, "doc.txt", b"One is here. Two is there.\nThree.\n")
    with ReviewSession.open(tmp_path / "doc.txt", cwd=tmp_path, reviewer="t") as session:
        session.set_text("s2", "Two is here, now.")
        session.comment("s1", "check")
        session.annotate("s2", Annotation(MqmClass.MISTRANSLATION, Severity.MINOR, 7, 11, "place"))
        session.save()
    git(tmp_path, "add", "-A")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "round 1")
    with ReviewSession.open(tmp_path / "doc.txt", cwd=tmp_path, reviewer="t") as session:
        session.set_text("s3", "Three. Four.")
        session.dismiss(flag("s1", "One", "RULE_A"))
        session.accept(flag("s2", "now", "RULE_B", ("then",)))
        session.set_status("s2", "reviewed")
        session.comment("s1", "checked with <b>PM</b>")
        session.remove_annotation("s2", 0)
        session.annotate("s3", Annotation(MqmClass.AWKWARD, Severity.MAJOR, 7, 12))
        session.save()
    return tmp_path


def flag(sentence_id, text, rule, replacements=()):
    start = {"One": 0, "now": 13}[text]
    return Flag(
        sentence_id, start, start + len(text), "fluency", rule, Category.STYLE,
        MqmClass.AWKWARD, Severity.MINOR, "m", text, replacements,
    )  # fmt: skip


def test_text_output_for_the_original_against_the_review(project, capsysbinary):
    code, out, err = review(capsysbinary, "diff", "doc.txt", "corrections/doc.patch")
    assert (code, err) == (0, "")
    assert out.decode() == (
        "A: doc.txt\n"
        "B: corrections/doc.patch\n"
        "\n"
        "s2  TER 50.00  chrF 37.31\n"
        "  Two is [-there-]{+here, then+}.\n"
        "\n"
        "s3  TER 50.00  chrF 44.03\n"
        "  Three.{+ Four.+}\n"
        "\n"
        "2 of 3 sentences differ\n"
        "newly dismissed: s1 RULE_A 'One'\n"
        "newly accepted: s2 RULE_B 'now' → 'then'\n"
        "s1 comment: '' → 'checked with <b>PM</b>'\n"
        "s2 status: todo → reviewed\n"
        "s3 annotation added: Style/Awkward, major on “Four.”\n"
        "document: TER 33.33, chrF 56.16\n"
        f"TER signature: {TER_SIGNATURE}\n"
        f"chrF signature: {CHRF_SIGNATURE}\n"
    )


def test_json_between_two_git_revisions_lists_new_dismissals_and_acceptances(project, capsysbinary):
    code, out, err = review(
        capsysbinary, "diff", "HEAD:corrections/doc.patch", "corrections/doc.patch",
        "--format", "json",
    )  # fmt: skip
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert [(c["a_ids"], c["a"], c["b"]) for c in report["changed"]] == [
        (["s2"], "Two is here, now.", "Two is here, then."),
        (["s3"], "Three.", "Three. Four."),
    ]
    assert report["changed"][0]["diff"] == [
        {"op": "equal", "text": "Two is here, "},
        {"op": "delete", "text": "now"},
        {"op": "insert", "text": "then"},
        {"op": "equal", "text": "."},
    ]
    assert report["newly_dismissed"] == [{"sentence": "s1", "rule": "RULE_A", "text": "One"}]
    assert report["newly_accepted"] == [
        {"sentence": "s2", "rule": "RULE_B", "text": "now", "replacement": "then"}
    ]
    assert report["signatures"] == {"ter": TER_SIGNATURE, "chrf": CHRF_SIGNATURE}
    assert report["sentences"] == 3
    assert report["review_changes"] == [
        {"sentence": "s1", "field": "comment", "before": "check",
         "after": "checked with <b>PM</b>"},
        {"sentence": "s2", "field": "status", "before": "todo", "after": "reviewed"},
        {"sentence": "s2", "field": "annotation",
         "before": "Accuracy/Mistranslation, minor on “here”: place", "after": ""},
        {"sentence": "s3", "field": "annotation", "before": "",
         "after": "Style/Awkward, major on “Four.”"},
    ]  # fmt: skip


def test_markdown_table(project, capsysbinary):
    code, out, _ = review(
        capsysbinary, "diff", "HEAD:corrections/doc.patch", "corrections/doc.patch",
        "--format", "md",
    )  # fmt: skip
    assert code == 0
    text = out.decode()
    assert "| sentence | TER | chrF | change |" in text
    assert "| s2 | 25.00 | 62.45 | Two is here, ~~now~~**then**. |" in text
    assert "| s3 | 50.00 | 44.03 | Three. **Four.** |" in text
    assert "- newly dismissed: s1 RULE_A 'One'" in text
    assert "- newly accepted: s2 RULE_B 'now' → 'then'" in text
    # The editor's words are text, not Markdown: no <b> element.
    assert "- s1 comment: 'check' → 'checked with \\<b\\>PM\\</b\\>'" in text
    assert "- s2 status: todo → reviewed" in text
    assert "- s2 annotation removed: Accuracy/Mistranslation, minor on “here”: place" in text
    assert "- s3 annotation added: Style/Awkward, major on “Four.”" in text
    assert f"TER: `{TER_SIGNATURE}`" in text


def test_colour_only_on_a_terminal(project, capsysbinary, monkeypatch):
    _, plain, _ = review(capsysbinary, "diff", "doc.txt", "corrections/doc.patch")
    assert b"\x1b[" not in plain
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, coloured, _ = review(capsysbinary, "diff", "doc.txt", "corrections/doc.patch")
    assert b"\x1b[1;32m Four.\x1b[0m" in coloured
    assert b"{+" not in coloured


def test_an_unknown_side_is_one_line(project, capsysbinary):
    code, out, err = review(capsysbinary, "diff", "doc.txt", "nothing.patch")
    assert (code, out) == (2, b"")
    assert err == (
        "review: nothing.patch: no such file (name a file, or REV:path for one in git)\n"
    )


def test_a_format_registered_in_one_line_is_a_choice_of_format(project, capsysbinary) -> None:
    from review.diff_formats import FORMATS
    from toy_formats import registered

    with registered(FORMATS, "render_diff"):
        code, out, err = review(
            capsysbinary, "diff", "doc.txt", "corrections/doc.patch", "--format", "toy"
        )
    assert (code, out, err) == (0, b"toy diff: 2 of 3 differ\n", "")


def test_merges_and_splits_between_rounds_are_listed(project, capsysbinary):
    git(project, "add", "-A")
    git(project, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "round 2")
    with ReviewSession.open(project / "doc.txt", cwd=project, reviewer="t") as session:
        session.merge("s1")
        session.split("s1", 6)
        session.save()
    code, out, err = review(
        capsysbinary, "diff", "HEAD:corrections/doc.patch", "corrections/doc.patch"
    )
    assert (code, err) == (0, "")
    assert out.decode().splitlines()[3:12] == [
        "s1  TER 50.00  chrF 73.29",
        "  One is[- here.-]",
        "",
        "s2 → s1-7  TER 20.00  chrF 75.51",
        "  {+here. +}Two is here, then.",
        "",
        "2 of 3 sentences differ",
        "s1-7 split off the sentence it was part of",
        "s2 merged into the sentence before it",
    ]
    code, out, err = review(
        capsysbinary, "diff", "corrections/doc.patch", "HEAD:corrections/doc.patch",
        "--format", "json",
    )  # fmt: skip
    assert json.loads(out)["review_changes"][:2] == [
        {"sentence": "s1-7", "field": "segmentation",
         "before": "split off the sentence it was part of", "after": ""},
        {"sentence": "s2", "field": "segmentation",
         "before": "merged into the sentence before it", "after": ""},
    ]  # fmt: skip
