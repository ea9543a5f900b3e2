from review.checkers.fluency.punctuation import DoubledPunctuation

RULE = DoubledPunctuation.rule


def test_doubled_and_stacked_marks(found):
    text = "Yes,, he came;; then this:: it. Was it so?. Fine,. Done"
    assert found(RULE, text) == [
        (",,", (",",)),
        (";;", (";",)),
        ("::", (":",)),
        ("?.", (".",)),
        (",.", (".",)),
    ]


def test_two_full_stops_and_wiki_apostrophes(found):
    assert found(RULE, "That means.. '' such as dancers") == [
        ("..", (".", "…")),
        ("''", ('"',)),
    ]


def test_ellipsis_abbreviations_and_code_are_silent(found):
    text = "So... fine. Apples, pears, etc., and std::vector too! Really?! It's '''bold'''."
    assert found(RULE, text) == []
