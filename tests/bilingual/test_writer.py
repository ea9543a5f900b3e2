"""The writer's own rules: unknown units, edits checked before anything is written."""

from __future__ import annotations

import pytest

from bilingual_support import load
from review.bilingual import FORMATS, TagError, check_edit
from review.bilingual.writer import Replacement, apply_replacements
from review.errors import ReviewError


def test_unknown_unit_is_refused():
    text, bilingual = load("tt_states.xlf")
    with pytest.raises(ReviewError, match=r"^no unit 'nope' in this xliff-1\.2 file$"):
        FORMATS["xliff-1.2"].write(text, bilingual, {"nope": "x"})


def test_a_broken_tag_names_the_unit_and_the_reason():
    text, bilingual = load("oasis_withReorderedCodes.xlf")
    unit = bilingual.units[0]
    broken = unit.target_text.replace("⟨/1⟩", "")
    with pytest.raises(TagError, match=r"^⟨/1⟩ is missing$"):
        check_edit(unit, broken)
    with pytest.raises(TagError, match=r"^unit 1: ⟨/1⟩ is missing$"):
        FORMATS["xliff-2"].write(text, bilingual, {"1": broken})


def test_identical_replacements_count_once_and_overlaps_are_a_bug():
    same = Replacement(2, 4, "X")
    assert apply_replacements("abcdef", [same, same]) == "abXef"
    with pytest.raises(AssertionError, match="overlapping"):
        apply_replacements("abcdef", [same, Replacement(3, 5, "Y")])
