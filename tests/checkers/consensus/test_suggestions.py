"""Suggestions in house style, and checked again before they are offered (our detectors and
LanguageTool's known behaviour; the real server in test_seed_flags)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from review.checkers.consensus.conventions import read_house_style
from review.checkers.consensus.suggestions import (
    Candidates,
    Marks,
    _detected,
    conformed,
    in_house_style,
    vetted,
)
from review.checkers.fluency import spacing
from review.checkers.fluency.document_text import Whole
from review.config import Config
from review.flags import Category, Flag, MqmClass, Severity
from review.segment import Sentence


def make(
    rule: str, text: str, start: int, flagged: str, fixes: tuple[str, ...]
) -> tuple[Flag, Sentence]:
    flag = Flag(
        "s1", start, start + len(flagged), "fluency", rule, Category.WORDING,
        MqmClass.AWKWARD, Severity.MINOR, "m", flagged, fixes,
    )  # fmt: skip
    return flag, Sentence("s1", 0, len(text), 1, text)


def test_suggestions_follow_the_configured_variant():
    style = read_house_style("", Config(), 0)
    assert in_house_style("centred on win-win cooperation", style, Config()) == (
        "centered on win-win cooperation"
    )
    british = Config(language="en-GB")
    assert in_house_style("centred on it", style, british) == "centred on it"


def test_suggestions_take_the_document_quote_style():
    straight = read_house_style('He said "yes" and "no".', Config(), 0)
    curly = read_house_style("He said “yes” and “no”.", Config(), 0)
    assert in_house_style("“Yes”", straight, Config()) == '"Yes"'
    assert in_house_style('say "yes"', curly, Config()) == "say “yes”"


def test_a_suggestion_that_changes_nothing_in_house_style_is_dropped():
    straight = read_house_style('He said "yes" and "no".', Config(), 0)
    flag, _ = make("EN_QUOTES", 'He said "yes".', 8, '"', ("“",))
    assert conformed(flag, straight, Config()).replacements == ()


def test_a_fix_that_raises_another_of_our_flags_is_dropped():
    text = "They said yes , and left ."
    flag, sentence = make("MT_SPACE_BEFORE_PUNCT", text, 13, " ,", (",", " ,,"))
    style = read_house_style(text, Config(), 0)
    (kept,) = vetted([flag], [sentence], style, Config())
    assert kept.replacements == (",",)


def test_a_fix_that_leaves_a_quote_unpaired_is_dropped_and_ranking_is_by_flags_left():
    text = 'He said "yes" now.'
    flag, sentence = make("SOME_RULE", text, 8, '"yes"', ('"yes', "yes", '"yes"!'))
    style = read_house_style(text, Config(), 0)
    (kept,) = vetted([flag], [sentence], style, Config())
    assert kept.replacements == ("yes", '"yes"!')


def test_a_books_candidates_are_checked_in_passes_of_whole_paragraphs(monkeypatch):
    """Past [languagetool] recheck_suggestions candidates, no pass holds more than AT_ONCE but
    for the paragraph that passes it, every paragraph's candidates are in one pass, and the
    fixes kept are the same as in one pass."""
    from review.checkers.consensus import suggestions

    text = "They said yes , and left ."
    sentences, flags = [], []
    for number in range(1, 7):
        sentence = Sentence(f"s{number}", 0, len(text), number, text)
        flag, _ = make("MT_SPACE_BEFORE_PUNCT", text, 13, " ,", (",", " ,,"))
        sentences.append(sentence)
        flags.append(replace(flag, sentence_id=sentence.id))
    style = read_house_style(text, Config(), 0)
    whole = vetted(flags, sentences, style, Config())
    passes: list[int] = []
    checked = suggestions._rules_found

    def counted(paragraphs, nearby, *args):
        # A candidate's sentence with those either side: one per candidate here.
        passes.append(len(nearby))
        return checked(paragraphs, nearby, *args)

    monkeypatch.setattr(suggestions, "_rules_found", counted)
    monkeypatch.setattr(suggestions, "AT_ONCE", 2)
    # Few enough to be checked again by LanguageTool: one pass, as ever.
    assert vetted(flags, sentences, style, Config()) == whole
    assert passes == [3]
    passes.clear()
    few = Config(languagetool_rechecks=2)
    assert vetted(flags, sentences, style, few) == whole
    # Every paragraph's text is the same: its candidates are the same three, one pass each
    # once the first three exceed two.
    assert passes == [3, 3, 3, 3, 3, 3]
    assert [f.replacements for f in whole] == [(",",)] * 6


def test_a_fix_is_judged_on_the_words_about_it_and_a_quote_across_its_paragraph(monkeypatch):
    """In a paragraph of five sentences, a fix in the third is judged by the detectors that
    read one sentence on the six words either side of it (the rest of the sentence and the
    others are not checked again per candidate), and by those that read across sentences on
    it and the sentences either side: a fix that opens another quotation is dropped, as is one
    that doubles the comma; the one that clears the flag is kept."""
    from review.checkers.fluency import FluencyChecker

    texts = (
        "It began.",
        'He said "we will come.',
        "At the very start of it all they said yes , and then they left the room at once.",
        'Then" it ended.',
        "Nobody came.",
    )
    sentences, start = [], 0
    for number, text in enumerate(texts, start=1):
        sentences.append(Sentence(f"s{number}", start, start + len(text), 1, text))
        start += len(text) + 1
    flag, _ = make("MT_SPACE_BEFORE_PUNCT", texts[2], 41, " ,", (",", ' ,"', " ,,"))
    flag = replace(flag, sentence_id="s3")
    checked: list[tuple[str, ...]] = []
    check = FluencyChecker.check

    def recorded(self, text, chunk):
        checked.append(tuple(s.text for s in chunk))
        return check(self, text, chunk)

    monkeypatch.setattr(FluencyChecker, "check", recorded)
    style = read_house_style(" ".join(texts), Config(), 0)
    (kept,) = vetted([flag], sentences, style, Config())
    assert kept.replacements == (",",)
    in_paragraphs, about = checked
    assert len(in_paragraphs) == 3 * 4  # s2–s4 as they are and with each fix
    assert sorted(about) == sorted(
        ["of it all they said yes , and then they left the room",
         "of it all they said yes, and then they left the room",
         'of it all they said yes ," and then they left the room',
         "of it all they said yes ,, and then they left the room"]
    )  # fmt: skip


def test_a_candidate_is_judged_without_reading_its_text_for_the_order_of_fixes(monkeypatch):
    # The lower-case words of a text of candidates order a glued capital's fixes only (which
    # the vetting does not use): a pass over all of them was a third of the early judging.
    def unread(document: object) -> frozenset[str]:
        raise AssertionError("the candidates' lower-case words were read")

    monkeypatch.setattr(spacing, "_LOWER_CASE_WORDS", Whole(unread, frozenset.union))
    candidate = ("In September 2015,When he spoke.", "We asked when.")
    assert _detected([candidate], Config(), {"MT_SPACE_MISSING"}) == {
        candidate: Counter({"MT_SPACE_MISSING": 1})
    }


_MARKED = st.text(alphabet='ab "“”()[]', max_size=12)


@given(
    texts=st.lists(_MARKED, min_size=1, max_size=4),
    index=st.integers(0, 3),
    span=st.tuples(st.integers(0, 12), st.integers(0, 12)),
    fixes=st.lists(_MARKED, min_size=1, max_size=3),
)
def test_a_candidates_paragraph_marks_are_counted_as_in_the_paragraph_joined(
    texts, index, span, fixes
):
    # The counts of the paragraph as it is, less the sentence's, plus the fix's: a double
    # space across the space that joins two sentences is counted too.
    index = min(index, len(texts) - 1)
    sentences, offset = [], 0
    for number, text in enumerate(texts):
        sentences.append(Sentence(f"s{number}", offset, offset + len(text), 1, text))
        offset += len(text) + 1
    text = texts[index]
    start, end = sorted(min(position, len(text)) for position in span)
    flag = replace(
        make("SOME_RULE", text, start, text[start:end], tuple(fixes))[0],
        sentence_id=f"s{index}",
    )
    candidates = Candidates(sentences)
    whole = dict(candidates.judged_in(flag))
    for replacement, (marks, nearby, words) in candidates.judged_in(flag, whole=False):
        paragraph, whole_nearby, whole_words = whole[replacement]
        assert marks == Marks.of(" ".join(paragraph))
        assert (nearby, words) == (whole_nearby, whole_words)


def test_what_languagetool_flags_for_certain_is_read_from_the_marks_counted():
    marks = Marks.of('He said "yes (no]  and “so.')
    assert marks.known_rules() == Counter(
        {"EN_UNPAIRED_QUOTES": 2, "EN_UNPAIRED_BRACKETS": 2, "WHITESPACE_RULE": 1}
    )
    assert Marks.of('"a" (b) [c]').known_rules() == Counter()


def test_a_fix_that_changes_no_mark_counted_shares_its_paragraphs_marks():
    # The early judging keeps every candidate's marks until the vetting takes them.
    paragraph = Marks.of('He said "yes" (twice).')
    unchanged = paragraph.replaced(Marks.of("teh cat"), Marks.of("the cat"))
    assert unchanged is paragraph
    unpaired = paragraph.replaced(Marks.of("(twice)"), Marks.of("(twice"))
    assert unpaired.known_rules() == Counter({"EN_UNPAIRED_BRACKETS": 1})
