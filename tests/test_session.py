import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from review.errors import ReviewError
from review.flags import Category, Flag, MqmClass, Severity
from review.replace import Replacement
from review.segment import Resegmentation
from review.session import ReviewSession
from review.state import Annotation, SentenceReview, Status

TEXT = "Teh cat sat  on the mat. It was was happy.\nA second line.\n"


def flag(sentence_id, start, end, text, rule="RULE", replacements=("x",)):
    return Flag(
        sentence_id=sentence_id,
        start=start,
        end=end,
        source="languagetool",
        rule=rule,
        category=Category.GRAMMAR,
        mqm=MqmClass.GRAMMAR,
        severity=Severity.MINOR,
        message="m",
        text=text,
        replacements=replacements,
    )


class Clock:
    def __init__(self):
        self.now = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)

    def __call__(self):
        self.now += timedelta(hours=1)
        return self.now


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "doc.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def open_session(doc: Path, **kwargs) -> ReviewSession:
    return ReviewSession.open(doc, cwd=doc.parent, reviewer="Ann", **kwargs)


def test_changes_save_and_reopen(doc):
    with open_session(doc) as session:
        assert [s.text for s in session.sentences] == [
            "Teh cat sat  on the mat.",
            "It was was happy.",
            "A second line.",
        ]
        assert not session.dirty
        change = session.set_text("s1", "The cat sat on the mat.")
        assert change.sentence_ids == ("s1",)
        assert change.label == "text replaced"
        session.set_status("s2", "reviewed")
        session.comment("s3", "fine")
        assert session.dirty
        path = session.save()
        assert not session.dirty
    assert path == doc.parent / "corrections" / "doc.patch"
    assert not (doc.parent / "corrections" / "doc.journal").exists()
    assert not (doc.parent / "corrections" / "doc.lock").exists()
    with open_session(doc) as session:
        assert session.text_of("s1") == "The cat sat on the mat."
        assert session.state.review_of("s2").status is Status.REVIEWED
        assert session.state.review_of("s3").comment == "fine"
        assert session.state.corrected_text(session.document.text, session.sentences) == (
            "The cat sat on the mat. It was was happy.\nA second line.\n"
        )


def test_restoring_the_original_text_clears_the_edit(doc):
    with open_session(doc) as session:
        session.set_text("s1", "Changed.")
        change = session.set_text("s1", "Teh cat sat  on the mat.")
        assert change.label == "text restored"
        assert session.state.review_of("s1") == SentenceReview()
        assert len(session.state) == 0


def test_a_change_to_the_same_value_changes_nothing(doc):
    with open_session(doc) as session:
        session.set_status("s1", Status.REVIEWED)
        change = session.set_status("s1", "reviewed")
        assert change.after == {}
        assert session.undo().label == "undone: marked reviewed"
        assert not session.can_undo


def test_undo_and_redo(doc):
    with open_session(doc) as session:
        session.set_text("s1", "One.")
        session.set_text("s1", "Two.")
        assert session.undo().after == {"s1": SentenceReview(edited="One.")}
        assert session.text_of("s1") == "One."
        assert session.redo().label == "redone: text replaced"
        assert session.text_of("s1") == "Two."
        session.undo()
        session.undo()
        assert not session.dirty
        assert session.undo() is None
        session.redo()
        session.comment("s1", "new branch")
        assert not session.can_redo


def test_accept_applies_the_suggestion_and_shifts_annotations(doc):
    with open_session(doc) as session:
        session.annotate("s2", Annotation(MqmClass.AWKWARD, Severity.MAJOR, 11, 16))  # "happy"
        repeated = flag(
            "s2", 3, 11, "was was ", rule="ENGLISH_WORD_REPEAT_RULE", replacements=("was ", "is ")
        )
        session.dismiss(repeated)
        change = session.accept(repeated, 1)
        assert change.label == "accepted ENGLISH_WORD_REPEAT_RULE: 'was was ' → 'is '"
        review = session.state.review_of("s2")
        assert review.edited == "It is happy."
        assert review.accepted == {("ENGLISH_WORD_REPEAT_RULE", "was was ", "is ")}
        assert review.dismissed == frozenset()
        (annotation,) = review.annotations
        assert review.edited[annotation.start : annotation.end] == "happy"


def test_accept_refuses_a_stale_flag_and_a_missing_suggestion(doc):
    with open_session(doc) as session:
        typo = flag("s1", 0, 3, "Teh", replacements=("The",))
        with pytest.raises(ReviewError, match="there is no suggestion 2"):
            session.accept(typo, 1)
        session.set_text("s1", "A cat sat.")
        with pytest.raises(ReviewError, match="s1 has changed since RULE flagged 'Teh'"):
            session.accept(typo)


def test_accept_all_is_one_step_and_skips_overlaps(doc):
    with open_session(doc) as session:
        flags = [
            flag("s1", 0, 3, "Teh", rule="TYPO", replacements=("The",)),
            flag("s1", 7, 13, " sat  ", rule="SPACE", replacements=(" sat ",)),
            flag("s1", 10, 13, "t  ", rule="SPACE", replacements=("t ",)),
            flag("s2", 3, 11, "was was ", rule="SPACE", replacements=("was ",)),
            flag("s3", 0, 1, "A", rule="SPACE", replacements=()),
        ]
        change = session.accept_all(flags, "SPACE")
        assert change.sentence_ids == ("s1", "s2")
        assert session.text_of("s1") == "Teh cat sat on the mat."
        assert session.text_of("s2") == "It was happy."
        assert session.state.review_of("s1").accepted == {("SPACE", "t  ", "t ")}
        session.undo()
        assert len(session.state) == 0


def test_acceptable_previews_accept_all_without_changing_anything(doc):
    with open_session(doc) as session:
        flags = [
            flag("s1", 7, 13, " sat  ", rule="SPACE", replacements=(" sat ",)),
            flag("s1", 10, 13, "t  ", rule="SPACE", replacements=("t ",)),
            flag("s2", 3, 11, "was was ", rule="SPACE", replacements=("was ",)),
        ]
        chosen, texts = session.acceptable(flags, "SPACE")
        assert chosen == (flags[1], flags[2])
        assert texts == {"s1": "Teh cat sat on the mat.", "s2": "It was happy."}
        assert len(session.state) == 0 and not session.can_undo


def test_annotation_span_must_lie_in_the_sentence(doc):
    with open_session(doc) as session:
        with pytest.raises(ReviewError, match=r"annotation span 5..99 is outside the sentence"):
            session.annotate("s3", Annotation(MqmClass.GRAMMAR, Severity.MINOR, 5, 99))
        session.annotate("s3", Annotation(MqmClass.GRAMMAR, Severity.MINOR, 0, 1, "note"))
        session.remove_annotation("s3", 0)
        assert len(session.state) == 0


def test_edit_moves_annotations_with_their_words(doc):
    with open_session(doc) as session:
        session.annotate("s3", Annotation(MqmClass.GRAMMAR, Severity.MINOR, 9, 13))  # "line"
        session.set_text("s3", "A very second line!")
        annotation = session.state.review_of("s3").annotations[0]
        assert "A very second line!"[annotation.start : annotation.end] == "line"


def test_unknown_sentence_and_status_are_refused(doc):
    with open_session(doc) as session:
        with pytest.raises(ReviewError, match=r"doc.txt has no sentence 's9' \(it has s1…s3\)"):
            session.set_text("s9", "x")
        with pytest.raises(ReviewError, match="unknown status 'done'"):
            session.set_status("s1", "done")


def test_unsaved_changes_come_back_from_the_journal(doc):
    session = open_session(doc)
    session.set_text("s1", "Journalled.")
    session.comment("s2", "also")
    session.close()
    journal = doc.parent / "corrections" / "doc.journal"
    assert journal.exists()
    with open_session(doc) as reopened:
        assert reopened.notices == (f"recovered 2 unsaved changes from {journal}",)
        assert reopened.text_of("s1") == "Journalled."
        assert reopened.dirty
        reopened.set_status("s3", "reviewed")
    with open_session(doc) as third:
        assert third.state.review_of("s3").status is Status.REVIEWED
        third.discard()
        assert not journal.exists()
        assert len(third.state) == 0


def test_a_torn_last_journal_line_is_left_out(doc):
    session = open_session(doc)
    session.set_text("s1", "Kept.")
    session.set_text("s2", "Torn.")
    session.close()
    journal = doc.parent / "corrections" / "doc.journal"
    journal.write_bytes(journal.read_bytes()[:-5])
    with open_session(doc) as reopened:
        assert reopened.text_of("s1") == "Kept."
        assert reopened.text_of("s2") == "It was was happy."
        assert "its last, half-written line was left out" in reopened.notices[0]


def test_a_journal_for_another_patch_version_is_put_aside(doc):
    with open_session(doc) as session:
        session.set_text("s1", "Saved.")
        session.save()
        session.set_text("s2", "Unsaved.")
    patch = doc.parent / "corrections" / "doc.patch"
    patch.write_bytes(patch.read_bytes().replace(b"Reviewer: Ann", b"Reviewer: Bob"))
    with open_session(doc) as reopened:
        assert reopened.text_of("s2") == "It was was happy."
        assert "not replayed, kept as" in reopened.notices[0]
    (aside,) = (doc.parent / "corrections").glob("doc.journal.*.old")
    assert f"kept as {aside}" in reopened.notices[0]


def test_the_date_changes_only_with_the_content(doc):
    clock = Clock()
    with open_session(doc, clock=clock) as session:
        session.set_status("s1", "reviewed")
        session.save()
        first = session.location.patch.read_bytes()
        assert b"\nDate: 2025-01-02T04:04:05+00:00\n" in first
        session.save()
        session.set_status("s2", "reviewed")
        session.undo()
        session.save()
        assert session.location.patch.read_bytes() == first
        session.comment("s1", "now different")
        session.save()
        assert b"\nDate: 2025-01-02T07:04:05+00:00\n" in session.location.patch.read_bytes()


def test_a_second_session_is_refused_while_the_lock_is_held(doc):
    with open_session(doc), pytest.raises(ReviewError) as error:
        open_session(doc)
    assert str(error.value) == (
        f"doc.txt is being edited by another review process (pid {os.getpid()})"
    )


def test_a_stale_lock_is_taken_over_with_a_notice(doc):
    lock = doc.parent / "corrections" / "doc.lock"
    lock.parent.mkdir()
    lock.write_text("999999999\n")
    with open_session(doc) as session:
        assert session.notices == (
            f"took over the stale lock {lock} (pid 999999999 is not running)",
        )
        assert lock.read_text() == f"{os.getpid()}\n"
    assert not lock.exists()


def test_dismiss_all_is_one_step_with_a_preview(doc):
    flags = [
        flag("s1", 0, 3, "Teh", rule="SPELL"),
        flag("s2", 3, 10, "was was", rule="DUP"),
        flag("s3", 0, 1, "A", rule="SPELL"),
    ]
    with open_session(doc) as session:
        session.dismiss(flags[2])
        assert session.dismissable(flags, "SPELL") == (flags[0],)
        assert session.dismissable(flags, "SPELL", "Tehh") == ()
        change = session.dismiss_all(flags, "SPELL")
        assert change.label == "dismissed SPELL everywhere (1)"
        assert session.state.review_of("s1").dismissed == {("SPELL", "Teh")}
        session.undo()
        assert session.state.review_of("s1").dismissed == frozenset()
        assert session.state.review_of("s3").dismissed == {("SPELL", "A")}
        session.redo()
        assert session.dismissable(flags, "SPELL") == ()


def test_find_previews_and_replace_is_one_undo_step(doc):
    with open_session(doc) as session:
        session.annotate("s2", Annotation(MqmClass.GRAMMAR, Severity.MINOR, 11, 16))
        hits = session.find(Replacement("was", "is", whole_word=True))
        assert [h.describe() for h in hits] == ["s2:3: 'was' → 'is'", "s2:7: 'was' → 'is'"]
        assert session.text_of("s2") == "It was was happy."
        change = session.replace_hits(hits, "replaced 'was'")
        assert change.sentence_ids == ("s2",)
        assert session.text_of("s2") == "It is is happy."
        # The annotation on "happy" moved with it.
        (moved,) = session.state.review_of("s2").annotations
        assert (moved.start, moved.end) == (9, 14)
        session.undo()
        assert session.text_of("s2") == "It was was happy."
        (back,) = session.state.review_of("s2").annotations
        assert (back.start, back.end) == (11, 16)


def test_replace_regex_ignore_case_and_a_kept_subset(doc):
    with open_session(doc) as session:
        hits = session.find(Replacement(r"\b(t)he\b", r"\1his", regex=True, ignore_case=True))
        assert [h.describe() for h in hits] == ["s1:16: 'the' → 'this'"]
        hits = session.find(Replacement("a", "A", whole_word=False))
        kept = [h for h in hits if h.sentence_id == "s2"]
        session.replace_hits(kept)
        assert [session.text_of(s) for s in ("s1", "s2")] == [
            "Teh cat sat  on the mat.",
            "It wAs wAs hAppy.",
        ]


def test_a_stale_hit_and_a_bad_pattern_are_refused(doc):
    with open_session(doc) as session:
        hits = session.find(Replacement("cat", "dog"))
        session.set_text("s1", "The cow sat.")
        with pytest.raises(
            ReviewError, match="s1 has changed since 'cat' was found; find it again"
        ):
            session.replace_hits(hits)
        with pytest.raises(ReviewError, match=r"^'\(' is not a regular expression: missing \)"):
            session.find(Replacement("(", "x", regex=True))
        with pytest.raises(ReviewError, match="nothing to replace"):
            session.find(Replacement("", "x"))
        assert session.text_of("s1") == "The cow sat."


def test_an_edit_the_encoding_cannot_hold_is_refused_and_not_journalled(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Café owners said hello to the naïve visitors.\n".encode("latin-1"))
    with open_session(path) as session:
        encoding = session.document.encoding
        with pytest.raises(ReviewError) as caught:
            session.set_text("s1", "x → 中 → x")
        assert str(caught.value) == (
            f"s1: latin.txt is {encoding}, which cannot hold '→' (U+2192), '中' (U+4E2D); "
            "the edit is not made"
        )
        assert not session.dirty
        assert not session.location.journal.exists()


def test_a_kill_after_saving_before_the_journal_is_removed_leaves_nothing_unsaved(doc):
    journal = doc.parent / "corrections" / "doc.journal"
    with open_session(doc) as session:
        session.set_text("s1", "Saved once.")
        session.save()
        session.set_text("s2", "Saved twice.")
        left_behind = journal.read_bytes()
        session.save()
    journal.write_bytes(left_behind)  # as if killed between writing the patch and the unlink
    with open_session(doc) as reopened:
        assert (reopened.notices, reopened.dirty) == ((), False)
        assert reopened.text_of("s2") == "Saved twice."
    assert sorted(p.name for p in journal.parent.iterdir()) == ["doc.patch"]


def test_a_journal_killed_before_its_first_change_recovers_nothing(doc):
    with open_session(doc) as session:
        session.set_text("s1", "Changed.")
    journal = doc.parent / "corrections" / "doc.journal"
    journal.write_bytes(journal.read_bytes().split(b"\n")[0] + b"\n")
    with open_session(doc) as reopened:
        assert (reopened.notices, reopened.dirty) == ((), False)
    assert not journal.exists()


def test_undo_back_to_the_saved_review_then_reopen_says_nothing_unsaved(doc):
    with open_session(doc) as session:
        session.set_status("s1", "reviewed")
        session.save()
        for text in ("One.", "Two.", "Three."):
            session.set_text("s2", text)
        session.set_status("s3", "reviewed")
        for _ in range(4):
            session.undo()
        assert not session.dirty
    with open_session(doc) as reopened:
        assert (reopened.notices, reopened.dirty) == ((), False)
        assert reopened.state.review_of("s1").status == "reviewed"
    assert not reopened.location.journal.exists()


def test_find_says_which_hits_the_file_refuses_and_applying_one_is_refused(tmp_path):
    """A bilingual file: a hit that would break an inline tag carries the format's reason
    (asked with the hit alone made, in the context of the other edits of its unit)."""
    data = Path(__file__).resolve().parent / "data" / "bilingual" / "speech_zh_en.xlf"
    (tmp_path / "speech.xlf").write_bytes(data.read_bytes())
    with ReviewSession.open(tmp_path / "speech.xlf", cwd=tmp_path) as session:
        session.set_text("4-s1", "Loans came early, 1 by 1.")
        hits = session.find(Replacement("1", "one"))
        assert [(h.sentence_id, h.start, h.refused) for h in hits] == [
            ("2-s1", 24, "unit 2: ⟨1⟩ is missing"),
            ("2-s1", 89, "unit 2: ⟨/1⟩ is missing"),
            ("3-s1", 19, "unit 3: ⟨1/⟩ is missing"),
            ("4-s1", 18, ""),
            ("4-s1", 23, ""),
            ("5-s1", 36, ""),
        ]
        with pytest.raises(ReviewError, match=r"^unit 2: ⟨1⟩ is missing$"):
            session.replace_hits(hits[:1])
        session.replace_hits(hits[3:])
        assert [session.text_of(s) for s in ("4-s1", "5-s1")] == [
            "Loans came early, one by one.",
            "The meeting was held in Beijing for one day.",
        ]
        assert session.text_of("2-s1").count("⟨1⟩") == 1


QUOTED = 'He said: "It is late. We must go." Then they left at once.\nA second line.\n'


@pytest.fixture
def quoted(tmp_path: Path) -> Path:
    path = tmp_path / "quoted.txt"
    path.write_text(QUOTED, encoding="utf-8")
    return path


def texts(session: ReviewSession) -> list[tuple[str, str]]:
    return [(s.id, session.text_of(s.id)) for s in session.sentences]


def test_merge_keeps_the_first_id_the_other_reviews_and_combines_its_own(quoted):
    with open_session(quoted) as session:
        session.set_text("s1", 'He said: "It is so late.')
        session.comment("s1", "quote cut")
        session.set_status("s2", "reviewed")
        session.annotate("s2", Annotation(MqmClass.GRAMMAR, Severity.MINOR, 3, 7))
        session.comment("s2", "check")
        session.dismiss(flag("s2", 0, 2, "We"))
        session.set_status("s3", "reviewed")
        session.comment("s4", "untouched")
        change = session.merge("s1")
        assert change.label == (
            "merged s1 and s2 into s1; kept both comments, 1 annotation of s2, "
            "1 dismissal of s2, status todo (only one was reviewed)"
        )
        assert texts(session) == [
            ("s1", 'He said: "It is so late. We must go."'),
            ("s3", "Then they left at once."),
            ("s4", "A second line."),
        ]
        merged = session.state.review_of("s1")
        assert merged == SentenceReview(
            edited='He said: "It is so late. We must go."',
            dismissed=frozenset({("RULE", "We")}),
            comment="quote cut\ncheck",
            annotations=(Annotation(MqmClass.GRAMMAR, Severity.MINOR, 28, 32),),
        )
        assert merged.text("")[28:32] == "must"
        assert session.state.review_of("s3").status is Status.REVIEWED
        assert session.state.review_of("s4").comment == "untouched"
        assert "s2" not in session.state
        with pytest.raises(ReviewError, match=r"^s2 is merged into s1; name that one$"):
            session.set_status("s2", "reviewed")


def test_merge_is_refused_across_paragraphs_and_after_the_last(quoted):
    with open_session(quoted) as session:
        with pytest.raises(
            ReviewError, match=r"^s3 ends a line; it is not merged with s4, which starts the next$"
        ):
            session.merge("s3")
        with pytest.raises(ReviewError, match=r"^s4 is the last sentence; there is none to"):
            session.merge("s4")
        with pytest.raises(ReviewError, match=r"has no sentence 's2-3' \(it has s1…s4\)"):
            session.merge("s2-3")
        assert not session.dirty


def test_split_names_the_second_part_by_where_it_starts_and_undoes_in_one_step(quoted):
    with open_session(quoted) as session:
        session.set_status("s3", "reviewed")
        session.annotate("s3", Annotation(MqmClass.GRAMMAR, Severity.MINOR, 15, 22))
        session.comment("s4", "untouched")
        change = session.split("s3", 9)
        assert (
            change.label
            == "split s3 at 9 into s3 and s3-10; kept 1 annotation to s3-10, both reviewed"
        )
        assert texts(session) == [
            ("s1", 'He said: "It is late.'),
            ("s2", 'We must go."'),
            ("s3", "Then they"),
            ("s3-10", "left at once."),
            ("s4", "A second line."),
        ]
        assert session.state.review_of("s3-10") == SentenceReview(
            status=Status.REVIEWED,
            annotations=(Annotation(MqmClass.GRAMMAR, Severity.MINOR, 5, 12),),
        )
        assert session.state.review_of("s3").status is Status.REVIEWED
        assert session.undo() is not None
        assert [s.id for s in session.sentences] == ["s1", "s2", "s3", "s4"]
        assert session.state.review_of("s3").annotations[0].start == 15
        session.redo()
        assert [s.id for s in session.sentences] == ["s1", "s2", "s3", "s3-10", "s4"]
        # Splitting the merged sentence where it was merged takes the merge back.
        session.merge("s1")
        session.split("s1", 21)
        assert [s.id for s in session.sentences] == ["s1", "s2", "s3", "s3-10", "s4"]
        session.merge("s3")
        assert texts(session)[2] == ("s3", "Then they left at once.")
        assert session.state.segmentation == Resegmentation()


def test_split_of_an_edited_sentence_cuts_the_original_where_the_edit_lines_up(quoted):
    with open_session(quoted) as session:
        session.set_text("s3", "Then they all left, at once.")
        session.split("s3", 19)
        assert texts(session)[2:4] == [("s3", "Then they all left,"), ("s3-15", "at once.")]
        assert [s.text for s in session.sentences[2:4]] == ["Then they left", "at once."]
        assert session.state.review_of("s3-15").edited is None
        with pytest.raises(
            ReviewError, match=r"^s3: cannot split at 3 \('The\|n they all l'\): not at a space"
        ):
            session.split("s3", 3)
        with pytest.raises(ReviewError, match=r"^s3: cannot split at 40: its text has 19 char"):
            session.split("s3", 40)


def test_merges_and_splits_are_journalled_and_replayed_after_a_crash(quoted):
    session = open_session(quoted)
    session.set_text("s2", 'We must go now."')
    session.merge("s1")
    session.split("s3", 9)
    session.set_status("s3-10", "reviewed")
    session.close()  # what a crash leaves: the journal, no patch
    journal = quoted.parent / "corrections" / "quoted.journal"
    lines = journal.read_text().splitlines()
    assert '"segmentation": {"joined": ["s2"], "split": []}' in lines[2]
    assert '"segmentation": {"joined": ["s2"], "split": ["s3-10"]}' in lines[3]
    with open_session(quoted) as reopened:
        assert reopened.notices == (f"recovered 4 unsaved changes from {journal}",)
        assert texts(reopened) == [
            ("s1", 'He said: "It is late. We must go now."'),
            ("s3", "Then they"),
            ("s3-10", "left at once."),
            ("s4", "A second line."),
        ]
        assert reopened.state.review_of("s3-10").status is Status.REVIEWED
        reopened.save()
    with open_session(quoted) as saved:
        assert texts(saved)[0] == ("s1", 'He said: "It is late. We must go now."')
        assert not saved.dirty
