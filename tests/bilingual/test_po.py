"""Gettext PO: plurals, fuzzy, obsolete, msgctxt, multi-line strings and placeholders; round
trips checked by translate-toolkit's PO reader."""

from __future__ import annotations

import pytest
from translate.storage.pypo import pofile

from bilingual_support import DATA, changed_lines, load, roundtrip
from review.bilingual import FORMATS, read
from review.errors import ReviewError


def tt_targets(text: str) -> list[list[str]]:
    store = pofile.parsestring(text.encode("utf-8"))
    return [
        [str(s) for s in u.target.strings] if u.hasplural() else [str(u.target)]
        for u in store.units
        if not (u.isheader() or u.isobsolete())
    ]


def test_units_plurals_context_fuzzy_and_obsolete_skipped():
    _, bilingual = load("features.po")
    assert bilingual.target_language == "de"
    units = bilingual.units
    assert len(units) == 6  # two plural forms, four messages; the obsolete one is skipped
    assert units[0].id.endswith("[0]") and units[1].id.endswith("[1]")
    assert units[0].source_text == "⟨1/⟩ file removed from ⟨2⟩⟨3/⟩⟨/2⟩"
    assert units[1].source_text == "⟨1/⟩ files removed from ⟨2⟩⟨3/⟩⟨/2⟩"
    assert units[1].target_text == "⟨1/⟩ Dateien aus ⟨2⟩⟨3/⟩⟨/2⟩ entfernt"
    assert (units[2].context, units[2].state, units[2].target_text) == (
        "menu",
        "fuzzy",
        "Öffnen ⟨1/⟩",
    )
    assert (units[3].context, units[3].state) == ("verb", "translated")
    assert units[2].id != units[3].id
    assert units[4].target_text.endswith('Zweite Zeile mit ⟨1/⟩ und einem "Zitat".')
    assert (units[5].target_text, units[5].state) == ("", "untranslated")
    assert "A developer comment" in units[0].notes[0]


def test_ids_survive_moving_a_message():
    text, bilingual = load("features.po")
    verb = 'msgctxt "verb"\nmsgid "Open"\nmsgstr "Öffnen"\n\n'
    moved = text.replace(verb, "") + "\n" + verb
    again = read("moved.po", moved)
    assert again is not None
    assert {u.id for u in again.units} == {u.id for u in bilingual.units}


def test_round_trip_plural_form_and_multiline_rewrapped_like_gettext():
    long = (
        "Eine geänderte lange Nachricht, die wieder über mehrere Zeilen umbrochen werden muss, "
        'weil sie lang ist.\nZweite Zeile mit ⟨1/⟩ und "Zitat".'
    )
    trip = roundtrip(DATA / "features.po", {1: "⟨1/⟩ Dateien aus ⟨2⟩⟨3/⟩⟨/2⟩ gelöscht", 4: long})
    assert 'msgstr[1] "%(count)d Dateien aus <b>%(folder)s</b> gelöscht"\n' in trip.after
    assert (
        'msgstr ""\n'
        '"Eine geänderte lange Nachricht, die wieder über mehrere Zeilen umbrochen "\n'
        '"werden muss, weil sie lang ist.\\n"\n'
        '"Zweite Zeile mit {0} und \\"Zitat\\"."\n'
    ) in trip.after
    before, after = tt_targets(trip.before), tt_targets(trip.after)
    assert [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] == [0, 3]
    assert after[0][1] == "%(count)d Dateien aus <b>%(folder)s</b> gelöscht"


def test_mlqe_round_trip_checked_by_translate_toolkit():
    trip = roundtrip(DATA / "mlqe_et_en.po", {0: 'A "short" one\tand a tab.', 12: "Second."})
    before, after = tt_targets(trip.before), tt_targets(trip.after)
    assert [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] == [0, 12]
    assert after[0] == ['A "short" one\tand a tab.']
    assert 'msgstr "A \\"short\\" one\\tand a tab."\n' in trip.after


def test_fuzzy_removed_when_marked_reviewed_other_flags_kept():
    trip = roundtrip(DATA / "features.po", {}, reviewed=[2])
    assert '#, c-format\nmsgctxt "menu"' in trip.after
    assert changed_lines(trip.before, trip.after) == {16}
    store = pofile.parsestring(trip.after.encode("utf-8"))
    messages = [u for u in store.units if not (u.isheader() or u.isobsolete())]
    assert [u.isfuzzy() for u in messages] == [False] * 5


def test_public_samples_plural_and_fuzzy():
    trip = roundtrip(DATA / "tt_plural.po", {2: "⟨1/⟩ Viele"})
    assert trip.after.endswith('msgstr[2] "%d Viele"')
    trip = roundtrip(DATA / "tt_fuzzy.po", {1: "Une chaîne floue"}, reviewed=[1])
    assert trip.after == 'msgid "Translated string"\nmsgstr "Une chaîne traduite"\n\n' + (
        'msgid "Fuzzy string"\nmsgstr "Une chaîne floue"'
    )


def test_syntax_error_names_its_line():
    with pytest.raises(ReviewError, match=r"^bad\.po: PO syntax error: .*line 5"):
        read("bad.po", 'msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "d\n')


def test_placeholder_edit_must_keep_them():
    text, bilingual = load("features.po")
    with pytest.raises(ReviewError, match=r"⟨1/⟩ appears twice"):
        FORMATS["po"].write(text, bilingual, {bilingual.units[2].id: "⟨1/⟩ ⟨1/⟩"})


def test_untranslated_message_gets_its_first_translation():
    text, bilingual = load("features.po")
    after = FORMATS["po"].write(text, bilingual, {bilingual.units[5].id: "Unübersetzt"})
    assert 'msgid "Untranslated"\nmsgstr "Unübersetzt"\n' in after
    assert changed_lines(text, after) == {35}


def test_crlf_file_keeps_its_line_ends():
    text = 'msgid "One"\r\nmsgstr ""\r\n"Eins"\r\n\r\nmsgid "Two"\r\nmsgstr "Zwei"\r\n'
    bilingual = read("crlf.po", text)
    assert bilingual is not None
    assert [u.target_text for u in bilingual.units] == ["Eins", "Zwei"]
    after = FORMATS["po"].write(text, bilingual, {bilingual.units[0].id: "Ein"})
    assert after == 'msgid "One"\r\nmsgstr "Ein"\r\n\r\nmsgid "Two"\r\nmsgstr "Zwei"\r\n'


def test_an_unwrapped_file_stays_unwrapped():
    long = "x " * 60
    text = f'msgid "{long}"\nmsgstr "{long}"\n'
    bilingual = read("nowrap.po", text)
    assert bilingual is not None
    after = FORMATS["po"].write(text, bilingual, {bilingual.units[0].id: long + "y"})
    assert after == f'msgid "{long}"\nmsgstr "{long}y"\n'


def test_a_latin1_header_on_decoded_text_reads_the_text_as_given():
    text = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
        'msgid "Grüße"\nmsgstr "Saludos señor"\n'
    )
    bilingual = read("latin1.po", text)
    assert bilingual is not None
    assert [(u.source_text, u.target_text) for u in bilingual.units] == [("Grüße", "Saludos señor")]


def test_previous_msgid_lines_go_with_the_fuzzy_flag():
    text = (
        'msgid "Kept"\nmsgstr "Behalten"\n\n#: a.py:1\n#, fuzzy, python-format\n'
        '#| msgid "Old %s"\nmsgid "New %s"\nmsgstr "Neu %s"\n'
    )
    bilingual = read("prev.po", text)
    assert bilingual is not None
    unit = bilingual.units[1]
    assert unit.state == "fuzzy"
    after = FORMATS["po"].write(text, bilingual, {}, reviewed={unit.id})
    assert after == (
        'msgid "Kept"\nmsgstr "Behalten"\n\n#: a.py:1\n#, python-format\n'
        'msgid "New %s"\nmsgstr "Neu %s"\n'
    )
    store = pofile.parsestring(after.encode("utf-8"))
    assert not store.units[1].isfuzzy()
