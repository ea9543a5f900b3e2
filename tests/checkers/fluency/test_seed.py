"""The seed's MT artefacts named in the issue, each flagged at its span with a suggestion."""

import pytest

from review.checkers.fluency import FluencyChecker
from review.document import load_document
from review.segment import segment
from support import SEED


@pytest.fixture(scope="module")
def seed_flags():
    document = load_document(SEED)
    sentences = segment(document.text)
    by_id = {s.id: s for s in sentences}
    flags = list(FluencyChecker().check(document.text, sentences))
    return [(f.rule, f.text, f.replacements, by_id[f.sentence_id].text) for f in flags]


@pytest.mark.parametrize(
    ("rule", "flagged", "suggestion", "sentence_start"),
    [
        ("MT_FULLWIDTH_PUNCT", " 。”", ".”", "People in China admire"),
        (
            "MT_SPACE_INSIDE_QUOTES",
            "‘ Don’t do to others what you don’t want them to do to you ’",
            "‘Don’t do to others what you don’t want them to do to you’",
            "People in China admire",
        ),
        ("MT_SPACE_MISSING", "2015,When", "2015, when", "In September 2015,When"),
        ("MT_PROPER_NOUN_CASE", "new york", "New York", "In September 2015,When"),
        ("MT_IDIOM_CALQUE", "start a new stove", "start from scratch", "Although there are"),
        (
            "MT_SET_PHRASE",
            "community of human destiny",
            "community with a shared future for mankind",
            "The joint effect",
        ),
        (
            "MT_IDIOM_CALQUE",
            "those who follow it will die",
            "those who go against it will perish",
            "The trend of the times",
        ),
    ],
)
def test_seed_example_is_flagged_with_its_suggestion(
    seed_flags, rule, flagged, suggestion, sentence_start
):
    matches = [
        replacements
        for r, text, replacements, sentence in seed_flags
        if (r, text) == (rule, flagged) and sentence.startswith(sentence_start)
    ]
    assert matches, f"{rule} {flagged!r} not flagged"
    assert matches[0][0] == suggestion


def test_every_seed_flag_points_at_its_text(seed_flags):
    for _, text, _, sentence in seed_flags:
        assert text in sentence
