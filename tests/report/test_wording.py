from review.report.wording import (
    Fold,
    count,
    grouped_rows,
    number,
    row_heading,
    summary_figures,
    wdiff,
)
from review.worddiff import word_diff


def test_rows_fold_in_runs_between_noteworthy_ones(handmade) -> None:
    items = list(grouped_rows(handmade.report().rows))
    assert [item.id if not isinstance(item, Fold) else [r.id for r in item.rows]
            for item in items] == ["s1", "s2", "s3", ["s4", "s5"], "s6"]  # fmt: skip
    fold = items[3]
    assert fold.title == "s4–s5 · 2 unchanged sentences · 3 flags (1 dismissed, 2 open)"


def test_headings_and_figures(handmade) -> None:
    report = handmade.report()
    assert row_heading(report.rows[1]) == "s2 · ¶1 · reviewed · HTER 25.00 · chrF++ 93.22"
    figures = {f.key: f.value for f in summary_figures(report)}
    assert figures["sentences"] == "6"
    assert figures["hter"] == "9.38"
    assert figures["quality-score"] == "75.76"
    labels = {f.key: f.label for f in summary_figures(report)}
    assert (labels["flagged"], figures["flagged"]) == ("sentences flagged on the original", "5")
    assert (labels["still-flagged"], figures["still-flagged"]) == (
        "sentences with flags still open", "2",
    )  # fmt: skip
    assert (labels["flags"], labels["open"]) == ("flags on the original", "flags still open")


def test_wdiff() -> None:
    assert wdiff(word_diff("He go home.", "He goes home!")) == "He [-go-]{+goes+} home[-.-]{+!+}"


def test_numbers_read_with_thousands_separators() -> None:
    assert (count(100000), count(7)) == ("100,000", "7")
    assert (number(12345.678), number(0.125), number(-3.0)) == ("12,345.68", "0.12", "-3.00")


def test_an_annotation_quotes_the_original_words_or_says_what_was_added() -> None:
    from review.flags import MqmClass, Severity
    from review.report.errors import AnnotationRow
    from review.report.wording import annotation_line
    from review.state import Annotation
    from review.worddiff import word_diff

    replaced = Annotation(MqmClass.GRAMMAR, Severity.MAJOR, 3, 7, "agreement")
    row = AnnotationRow.of(replaced, word_diff("He go.", "He goes."), "He go.", "He goes.")
    assert annotation_line(row) == "Fluency/Grammar, major on “go”: agreement"
    omitted = Annotation(MqmClass.MISTRANSLATION, Severity.MINOR, 7, 12)
    row = AnnotationRow.of(omitted, word_diff("Three.", "Three. Four."), "Three.", "Three. Four.")
    assert annotation_line(row) == (
        "Accuracy/Mistranslation, minor, missing from the original (the editor added “Four.”)"
    )
