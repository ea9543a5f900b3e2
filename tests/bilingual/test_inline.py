"""Inline tags and placeholders: tokens, markup back, plain text with exact offsets, and the
validator's reasons."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from review.bilingual.inline import (
    TagError,
    escape_xml,
    new_numbering,
    placeholder_content,
    plain,
    to_markup,
    validate,
    xml_content,
)
from review.bilingual.model import TagKind
from review.errors import ReviewError

XLIFF12 = (
    'Press <bpt id="1">&lt;b&gt;</bpt>Enter<ept id="1">&lt;/b&gt;</ept> &amp; '
    '<g id="2">go <x id="3"/></g><ph id="4">{x}</ph><it id="5" pos="open">&lt;i&gt;</it>'
)


def test_xliff12_codes_as_tokens_and_back_exactly():
    content = xml_content(XLIFF12, new_numbering())
    assert content.text == "Press ⟨1⟩Enter⟨/1⟩ & ⟨2⟩go ⟨3/⟩⟨/2⟩⟨4/⟩⟨5/⟩"
    assert [t.kind for t in content.tags] == [TagKind.OPEN, TagKind.CLOSE, TagKind.OPEN,
                                               TagKind.STANDALONE, TagKind.CLOSE,
                                               TagKind.STANDALONE, TagKind.STANDALONE]  # fmt: skip
    assert to_markup(content.text, content.tags, escape_xml) == XLIFF12


def test_xliff2_sc_ec_pair_and_numbers_shared_with_the_source():
    numbering = new_numbering()
    source = xml_content('<sc id="1"/>bold<ec startRef="1"/> <ph id="2"/>', numbering)
    target = xml_content('<ph id="2"/> <sc id="1"/>fett<ec startRef="1"/>', numbering)
    assert source.text == "⟨1⟩bold⟨/1⟩ ⟨2/⟩"
    assert target.text == "⟨2/⟩ ⟨1⟩fett⟨/1⟩"


def test_po_placeholders_and_html_tags():
    content = placeholder_content("%s has %(n)d {0} {name} <b>new</b> 100%% %5.2f", new_numbering())
    assert content.text == "⟨1/⟩ has ⟨2/⟩ ⟨3/⟩ ⟨4/⟩ ⟨5⟩new⟨/5⟩ 100%% ⟨6/⟩"
    edited = "⟨2/⟩: ⟨1/⟩ ⟨3/⟩ ⟨4/⟩ ⟨5⟩neu⟨/5⟩ ⟨6/⟩"
    assert to_markup(edited, content.tags, str) == "%(n)d: %s {0} {name} <b>neu</b> %5.2f"


@pytest.mark.parametrize(
    ("edited", "reason"),
    [
        ("Press Enter ⟨2⟩go ⟨3/⟩⟨/2⟩", "⟨1⟩, ⟨/1⟩ are missing"),
        ("⟨1⟩Enter⟨/1⟩ ⟨2⟩go ⟨3/⟩⟨3/⟩⟨/2⟩", "⟨3/⟩ appears twice"),
        ("⟨/1⟩Enter⟨1⟩ ⟨2⟩go ⟨3/⟩⟨/2⟩", "⟨/1⟩ comes before ⟨1⟩"),
        ("⟨one⟩Enter⟨/1⟩ ⟨2⟩go ⟨3/⟩⟨/2⟩", "⟨1⟩ is missing"),
        ("⟨1⟩Enter⟨/1⟩ ⟨2⟩go ⟨3/⟩⟨/2⟩ ⟨9/⟩", "⟨9/⟩ is not a tag of this unit"),
        ("⟨1⟩Enter⟨/1⟩ ⟨2⟩go ⟨3⟨/2⟩", "⟨3/⟩ is missing"),
        # A lone ⟨ is text (a unit may hold brackets); one before a digit is a token broken.
        ("⟨1⟩Enter⟨/1⟩ ⟨2⟩go ⟨3/⟩⟨/2⟩ ⟨ ⟨4", "a broken tag: a stray '⟨' is left in the text"),
    ],
)
def test_validator_reasons(edited, reason):
    tags = xml_content('<bpt id="1">x</bpt>Enter<ept id="1">y</ept> <g id="2">go <x id="3"/></g>',
                       new_numbering()).tags  # fmt: skip
    with pytest.raises(TagError) as caught:
        validate(edited, tags)
    assert str(caught.value) == reason


def test_bpt_ept_may_overlap_but_g_may_not():
    tags = xml_content(
        '<bpt id="1">a</bpt><g id="2">x<ept id="1">b</ept></g>', new_numbering()
    ).tags
    validate("⟨2⟩⟨1⟩x⟨/1⟩⟨/2⟩", tags)  # bpt/ept inside g: fine
    validate("⟨1⟩⟨2⟩x⟨/1⟩⟨/2⟩", tags)  # bpt before g, ept inside: codes may overlap


def test_plain_text_removes_tokens_and_maps_offsets_back():
    display = "Press ⟨1⟩Enter⟨/1⟩ now⟨2/⟩."
    text = plain(display)
    assert text.text == "Press Enter now."
    start = text.text.index("Enter")
    assert display[slice(*text.display_span(start, start + 5))] == "Enter"
    assert display[slice(*text.display_span(12, 16))] == "now⟨2/⟩."
    assert text.display_span(16, 16) == (len(display), len(display))


def test_character_references_follow_xml_not_html():
    content = xml_content("&#x80;&#233;&lt;&apos;&quot;&amp;", new_numbering())
    assert content.text == "\x80é<'\"&"


def test_an_edit_may_add_a_source_tag_the_target_lacks_but_then_whole():
    numbering = new_numbering()
    source = xml_content('Click <g id="1">here</g>', numbering)
    target = xml_content("Cliquez ici", numbering)
    assert (source.text, target.text) == ("Click ⟨1⟩here⟨/1⟩", "Cliquez ici")
    markup = to_markup("Cliquez ⟨1⟩ici⟨/1⟩", target.tags, escape_xml, source.tags)
    assert markup == 'Cliquez <g id="1">ici</g>'
    with pytest.raises(TagError, match=r"^⟨/1⟩ is missing$"):
        validate("Cliquez ⟨1⟩ici", target.tags, source.tags)


def test_a_character_xml_cannot_hold_is_refused():
    with pytest.raises(ReviewError, match=r"^U\+0007 cannot be written in an XML file$"):
        escape_xml("bell \a")


@given(st.lists(st.sampled_from(["a", " ", "é", "⟨1⟩", "⟨/1⟩", "⟨2/⟩", "xy"]), max_size=12))
def test_plain_offsets_point_at_the_same_characters(pieces):
    display = "".join(pieces)
    text = plain(display)
    assert len(text.offsets) == len(text.text) + 1
    for index, char in enumerate(text.text):
        assert display[text.offsets[index]] == char
    assert text.offsets[-1] == len(display)


def test_cdata_is_text_and_comments_are_kept_as_tags():
    content = xml_content("<![CDATA[a<b & c]]> d<!-- keep -->", new_numbering())
    assert content.text == "a<b & c d⟨1/⟩"
    assert to_markup("a<b & c e⟨1/⟩", content.tags, escape_xml) == "a&lt;b &amp; c e<!-- keep -->"


@pytest.mark.parametrize(
    ("display", "expected"),
    [
        # A placeholder between spaces, or before a closing mark, read as a double space or
        # a space before the mark (LanguageTool's CONSECUTIVE_SPACES on `Save <x/> the file`).
        ("Save ⟨2/⟩ the file.", "Save the file."),
        ("Click ⟨1/⟩.", "Click."),
        ("Total: ⟨1/⟩\nNext ⟨2/⟩⟨3/⟩ line", "Total:\nNext line"),
        ("⟨1/⟩ Hello", "Hello"),
        # A paired tag's spaces are the rendered text's: a double space there is one.
        ("Click ⟨1⟩ here⟨/1⟩.", "Click  here."),
        ("now⟨2/⟩. Then", "now. Then"),
    ],
)
def test_a_placeholder_taken_out_leaves_no_space_too_many(display, expected):
    text = plain(display)
    assert text.text == expected
    for index, char in enumerate(text.text):
        assert display[text.offsets[index]] == char
