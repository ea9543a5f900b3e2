import pytest

from review.metrics import Metric, corpus_hter, corpus_score, hter, sentence_score

VERSION = "version:2.6.0"


def test_hter_is_ter_of_the_original_against_the_correction():
    score = hter("The cat sat on mat .", "The cat sat on the mat .")
    assert score.metric is Metric.TER
    assert score.value == pytest.approx(100 / 7)
    assert score.signature == f"nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|{VERSION}"
    assert str(score) == "TER 14.29"


def test_hter_of_an_unchanged_and_an_emptied_sentence():
    assert hter("Same.", "Same.").value == 0
    assert hter("", "").value == 0
    assert hter("Gone entirely.", "").value == 100


@pytest.mark.parametrize(
    ("metric", "signature"),
    [
        (Metric.CHRF, "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|"),
        (Metric.CHRF_PLUS, "nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:no|"),
        (Metric.BLEU, "nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|"),
    ],
)
def test_sentence_scores_carry_their_signature(metric, signature):
    perfect = sentence_score(metric, "A small test sentence.", "A small test sentence.")
    assert perfect.value == pytest.approx(100)
    assert perfect.signature == signature + VERSION
    worse = sentence_score(metric, "A small test phrase.", "A small test sentence.")
    assert 0 < worse.value < 100


def test_corpus_scores():
    originals = ["The cat sat on mat .", "Nothing changed here ."]
    corrected = ["The cat sat on the mat .", "Nothing changed here ."]
    assert corpus_hter(originals, corrected).value == pytest.approx(100 / 11)
    bleu = corpus_score(Metric.BLEU, corrected, corrected)
    assert bleu.metric is Metric.BLEU
    assert bleu.value == pytest.approx(100)
    assert bleu.signature == f"nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|{VERSION}"
    with pytest.raises(ValueError, match="2 hypotheses but 1 references"):
        corpus_score(Metric.TER, originals, corrected[:1])
