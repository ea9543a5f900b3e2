import os

import pytest

from patch_helpers import git, git_project
from review.errors import ReviewError
from review.revisions import Pair, Unit, align, load_revision
from review.session import ReviewSession

TEXT = "One is here. Two is there.\nThree.\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    git_project(tmp_path, "doc.txt", TEXT.encode())
    return tmp_path


def test_a_patch_in_a_mirrored_subfolder_finds_its_original_from_elsewhere(project):
    git_project(project, "book/ch1.txt", TEXT.encode())
    with ReviewSession.open(project / "book" / "ch1.txt", cwd=project, reviewer="t") as session:
        session.set_text("s3", "Three, edited.")
        session.save()
    elsewhere = project / "elsewhere"
    elsewhere.mkdir()
    revision = load_revision(str(project / "corrections" / "book" / "ch1.patch"), cwd=elsewhere)
    assert revision.text == "One is here. Two is there.\nThree, edited.\n"


def edit(root, **texts):
    with ReviewSession.open(root / "doc.txt", cwd=root, reviewer="t") as session:
        for sentence_id, text in texts.items():
            session.set_text(sentence_id, text)
        session.save()


def commit(root, message):
    git(root, "add", "-A")
    git(root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", message)


def test_a_patch_gives_the_original_ids_with_the_edited_texts(project):
    edit(project, s2="Two is now split. In two.")
    revision = load_revision("corrections/doc.patch")
    assert revision.is_patch
    assert revision.units == (
        Unit("s1", "One is here."),
        Unit("s2", "Two is now split. In two."),
        Unit("s3", "Three."),
    )
    assert revision.text == "One is here. Two is now split. In two.\nThree.\n"
    assert revision.state.review_of("s2").edited == "Two is now split. In two."


def test_a_text_is_segmented_on_its_own(project):
    (project / "corrected.txt").write_text("One is here. Two is now split. In two.\nThree.\n")
    revision = load_revision("corrected.txt")
    assert not revision.is_patch
    assert [u.text for u in revision.units] == [
        "One is here.",
        "Two is now split.",
        "In two.",
        "Three.",
    ]


def test_a_patch_from_git_history(project):
    edit(project, s1="First version.")
    commit(project, "v1")
    edit(project, s1="Second version.")
    commit(project, "v2")
    older = load_revision("HEAD~1:corrections/doc.patch")
    newer = load_revision("HEAD:corrections/doc.patch")
    assert (older.units[0].text, newer.units[0].text) == ("First version.", "Second version.")
    assert older.label == "HEAD~1:corrections/doc.patch"


def test_a_patch_from_git_finds_its_original_in_that_revision(project):
    edit(project, s1="Edited.")
    commit(project, "review")
    (project / "doc.txt").write_text("The original was replaced.\n")
    revision = load_revision("HEAD:corrections/doc.patch")
    assert revision.text == "Edited. Two is there.\nThree.\n"


def test_a_patch_whose_original_is_gone_is_refused(project):
    edit(project, s1="Edited.")
    (project / "doc.txt").write_text("Changed.\n")
    with pytest.raises(ReviewError) as error:
        load_revision("corrections/doc.patch")
    assert str(error.value) == (
        "corrections/doc.patch: the original it was made for is not here "
        "(doc.txt has changed since)"
    )


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("missing.patch", "missing.patch: no such file (name a file, or REV:path for one in git)"),
        ("HEAD:missing.patch", "HEAD:missing.patch: no such file, nor a file in git ("),
        ("nosuchrev:doc.txt", "nosuchrev:doc.txt: no such file, nor a file in git ("),
        # There, but no regular file: it was called "no such file".
        ("pipe.txt", "pipe.txt: is a named pipe (FIFO), not a regular file"),
        ("sub", "sub: is a directory, not a text file"),
    ],
)
def test_unknown_sides_are_refused(project, spec, message):
    os.mkfifo(project / "pipe.txt")
    (project / "sub").mkdir()
    with pytest.raises(ReviewError) as error:
        load_revision(spec)
    assert str(error.value).startswith(message)
    assert "\n" not in str(error.value)


def test_two_reviews_of_one_original_align_by_id(project):
    edit(project, s2="Two, edited.")
    first = load_revision("corrections/doc.patch")
    edit(project, s2="Two is there.", s3="Three, edited.")
    second = load_revision("corrections/doc.patch")
    assert align(first, second) == (
        Pair(("s1",), "One is here.", ("s1",), "One is here."),
        Pair(("s2",), "Two, edited.", ("s2",), "Two is there."),
        Pair(("s3",), "Three.", ("s3",), "Three, edited."),
    )


def test_a_text_aligns_by_text_with_a_split_sentence_as_one_pair(project):
    edit(project, s2="Two is now split. In two.")
    patch = load_revision("corrections/doc.patch")
    original = load_revision("doc.txt")
    (project / "corrected.txt").write_text(patch.text)
    assert align(original, load_revision("corrected.txt")) == (
        Pair(("s1",), "One is here.", ("s1",), "One is here."),
        Pair(("s2",), "Two is there.", ("s2", "s3"), "Two is now split. In two."),
        Pair(("s3",), "Three.", ("s4",), "Three."),
    )


def test_two_reviews_that_merge_differently_align_by_text_and_show_the_merge(project):
    edit(project, s3="Three, edited.")
    first = load_revision("corrections/doc.patch")
    with ReviewSession.open(project / "doc.txt", cwd=project, reviewer="t") as session:
        session.merge("s1")
        session.save()
    second = load_revision("corrections/doc.patch")
    assert second.units[0] == Unit("s1", "One is here. Two is there.")
    assert align(first, second) == (
        Pair(("s1", "s2"), "One is here. Two is there.", ("s1",), "One is here. Two is there."),
        Pair(("s3",), "Three, edited.", ("s3",), "Three, edited."),
    )
