"""Finding source terms: substrings in a script without spaces, word boundaries in a spaced one,
any case, the longest first, no overlaps."""

from review.checkers.terms.source_matcher import SourceMatcher


def found(sources, text):
    matcher = SourceMatcher(sources)
    return [(m.start, m.end, sources[m.term]) for m in matcher.find(text)]


def test_a_chinese_term_is_found_inside_a_run_of_text():
    assert found(["中美", "政策性银行"], "双方举行了中美对话。政策性银行提供了贷款") == [
        (5, 7, "中美"),
        (10, 15, "政策性银行"),
    ]


def test_the_longest_term_wins_and_matches_do_not_overlap():
    sources = ["人文交流", "高级别人文交流磋商", "磋商机制"]
    assert found(sources, "中美高级别人文交流磋商机制") == [(2, 11, "高级别人文交流磋商")]


def test_a_latin_term_stands_at_word_boundaries_whatever_its_case():
    sources = ["UN", "World Bank"]
    # Beside Chinese characters a Latin term is a word of its own; inside a Latin word not.
    assert found(sources, "中国支持UN和world-bank的工作，UNESCO也是") == [
        (4, 6, "UN"),
        (7, 17, "World Bank"),
    ]
    assert found(sources, "Die UNO und die Weltbank") == []


def test_kana_hangul_and_thai_terms_are_substrings_too():
    assert found(["東京", "서울", "กรุงเทพ"], "東京都と서울은กรุงเทพฯ") == [
        (0, 2, "東京"),
        (4, 6, "서울"),
        (7, 14, "กรุงเทพ"),
    ]


def test_no_terms_find_nothing():
    assert found([], "中美") == []
    assert found(["  "], "中美  ") == []
