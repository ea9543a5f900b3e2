"""The registered source–target checker: a unit of a bilingual file is one pair, its flags
land on the sentence where they start; a plain text gets none."""

from __future__ import annotations

from pathlib import Path

from review.checkers.source_target.unit_checker import UnitChecker
from review.config import Config
from review.inputs import open_text, with_file_languages

DATA = Path(__file__).resolve().parents[2] / "data" / "bilingual"


def test_a_number_missing_from_a_two_sentence_unit_lands_on_its_sentence(tmp_path):
    (tmp_path / "u.tsv").write_text(
        "Es kostet 25 Euro. Er kam 1999.\tIt costs 25 euros. He came in 2000.\n", "utf-8"
    )
    text = open_text(tmp_path / "u.tsv")
    first, second = text.sentences
    assert (first.text, second.text) == ("It costs 25 euros.", "He came in 2000.")
    flags = list(UnitChecker(Config(language="en-US")).check(text.document.text, text.sentences))
    assert [(f.sentence_id, f.rule, f.start, f.end, f.text) for f in flags] == [
        (second.id, "ST_NUMBER_CHANGED", 11, 15, "2000"),
    ]


def test_a_plain_text_gets_no_flags(tmp_path):
    (tmp_path / "p.txt").write_text("It costs 25 euros.\n", "utf-8")
    text = open_text(tmp_path / "p.txt")
    assert list(UnitChecker(Config()).check(text.document.text, text.sentences)) == []


def test_the_file_gives_the_source_language_unless_review_toml_does():
    document = open_text(DATA / "mlqe_et_en.xlf").document
    assert with_file_languages(Config(), document).source_language == "et"
    assert with_file_languages(Config(source_language="fi"), document).source_language == "fi"
