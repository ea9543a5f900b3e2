"""TMX 1.4: the language pair from the arguments or the header; round trips checked by
translate-toolkit's TMX reader."""

from __future__ import annotations

import pytest
from translate.storage.tmx import tmxfile

from bilingual_support import DATA, changed_lines, roundtrip
from review.bilingual import ReadOptions, read
from review.errors import ReviewError

THREE = """\
<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
<header srclang="en-US" adminlang="en" segtype="sentence" datatype="plaintext" o-tmf="x"
 creationtool="t" creationtoolversion="1"/>
<body>
<tu tuid="greet"><note>a greeting</note>
<tuv xml:lang="en-US"><seg>Press <bpt i="1">&lt;b&gt;</bpt>Enter\
<ept i="1">&lt;/b&gt;</ept></seg></tuv>
<tuv xml:lang="de-DE"><seg>Drücken Sie <bpt i="1">&lt;b&gt;</bpt>Eingabe\
<ept i="1">&lt;/b&gt;</ept></seg></tuv>
<tuv xml:lang="fr-FR"><seg>Appuyez sur <bpt i="1">&lt;b&gt;</bpt>Entrée\
<ept i="1">&lt;/b&gt;</ept></seg></tuv>
</tu>
<tu><tuv xml:lang="en-US"><seg>Only English</seg></tuv></tu>
</body>
</tmx>
"""


def tt_targets(text: str) -> list[str]:
    store = tmxfile.parsestring(text.encode("utf-8"))
    return [str(u.target) for u in store.units]


def test_mlqe_round_trip_checked_by_translate_toolkit():
    trip = roundtrip(DATA / "mlqe_et_en.tmx", {0: "In 1132 & after.", 19: "Last one."})
    before, after = tt_targets(trip.before), tt_targets(trip.after)
    assert [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] == [0, 19]
    assert after[0] == "In 1132 & after."
    assert len(changed_lines(trip.before, trip.after)) == 2
    assert (trip.read_before.source_language, trip.read_before.target_language) == ("et", "en")
    assert trip.read_before.units[0].id == "line13"


def test_pair_chosen_by_arguments_with_bpt_ept_tokens():
    bilingual = read("t.tmx", THREE, ReadOptions(target_language="fr"))
    assert bilingual is not None
    assert bilingual.target_language == "fr"
    [unit] = bilingual.units  # the English-only TU has no pair
    assert (unit.id, unit.notes) == ("greet", ("a greeting",))
    assert unit.source_text == "Press ⟨1⟩Enter⟨/1⟩"
    assert unit.target_text == "Appuyez sur ⟨1⟩Entrée⟨/1⟩"


def test_several_other_languages_need_a_choice():
    with pytest.raises(ReviewError, match=r"^t\.tmx: choose the target language with"):
        read("t.tmx", THREE)


def test_tmx_without_the_requested_language_is_refused():
    with pytest.raises(
        ReviewError, match=r"^t\.tmx: has no <tuv> in language 'ja' \(it has de-DE, en-US, fr-FR\)$"
    ):
        read("t.tmx", THREE, ReadOptions(target_language="ja"))
