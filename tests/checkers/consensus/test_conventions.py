"""The document's house style: majority usage, pins from review.toml, spelling variants."""

from __future__ import annotations

from review.checkers.consensus.conventions import Usage, in_spelling, read_house_style
from review.config import Config


def test_the_style_kept_nine_times_in_ten_is_the_convention():
    text = 'He said "yes" and "no", ' * 5 + "then “maybe."
    style = read_house_style(text, Config(), 0)
    assert (style.quotes, style.quote_usage) == ("straight", Usage(20, 1))


def test_a_mixed_document_has_no_convention():
    style = read_house_style('He said "yes" and "no", then “maybe”.', Config(), 0)
    assert (style.quotes, style.quote_usage) == ("", Usage(4, 2))


def test_a_pin_wins_over_the_majority():
    config = Config(style=(("quotes", "curly"), ("serial_comma", "off")))
    style = read_house_style('He said "yes" and "no", a, b, and c.', config, 0)
    assert (style.quotes, style.serial_comma, style.pinned) == (
        "curly",
        "off",
        frozenset({"quotes", "serial_comma"}),
    )


def test_serial_comma_counts_lists_without_it_from_languagetool():
    assert read_house_style("Red, white, and blue.", Config(), 0).serial_comma == "on"
    assert read_house_style("Red, white and blue.", Config(), 3).serial_comma == "off"
    assert read_house_style("Red, white, and blue.", Config(), 3).serial_comma == ""


def test_spelling_dashes_and_numbers_by_majority():
    text = "The colour of the centre—and the organisation. 12,000 and 45,000 and 7,000."
    style = read_house_style(text, Config(), 0)
    assert (style.spelling, style.dashes, style.numbers) == ("uk", "em", "grouped")
    assert style.spelling_usage == Usage(0, 3)


def test_no_usage_is_no_convention():
    style = read_house_style("Plain words.", Config(), 0)
    assert (style.quotes, style.spelling, style.serial_comma) == ("", "", "")


def test_in_spelling_keeps_case():
    assert in_spelling("Centred on the colour", "us") == "Centered on the color"
    assert in_spelling("centered on the color", "uk") == "centred on the colour"
