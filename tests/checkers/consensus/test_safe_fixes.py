"""Bulk fixes checked for real before they are applied (a stand-in checker here; the real
LanguageTool server in test_seed_flags)."""

from __future__ import annotations

from review.checkers.consensus.safe_fixes import Skipped, safe_fixes, with_fixes
from review.flags import Category, Flag, MqmClass, Severity
from review.segment import segment

TEXT = "Thw cause. Thw end."


def typo(sentence: str, start: int, text: str, fix: str, rule: str) -> Flag:
    return Flag(
        sentence, start, start + len(text), "languagetool", rule, Category.SPELLING,
        MqmClass.SPELLING, Severity.MINOR, "m", text, (fix,),
    )  # fmt: skip


def recheck(text, sentences):
    """Flags every "teh" (TYPO) and every "Thw" (THW)."""
    for sentence in sentences:
        for needle, rule in (("teh", "TYPO"), ("Thw", "THW")):
            start = sentence.text.find(needle)
            if start >= 0:
                yield typo(sentence.id, start, needle, "the", rule)


def test_a_fix_that_raises_a_new_flag_in_its_sentence_is_skipped():
    sentences = segment(TEXT)
    flags = list(recheck(TEXT, sentences))
    fixes = [
        typo("s1", 0, "Thw", "The", "THW"),
        typo("s2", 0, "Thw", "teh", "THW"),
    ]
    kept, skipped = safe_fixes(fixes, flags, TEXT, sentences, recheck)
    assert kept == fixes[:1]
    assert skipped == [Skipped(fixes[1], ("TYPO",))]


def test_with_fixes_places_the_sentences_in_the_fixed_text():
    sentences = segment(TEXT)
    text, placed = with_fixes(TEXT, sentences, [typo("s1", 0, "Thw", "The", "THW")])
    assert text == "The cause. Thw end."
    assert [text[s.start : s.end] for s in placed] == ["The cause.", "Thw end."]


def test_a_flag_raised_in_a_paragraph_no_fix_touched_keeps_the_fix_and_ends():
    # A document-level check: once s1 says "The", the other paragraph's "Thw" is flagged as
    # written another way. No fix can be blamed for it; safe_fixes used to loop for ever.
    text = "Thw cause.\n\nThw end.\n"
    sentences = segment(text)

    def consistency(checked_text, checked_sentences):
        for sentence in checked_sentences:
            if sentence.id == "s2" and "The cause" in checked_text:
                yield typo("s2", 0, "Thw", "The", "CONSISTENT_TERM")

    fix = typo("s1", 0, "Thw", "The", "THW")
    assert safe_fixes([fix], [], text, sentences, consistency) == ([fix], [])
