"""The targets as one text for the monolingual pipeline, and sentence edits back to units."""

from __future__ import annotations

import pytest

from bilingual_support import load
from review.bilingual import FORMATS
from review.bilingual.view import edited_targets, target_view
from review.segment import segment


def test_sentences_of_the_view_edit_their_units_in_the_file():
    text, bilingual = load("mlqe_et_en.xlf")
    view = target_view(bilingual)
    sentences = segment(view.text)
    assert all(view.text[slice(*span)] == u.target_text
               for span, u in zip(view.spans, bilingual.units, strict=True))  # fmt: skip
    third = [s for s in sentences if view.unit_index(s.start) == 2]
    assert [s.text for s in third] == [bilingual.units[2].target_text]
    edits = [(third[0].start, third[0].end, "Replaced."), (sentences[0].start, sentences[0].start,
             "New start. ")]  # fmt: skip
    targets = edited_targets(view, bilingual, edits)
    unit0, unit2 = bilingual.units[0], bilingual.units[2]
    assert targets == {unit0.id: "New start. " + unit0.target_text, unit2.id: "Replaced."}
    after = FORMATS["xliff-1.2"].write(text, bilingual, targets)
    assert '<target state="translated">Replaced.</target>' in after


def test_an_edit_across_two_units_is_a_bug():
    _, bilingual = load("mlqe_et_en.tsv")
    view = target_view(bilingual)
    end_of_first = view.spans[0][1]
    with pytest.raises(ValueError, match="crosses the end of unit 0"):
        edited_targets(view, bilingual, [(end_of_first - 2, end_of_first + 3, "x")])
