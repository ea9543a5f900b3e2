import pytest

from review.flags import MqmClass, Severity
from review.report.mqm import FORMULA, mqm_score

P, G = MqmClass.PUNCTUATION, MqmClass.GRAMMAR


def test_weights_minor_1_major_5_critical_25_minor_punctuation_a_tenth() -> None:
    errors = [(G, Severity.MINOR)] * 3 + [(P, Severity.MINOR)] * 3
    errors += [(P, Severity.MAJOR), (G, Severity.CRITICAL)]
    score = mqm_score(errors, 200)
    assert (score.minor, score.minor_punctuation, score.major, score.critical) == (3, 3, 1, 1)
    assert score.errors == 8
    assert score.penalty == 33.3  # 3 + 0.3 + 5 + 25, exactly: the sum is kept in tenths
    assert score.penalty_per_100_words == pytest.approx(16.65)
    assert score.score == pytest.approx(83.35)


def test_no_errors_is_100_and_more_penalty_than_words_goes_below_zero() -> None:
    assert mqm_score([], 50).score == 100
    assert mqm_score([(G, Severity.CRITICAL)], 10).score == -150
    assert mqm_score([(G, Severity.MINOR)], 0).penalty_per_100_words == 0


def test_the_formula_states_every_weight() -> None:
    for weight in ("1 × minor", "0.1 × minor punctuation", "5 × major", "25 × critical"):
        assert weight in FORMULA
