"""One term or one kind of number written two ways in a document, flagged with the places."""

import json
import re
import tracemalloc

from hypothesis import given, settings
from hypothesis import strategies as st

from patch_helpers import git_project, review
from review.checkers.terms import Consistency
from review.checkers.terms.consistency import _NUMBER_KINDS
from review.document import load_document
from review.segment import segment
from support import SEED


def flags_of(text):
    return [
        (f.sentence_id, f.start, f.end, f.rule, f.text, f.message, f.replacements)
        for f in Consistency().check(text, segment(text))
    ]


def test_a_name_in_other_capitals():
    text = "We flew to New York. New York is big. Then new york again."
    assert flags_of(text) == [
        (
            "s3",
            5,
            13,
            "CONSISTENT_TERM",
            "new york",
            "Also written “New York” in s1, s2",
            ("New York",),
        )
    ]


def test_hyphen_dash_and_combining_form_variants():
    text = (
        "China-US trade grew. China-US talks began. The China–US summit ended. "
        "Sino-US ties held. China US relations."
    )
    assert [(f[0], f[4], f[5]) for f in flags_of(text)] == [
        ("s3", "China–US", "Also written “China-US” in s1, s2"),
        ("s4", "Sino-US", "Also written “China-US” in s1, s2"),
        ("s5", "China US", "Also written “China-US” in s1, s2"),
    ]


def test_a_sentence_capital_is_no_variant_and_lower_case_compounds_may_be_spaced():
    text = (
        "Win-win cooperation helps. We want win-win cooperation. In the long term, long-term aims."
    )
    assert flags_of(text) == []


def test_inflected_names_are_the_same_name():
    text = (
        "The Foreign Ministry spoke. The Foreign Ministries agreed on the Foreign Ministry’s note."
    )
    assert flags_of(text) == []


def test_numbers_two_ways():
    text = (
        "It cost 1,000 yuan. Then 25,000 yuan. Later 3000 yuan. In 2015 it rose. "
        "It is 5 km away, or 7km. Up 10% and 20 percent and 30%."
    )
    assert [(f[0], f[4], f[5], f[6]) for f in flags_of(text)] == [
        ("s3", "3000", "Other numbers are written like “1,000” (s1, s2)", ("3,000",)),
        ("s5", "7km", "Other measures are written like “5 km” (s5)", ("7 km",)),
        ("s6", "20 percent", "Other percentages are written like “10%” (s6)", ("20%",)),
    ]
    text = (
        "It cost 1,000.5 yuan, 2000000 yuan, 3000000 yuan; "
        "4 percent, 5 percent, 6.5 %, 7 per  cent."
    )
    assert [(f[4], f[6]) for f in flags_of(text)] == [
        ("1,000.5", ("1000.5",)),
        ("6.5 %", ("6.5 percent",)),
        ("7 per  cent", ("7 percent",)),
    ]


def test_the_seed():
    text = load_document(SEED).text
    assert [(f[0], f[1], f[2], f[4], f[5]) for f in flags_of(text)] == [
        ("s8", 160, 170, "High-level", "Also written “high-level” in s5"),
        ("s8", 187, 203, "People-to-People", "Also written “people-to-people” in s5"),
        (
            "s39",
            4,
            18,
            "supreme leader",
            "Also written “Supreme Leader” in s3, s5, s14, s15, s41, …",
        ),
    ]


# --- the same source translated two ways (bilingual) ---------------------------------------


def _units(*pairs):
    """Sentences of a bilingual text, one a unit: (unit id, source, target)."""
    from review.segment import Sentence

    sentences, text, start = [], "", 0
    for number, (unit, source, target) in enumerate(pairs, start=1):
        sentences.append(Sentence(f"u{number}", start, start + len(target), number, target,
                                  unit, source))  # fmt: skip
        text += target + "\n"
        start = len(text)
    return text, sentences


def _translation_flags(text, sentences):
    return [
        (f.sentence_id, f.start, f.end, f.rule, f.message, f.replacements)
        for f in Consistency().check(text, sentences)
        if f.rule == "CONSISTENT_TRANSLATION"
    ]


def test_the_same_source_translated_two_ways_is_flagged_naming_the_usual_places():
    text, sentences = _units(
        ("a", "人类命运共同体", "a community with a shared future"),
        ("b", "同舟共济", "in the same boat"),
        ("c", "人类命运共同体", "a community with a shared  future"),  # spaces are no difference
        ("d", "人类命运共同体", "a community of common destiny"),
    )
    assert _translation_flags(text, sentences) == [
        (
            "u4",
            0,
            29,
            "CONSISTENT_TRANSLATION",
            "The same source is translated “a community with a shared future” in u1, u3",
            (),
        )
    ]


def test_tag_tokens_and_spacing_in_the_source_are_no_difference():
    text, sentences = _units(
        ("a", "点击⟨1⟩保存⟨/1⟩", "Click Save"),
        ("b", "点击 保存", "Click  Save"),
        ("c", "点击保存", "Press Save"),
        ("d", "打开", "Open"),
    )
    assert [(f[0], f[4]) for f in _translation_flags(text, sentences)] == [
        ("u3", "The same source is translated “Click Save” in u1, u2")
    ]


def test_a_messages_plural_forms_and_empty_targets_are_not_compared():
    text, sentences = _units(
        ("m[0]", "%d file", "%d fail"),
        ("m[1]", "%d files", "%d faili"),
        ("m[2]", "%d files", "%d failid"),
        ("n", "Open", ""),
        ("o", "Open", "Ava"),
    )
    assert _translation_flags(text, sentences) == []


def test_a_plain_text_has_no_translations_to_compare():
    text = "Same words. Same words."
    flags = Consistency().check(text, segment(text))
    assert [f for f in flags if f.rule == "CONSISTENT_TRANSLATION"] == []


def test_a_plain_text_is_not_copied_as_one_translation():
    # A plain text's sentences are one run with no unit: its "target" was every word of the
    # text, twelve times the text at its peak.
    text = SEED.read_text(encoding="utf-8") * 32
    sentences = segment(text)
    tracemalloc.start()
    try:
        flags = list(Consistency().check(text, sentences))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(flags) == 96
    assert peak < len(text)


def test_review_check_flags_a_tsv_line_translated_unlike_its_twin(
    tmp_path, monkeypatch, capsysbinary
):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    git_project(
        tmp_path,
        "pairs.tsv",
        "合作共赢\tWin-win cooperation.\n"
        "和平发展\tPeaceful development.\n"
        "合作共赢\tCooperation for mutual benefit.\n".encode(),
    )
    monkeypatch.chdir(tmp_path)
    code, out, _ = review(
        capsysbinary, "check", "pairs.tsv", "--no-languagetool", "--format", "json",
        "--fail-on", "none",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    flags = [f for f in data["flags"] if f["rule"] == "CONSISTENT_TRANSLATION"]
    third = data["sentences"][2]
    assert [(f["sentence"], f["start"], f["end"], f["source"], f["message"]) for f in flags] == [
        (
            third["id"],
            0,
            31,
            "consistency",
            f"The same source is translated “Win-win cooperation.” in {data['sentences'][0]['id']}",
        )
    ]


# The number patterns as they were written first, each opening with its look-behind: slower (a
# look-behind first is tried at every character), and the meaning the faster ones must keep.
_LOOK_BEHIND_FIRST = (
    r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|(?<![\d.,])\d{4,}(?:\.\d+)?(?![\d,])",
    r"(?<![\w.])\d+(?:\.\d+)?(?P<space>\s?)(?:km/h|kWh|km|kg|cm|mm|mg|ml|kW|MW|GW|GHz|MHz|Hz|mph)(?!\w)",
    r"(?<![\w.])\d+(?:\.\d+)?(?P<way>\s?%|\s+per\s*cent(?!\w))",
)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="0123456789.,% kmgpercntWhHzx\n", max_size=40))
def test_a_number_pattern_finds_what_its_look_behind_first_form_found(text: str) -> None:
    for kind, first in zip(_NUMBER_KINDS, _LOOK_BEHIND_FIRST, strict=True):
        found = [(m.span(), m.groupdict()) for m in kind.pattern.finditer(text)]
        assert found == [(m.span(), m.groupdict()) for m in re.finditer(first, text)]


def test_a_number_pattern_finds_numbers_measures_and_percentages() -> None:
    text = "1,000 2,000,000 and 12345.6 in 1999; .5km 5 km 3.5kWh 10% 7 per cent a10%"
    found = [[m.group() for m in kind.pattern.finditer(text)] for kind in _NUMBER_KINDS]
    assert found == [
        ["1,000", "2,000,000", "12345.6", "1999"],
        ["5 km", "3.5kWh"],
        ["10%", "7 per cent"],
    ]
