from review.checkers.fluency.balance import MixedQuotes, UnbalancedMarks

RULE = UnbalancedMarks.rule


def test_bracket_never_closed(found):
    assert found(RULE, "The theatre (National Theatre of Iasi was built. It is old.") == [("(", ())]


def test_doubled_closing_bracket(flags):
    [flag] = flags(RULE, "He came from [Pakistan]] before that.")
    assert (flag.text, flag.start) == ("]", 23)
    assert flag.message == "] closes nothing opened in this paragraph"


def test_quote_opened_in_the_middle_and_never_closed(found):
    assert found(RULE, "He called it “the end of history and left. Others agreed.") == [("“", ())]


def test_quotation_over_several_sentences_is_balanced(found):
    text = "He said: “We agree. We will go on. Nobody stops us.” Then he left."
    assert found(RULE, text) == []


def test_quotation_over_paragraphs_and_paragraph_edges_are_silent(found):
    text = "“The first part of the speech.\n“The second part.” He sat down.\nclosing words.”"
    assert found(RULE, text) == []


def test_emoticon_list_labels_and_inch_marks_are_silent(found):
    text = 'Ask questions :) or write to us. 1) First item. A 5\'10" man and a 28" N mark.'
    assert found(RULE, text) == []
    assert found(RULE, "I work in technical support, ask questions)") == []


def test_apostrophes_are_not_quotes(found):
    assert found(RULE, "In 30 years’ reform, the countries’ ties grew; it’s the ’90s.") == []


MIXED = MixedQuotes.rule


def test_curly_closer_among_straight_quotes(found):
    text = 'He said: "Yes.” She said: "No." They said: "Maybe."'
    assert found(MIXED, text) == [("”", ('"',))]


def test_straight_quote_among_curly_ones(found):
    assert found(MIXED, '“One”, “two” and "three”.') == [('"', ("“",))]


def test_one_style_is_silent(found):
    assert found(MIXED, "“One”, “two”. 'Single' marks don't count.") == []
    assert found(MIXED, '"One", "two".') == []


def test_mixed_quotes_follow_the_whole_document_not_the_paragraph(found):
    # The second paragraph is all curly, the document mostly straight: its marks break it.
    text = '"One", "two" and "three".\n\n“Four” here.'
    assert found(MIXED, text) == [("“", ('"',)), ("”", ('"',))]


def test_mixed_quotes_follow_the_pinned_style():
    from review.checkers.fluency import FluencyChecker
    from review.config import Config
    from review.segment import segment

    text = '"One", "two" and “three”.'
    checker = FluencyChecker(Config(style=(("quotes", "curly"),)), rules=frozenset({MIXED}))
    flagged = [(f.start, f.replacements) for f in checker.check(text, segment(text))]
    assert flagged == [(0, ("“",)), (4, ("”",)), (7, ("“",)), (11, ("”",))]
