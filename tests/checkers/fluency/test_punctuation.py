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


GLUED = "MT_GLUED_DASH"


def test_hyphen_before_a_clause_is_a_dash(flags):
    [flag] = flags(GLUED, "So I realized-this was not the end.")
    assert (flag.start, flag.text, flag.replacements) == (13, "-", ("—", " – "))
    assert flag.message == "Hyphen used as a dash in 'realized-this': use a dash (—)"


def test_glued_dash_after_an_apostrophe_word_and_before_articles(found):
    text = "You can't-maybe you won't. It came from Wales-the land of song."
    assert found(GLUED, text) == [("-", ("—", " – ")), ("-", ("—", " – "))]


def test_stammering_names_and_compounds_ending_in_a_pronoun_are_silent(found):
    text = (
        '"Th-this is wrong," she said. "W-we can’t. I-it was." A thank-you note from Mr. '
        "Fix-it, a so-what shrug, a never-was. We visited Xi-an with vitamin-a pills."
    )
    assert found(GLUED, text) == []


def test_glued_dash_after_a_number(found):
    assert found(GLUED, "In the 1990s-the decade of growth-we saw it.") == [
        ("-", ("—", " – ")),
        ("-", ("—", " – ")),
    ]


def test_compounds_and_chains_are_silent(found):
    text = (
        "A well-known, so-called walk-in clinic sold an as-is X-ray of Type-A blood, "
        "up-to-the-minute and either-or, at a one-off price."
    )
    assert found(GLUED, text) == []
