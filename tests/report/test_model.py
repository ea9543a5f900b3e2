"""Every figure of the hand-made review (conftest.handmade), against sacrebleu run here directly
and against values worked out by hand."""

import tracemalloc

import pytest
from sacrebleu.metrics import BLEU, CHRF, TER

from report.conftest import HANDMADE_SOURCE
from review.flags import Severity
from review.metrics import Metric
from review.report.fates import Fate
from review.report.model import CheckersRun, FateCounts, Rows, build_report, effort_statistics
from review.report.wording import Fold, grouped_rows
from review.segment import segment
from review.state import ReviewState, SentenceReview, Status
from review.worddiff import DiffOp, Op

ORIGINALS = [
    "The cat sit on the mat.",
    "It was very very happy.",
    "He go to school every days.",
    "The weather is nice today.",
    "This sentence <script>stays</script> the same | </td> here.",
    "Another one here.",
]
CORRECTED = [
    "The cat sits on the mat.",
    "It was very happy.",
    "He go to school every day.",
    *ORIGINALS[3:],
]


def test_the_handmade_review_segments_as_intended(handmade) -> None:
    assert [s.text for s in handmade.sentences] == ORIGINALS
    assert [handmade.state.text_of(s) for s in handmade.sentences] == CORRECTED


def test_summary_counts(handmade) -> None:
    summary = handmade.report().summary
    assert summary.sentences == 6
    assert summary.flagged == 5
    assert summary.edited == 3
    assert summary.reviewed == 2
    assert summary.commented == 1
    assert summary.annotated == 1
    assert summary.words == 6 + 5 + 6 + 5 + 8 + 3
    assert summary.corrected_words == 6 + 4 + 6 + 5 + 8 + 3
    assert summary.flags == FateCounts(accepted=1, resolved=2, dismissed=2, open=2)
    assert summary.flags.precision == pytest.approx(3 / 5)


def test_document_effort_equals_sacrebleu(handmade) -> None:
    report = handmade.report()
    ter, chrf, bleu = TER(), CHRF(word_order=2), BLEU()
    expected = {
        Metric.TER: (ter.corpus_score(ORIGINALS, [CORRECTED]).score, ter.get_signature()),
        Metric.CHRF_PLUS: (chrf.corpus_score(ORIGINALS, [CORRECTED]).score, chrf.get_signature()),
        Metric.BLEU: (bleu.corpus_score(ORIGINALS, [CORRECTED]).score, bleu.get_signature()),
    }
    assert [s.metric for s in report.effort] == [Metric.TER, Metric.CHRF_PLUS, Metric.BLEU]
    for score in report.effort:
        value, signature = expected[score.metric]
        assert score.value == pytest.approx(value, abs=1e-9)
        assert score.signature == str(signature)
    # HTER by hand: 1 substitution (sit→sits), 1 deletion (very), 1 substitution (days→day)
    # over 32 words of the corrected text.
    assert report.effort_score(Metric.TER).value == pytest.approx(100 * 3 / 32)


def test_sentence_scores_equal_sacrebleu(handmade) -> None:
    rows = handmade.report().rows
    for row, original, corrected in zip(rows, ORIGINALS, CORRECTED, strict=True):
        assert row.hter == pytest.approx(TER().sentence_score(original, [corrected]).score)
        assert row.chrf == pytest.approx(
            CHRF(word_order=2).sentence_score(original, [corrected]).score
        )
    assert rows[1].hter == pytest.approx(100 / 4)  # one word deleted, four words remain


def test_paragraph_hter_equals_sacrebleu_per_paragraph(handmade) -> None:
    paragraphs = handmade.report().paragraphs
    assert [(p.paragraph, p.sentences, p.edited, p.words) for p in paragraphs] == [
        (1, 2, 2, 11),
        (2, 2, 1, 11),
        (3, 2, 0, 11),
    ]
    for p, (lo, hi) in zip(paragraphs, [(0, 2), (2, 4), (4, 6)], strict=True):
        expected = TER().corpus_score(ORIGINALS[lo:hi], [CORRECTED[lo:hi]]).score
        assert p.hter == pytest.approx(expected)
    assert paragraphs[0].hter == pytest.approx(100 * 2 / 10)


def test_mqm_score_by_hand(handmade) -> None:
    mqm = handmade.report().mqm
    # Confirmed: sit accepted (major 5), very very and days resolved (minor 1 each), and the
    # annotation (minor 1). Not errors: go and stays (dismissed), nice and same (open, nobody
    # judged them).
    assert (mqm.minor, mqm.minor_punctuation, mqm.major, mqm.critical) == (3, 0, 1, 0)
    assert mqm.penalty == 8
    assert mqm.words == 33
    assert mqm.penalty_per_100_words == pytest.approx(800 / 33)
    assert mqm.score == pytest.approx(100 - 800 / 33)


def test_flag_fates_and_accepted_replacement(handmade) -> None:
    rows = handmade.report().rows
    fates = [(o.flag.rule, o.flag.text, o.fate, o.replacement) for row in rows for o in row.flags]
    assert fates == [
        ("AGREEMENT", "sit", Fate.ACCEPTED, "sits"),
        ("REPEAT", "very very", Fate.RESOLVED, None),
        ("AGREEMENT", "go", Fate.DISMISSED, None),
        ("PLURAL", "days", Fate.RESOLVED, None),
        ("COMMA", "nice", Fate.OPEN, None),
        ("WRONG", "stays", Fate.DISMISSED, None),
        ("ODD", "same", Fate.OPEN, None),
    ]


def test_groups_per_category_mqm_class_and_severity(handmade) -> None:
    report = handmade.report()
    by_category = {g.name: g.counts for g in report.by_category}
    assert [g.name for g in report.by_category] == [
        "grammar", "style", "punctuation", "spelling", "wording",
    ]  # fmt: skip
    assert by_category["grammar"] == FateCounts(accepted=1, dismissed=1)
    assert by_category["grammar"].precision == 0.5
    assert by_category["style"] == FateCounts(resolved=1, open=1)
    assert by_category["punctuation"].precision is None
    by_mqm = {g.name: g.counts for g in report.by_mqm}
    assert by_mqm["Fluency/Grammar"] == FateCounts(accepted=1, resolved=1, dismissed=1)
    assert [g.name for g in report.by_severity] == ["minor", "major", "critical"]
    assert [g.counts.total for g in report.by_severity] == [3, 3, 1]
    assert report.open_flags_at_least(Severity.MINOR) == 2
    assert report.open_flags_at_least(Severity.MAJOR) == 1
    assert report.open_flags_at_least(Severity.CRITICAL) == 0


def test_rows_hold_diff_status_comment_and_annotations(handmade) -> None:
    rows = handmade.report().rows
    assert rows[0].diff == (
        DiffOp(Op.EQUAL, "The cat "),
        DiffOp(Op.DELETE, "sit"),
        DiffOp(Op.INSERT, "sits"),
        DiffOp(Op.EQUAL, " on the mat."),
    )
    assert rows[3].diff == (DiffOp(Op.EQUAL, ORIGINALS[3]),)
    assert (rows[0].status, rows[2].status) == (Status.REVIEWED, Status.TODO)
    assert (rows[0].hter, rows[3].hter, rows[3].chrf) == (pytest.approx(100 / 6), 0.0, 100.0)
    assert rows[5].comment == "Client's term | keep <b>as is</b>"
    assert rows[5].annotations[0].annotation.note == "odd"
    assert [row.noteworthy for row in rows] == [True, True, True, False, False, True]


def test_only_changed_lists_noteworthy_rows_but_keeps_every_figure(handmade) -> None:
    full, short = handmade.report(), handmade.report(only_changed=True)
    assert [row.id for row in short.rows] == ["s1", "s2", "s3", "s6"]
    assert short.only_changed and not full.only_changed
    assert short.summary == full.summary
    assert short.effort == full.effort
    assert short.mqm == full.mqm
    assert short.by_category == full.by_category


def test_a_deleted_sentence(handmade) -> None:
    from review.report.model import build_report
    from review.state import SentenceReview

    state = handmade.state.with_reviews({"s4": SentenceReview(edited="")})
    report = build_report(handmade.sentences, state, handmade.flags, handmade.source,
                          handmade.checkers)  # fmt: skip
    row = report.rows[3]
    assert row.deleted and row.changed and row.corrected == ""
    assert row.hter == 100.0
    assert row.diff == (DiffOp(Op.DELETE, ORIGINALS[3]),)
    assert row.flags[0].fate is Fate.RESOLVED


def test_a_report_holds_its_figures_not_its_rows() -> None:
    text = "".join(f"Sentence {n} says a few words more. Then {n} ends.\n" for n in range(3000))
    sentences = segment(text)
    state = ReviewState.of({"s2": SentenceReview(edited="Changed here.")})
    effort = effort_statistics(sentences, state)
    tracemalloc.start()
    try:
        report = build_report(
            sentences, state, [], HANDMADE_SOURCE, CheckersRun(None), effort=effort
        )
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert report.summary.sentences == len(sentences) == 6000
    assert report.summary.edited == 1
    assert [row.corrected for row in report.rows[:3]] == [
        "Sentence 0 says a few words more.",
        "Changed here.",
        "Sentence 1 says a few words more.",
    ]
    assert report.rows[-1].original == "Then 2999 ends."
    # Each paragraph's figures (its sentences a range of indices, about 60 bytes a sentence
    # here): the rows, their diffs and texts (about 330 bytes a sentence) are made as a format
    # reads them; lists of each paragraph's sentences and each flag's outcome were 82.
    assert held < 70 * len(sentences)


def test_a_fold_is_the_rows_it_spans_not_their_copies(handmade) -> None:
    rows = handmade.report().rows
    folds = [item for item in grouped_rows(rows) if isinstance(item, Fold)]
    assert [[row.id for row in fold.rows] for fold in folds] == [["s4", "s5"]]
    assert isinstance(folds[0].rows, Rows)
