"""XLIFF 1.2: public samples (translate-toolkit) and one made from MLQE-PE, round trips checked
by translate-toolkit's own XLIFF reader."""

from __future__ import annotations

import pytest
from translate.storage.xliff import xlifffile

from bilingual_support import DATA, changed_lines, load, roundtrip
from review.bilingual import FORMATS, ReadOptions, TargetForm, read
from review.bilingual.inline import TagError


def tt_targets(text: str) -> list[str | None]:
    store = xlifffile.parsestring(text.encode("utf-8"))
    return [None if u.target is None else str(u.target) for u in store.units]


def test_reads_languages_ids_states_and_notes():
    text, bilingual = load("tt_states.xlf")
    assert (bilingual.format, bilingual.source_language) == ("xliff-1.2", "en-US")
    assert [u.id for u in bilingual.units] == [str(n) for n in range(1, 9)]
    assert [u.state for u in bilingual.units][:3] == ["", "needs-work", "rejected"]
    assert bilingual.units[1].target_text == "Deux"
    assert text[slice(*bilingual.units[1].target_span)] == "Deux"


def test_mlqe_round_trip_changes_two_targets_only_checked_by_translate_toolkit():
    path = DATA / "mlqe_et_en.xlf"
    trip = roundtrip(path, {2: 'Fish & chips <b> "here"', 7: "Second edit."})
    assert 'Fish &amp; chips &lt;b&gt; "here"' in trip.after
    before, after = tt_targets(trip.before), tt_targets(trip.after)
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert changed == [2, 7]
    assert after[2] == 'Fish & chips <b> "here"'
    assert len(changed_lines(trip.before, trip.after)) == 2


def test_missing_target_is_inserted_after_the_source_with_the_source_tags():
    path = DATA / "tt_odf2xliff_inline.xlf"
    _, bilingual = load(path.name)
    unit = bilingual.units[1]
    assert unit.target_form is TargetForm.MISSING
    assert unit.source_text.startswith("Partiendo ⟨1/⟩del estado")
    trip = roundtrip(path, {1: "Starting ⟨1/⟩from the state", 2: "New direction"})
    assert '</source><target>Starting <g id="2"/>from the state</target>\n' in trip.after
    assert "<source>Nueva dirección del proyecto</source><target>New direction</target>" in (
        trip.after
    )
    after = tt_targets(trip.after)
    assert after[2] == "New direction"
    assert after[0] is None and after[3] is None


def test_an_edit_without_the_source_tag_is_refused_with_the_reason():
    text, bilingual = load("tt_odf2xliff_inline.xlf")
    with pytest.raises(TagError, match=r"⟨1/⟩ is missing"):
        FORMATS["xliff-1.2"].write(text, bilingual, {bilingual.units[1].id: "Starting from"})


def test_state_set_to_signed_off_when_marked_reviewed():
    path = DATA / "tt_states.xlf"
    trip = roundtrip(path, {0: "Une"}, reviewed=[0, 6])
    assert '<target state="signed-off">Une</target>' in trip.after
    assert '<target state="signed-off">Sept</target>' in trip.after


def test_empty_target_element_is_filled():
    text = (
        '<xliff version="1.2"><file source-language="en" target-language="de"><body>\n'
        '<trans-unit id="a"><source>Hi &amp; bye</source><target xml:lang="de"/></trans-unit>\n'
        "</body></file></xliff>\n"
    )
    bilingual = read("e.xlf", text)
    assert bilingual is not None
    assert bilingual.units[0].target_form is TargetForm.EMPTY_ELEMENT
    assert bilingual.units[0].source_text == "Hi & bye"
    after = FORMATS["xliff-1.2"].write(text, bilingual, {"a": "Hallo & tschüss"})
    assert '<target xml:lang="de">Hallo &amp; tschüss</target></trans-unit>' in after


def test_seg_source_segments_are_units_paired_by_mid():
    text = (
        '<xliff version="1.2"><file source-language="en" target-language="fr"><body>\n'
        '<trans-unit id="u"><source>One. Two.</source>\n'
        '<seg-source><mrk mtype="seg" mid="1">One.</mrk> <mrk mtype="seg" mid="2">Two.</mrk>'
        "</seg-source>\n"
        '<target state="translated"><mrk mtype="seg" mid="1">Un.</mrk> '
        '<mrk mtype="seg" mid="2">Deux.</mrk></target>\n'
        "<note>a note</note></trans-unit>\n</body></file></xliff>\n"
    )
    bilingual = read("s.xlf", text)
    assert bilingual is not None
    assert [(u.id, u.source_text, u.target_text, u.segmented) for u in bilingual.units] == [
        ("u/1", "One.", "Un.", True),
        ("u/2", "Two.", "Deux.", True),
    ]
    assert bilingual.units[0].notes == ("a note",)
    after = FORMATS["xliff-1.2"].write(text, bilingual, {"u/2": "Deux !"})
    assert '<mrk mtype="seg" mid="2">Deux !</mrk></target>' in after
    assert changed_lines(text, after) == {4}


def test_inline_g_and_x_are_tokens_and_written_back_exactly():
    text = (
        '<xliff version="1.2"><file source-language="en" target-language="fr"><body>\n'
        '<trans-unit id="t"><source>Click <g id="1" ctype="bold">here</g><x id="2"/></source>\n'
        '<target>Cliquez <g id="1" ctype="bold">ici</g><x id="2"/></target></trans-unit>\n'
        "</body></file></xliff>\n"
    )
    bilingual = read("i.xlf", text)
    assert bilingual is not None
    assert bilingual.units[0].source_text == "Click ⟨1⟩here⟨/1⟩⟨2/⟩"
    assert bilingual.units[0].target_text == "Cliquez ⟨1⟩ici⟨/1⟩⟨2/⟩"
    after = FORMATS["xliff-1.2"].write(text, bilingual, {"t": "Appuyez ⟨1⟩là⟨/1⟩ ⟨2/⟩"})
    assert '<target>Appuyez <g id="1" ctype="bold">là</g> <x id="2"/></target>' in after


def test_declared_encoding_is_that_of_the_decoded_text():
    text = (
        '<?xml version="1.0" encoding="UTF-16"?>\n<xliff version="1.2"><file><body>'
        '<trans-unit id="a"><source>é</source><target>ü</target></trans-unit></body></file>'
        "</xliff>\n"
    )
    bilingual = read("utf16.xlf", text)
    assert bilingual is not None
    assert text[slice(*bilingual.units[0].target_span)] == "ü"


def test_a_unit_without_id_keeps_its_id_when_its_target_is_edited():
    text = (
        '<xliff version="1.2"><file source-language="en" target-language="de"><body>\n'
        "<trans-unit><source>Yes</source><target>Ja</target></trans-unit>\n"
        "</body></file></xliff>\n"
    )
    bilingual = read("n.xlf", text)
    assert bilingual is not None
    [unit] = bilingual.units
    after = FORMATS["xliff-1.2"].write(text, bilingual, {unit.id: "Jawohl"})
    again = read("n.xlf", after)
    assert again is not None
    assert [(u.id, u.target_text) for u in again.units] == [(unit.id, "Jawohl")]


def test_marking_reviewed_a_unit_already_signed_off_changes_no_byte():
    text = (
        '<xliff version="1.2"><file source-language="de" target-language="en"><body>'
        "<trans-unit id='1'><source>Ja</source><target state='signed-off'>Yes</target>"
        "</trans-unit></body></file></xliff>"
    )
    xliff = FORMATS["xliff-1.2"]
    bilingual = xliff.read(text, "t.xlf", ReadOptions())
    assert xliff.write(text, bilingual, {}, reviewed=["1"]) == text
