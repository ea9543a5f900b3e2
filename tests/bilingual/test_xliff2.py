"""XLIFF 2.0/2.1: the OASIS test suite's samples and one made from MLQE-PE. translate-toolkit
has no XLIFF 2 reader, so the round trips are checked by re-reading with ours and by the
line diff."""

from __future__ import annotations

import pytest

from bilingual_support import DATA, changed_lines, load, roundtrip
from review.bilingual import FORMATS, TargetForm, read
from review.bilingual.inline import TagError


def test_languages_segments_states_and_tokens():
    _, bilingual = load("oasis_withReorderedCodes.xlf")
    assert (bilingual.format, bilingual.source_language, bilingual.target_language) == (
        "xliff-2",
        "en",
        "fr",
    )
    assert [u.id for u in bilingual.units] == ["1", "2", "3/1", "3/2", "3/3", "4/1", "4/2",
                                               "4/3", "5"]  # fmt: skip
    assert all(u.segmented for u in bilingual.units)
    # The target's <pc id="1"> and <ph id="3"/> carry the source's numbers though reordered.
    first = bilingual.units[0]
    assert " ".join(first.source_text.split()) == "⟨1⟩ text ⟨2/⟩ ⟨/1⟩ ⟨3/⟩"
    assert " ".join(first.target_text.split()) == "⟨3/⟩ ⟨1⟩ text ⟨2/⟩ ⟨/1⟩"


def test_round_trip_with_pc_and_mrk():
    trip = roundtrip(
        DATA / "oasis_withReorderedCodes.xlf",
        {0: "⟨3/⟩ ⟨1⟩Texte & plus ⟨2/⟩⟨/1⟩", 1: "⟨1⟩⟨4⟩le texte⟨/4⟩⟨2/⟩⟨/1⟩"},
    )
    assert (
        '<target><ph id="3"/> <pc id="1" canReorder="firstNo" canDelete="no" canCopy="no">'
        'Texte &amp; plus <ph id="2" canReorder="no" canDelete="no" canCopy="no"/></pc></target>'
    ) in trip.after
    assert '<mrk id="m1" type="term">le texte</mrk>' in trip.after


def test_crossing_pc_tags_are_refused():
    text, bilingual = load("oasis_withReorderedCodes.xlf")
    with pytest.raises(TagError, match=r"⟨/1⟩ closes across ⟨4⟩"):
        FORMATS["xliff-2"].write(text, bilingual, {"2": "⟨1⟩⟨4⟩le⟨/1⟩ texte⟨/4⟩⟨2/⟩"})


def test_public_sample_with_mrk_and_glossary():
    path = DATA / "oasis_sample1.xlf"
    trip = roundtrip(path, {0: "Drücken Sie die ⟨2⟩Tabulatortaste⟨/2⟩."})
    assert '<mrk id="m2" type="term">Tabulatortaste</mrk>.</target>' in trip.after
    assert "TAB-TASTE\n                </gls:translation>" in trip.after  # not a target


def test_mlqe_round_trip_and_state_reviewed_on_the_segment():
    trip = roundtrip(DATA / "mlqe_et_en_2.xlf", {3: "Edited <3>.", 9: "Another."}, reviewed=[3])
    assert "<target>Edited &lt;3&gt;.</target>" in trip.after
    assert len(changed_lines(trip.before, trip.after)) == 3
    assert trip.read_after.units[3].state == "reviewed"
    assert trip.read_after.units[9].state == "translated"


def test_missing_target_is_inserted_after_the_source():
    text = (
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" '
        'trgLang="de">\n<file id="f"><unit id="u1"><notes><note>keep short</note></notes>\n'
        "<segment><source>Hello</source></segment>\n</unit></file></xliff>\n"
    )
    bilingual = read("m.xlf", text)
    assert bilingual is not None
    unit = bilingual.units[0]
    assert (unit.target_form, unit.notes) == (TargetForm.MISSING, ("keep short",))
    after = FORMATS["xliff-2"].write(text, bilingual, {"u1": "Hallo"}, reviewed={"u1"})
    assert '<segment state="reviewed"><source>Hello</source><target>Hallo</target></segment>' in (
        after
    )
