"""Formats found by suffix, and by sniffing when the suffix says nothing or is shared."""

from __future__ import annotations

import pytest

from bilingual_support import DATA
from review.bilingual import FORMATS, detect, read
from review.errors import ReviewError


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("tt_states.xlf", "xliff-1.2"),
        ("oasis_sample1.xlf", "xliff-2"),
        ("mlqe_et_en.po", "po"),
        ("mlqe_et_en.tmx", "tmx"),
        ("mlqe_et_en.tsv", "tsv"),
    ],
)
def test_by_suffix(name, expected):
    text = (DATA / name).read_text()
    found = detect(DATA / name, text)
    assert found is FORMATS[expected]
    bilingual = read(DATA / name, text)
    assert bilingual is not None and bilingual.format == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("tt_states.xlf", "xliff-1.2"), ("oasis_sample1.xlf", "xliff-2"),
     ("mlqe_et_en.po", "po"), ("mlqe_et_en.tmx", "tmx")],
)  # fmt: skip
def test_by_sniffing_an_unknown_suffix(name, expected):
    found = detect("download.bin", (DATA / name).read_text())
    assert found is FORMATS[expected]


def test_plain_text_is_no_bilingual_format():
    assert detect("chapter.txt", "A plain text.\nmsgid is a word here.\n") is None
    assert read("chapter.txt", "A plain text.\n") is None


def test_a_plain_text_quoting_xml_stays_plain():
    assert detect("notes.txt", '<xliff version="1.2">\nmsgid "x"\n') is None


def test_a_bilingual_suffix_on_something_else_is_an_error_not_a_plain_text():
    with pytest.raises(
        ReviewError, match=r"^x\.xlf: not an XLIFF file \(its root element is <html>\)$"
    ):
        read("x.xlf", "<html><body/></html>")


@pytest.mark.parametrize(
    "name",
    ["tt_states.xlf", "tt_odf2xliff_inline.xlf", "oasis_withReorderedCodes.xlf", "features.po",
     "mlqe_et_en.tmx", "mlqe_et_en.tsv"],
)  # fmt: skip
def test_writing_the_targets_unchanged_gives_the_file_back(name):
    text = (DATA / name).read_text()
    bilingual = read(DATA / name, text)
    assert bilingual is not None
    same = {u.id: u.target_text for u in bilingual.units}
    assert FORMATS[bilingual.format].write(text, bilingual, same) == text
