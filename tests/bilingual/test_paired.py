"""Two plain files aligned by paragraph."""

from __future__ import annotations

import pytest

from bilingual_support import DATA, changed_lines, roundtrip
from review.bilingual import ReadOptions, read
from review.errors import ReviewError

SOURCE = (DATA / "mlqe_et.txt").read_text()


def test_mlqe_round_trip_touches_two_paragraphs():
    options = ReadOptions(source_text=SOURCE, source_name="mlqe_et.txt")
    trip = roundtrip(DATA / "mlqe_en.txt", {0: "First & edited.", 3: "Fourth."}, options)
    assert changed_lines(trip.before, trip.after) == {1, 7}
    assert trip.read_before.units[0].source_text.startswith("Aastal 1132 proovisid")


def test_different_paragraph_counts_name_where_they_part():
    target = "One two three.\n\nFour five six.\nSeven eight.\n"
    source = "Üks kaks kolm.\n\nNeli viis kuus seitse kaheksa.\n"
    with pytest.raises(ReviewError) as caught:
        read("t.txt", target, ReadOptions(source_text=source, source_name="s.txt"))
    assert str(caught.value) == (
        "t.txt: has 3 paragraphs but the source s.txt has 2; they part at paragraph 3, "
        "target line 4 'Seven eight.', source has no more"
    )


def test_layouts_parting_earlier_are_named_there():
    target = "One.\nTwo.\n\nThree.\n"
    source = "Üks.\n\nKaks.\n"
    with pytest.raises(ReviewError, match=r"they part at paragraph 2, target line 2 'Two\.', "
                       r"source line 3 'Kaks\.'$"):  # fmt: skip
        read("t.txt", target, ReadOptions(source_text=source, source_name="s.txt"))
