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


def test_phrase_said_again_a_word_or_two_later_is_a_loop(flags):
    [flag] = flags(PHRASE, "If he had a grain charge, and had a grain charge, he paid.")
    assert (flag.text, flag.start) == ("a grain charge", 34)
    assert flag.message == (
        "'a grain charge' again a few words on: drop the repeat or refer back to it"
    )


def test_phrase_said_a_third_time_counts_its_content_words(flags):
    text = (
        "Popular music shaped the era, critics of popular music disagreed, "
        "and fans of popular music cheered."
    )
    [flag] = flags(PHRASE, text)
    assert flag.text == "popular music"
    assert flag.message == "'popular music' a third time in the sentence: vary or drop the repeats"


def test_three_content_words_said_again_further_on(flags):
    text = (
        "Social value evaluations reinforce the fear that people have of being judged by "
        "social value evaluations."
    )
    [flag] = flags(PHRASE, text)
    assert flag.text == "social value evaluations"
    assert flag.message.startswith("'social value evaluations' again in the same sentence")


def test_term_repeated_on_purpose_further_on_is_silent(found):
    text = (
        "Imagine a smaller black hole falling into a larger black hole. "
        "It enriched the theory of international relations and influenced the development "
        "of international relations. "
        "Some states performed well through redistribution, while others performed well "
        "because of low inequality. "
        "Given the needs of all countries in the world, all countries should act together "
        "and the people of all countries should work for peace."
    )
    assert found(PHRASE, text) == []


def test_loops_across_commas_and_clauses(found):
    assert found(PHRASE, "He paid a grain charge, a grain charge, a grain charge.") == [
        ("a grain charge", ()),
        ("grain charge", ()),
    ]
    text = "The cat sat on the mat and the cat sat on the mat and the cat sat on the mat."
    assert found(PHRASE, text) == [("cat sat on the mat", ())]


def test_contrasting_hyphenated_compounds_are_silent(found):
    text = (
        "Low-income families spent less, while high-income families spent more. "
        "Short-term memory loss can cause injuries, and so can long-term memory loss."
    )
    assert found(PHRASE, text) == []


def test_phrase_pieced_from_two_earlier_ones_is_no_repeat(found):
    text = (
        "We move along straight lines in the universe, passing through the universe "
        "along straight lines that do not bend."
    )
    assert found(PHRASE, text) == []


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
