from review.flags import Category, Flag, MqmClass, Severity
from review.report.fates import Fate, Standing, flag_fate
from review.state import SentenceReview
from review.worddiff import word_diff

ORIGINAL = "He go to school every days."


def _flag(text: str, rule: str = "R", start: int | None = None) -> Flag:
    begin = ORIGINAL.index(text) if start is None else start
    return Flag("s1", begin, begin + len(text), "fluency", rule, Category.GRAMMAR,
                MqmClass.GRAMMAR, Severity.MINOR, "m", text)  # fmt: skip


def _fate(flag: Flag, review: SentenceReview) -> tuple[Fate, str | None]:
    edited = review.edited
    standing = None if edited is None else Standing.of(word_diff(ORIGINAL, edited))
    return flag_fate(flag, review, standing)


def test_accepted_wins_and_names_the_replacement() -> None:
    review = SentenceReview(
        edited="He goes to school every days.",
        accepted=frozenset({("R", "go", "goes")}),
        dismissed=frozenset({("R", "go")}),
    )
    assert _fate(_flag("go"), review) == (Fate.ACCEPTED, "goes")


def test_accepted_needs_the_same_rule_and_text() -> None:
    review = SentenceReview(edited="He goes to school every days.",
                            accepted=frozenset({("OTHER", "go", "goes")}))  # fmt: skip
    assert _fate(_flag("go"), review) == (Fate.RESOLVED, None)


def test_dismissed_by_rule_and_text_even_in_an_unedited_sentence() -> None:
    review = SentenceReview(dismissed=frozenset({("R", "days")}))
    assert _fate(_flag("days"), review) == (Fate.DISMISSED, None)
    assert _fate(_flag("days", rule="S"), review) == (Fate.OPEN, None)


def test_an_edit_elsewhere_leaves_the_flag_open() -> None:
    review = SentenceReview(edited="He go to college every days.")
    assert _fate(_flag("days"), review) == (Fate.OPEN, None)
    assert _fate(_flag("school"), review) == (Fate.RESOLVED, None)


def test_changing_one_character_of_the_flagged_word_resolves_it() -> None:
    review = SentenceReview(edited="He go to school every day.")
    assert _fate(_flag("days"), review) == (Fate.RESOLVED, None)
    assert _fate(_flag("every"), review) == (Fate.OPEN, None)
    assert _fate(_flag("go"), SentenceReview(edited="He goes to school every days.")) == (
        Fate.RESOLVED, None,
    )  # fmt: skip


def test_a_word_inserted_beside_the_flag_leaves_it_open() -> None:
    review = SentenceReview(edited="He go to school every days indeed.")
    assert _fate(_flag("days"), review) == (Fate.OPEN, None)
    assert _fate(_flag("days."), review) == (Fate.RESOLVED, None)


def test_flags_at_the_ends_of_the_sentence() -> None:
    review = SentenceReview(edited="He go to school every days!")
    assert _fate(_flag("He"), review) == (Fate.OPEN, None)
    assert _fate(_flag("."), review) == (Fate.RESOLVED, None)
    assert _fate(_flag("days."), SentenceReview(edited="She go to school every days.")) == (
        Fate.OPEN, None,
    )  # fmt: skip


def test_text_inserted_at_an_empty_flag_resolves_it() -> None:
    at_school = ORIGINAL.index(" school")
    empty = _flag("", start=at_school)
    assert _fate(empty, SentenceReview(edited="He go to the school every days.")) == (
        Fate.RESOLVED, None,
    )  # fmt: skip
    assert _fate(empty, SentenceReview(edited="He go to school every day.")) == (Fate.OPEN, None)


def test_a_deleted_sentence_resolves_every_unjudged_flag() -> None:
    review = SentenceReview(edited="", dismissed=frozenset({("R", "go")}))
    assert _fate(_flag("go"), review) == (Fate.DISMISSED, None)
    assert _fate(_flag("days"), review) == (Fate.RESOLVED, None)
