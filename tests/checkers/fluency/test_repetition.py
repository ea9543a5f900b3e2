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


def test_repeat_with_any_spaces_between_but_not_a_hyphen(found):
    assert found(RULE, "It was a win-win deal for the  \t the people.") == [
        ("the  \t the", ("the",))
    ]


def test_greek_final_sigma_in_a_repeat(found):
    # After "a:" the first Σ is word-final in the sentence's lower case (ς) but not alone (σ).
    assert found(RULE, "Note a:Σ Σ here.") == [("Σ Σ", ("Σ",))]


PHRASE = "MT_REPEATED_PHRASE"


def test_phrase_said_again_later_in_the_sentence(flags):
    text = "250px (National Theatre of Alecsandri in the National Theatre of Iasi)."
    [flag] = flags(PHRASE, text)
    assert (flag.text, flag.start) == ("National Theatre of", 45)
    assert flag.message.startswith("'National Theatre of' again in the same sentence")


def test_chinese_style_repeated_reference(found):
    text = (
        "It enriched the theory of international relations and influenced the development "
        "of international relations."
    )
    assert found(PHRASE, text) == [("of international relations", ())]


def test_parallel_clauses_and_function_words_are_silent(found):
    text = (
        "It is not the trouble that has come, but the trouble that will come. "
        "The share of services is 46%; the share of industry is 33%. "
        "If you want to ask me something, you can ask me now. "
        "Where the lessee fails to pay, the lessor may notify the lessee in writing."
    )
    assert found(PHRASE, text) == []


def test_adjacent_repeat_is_left_to_repeated_words(found):
    assert found(PHRASE, "They marked the anniversary of the anniversary of the war.") == []
