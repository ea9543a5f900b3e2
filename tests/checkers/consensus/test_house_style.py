"""House style instead of per-mark nagging (flags built here as LanguageTool's would be)."""

from __future__ import annotations

from review.checkers.consensus import settle
from review.checkers.consensus.conventions import read_house_style
from review.checkers.consensus.house_style import document_flags, keep_to_house_style
from review.config import Config
from review.flags import Category, Flag, MqmClass, Severity
from review.segment import segment

TEXT = 'He said "yes." She said "no." They said "maybe."'


def lt_flag(rule: str, start: int, text: str, fixes: tuple[str, ...], sid: str = "s1") -> Flag:
    return Flag(
        sid, start, start + len(text), "languagetool", rule, Category.TYPOGRAPHY,
        MqmClass.TYPOGRAPHY, Severity.MINOR, "m", text, fixes,
    )  # fmt: skip


def en_quotes(text: str) -> list[Flag]:
    """EN_QUOTES as LanguageTool flags every straight double quote, in sentence offsets."""
    flags = []
    for sentence in segment(text):
        position = sentence.text.find('"')
        while position >= 0:
            flags.append(lt_flag("EN_QUOTES", position, '"', ("“",), sentence.id))
            position = sentence.text.find('"', position + 1)
    return flags


def test_straight_quotes_throughout_are_one_document_flag():
    sentences = segment(TEXT)
    flags = settle(en_quotes(TEXT), TEXT, sentences, Config())
    assert [(f.sentence_id, f.rule, f.start, f.text) for f in flags] == [
        ("s1", "HOUSE_STYLE_QUOTES", 8, '"')
    ]
    assert flags[0].message.startswith(
        "The document uses straight quotes throughout (6 marks): convert all?"
    )


def test_pinned_curly_quotes_keep_every_per_mark_flag_and_no_document_flag():
    config = Config(style=(("quotes", "curly"),))
    sentences = segment(TEXT)
    flags = settle(en_quotes(TEXT), TEXT, sentences, config)
    assert [(f.rule, f.text, f.replacements) for f in flags] == [
        ("EN_QUOTES", '"yes."', ("“yes.”",)),
        ("EN_QUOTES", '"no."', ("“no.”",)),
        ("EN_QUOTES", '"maybe."', ("“maybe.”",)),
    ]


def test_pinned_straight_quotes_silence_the_document_flag():
    config = Config(style=(("quotes", "straight"),))
    style = read_house_style(TEXT, config, 0)
    assert list(document_flags(segment(TEXT), style, config)) == []


def test_serial_comma_flags_go_where_the_document_goes_without_it():
    text = "Red, white and blue. Cats, dogs and birds. Salt, pepper and oil."
    flags = [lt_flag("SERIAL_COMMA_ON", 5, "white and", ("white, and",))]
    assert list(keep_to_house_style(flags, read_house_style(text, Config(), 3), Config())) == []
    assert list(keep_to_house_style(flags, read_house_style(text, Config(), 0), Config())) == flags


def test_british_spelling_throughout_is_one_flag_not_one_per_word():
    text = "The colour of the centre. The organisation grew. A colour again."
    flags = [
        lt_flag("MORFOLOGIK_RULE_EN_US", 4, "colour", ("color",)),
        lt_flag("MORFOLOGIK_RULE_EN_US", 4, "organisation", ("organization",), "s2"),
    ]
    settled = settle(flags, text, segment(text), Config())
    assert [(f.sentence_id, f.rule, f.text) for f in settled] == [
        ("s1", "HOUSE_STYLE_SPELLING", "colour")
    ]


def test_numbers_against_the_convention_are_flagged_with_it():
    grouped = ", ".join(f"{n},000" for n in range(1, 10))
    text = f"They sold {grouped} units. Then 25000 more came."
    flags = settle([], text, segment(text), Config())
    assert [(f.sentence_id, f.rule, f.text, f.replacements) for f in flags] == [
        ("s2", "HOUSE_STYLE_NUMBER", "25000", ("25,000",))
    ]


def test_a_pinned_convention_flags_every_mark_against_it():
    text = "We sold 12,000 units \u2013 all of them."
    config = Config(style=(("dashes", "em"), ("numbers", "plain")))
    flags = settle([], text, segment(text), config)
    assert [(f.rule, f.text, f.replacements) for f in flags] == [
        ("HOUSE_STYLE_NUMBER", "12,000", ("12000",)),
        ("HOUSE_STYLE_DASH", " \u2013 ", ("—",)),
    ]
