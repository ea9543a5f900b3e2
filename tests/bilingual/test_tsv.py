"""Tab-separated source<TAB>target files."""

from __future__ import annotations

import pytest

from bilingual_support import DATA, changed_lines, roundtrip
from review.bilingual import FORMATS, read
from review.errors import ReviewError


def test_mlqe_round_trip_touches_two_lines():
    trip = roundtrip(DATA / "mlqe_et_en.tsv", {4: "Tab\there, line\nbreak.", 5: "Plain."})
    assert changed_lines(trip.before, trip.after) == {5, 6}
    assert trip.after.splitlines()[4].endswith("\tTab\\there, line\\nbreak.")


def test_escapes_read_and_extra_fields_kept():
    text = "a\\tb\tx\\\\y\tcomment\n\nsecond\tzweite\n"
    bilingual = read("x.tsv", text)
    assert bilingual is not None
    assert [(u.source_text, u.target_text) for u in bilingual.units] == [
        ("a\tb", "x\\y"),
        ("second", "zweite"),
    ]
    after = FORMATS["tsv"].write(text, bilingual, {bilingual.units[0].id: "new"})
    assert after == "a\\tb\tnew\tcomment\n\nsecond\tzweite\n"


def test_a_line_without_tab_names_its_line():
    with pytest.raises(ReviewError, match=r"^x\.tsv: line 2 has no tab"):
        read("x.tsv", "a\tb\nno tab here\n")


def test_ids_are_stable_across_moves_and_repeats():
    first = read("x.tsv", "a\t1\nb\t2\na\t3\n")
    moved = read("x.tsv", "b\t2\na\t1\na\t3\n")
    assert first is not None and moved is not None
    assert first.units[0].id == moved.units[1].id
    assert first.units[2].id == first.units[0].id + "~2"


@pytest.mark.parametrize(
    ("head", "languages"),
    [
        ("source\ttarget", ("", "")),
        ("Src\tTgt", ("", "")),
        ("Source text\tTranslation", ("", "")),
        ("zh-CN\ten-US", ("zh-CN", "en-US")),
        ("zh\ten", ("zh", "en")),
        ("zh_CN\ten_GB", ("zh-CN", "en-GB")),
    ],
)
def test_a_first_line_that_names_the_columns_is_no_unit(head, languages):
    # A header row, as spreadsheets and many tools' exports write one, was read as a unit
    # (its "target" checked and reported like a translation); language codes say the pair.
    text = f"\n{head}\n你好\tHello\n"
    bilingual = read("x.tsv", text)
    assert bilingual is not None
    assert [(u.source_text, u.target_text) for u in bilingual.units] == [("你好", "Hello")]
    assert (bilingual.source_language, bilingual.target_language) == languages
    after = FORMATS["tsv"].write(text, bilingual, {bilingual.units[0].id: "Hi"})
    assert after == f"\n{head}\n你好\tHi\n"


@pytest.mark.parametrize("first", ["source\tSource", "en\tEnglish", "源\tsource"])
def test_a_first_line_of_text_is_a_unit(first):
    bilingual = read("x.tsv", f"{first}\nb\t2\n")
    assert bilingual is not None
    assert [u.source_text for u in bilingual.units] == [first.split("\t")[0], "b"]
