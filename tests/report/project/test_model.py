from review.flags import MqmClass, Severity
from review.metrics import Metric
from review.report.effort import EffortStatistics
from review.report.model import FateCounts, Summary
from review.report.mqm import mqm_score, total_score
from review.report.project.model import total_summary


def test_total_score_is_the_score_of_the_files_errors_over_their_words() -> None:
    a = mqm_score([(MqmClass.GRAMMAR, Severity.MAJOR)], 50)
    b = mqm_score(
        [(MqmClass.PUNCTUATION, Severity.MINOR), (MqmClass.SPELLING, Severity.MINOR)], 150
    )
    total = total_score([a, b])
    # 5 + 0.1 + 1 = 6.1 points over 200 words: 3.05 per 100 words, not the mean of 90 and 99.27.
    assert (total.words, total.major, total.minor, total.minor_punctuation) == (200, 1, 1, 1)
    assert (total.penalty, total.penalty_per_100_words, total.score) == (6.1, 3.05, 96.95)


def test_total_summary_sums_every_figure_and_fate() -> None:
    one = Summary(3, 1, 1, 1, 1, 0, 0, 30, 29, FateCounts(1, 0, 0, 2))
    two = Summary(4, 2, 0, 2, 4, 1, 1, 40, 41, FateCounts(0, 1, 1, 0))
    assert total_summary([one, two]) == Summary(7, 3, 1, 3, 5, 1, 1, 70, 70, FateCounts(1, 1, 1, 2))


def test_joined_statistics_score_as_the_concatenated_texts() -> None:
    a = (["The cat sat.", "It was red."], ["The cat sat down.", "It was red."])
    b = (["Dogs bark loudly."], ["Dogs bark."])
    joined = EffortStatistics.joined([EffortStatistics(*a), EffortStatistics(*b)])
    whole = EffortStatistics(a[0] + b[0], a[1] + b[1])
    for metric in (Metric.TER, Metric.CHRF_PLUS, Metric.BLEU):
        assert joined.score(metric) == whole.score(metric)
