import pytest

from review.flags import Category, MqmClass, Severity
from review.report.errors import original_span
from review.report.fates import Fate
from review.report.model import CheckersRun, DecisionKind, build_report
from review.segment import segment
from review.state import Annotation, ReviewState, SentenceReview
from review.worddiff import word_diff

from .conftest import flag

ORIGINAL = "He go to school every days."
CORRECTED = "He goes to school every day."


@pytest.mark.parametrize(
    ("corrected_span", "original_words"),
    [
        ((3, 7), "go"),  # "goes" replaced "go"
        ((8, 17), "to school"),  # unchanged words map one to one
        ((0, 7), "He go"),
        ((24, 27), "days"),  # "day" replaced "days"
        ((3, 27), "go to school every days"),
    ],
)
def test_an_annotated_span_maps_to_the_original_words(corrected_span, original_words) -> None:
    start, end = original_span(word_diff(ORIGINAL, CORRECTED), *corrected_span)
    assert ORIGINAL[start:end] == original_words


def test_words_the_editor_added_map_to_an_empty_span_and_a_deletion_inside_counts() -> None:
    diff = word_diff("Three.", "Three. Four.")
    assert original_span(diff, 7, 12) == (6, 6)
    diff = word_diff("It was very very happy.", "It was very happy.")
    assert original_span(diff, 3, 17) == (3, 22)


def _report(flags, review):
    sentences = segment(ORIGINAL)
    state = ReviewState.of({"s1": review})
    return build_report(sentences, state, flags(sentences[0]), source(), CheckersRun(None))


def source():
    from review.report.model import ReportSource

    return ReportSource("d.txt", "0" * 64, "corrections/d.patch", "", "", "en-US", "review")


def _flags(sentence):
    return (
        flag(sentence, "AGREEMENT", "go", Category.GRAMMAR, MqmClass.GRAMMAR, Severity.MAJOR),
        flag(sentence, "PLURAL", "days", Category.GRAMMAR, MqmClass.GRAMMAR, Severity.MINOR),
    )


def test_a_resolved_flag_and_an_annotation_on_the_same_words_count_once_at_the_higher() -> None:
    critical = Annotation(MqmClass.MISTRANSLATION, Severity.CRITICAL, 3, 7, "wrong verb")
    report = _report(_flags, SentenceReview(edited=CORRECTED, annotations=(critical,)))
    assert [o.fate for o in report.rows[0].flags] == [Fate.RESOLVED, Fate.RESOLVED]
    # "goes" marked critical where AGREEMENT (major) was resolved: one critical error; "days"
    # resolved: one minor.
    mqm = report.mqm
    assert (mqm.minor, mqm.major, mqm.critical, mqm.penalty) == (1, 0, 1, 26)
    row = report.rows[0].annotations[0]
    assert (row.original, row.corrected, row.start, row.end) == ("go", "goes", 3, 5)
    assert [(d.sentence, d.kind, d.severity) for d in report.decisions] == [
        ("s1", DecisionKind.CRITICAL_ANNOTATION, Severity.CRITICAL)
    ]


def test_open_flags_are_not_in_the_score_but_need_a_decision_when_major() -> None:
    report = _report(_flags, SentenceReview(comment="ask the client"))
    assert report.mqm.errors == 0 and report.mqm.score == 100
    assert [(d.sentence, d.kind, d.flag.flag.rule) for d in report.decisions] == [
        ("s1", DecisionKind.OPEN_FLAG, "AGREEMENT")
    ]
    assert report.comments == (("s1", "ask the client"),)
    assert (report.summary.flagged, report.summary.still_flagged) == (1, 1)
