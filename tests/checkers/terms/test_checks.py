"""The glossary checks: forbidden terms and terms in a variant form, at exact offsets."""

from pathlib import Path

from review.checkers.terms import ForbiddenTerms, TermVariants
from review.checkers.terms.glossary import load_glossary
from review.checkers.terms.term import Term
from review.document import load_document
from review.segment import segment
from support import SEED

SEED_GLOSSARY = """\
# written for this test: five terms the seed uses, three of them not as the glossary has them
use: New York
use: China–US
use: Supreme Leader
use: High-Level Consultation on People-to-People Exchange
avoid: community of human destiny → community with a shared future for mankind
"""


def flags_of(terms, text, language="en-US"):
    sentences = segment(text)
    checkers = (ForbiddenTerms(terms, language), TermVariants(terms, language))
    return [
        (f.sentence_id, f.start, f.end, f.rule, f.text, f.replacements)
        for checker in checkers
        for f in checker.check(text, sentences)
    ]


def test_a_glossary_of_five_terms_on_the_seed(tmp_path: Path) -> None:
    path = tmp_path / "glossary.txt"
    path.write_text(SEED_GLOSSARY, encoding="utf-8")
    terms = load_glossary(path, "en-US")
    assert len(terms) == 5
    found = flags_of(terms, load_document(SEED).text)
    shared_future = ("community with a shared future for mankind",)
    forbidden = [
        (sid, start, start + 26, "TERM_FORBIDDEN", "community of human destiny", shared_future)
        for sid, start in (("s5", 484), ("s45", 175), ("s58", 24))
    ]
    china_us = [
        (sid, start, start + 8, "TERM_VARIANT", "China-US", ("China–US",))
        for sid, start in (("s5", 53), ("s5", 119), ("s8", 98), ("s8", 151))
    ]
    consultation = "High-level Consultation on People-to-People Exchanges"
    assert sorted(found) == sorted(
        [
            *forbidden,
            *china_us,
            ("s8", 160, 160 + len(consultation), "TERM_VARIANT", consultation,
             ("High-Level Consultation on People-to-People Exchange",)),
            ("s39", 4, 18, "TERM_VARIANT", "supreme leader", ("Supreme Leader",)),
            ("s44", 140, 148, "TERM_VARIANT", "new york", ("New York",)),
        ]
    )  # fmt: skip


def test_messages_say_what_differs() -> None:
    terms = (
        Term("New York"),
        Term("labor union"),
        Term("e-mail", forbidden=True, preferred="email"),
    )
    text = "Unions in new york. A labour union sent e-mails."
    sentences = segment(text)
    messages = [
        f.message
        for checker in (ForbiddenTerms(terms, "en-US"), TermVariants(terms, "en-US"))
        for f in checker.check(text, sentences)
    ]
    assert messages == [
        "The glossary forbids “e-mail”; it has “email”",
        "Glossary term in another form (other capitals): the glossary has “New York”",
        "Glossary term in another form (British spelling): the glossary has “labor union”",
    ]


def test_a_name_in_the_plural_is_a_variant_a_common_noun_is_not() -> None:
    terms = (Term("Belt and Road Initiative"), Term("policy bank"))
    text = "Two belt and road initiatives and two policy banks."
    sentences = segment(text)
    assert [
        (f.text, f.message, f.replacements)
        for f in TermVariants(terms, "en").check(text, sentences)
    ] == [
        (
            "belt and road initiatives",
            "Glossary term in another form (other capitals, plural): "
            "the glossary has “Belt and Road Initiative”",
            ("Belt and Road Initiative",),
        )
    ]


def test_forbidden_term_suggestion_keeps_the_inflection_and_the_capital() -> None:
    terms = (Term("e-mail", forbidden=True, preferred="email"),)
    assert flags_of(terms, "E-mails came. We read the e-mail's header.") == [
        ("s1", 0, 7, "TERM_FORBIDDEN", "E-mails", ("Emails",)),
        ("s2", 12, 20, "TERM_FORBIDDEN", "e-mail's", ("email's",)),
    ]


def test_inflected_terms_and_a_capital_at_the_sentence_start_are_fine() -> None:
    terms = (Term("policy bank"), Term("win-win cooperation"))
    text = "Policy banks lend. “Win-win cooperation” is the policy bank’s aim."
    assert flags_of(terms, text) == []


def test_the_projects_spelling_variant_is_fine() -> None:
    terms = (Term("labor union"),)
    text = "The labour union met."
    assert flags_of(terms, text, "en-GB") == []
    assert flags_of(terms, text, "en-US") == [
        ("s1", 4, 16, "TERM_VARIANT", "labour union", ("labor union",))
    ]
    # A language without a region asks for neither: the glossary's form is the one.
    assert flags_of(terms, text, "en")[0][5] == ("labor union",)


def test_forbidden_term_without_a_preferred_one_has_no_suggestion() -> None:
    terms = (Term("Peking", forbidden=True),)
    assert flags_of(terms, "He flew to Peking.") == [("s1", 11, 17, "TERM_FORBIDDEN", "Peking", ())]
