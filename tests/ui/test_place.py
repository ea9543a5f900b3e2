"""The saved place, without Textual."""

from __future__ import annotations

from review.flags import Category
from review.ui.board import RowFilter, Show
from review.ui.place import Place, load_place, place_path, save_place


def test_a_place_round_trips_beside_the_patch(tmp_path):
    path = place_path(tmp_path / "corrections" / "book.patch")
    assert path.name == "book.ui.json"
    place = Place.of("s7", RowFilter(Show.FLAGGED, Category.GRAMMAR, "boat"))
    save_place(path, place)
    assert load_place(path) == place
    assert load_place(path).row_filter == RowFilter(Show.FLAGGED, Category.GRAMMAR, "boat")


def test_a_missing_or_bad_place_is_the_start(tmp_path):
    assert load_place(tmp_path / "none.ui.json") == Place()
    bad = tmp_path / "bad.ui.json"
    for text in [
        "{",
        "[]",
        '{"sentence": "s1"}',
        '{"sentence": 1, "show": "x", "category": null, "query": ""}',
    ]:
        bad.write_text(text)
        assert load_place(bad) == Place()


def test_a_unit_state_filter_round_trips(tmp_path):
    path = place_path(tmp_path / "corrections" / "book.patch")
    row_filter = RowFilter(Show.TODO, unit_state="needs-review-translation")
    save_place(path, Place.of("a1-s2", row_filter))
    assert load_place(path).row_filter == row_filter
