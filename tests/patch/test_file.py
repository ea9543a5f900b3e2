import shutil
import subprocess
import sys
import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from patch_helpers import (
    applied_by_standard_tools,
    check_standard_tools_agree,
    git,
    git_project,
    review,
)
from review.document import load_document
from review.errors import ReviewError
from review.inputs import LoadedText
from review.patch import file as file_module
from review.patch.file import (
    apply_patch,
    load_saved_review,
    parse_patch,
    read_patch,
    render_patch,
)
from review.patch.header import PatchHeader, patch_header, redate
from review.patch.location import locate
from review.segment import segment
from review.state import ReviewState, SentenceReview, Status
from support import SEED

SEED_NAME = "seeds/000_609f52cd2aa5fae0.txt"


@pytest.fixture(autouse=True)
def no_user_config(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))


def test_seed_edits_apply_byte_for_byte_with_git_and_gnu_patch(tmp_path, monkeypatch, capsysbinary):
    project = tmp_path / "project"
    git_project(project, SEED_NAME, SEED.read_bytes())
    monkeypatch.chdir(project)
    sentences = {s.id: s.text for s in segment(SEED.read_text(encoding="utf-8"))}
    assert sentences["s77"].endswith('development. "')  # the seed ends here, no newline
    assert sentences["s67"].endswith("’ 。”")
    edits = {
        "s2": "Our cause is win-win. We cooperate with all countries in the world.",  # split
        "s3": "",  # emptied
        "s5": sentences["s5"] + "\nA new paragraph — naïve, “quoted”, 中文.",  # adds a line
        "s67": sentences["s67"].replace("’ 。”", "’.”"),
        "s77": sentences["s77"].replace('development. "', 'development."'),
    }
    patch = check_standard_tools_agree(project, SEED_NAME, edits, capsysbinary)
    text = patch.read_text(encoding="utf-8")
    assert text.endswith('development."\n\\ No newline at end of file\n')
    assert '\nSentence-s3: {"edited_chars": 0}\n' in text


@pytest.mark.parametrize(
    ("relpath", "data", "edits", "encoding", "bom"),
    [
        pytest.param(
            "crlf.txt",
            b"First sentence here.  Second one!\r\nThird line.\r\n\r\nLast line, no newline.",
            {"s1": "First sentence.", "s4": "Last line.\r\nAnd one more."},
            "utf-8",
            b"",
            id="crlf",
        ),
        pytest.param(
            "bom.txt",
            "\ufeffHeading\nBody one. Body two.\n".encode(),
            {"s1": "A Heading", "s3": "Body two, edited."},
            "utf-8",
            b"\xef\xbb\xbf",
            id="utf8-bom",
        ),
        pytest.param(
            "docs/naïve file.txt",
            b"Ein Satz. Noch einer.\n",
            {"s2": "Und noch einer."},
            "utf-8",
            b"",
            id="space-and-non-ascii-in-the-name",
        ),
    ],
)
def test_other_files_apply_byte_for_byte(
    tmp_path, monkeypatch, capsysbinary, relpath, data, edits, encoding, bom
):
    project = tmp_path / "project"
    git_project(project, relpath, data)
    monkeypatch.chdir(project)
    check_standard_tools_agree(project, relpath, edits, capsysbinary, encoding, bom)


def make_patch(tmp_path, data: bytes, reviews: dict[str, SentenceReview], name="doc.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    document = load_document(path, base=tmp_path)
    sentences = segment(document.text)
    header = PatchHeader(
        original=name,
        original_sha256=document.sha256,
        tool="review 0.1.0",
        checkers={"languagetool": "6.6"},
        language="en-US",
        reviewer='Ann "the editor"\nsecond line',
        date="2025-01-02T03:04:05+00:00",
    )
    state = ReviewState.of(reviews)
    return document, sentences, render_patch(document, sentences, state, header), state


def test_round_trip_gives_identical_bytes(tmp_path):
    document, sentences, data, state = make_patch(
        tmp_path,
        SEED.read_bytes(),
        {
            "s1": SentenceReview(edited="", status=Status.REVIEWED),
            "s2": SentenceReview(
                edited="Split. In two.",
                dismissed=frozenset({("RULE", "x")}),
                accepted=frozenset({("R2", "a", "b")}),
                comment="“quoted”\nand multi-line",
            ),
            "s3": SentenceReview(edited="Joined with the next sentence, now ending with space "),
            "s4": SentenceReview(edited=" leading space"),
            "s77": SentenceReview(edited="The very end.\n"),
        },
    )
    patch = parse_patch(data, document, sentences, "p")
    assert patch.state == state
    assert patch.header.reviewer == 'Ann "the editor"\nsecond line'
    assert render_patch(document, sentences, patch.state, patch.header) == data
    assert apply_patch(data, document, "p") == document.encode(
        state.corrected_text(document.text, sentences)
    )


def test_header_values_needing_quotes_are_json(tmp_path):
    _, _, data, _ = make_patch(tmp_path, b"One. Two.\n", {"s1": SentenceReview(comment="c")})
    head = data.decode()
    assert head.startswith("Original: doc.txt\nOriginal-SHA256: ")
    assert '\nReviewer: "Ann \\"the editor\\"\\nsecond line"\n' in head
    assert '\nReviews: 1\nSentence-s1: {"comment": "c"}\n' in head
    assert head.endswith("@@ -1 +1 @@\n-One. Two.\n+One. Two.\n")  # no text change: a no-op


def test_missing_final_newline_is_marked_in_the_hunks(tmp_path):
    _, _, data, _ = make_patch(tmp_path, b"a.\nb.\nc.\nd.\ne.", {"s5": SentenceReview(edited="E.")})
    diff = data[data.index(b"diff --git") :].decode()
    assert diff == (
        "diff --git a/doc.txt b/doc.txt\n"
        "--- a/doc.txt\n"
        "+++ b/doc.txt\n"
        "@@ -2,4 +2,4 @@\n"
        " b.\n"
        " c.\n"
        " d.\n"
        "-e.\n"
        "\\ No newline at end of file\n"
        "+E.\n"
        "\\ No newline at end of file\n"
    )


def test_an_added_final_newline_is_a_change(tmp_path):
    document, _sentences, data, _state = make_patch(
        tmp_path, b"a.\nb.", {"s2": SentenceReview(edited="b.\n")}
    )
    assert b"-b.\n\\ No newline at end of file\n+b.\n" in data
    assert apply_patch(data, document, "p") == b"a.\nb.\n"


def test_one_edit_among_repeated_lines_is_one_small_hunk(tmp_path):
    lines = [f"Line {n} of the chapter, said again." for n in range(50)] * 6
    document, sentences, data, _ = make_patch(
        tmp_path, ("\n".join(lines) + "\n").encode(), {"s151": SentenceReview(edited="Changed.")}
    )
    assert [s.text for s in sentences][150] == "Line 0 of the chapter, said again."
    diff = data[data.index(b"diff --git") :].decode()
    assert diff.split("\n")[3:] == [
        "@@ -148,7 +148,7 @@",
        *(f" Line {n} of the chapter, said again." for n in (47, 48, 49)),
        "-Line 0 of the chapter, said again.",
        "+Changed.",
        *(f" Line {n} of the chapter, said again." for n in (1, 2, 3)),
        "",
    ]
    assert (
        apply_patch(data, document, "p")
        == ("\n".join([*lines[:150], "Changed.", *lines[151:]]) + "\n").encode()
    )


def test_hunks_cover_only_the_changed_lines_of_a_multi_line_edit(tmp_path):
    text = b"".join(b"Para %d. It goes on.\n" % n for n in range(20))
    _, _, data, _ = make_patch(
        tmp_path,
        text,
        {"s3": SentenceReview(edited="Para 1.\nNew line."), "s39": SentenceReview(edited="On.")},
    )
    hunks = [line for line in data.decode().split("\n") if line.startswith(("@@", "-", "+"))]
    assert hunks == [
        "--- a/doc.txt",
        "+++ b/doc.txt",
        "@@ -1,5 +1,6 @@",
        "-Para 1. It goes on.",
        "+Para 1.",
        "+New line. It goes on.",
        "@@ -17,4 +18,4 @@",
        "-Para 19. It goes on.",
        "+On. It goes on.",
    ]


def test_utf16_documents_cannot_have_patches(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes("One. Two.\n".encode("utf-16"))
    document = load_document(path, base=tmp_path)
    with pytest.raises(ReviewError, match="patch files need a text encoding"):
        render_patch(document, segment(document.text), ReviewState(), None)


def test_redate_changes_only_the_date_line(tmp_path):
    _, _, data, _ = make_patch(tmp_path, b"One. Two.\n", {"s1": SentenceReview(comment="c")})
    redated = redate(data, "2025-01-02T03:04:05+00:00", "2026-01-01T00:00:00+00:00")
    assert redated == data.replace(b"2025-01-02T03:04:05+00:00", b"2026-01-01T00:00:00+00:00")


def test_locate_puts_the_patch_in_the_project_folder(tmp_path):
    (tmp_path / "sub").mkdir()
    inside = locate(tmp_path / "sub" / "a.txt", cwd=tmp_path)
    assert inside.root == tmp_path.resolve()
    assert inside.patch == tmp_path.resolve() / "corrections" / "sub" / "a.patch"
    assert inside.journal.name == "a.journal"
    assert inside.lock.name == "a.lock"
    outside = locate(tmp_path / "sub" / "a.txt", cwd=tmp_path / "elsewhere")
    assert outside.root == (tmp_path / "sub").resolve()
    assert outside.patch == (tmp_path / "sub" / "corrections" / "a.patch").resolve()
    given_root = locate(tmp_path / "sub" / "deeper" / "a.txt", root=tmp_path / "sub")
    assert given_root.patch == (tmp_path / "sub" / "corrections" / "deeper" / "a.patch").resolve()


def test_locate_mirrors_the_tree_so_same_names_in_two_folders_do_not_share(tmp_path):
    one = locate(tmp_path / "a" / "x.txt", cwd=tmp_path).patch
    two = locate(tmp_path / "b" / "x.txt", cwd=tmp_path).patch
    assert (one, two) == (
        tmp_path.resolve() / "corrections" / "a" / "x.patch",
        tmp_path.resolve() / "corrections" / "b" / "x.patch",
    )


def test_locate_still_finds_a_flat_patch_saved_before_the_tree_was_mirrored(tmp_path):
    (tmp_path / "corrections").mkdir()
    flat = tmp_path / "corrections" / "x.patch"
    flat.write_bytes(b"Reviewer: r\n\ndiff --git a/a/x.txt b/a/x.txt\n")
    assert locate(tmp_path / "a" / "x.txt", cwd=tmp_path).patch == flat.resolve()
    # Another folder's x.txt is not the file that patch names.
    assert locate(tmp_path / "b" / "x.txt", cwd=tmp_path).patch == (
        tmp_path.resolve() / "corrections" / "b" / "x.patch"
    )


# --- refusals --------------------------------------------------------------------------------


@pytest.fixture
def seed_patch(tmp_path):
    reviews = {
        "s2": SentenceReview(edited="Our cause is win-win."),
        "s40": SentenceReview(status=Status.REVIEWED),
        "s77": SentenceReview(edited="The end."),
    }
    return make_patch(tmp_path, SEED.read_bytes(), reviews, name="seed.txt")


def refusal(seed_patch, data: bytes) -> str:
    document, sentences, _, _ = seed_patch
    with pytest.raises(ReviewError) as error:
        parse_patch(data, document, sentences, "x.patch")
    message = str(error.value)
    assert "\n" not in message
    return message


def test_refuses_a_patch_for_a_changed_original(tmp_path, seed_patch):
    _, sentences, data, _ = seed_patch
    changed = tmp_path / "seed.txt"
    changed.write_bytes(SEED.read_bytes() + b"\n")
    document = load_document(changed, base=tmp_path)
    with pytest.raises(ReviewError, match=r"^x.patch: was made for another version of seed.txt"):
        parse_patch(data, document, sentences, "x.patch")


def test_refuses_the_patch_of_another_file_naming_both(tmp_path, seed_patch):
    # It said "was made for another version of seed.txt" of a patch given to other.txt.
    _, sentences, data, _ = seed_patch
    other = tmp_path / "other.txt"
    other.write_text("Other text.\n", encoding="utf-8")
    document = load_document(other, base=tmp_path)
    with pytest.raises(ReviewError) as error:
        parse_patch(data, document, sentences, "x.patch")
    assert str(error.value) == (
        f"x.patch: is the review of seed.txt, not of other.txt (SHA-256 "
        f"{patch_header(data, 'x.patch').original_sha256[:12]}…, other.txt's is "
        f"{document.sha256[:12]}…)"
    )


def test_refuses_every_truncation(seed_patch):
    data = seed_patch[2]
    cuts = {0, 10}
    position = 0
    for line in data.splitlines(keepends=True)[:-1]:
        cuts |= {position + len(line) // 2, position + len(line)}
        position += len(line)
    cuts.discard(len(data))
    for cut in sorted(cuts):
        refusal(seed_patch, data[:cut])


def test_refuses_a_hunk_that_no_longer_applies(seed_patch):
    data = seed_patch[2]
    line = b"\n-Replace monopoly with win-win"
    assert line in data
    message = refusal(seed_patch, data.replace(line, b"\n-Replace MONOPOLY with win-win"))
    assert message.startswith("x.patch: its hunk at line 8 does not apply to seed.txt")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (b"Original: seed.txt\n", b"Original: ../seed.txt\n", "climbs out of the project"),
        (b"Original: seed.txt\n", b"Original: /etc/passwd\n", "is absolute"),
        (b"--- a/seed.txt\n", b"--- a/../seed.txt\n", "climbs out of the project"),
        (b"+++ b/seed.txt\n", b"+++ /etc/passwd\n", "is absolute"),
        (b"--- a/seed.txt\n", b"--- a/other.txt\n", "its diff's --- file is 'a/other.txt'"),
        (b"Original: ", b"Original ", "line 1 is not `Key: value`"),
        (b"Reviews: 3\n", b"Reviews: 2\n", "cut short or damaged (Reviews: 2, but 3 Sentence"),
        (b"Sentence-s40: ", b"Sentence-s400: ", "seed.txt has no such sentence"),
        (b'{"status": "reviewed"}', b'{"status": "done"}', "'done' is not a valid Status"),
        (b'{"status": "reviewed"}', b'{"status": "reviewed"', "damaged sentence review"),
        (b'{"edited_chars": 8}', b'{"edited_chars": 9}', "does not match the edits"),
        (b"Tool: ", b"Tool: x\nTool: ", "Tool given twice"),
        (b"Tool: ", b"Colour: red\nTool: ", "unknown header line Colour"),
        *(
            (b"--- a/seed.txt\n", extended + b"--- a/seed.txt\n", "line 2 of its diff is not")
            for extended in (
                b"rename from ../../evil3.txt\nrename to seed.txt\n",
                b"new mode 120000\n",
                b"old mode 100644\nnew mode 100755\n",
                b"similarity index 90%\n",
                b"dissimilarity index 90%\n",
                b"copy from seed.txt\ncopy to other.txt\n",
                b"deleted file mode 100644\n",
                b"new file mode 100644\n",
                b"index 1234567..89abcde 120000\n",
                b"GIT binary patch\n",
            )
        ),
        (b"+++ b/seed.txt\n", b"+++ b/seed.txt\nnew mode 120000\n", "line 4 of its diff"),
    ],
)
def test_refuses_bad_file_names_and_a_malformed_header(seed_patch, old, new, message):
    data = seed_patch[2]
    assert old in data
    assert message in refusal(seed_patch, data.replace(old, new, 1))


@pytest.mark.parametrize(
    "data",
    [b"One. Two.\n", b"  \nTrailing space. \nClean.\n", b"No newline.", b"\xef\xbb\xbfBOM.\r\n"],
)
def test_a_review_without_text_changes_is_a_patch_git_and_patch_accept(
    tmp_path, monkeypatch, capsysbinary, data
):
    project = tmp_path / "project"
    git_project(project, "doc.txt", data)
    monkeypatch.chdir(project)
    code, _, err = review(
        capsysbinary, "edit", "doc.txt", "--status", "s1=reviewed", "--comment", "s1", "ok"
    )
    assert code == 0, err
    patch = project / "corrections" / "doc.patch"
    git(project, "apply", "--check", str(patch))
    if not data.endswith(b"\r\n"):
        git(project, "apply", "--check", "--whitespace=error", str(patch))
    completed = subprocess.run(
        ["patch", "-p1", "--dry-run", "-i", str(patch)],
        cwd=project,
        capture_output=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout
    assert applied_by_standard_tools(project, "doc.txt", patch) == {
        "git apply": data,
        "patch -p1": data,
    }
    assert review(capsysbinary, "apply", "doc.txt")[:2] == (0, data)
    document = load_document("doc.txt")
    state = read_patch(patch, document, segment(document.text)).state
    assert state.review_of("s1") == SentenceReview(status=Status.REVIEWED, comment="ok")


def test_a_git_index_line_is_understood(seed_patch):
    document, sentences, data, state = seed_patch
    with_index = data.replace(
        b"--- a/seed.txt\n", b"index 0123abc..4567def 100644\n--- a/seed.txt\n"
    )
    assert parse_patch(with_index, document, sentences, "x.patch").state == state


def test_refuses_what_is_not_a_patch(seed_patch):
    assert "is not a review patch" in refusal(seed_patch, SEED.read_bytes())


def test_read_patch_names_a_missing_file(tmp_path, seed_patch):
    document, sentences, _, _ = seed_patch
    with pytest.raises(ReviewError, match="no such patch file"):
        read_patch(tmp_path / "none.patch", document, sentences)


def test_review_apply_reports_a_refusal_in_one_line(tmp_path, monkeypatch, capsysbinary):
    monkeypatch.chdir(tmp_path)
    shutil.copyfile(SEED, tmp_path / "seed.txt")
    code, _, err = review(capsysbinary, "edit", "seed.txt", "--sentence", "s1", "--text", "X.")
    assert code == 0, err
    (tmp_path / "seed.txt").write_bytes(SEED.read_bytes() + b" more")
    code, out, err = review(capsysbinary, "apply", "seed.txt")
    assert (code, out) == (2, b"")
    assert err.startswith("review: corrections/seed.patch: was made for another version of ")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("edits", "corrected"),
    [
        ({"s2": ""}, b"One. Three.\nFour. Five.\nSix.\n"),  # inside a paragraph
        ({"s3": ""}, b"One. Two.\nFour. Five.\nSix.\n"),  # at a paragraph's end
        ({"s4": ""}, b"One. Two. Three.\nFive.\nSix.\n"),  # first in a paragraph
        ({"s6": ""}, b"One. Two. Three.\nFour. Five.\n"),  # alone on its line
        ({"s1": "", "s2": "", "s3": ""}, b"Four. Five.\nSix.\n"),  # a whole paragraph
    ],
)
def test_deleting_a_sentence_takes_one_space_with_it(
    tmp_path, monkeypatch, capsysbinary, edits, corrected
):
    project = tmp_path / "project"
    git_project(project, "doc.txt", b"One. Two. Three.\nFour. Five.\nSix.\n")
    monkeypatch.chdir(project)
    patch = check_standard_tools_agree(project, "doc.txt", edits, capsysbinary)
    git(project, "apply", "--check", "--whitespace=error", str(patch))
    assert review(capsysbinary, "apply", "doc.txt")[1] == corrected


_WORDS = st.sampled_from(["One.", "Two words.", "Said again.", "Third one!", "Ünï.", "中文。"])
_GAPS = st.sampled_from([" ", "  ", "\n", "\r\n", "\n\n", " \n"])


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    words=st.lists(st.tuples(_WORDS, _GAPS), min_size=1, max_size=40),
    picks=st.lists(
        st.tuples(st.integers(0, 80), st.sampled_from(["", "New.", "Two\nlines.", "One."])),
        max_size=6,
    ),
)
def test_any_edits_give_a_diff_that_applies_exactly(tmp_path, words, picks):
    data = "".join(w + g for w, g in words).encode()
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    document = load_document(path, base=tmp_path)
    sentences = segment(document.text)
    reviews = {
        sentences[n % len(sentences)].id: SentenceReview(edited=text)
        for n, text in picks
        if text != sentences[n % len(sentences)].text
    }
    state = ReviewState.of(reviews)
    header = PatchHeader("doc.txt", document.sha256, "t", {}, "en-US", "Ann", "d")
    patch = render_patch(document, sentences, state, header)
    parsed = parse_patch(patch, document, sentences, "p")
    assert (
        apply_patch(patch, document, "p") == state.corrected_text(document.text, sentences).encode()
    )
    assert parsed.state == state


def _book_with_one_edit(tmp_path, text):
    """book.txt holding ``text``, loaded and segmented, a review editing s9 and a header."""
    path = tmp_path / "book.txt"
    path.write_text(text, encoding="utf-8")
    document = load_document(path, base=tmp_path)
    sentences = segment(document.text)
    state = ReviewState.of({"s9": SentenceReview(edited="Changed.")})
    header = PatchHeader("book.txt", document.sha256, "t", {}, "en-US", "Ann", "d")
    return path, document, sentences, state, header


def test_writing_and_reading_a_patch_does_not_copy_the_text_into_lines(tmp_path):
    text = "".join(
        f"Line {n} of the book, said once. And a second sentence.\n" for n in range(8000)
    )
    _path, document, sentences, state, header = _book_with_one_edit(tmp_path, text)
    tracemalloc.start()
    try:
        data = render_patch(document, sentences, state, header)
        writing = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        corrected = apply_patch(data, document, "p")
        reading = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert data.count(b"\n@@ ") == 1
    # The lines around the hunk and a table of line starts (reading: the corrected text, as
    # text and as bytes), not the text again as lists of lines: writing took 7 times the
    # text's size before.
    assert writing < 0.2 * len(text)
    assert reading < 2.4 * len(text)
    assert corrected == text.replace("Line 4 of the book, said once.", "Changed.", 1).encode()


def _read_traced(tmp_path):
    """A book with curly quotes and one edit, and its patch read under tracemalloc: the text,
    its sentences, the patch read against the review it was written from, and the memory the
    read held after it and at its peak."""
    text = "".join(f"Line {n} of the book, said once. And “a second” one.\n" for n in range(8000))
    _path, document, sentences, state, header = _book_with_one_edit(tmp_path, text)
    data = render_patch(document, sentences, state, header)
    tracemalloc.start()
    try:
        patch = parse_patch(data, document, sentences, "p")
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert patch.state == state
    return text, sentences, held, peak


def test_a_patch_read_does_not_hold_the_corrected_text(tmp_path):
    text, sentences, held, _peak = _read_traced(tmp_path)
    # The review and a tuple of the sentences (8 bytes each): the corrected file's bytes
    # (as long as the text) were held as well, for the whole of a report.
    assert held < 8 * len(sentences) + 50_000 < len(text)


def test_a_patch_read_does_not_join_the_corrected_text(tmp_path):
    text, _sentences, _held, peak = _read_traced(tmp_path)
    # Read against the original and its one hunk: the set of the 16,000 sentences' ids and
    # the walk's gaps (1.1 times the text's size in memory, 2 bytes a character with its
    # curly quotes). Against the corrected text joined out of pieces of the original, another
    # copy of the text came on top (2.1 times), the peak of opening an edited book's review.
    assert peak < 1.5 * sys.getsizeof(text)


def test_a_saved_review_is_applied_before_the_text_is_segmented(tmp_path, monkeypatch):
    text = "".join(f"Line {n} of the book. And a second sentence.\n" for n in range(50))
    path, document, sentences, state, header = _book_with_one_edit(tmp_path, text)
    patch_path = locate(path, cwd=tmp_path).patch
    patch_path.parent.mkdir()
    patch_path.write_bytes(render_patch(document, sentences, state, header))
    done: list[str] = []
    applied, segmented = file_module._checked_and_applied, LoadedText.segmented

    def applying(*args: object, **kwargs: object) -> object:
        done.append("applied")
        return applied(*args, **kwargs)

    def segmenting(*args: object, **kwargs: object) -> object:
        done.append("segmented")
        return segmented(*args, **kwargs)

    monkeypatch.setattr(file_module, "_checked_and_applied", applying)
    monkeypatch.setattr(LoadedText, "segmented", segmenting)
    saved = load_saved_review(path, cwd=tmp_path)
    # The corrected text is made (from pieces of the original: the text twice over for a
    # moment) before a book's sentences are found, not beside them.
    assert done == ["applied", "segmented"]
    assert saved.state == state
    assert saved.sentences == sentences
