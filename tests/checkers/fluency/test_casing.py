from review.checkers.fluency.casing import OddCase, ProperNounCase
from review.checkers.fluency.data import load_table

RULE = ProperNounCase.rule


def test_lower_case_city_gets_its_capitals(flags):
    [flag] = flags(RULE, "He spoke at the UN Headquarters in new york, then flew home.")
    assert (flag.text, flag.start, flag.replacements) == ("new york", 35, ("New York",))


def test_half_capitalised_name_and_languages(found):
    text = "She moved to New york and studied nepali and english on monday."
    assert found(RULE, text) == [
        ("New york", ("New York",)),
        ("nepali", ("Nepali",)),
        ("english", ("English",)),
        ("monday", ("Monday",)),
    ]


def test_legitimate_new_at_a_sentence_start_is_silent(found):
    assert found(RULE, "New York is big. New ideas came from new yorkers. New rules apply.") == []


def test_ordinary_words_that_are_also_names_are_not_listed(found):
    text = "They ate turkey off fine china in may, then march on; a new jersey for Chad."
    assert found(RULE, text) == []


def test_capitals_urls_and_hashtags_are_silent(found):
    text = "NEW YORK (AP) — See beijing.gov.cn, #london and @paris for news from Beijing."
    assert found(RULE, text) == []


def test_proper_noun_list_is_versioned_and_sourced():
    table = load_table("proper_nouns.tsv")
    assert table.version.startswith("1")
    assert "M49" in table.sources and "CLDR" in table.sources
    assert ("New York", "city", "M49") in table.rows
    assert all(len(row) == 3 for row in table.rows)


ODD = OddCase.rule


def test_capital_inside_a_word_and_capital_possessive(found):
    text = "The Austrian ertsherDug came to the king'S party at Disney'S expo."
    assert found(ODD, text) == [
        ("ertsherDug", ()),
        ("'S", ("'s",)),
        ("'S", ("'s",)),
    ]


def test_brand_names_units_and_capitals_are_silent(found):
    text = (
        "Her iPhone, eBay, macOS and watchOS; 120 mmHg, 5 kWh, mRNA and siRNA; "
        "KING'S ROAD, McDonald."
    )
    assert found(ODD, text) == []


def test_longest_name_wins(found):
    assert found(RULE, "He flew from south africa to the united states of america.") == [
        ("south africa", ("South Africa",)),
        ("united states of america", ("United States of America",)),
    ]


def test_names_are_in_ascii():
    # ProperNounCase looks for a name in the lower case of a whole sentence, which is the
    # lower case of each of its letters only for such text.
    assert all(row[0].isascii() for row in load_table("proper_nouns.tsv").rows)


def test_common_word_capitalised_mid_sentence(found):
    text = "It was different. Times are different. We are different. It was very, very Different."
    assert found("MT_MID_CAPITAL", text) == [("Different", ("different",))]


def test_mid_sentence_capitals_of_names_and_titles_are_silent(found):
    text = (
        "The way is long. A way out. No way back. We saw the Milky Way. "
        "The earth turns, the earth and the earth. We love the Earth and Earth loves us."
    )
    assert found("MT_MID_CAPITAL", text) == []
