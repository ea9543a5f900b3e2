from review.checkers.fluency.compounds import SpacedHyphen

RULE = SpacedHyphen.rule


def test_prefix_compounds_with_spaced_hyphens(found):
    text = "Species co - evolved, and pre - tax income and self - reliance rose."
    assert found(RULE, text) == [
        ("co - evolved", ("co-evolved",)),
        ("pre - tax", ("pre-tax",)),
        ("self - reliance", ("self-reliance",)),
    ]


def test_a_compound_the_document_hyphenates_elsewhere(found):
    text = "A win-win deal. Both won - win, they said."
    assert found(RULE, text) == []
    assert found(RULE, "A win-win deal. It was win - win.") == [("win - win", ("win-win",))]


def test_a_dash_between_words_is_silent(found):
    assert found(RULE, "He came - and went - late. It was 1990 - 2000.") == []
