from review.checkers.fluency.repetition import RepeatedWords
from review.flags import Severity

RULE = RepeatedWords.rule


def test_doubled_word(flags):
    [flag] = flags(RULE, "He read the the book.")
    assert (flag.text, flag.start, flag.replacements) == ("the the", 8, ("the",))
    assert flag.severity == Severity.MAJOR


def test_word_looped_many_times_is_one_flag(found):
    assert found(RULE, "The planets are rahu sum sum sum sum sum.") == [
        ("sum sum sum sum sum", ("sum",))
    ]


def test_repeated_phrase(found):
    assert found(RULE, "They marked the anniversary of the anniversary of the war.") == [
        ("the anniversary of the anniversary of", ("the anniversary of",))
    ]


def test_case_differs_but_still_a_repeat(found):
    assert found(RULE, "Hey hey west wind.") == [("Hey hey", ("Hey",))]


def test_grammatical_doubling_and_idioms_are_silent(found):
    text = (
        "I knew that that was wrong, and he had had enough. What it is is clear. "
        "Prices rose more and more, and more and more people came, again and again. "
        "Boutros Boutros-Ghali flew to Walla Walla. Bye bye."
    )
    assert found(RULE, text) == []


def test_repeat_across_punctuation_is_silent(found):
    assert found(RULE, "He came, came back, and left. Left. No, no.") == []
