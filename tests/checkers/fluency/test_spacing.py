from review.checkers.fluency import FluencyChecker
from review.checkers.fluency.spacing import (
    MissingSpace,
    SpaceBeforePunctuation,
    SpaceInsideQuotes,
)
from review.segment import segment

MISSING = MissingSpace.rule


def test_comma_glued_to_the_next_word(found):
    assert found(MISSING, "In September 2015,When he spoke.") == [("2015,When", ("2015, When",))]


def test_full_stop_glued_to_the_next_sentence(found):
    # The segmenter ends the sentence at the stop; the flag sits on the first one's last word.
    assert found(MISSING, "It ended.The next day came.") == [("ended.", ("ended. ",))]
    assert found(MISSING, "It cost 3.5 dollars.") == []
    assert found(MISSING, "They went to invent Chem.Weapons and Dr.Li came.") == []


def test_semicolon_and_colon_glued(found):
    assert found(MISSING, "He came;she left. Note:this.") == [
        ("came;she", ("came; she",)),
        ("Note:this.", ("Note: this.",)),
    ]


def test_numbers_abbreviations_urls_and_code_are_silent(found):
    text = (
        "It cost 1,000 dollars, 3.5 per cent, at 10:30 in the U.S. and e.g. the U.K. "
        "See https://example.com/a,b or www.example.org, mail me@host.com, use std::vector."
    )
    assert found(MISSING, text) == []


BEFORE = SpaceBeforePunctuation.rule


def test_space_before_comma_and_full_stop(found):
    assert found(BEFORE, "Yes , he said so .") == [("Yes ,", ("Yes,",)), ("so .", ("so.",))]


def test_space_before_question_mark_after_a_quote(found):
    assert found(BEFORE, "Did he say ‘no’ ?") == [("‘no’ ?", ("‘no’?",))]


def test_ellipsis_dash_and_leading_decimal_are_silent(found):
    assert found(BEFORE, "Wait ... then - no. It is .5 inch and .NET works.") == []


INSIDE = SpaceInsideQuotes.rule


def test_quotation_with_inner_spaces_is_flagged_whole(found):
    text = "People admire ‘ Don’t do to others what you don’t want ’ , he said."
    assert found(INSIDE, text) == [
        (
            "‘ Don’t do to others what you don’t want ’",
            ("‘Don’t do to others what you don’t want’",),
        )
    ]


def test_brackets_with_inner_spaces(found):
    assert found(INSIDE, "The rule ( see above ) applies.") == [("( see above )", ("(see above)",))]


def test_closing_quote_of_a_quotation_begun_in_an_earlier_sentence(found):
    text = 'He said: "We agree. We will go on. " Then he left.'
    assert found(INSIDE, text) == [('on. "', ('on."',))]


def test_tight_quotes_and_apostrophes_are_silent(found):
    text = "She said “yes” and ‘no’; the ’90s were the children’s years (mostly)."
    assert found(INSIDE, text) == []


def test_a_capital_glued_after_a_comma_is_offered_in_lower_case_only_when_fixes_are_ranked():
    text = "In September 2015,When he spoke. We asked when."
    ranked = FluencyChecker(rules=frozenset({MISSING}))
    counted = FluencyChecker(rules=frozenset({MISSING}), ranked=False)
    assert [f.replacements for f in ranked.check(text, segment(text))] == [
        ("2015, when", "2015, When")
    ]
    assert [f.replacements for f in counted.check(text, segment(text))] == [("2015, When",)]
