"""TERM_MISSING: a glossary source term in a unit's Chinese source whose target term the
translation lacks, on TSV and XLIFF files written for this test, at exact offsets; through
`review check --format json` and the report too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from patch_helpers import git_project, review
from review.checkers.terms import GlossaryChecks, SourceTermMissing, Term
from review.checkers.terms.glossary import load_glossary
from review.inputs import open_text
from review.segment import Sentence

# Written for this test: five terms, each a Chinese source and its English target.
GLOSSARY = """\
source,target,note
人类命运共同体,community with a shared future for mankind,
中美,China–US,
高级别人文交流磋商,High-Level Consultation on People-to-People Exchange,
一带一路倡议,Belt and Road Initiative,
政策性银行,policy bank,
"""

# Unit by unit: (source, target). 1 and 3 lack their term's target; 2 has "China-US" (a
# variant: present) and the consultation's name; 4 has "Policy banks" (plural, capital) in its
# second sentence; 5 has no glossary term in its source, so nothing is missing.
UNITS = [
    ("人类命运共同体是中方的主张。", "A community of shared future is China's proposal."),
    (
        "双方举行了中美高级别人文交流磋商。",
        "The two sides held the China-US High-Level Consultation on People-to-People Exchange.",
    ),
    ("一带一路倡议惠及沿线国家。", "The Belt and Road benefits the countries along the route."),
    (
        "贷款来得很早。政策性银行以低利率提供了贷款。",
        "Loans came early. Policy banks lent at low rates.",
    ),
    ("会议在北京举行了1天。", "The meeting was held in Beijing for 1 day."),
]

TSV = "".join(f"{source}\t{target}\n" for source, target in UNITS)

# The same units in XLIFF 1.2, with inline tags: a <g> pair around unit 2's name, an <x/> in 3.
XLIFF = Path(__file__).resolve().parents[2] / "data" / "bilingual" / "speech_zh_en.xlf"

COMMUNITY = (
    "The source has “人类命运共同体”; the glossary's “community with a shared future for "
    "mankind” is not in the translation"
)
BELT_AND_ROAD = (
    "The source has “一带一路倡议”; the glossary's “Belt and Road Initiative” is not in the "
    "translation"
)
VARIANT = (
    "Glossary term in another form (a hyphen, dash or space changed): the glossary has “China–US”"
)


FIRST = "A community of shared future is China's proposal."
THIRD_PLAIN = "The Belt and Road benefits the countries along the route."
THIRD_TAGGED = "The Belt and Road ⟨1/⟩benefits the countries along the route."


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    root = tmp_path / "project"
    git_project(root, "speech.xlf", XLIFF.read_bytes())
    (root / "speech.tsv").write_text(TSV, encoding="utf-8")
    (root / "glossary.csv").write_text(GLOSSARY, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def missing(terms, text, sentences):
    return [
        (f.sentence_id, f.start, f.end, f.rule, f.text, f.message, f.replacements)
        for f in SourceTermMissing(terms, "en-US").check(text, sentences)
    ]


def test_the_five_term_glossary_on_the_tsv(project):
    terms = load_glossary(project / "glossary.csv", "en-US")
    assert len(terms) == 5
    text = open_text("speech.tsv")
    ids = [s.id for s in text.sentences]
    assert len(ids) == 6  # unit 4 is two sentences
    assert missing(terms, text.document.text, text.sentences) == [
        (ids[0], 0, 49, "TERM_MISSING", FIRST, COMMUNITY, ()),
        (ids[2], 0, 57, "TERM_MISSING", THIRD_PLAIN, BELT_AND_ROAD, ()),
    ]


def test_the_five_term_glossary_on_the_xliff_with_tags(project):
    """The terms checker sees the text without tag tokens (as review.checking gives it), so
    the flag, moved back onto the displayed text, spans unit 3's sentence and its token."""
    from review.checkers.tag_free import TagFree

    terms = load_glossary(project / "glossary.csv", "en-US")
    text = open_text("speech.xlf")
    assert [s.id for s in text.sentences] == ["1-s1", "2-s1", "3-s1", "4-s1", "4-s2", "5-s1"]
    checks = GlossaryChecks(terms, "en-US")
    flags = list(TagFree(checks).check(text.document.text, text.sentences))
    assert [(f.sentence_id, f.start, f.end, f.rule, f.text, f.message) for f in flags] == [
        ("2-s1", 26, 34, "TERM_VARIANT", "China-US", VARIANT),
        ("1-s1", 0, 49, "TERM_MISSING", FIRST, COMMUNITY),
        ("3-s1", 0, 61, "TERM_MISSING", THIRD_TAGGED, BELT_AND_ROAD),
    ]  # fmt: skip
    assert all(f.mqm == "Terminology" and f.severity == "major" for f in flags[1:])


def test_a_term_present_in_a_variant_form_is_not_missing():
    terms = (Term("policy bank", source="政策性银行"), Term("China–US", source="中美"))
    cases = [
        ("政策性银行", "Policy banks lend."),  # plural, capital
        ("政策性银行", "The policy bank’s loans."),  # possessive
        ("中美", "China US trade."),  # a space for the dash
        ("中美", "The CHINA-US talks."),  # capitals and a hyphen
    ]
    for source, target in cases:
        sentences = [Sentence("u-s1", 0, len(target), 1, target, unit="u", source=source)]
        assert missing(terms, target, sentences) == [], target


def test_a_term_inside_a_longer_ones_match_counts():
    terms = (Term("cooperation", source="合作"), Term("win-win cooperation", source="共赢"))
    target = "They sought win-win cooperation."
    sentences = [Sentence("u-s1", 0, len(target), 1, target, unit="u", source="合作")]
    assert missing(terms, target, sentences) == []


def test_no_source_term_no_flag_and_a_plain_text_gets_nothing():
    terms = (Term("policy bank", source="政策性银行"),)
    target = "The meeting was held in Beijing."
    bilingual = [Sentence("u-s1", 0, len(target), 1, target, unit="u", source="会议在北京举行。")]
    plain = [Sentence("s1", 0, len(target), 1, target)]
    assert missing(terms, target, bilingual) == []
    assert missing(terms, target, plain) == []


def test_a_forbidden_target_does_not_count_and_each_source_term_is_flagged_once():
    terms = (
        Term("policy bank", source="政策性银行"),
        Term("policy-oriented bank", forbidden=True, preferred="policy bank", source="政策性银行"),
        Term("development bank", source="政策性银行"),
    )
    target = "Two policy-oriented banks."
    source = "两家政策性银行，政策性银行。"
    sentences = [Sentence("u-s1", 0, len(target), 1, target, unit="u", source=source)]
    assert [f.message for f in SourceTermMissing(terms, "en").check(target, sentences)] == [
        "The source has “政策性银行”; the glossary's “policy bank” or “development bank” "
        "is not in the translation"
    ]


def _json_flags(capsysbinary, *args):
    code, out, err = review(capsysbinary, *args)
    assert (code, err) == (1, "review: LanguageTool off (--no-languagetool)\n")
    return json.loads(out)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "speech.xlf",  # unit 2's "⟨1⟩" before the variant, its "⟨/1⟩" before unit 3
            [
                ("TERM_MISSING", 0, 49, 0, 49, COMMUNITY),
                ("TERM_VARIANT", 26, 34, 76, 84, VARIANT),
                ("TERM_MISSING", 0, 61, 143, 204, BELT_AND_ROAD),
            ],
        ),
        (
            "speech.tsv",
            [
                ("TERM_MISSING", 0, 49, 0, 49, COMMUNITY),
                ("TERM_VARIANT", 23, 31, 73, 81, VARIANT),
                ("TERM_MISSING", 0, 57, 136, 193, BELT_AND_ROAD),
            ],
        ),
    ],
)
def test_review_check_json(project, capsysbinary, name, expected):
    result = _json_flags(
        capsysbinary, "check", name, "--no-languagetool", "--glossary", "glossary.csv",
        "--format", "json",
    )  # fmt: skip
    assert [
        (f["rule"], f["start"], f["end"], f["document_start"], f["document_end"], f["message"])
        for f in result["flags"]
        if f["source"] == "terms"
    ] == expected


def test_the_report_shows_the_flags_and_a_fixed_term(project, capsysbinary):
    fixed = "The Belt and Road Initiative ⟨1/⟩benefits the countries along the route."
    code, _, _ = review(
        capsysbinary, "edit", "speech.xlf", "--no-languagetool", "--sentence", "3-s1",
        "--text", fixed,
    )  # fmt: skip
    assert code == 0
    code, out, _ = review(
        capsysbinary, "report", "speech.xlf", "--no-languagetool", "--glossary", "glossary.csv",
        "--format", "json",
    )  # fmt: skip
    assert code == 0
    report = json.loads(out)
    assert [
        (s["id"], f["rule"], f["start"], f["end"], f["fate"])
        for s in report["sentences"]
        for f in s["flags"]
        if f["source"] == "terms"
    ] == [
        ("1-s1", "TERM_MISSING", 0, 49, "open"),
        ("2-s1", "TERM_VARIANT", 26, 34, "open"),
        ("3-s1", "TERM_MISSING", 0, 61, "resolved"),
    ]
