import pytest

from review.checkers.fluency import FluencyChecker
from review.checkers.fluency.data import load_table, parse_table
from review.checkers.fluency.lexicon import (
    IdiomCalque,
    LiteralPhrasing,
    SetPhrase,
    anchor_words,
    compile_pattern,
    core_words,
    required_words,
)
from review.document import load_document
from review.flags import MqmClass, Severity
from review.segment import segment
from support import SEED


def test_set_phrase_gets_the_official_rendering(flags):
    [flag] = flags(SetPhrase.rule, "We will build a community of human destiny together.")
    assert flag.text == "community of human destiny"
    assert flag.replacements == ("community with a shared future for mankind",)
    assert flag.mqm == MqmClass.MISTRANSLATION
    assert "人类命运共同体" in flag.message


def test_belt_and_road_variants(found):
    assert found(SetPhrase.rule, "The One Belt, One Road plan grew.") == [
        ("One Belt, One Road", ("The Belt and Road Initiative",))
    ]
    assert found(SetPhrase.rule, "The Belt and Road Initiative grew.") == []


def test_idiom_calque_keeps_the_capital_at_a_sentence_start(flags):
    [flag] = flags(IdiomCalque.rule, "Start a new stove, they said.")
    assert flag.replacements[0] == "Start from scratch"
    assert flag.severity == Severity.MAJOR


def test_idiom_inflected_and_with_optional_words(found):
    assert found(IdiomCalque.rule, "China did not seek to start a new stove.") == [
        ("start a new stove", ("start from scratch", "set up a rival system", "reinvent the wheel"))
    ]
    assert [t for t, _ in found(IdiomCalque.rule, "He was drawing a snake and adding feet.")] == [
        "drawing a snake and adding feet"
    ]


def test_garbled_saying(found):
    text = "The trend rolls on, and those who follow it will die."
    assert found(IdiomCalque.rule, text)[0][0] == "those who follow it will die"


def test_ordinary_english_near_an_idiom_is_silent(found):
    text = (
        "We bought a new stove. The chicken crossed the road. They were in the same boat. "
        "Paint the cake, then eat bitter melon."
    )
    assert found(IdiomCalque.rule, text) == []


def test_gap_pattern_carries_the_gap_into_the_suggestion(found):
    text = "They build relations with win-win cooperation as the core, as planned."
    assert found(LiteralPhrasing.rule, text) == [
        (
            "with win-win cooperation as the core",
            ("with win-win cooperation at its core", "centred on win-win cooperation"),
        )
    ]


def test_gap_does_not_cross_punctuation(found):
    assert found(LiteralPhrasing.rule, "With care, the team, as the core of it, won.") == []


def test_phrasing(found):
    assert found(LiteralPhrasing.rule, "We must give full play to our strengths.") == [
        ("give full play to", ("make full use of", "bring into full play"))
    ]


def test_pattern_syntax():
    pattern = compile_pattern("help|helped each_other|one_another in the? same boat")
    assert pattern.fullmatch("helped one  another in same boat")
    assert pattern.fullmatch("Help each other in the same boat")
    assert not pattern.fullmatch("help each another in the same boat")
    assert compile_pattern("win-win tiger's").fullmatch("win win tiger’s")


def test_anchor_is_a_required_content_word():
    assert anchor_words("with … as the|its core|main_line") == ("core", "main")
    assert anchor_words("the? broad masses") == ("masses",)
    with pytest.raises(ValueError):
        anchor_words("the|a? of")


def test_required_words_are_first_runs_of_a_to_z_of_required_tokens():
    assert required_words("with … as the|its core|main_line") == (
        frozenset({"with"}),
        frozenset({"as"}),
        frozenset({"the", "its"}),
        frozenset({"core", "main"}),
    )
    assert required_words("big-country|big-power sheep's? Café|x Éclair|x") == (
        frozenset({"big"}),
        frozenset({"caf", "x"}),
    )


def test_an_anchored_sentence_keeps_only_the_words_a_calque_requires():
    """What is kept of every sentence of a book that a calque may match: its anchors, and of
    its words those that some calque requires; a sentence with an anchor but without the
    words any of its calques require is not kept (no calque can match it)."""
    from review.checkers.fluency.document_text import DocumentText
    from review.checkers.fluency.lexicon import _anchored_sentences, _required_anywhere

    text = "They build a community of shared destiny, said Zebedee. The community met."
    ((sentence, anchors, words),) = _anchored_sentences(DocumentText(segment(text)))
    assert sentence.text == "They build a community of shared destiny, said Zebedee."
    assert "community" in anchors
    assert "zebedee" not in words and {"community", "of", "shared", "destiny"} <= set(words)
    assert set(words) == set(sentence.text.lower().replace(",", "").replace(".", "").split()) & (
        _required_anywhere()
    )


def test_entry_matched_with_letters_ignorecase_equates_with_a_to_z(found):
    # re.IGNORECASE matches "ſ" (long s) to "s": the required words are looked up so too.
    assert found(IdiomCalque.rule, "They will ſtart a new stove.")[0][0] == "ſtart a new stove"


def test_every_lexicon_entry_compiles_and_names_listed_sources():
    table = load_table("calques.tsv")
    known = {line.split("]")[0].strip("[ ") for line in table.sources.splitlines()[1:]}
    assert table.version.startswith("2")
    assert len(table.rows) > 60
    for pattern, suggestions, chinese, kind, sources in table.rows:
        compile_pattern(pattern)
        anchor_words(pattern)
        assert suggestions and chinese
        assert kind in {"term", "idiom", "phrasing"}
        assert set(sources.split()) <= known, pattern


def test_data_file_without_version_is_refused():
    with pytest.raises(ValueError, match="version"):
        parse_table("# name: x\n# sources: y\na\tb\n", "x.tsv")


def test_idiomatic_pace_of_change_is_silent(found):
    assert found("MT_LITERAL_PHRASING", "They accelerated the pace of reform.") == []
    assert found("MT_LITERAL_PHRASING", "They accelerated the speed of reform.") == [
        ("accelerated the speed of", ("accelerated",))
    ]


def test_same_boat_calque_is_flagged_in_every_sentence_of_the_seed():
    # s3 renders 同舟共济 cut short ("all countries in the same boat"); s14 and s38 in full.
    document = load_document(SEED)
    sentences = segment(document.text)
    flags = [
        (f.sentence_id, f.start, f.end, f.text, f.message)
        for f in FluencyChecker(rules=frozenset({"MT_IDIOM_CALQUE"})).check(
            document.text, sentences
        )
        if "同舟共济" in f.message
    ]
    assert flags == [
        (
            "s3",
            111,
            127,
            "in the same boat",
            "Chinese idiom translated word for word (同舟共济; in full in s14, s38)",
        ),
        ("s14", 234, 266, "help each other in the same boat", IDIOM_MESSAGE),
        ("s38", 22, 54, "help each other in the same boat", IDIOM_MESSAGE),
    ]


IDIOM_MESSAGE = "Chinese idiom translated word for word (同舟共济)"


def test_an_echo_names_five_places_and_counts_them_however_long_the_book():
    # Naming every place made each echo's message grow with the book: 7.9 kB on average at
    # 20,000 sentences, and their sum with the square of the book.
    full = "Nations help each other in the same boat."
    text = " ".join([full] * 40 + ["All nations in the same boat agree."])
    [echo] = [
        f.message
        for f in FluencyChecker(rules=frozenset({"MT_IDIOM_CALQUE"})).check(text, segment(text))
        if f.text == "in the same boat"
    ]
    assert echo == (
        "Chinese idiom translated word for word "
        "(同舟共济; in full in 40 sentences: s1, s2, s3, s4, s5, …)"
    )


def test_core_of_a_calque_echoes_only_where_the_whole_calque_is_in_the_text(found):
    alone = "We are all in the same boat now."
    assert found("MT_IDIOM_CALQUE", alone) == []
    text = "Nations must help each other in the same boat. All nations in the same boat agree."
    assert found("MT_IDIOM_CALQUE", text) == [
        ("help each other in the same boat", ("pull together",)),
        ("in the same boat", ()),
    ]


def test_core_words_are_the_longest_fixed_run_with_two_content_words():
    assert core_words("help|helps each_other|one_another in the same boat") == "in the same boat"
    assert core_words("cross|crosses the river in the same boat") == "the river in the same boat"
    assert core_words("give full play to") == "give full play to"
    assert core_words("with … as the core") is None
    assert core_words("one belt,|belt one road") is None


def test_suggestions_keep_the_tense_of_the_word_they_replace(found):
    assert found("MT_LITERAL_PHRASING", "It accelerates the speed of reform.") == [
        ("accelerates the speed of", ("accelerates",))
    ]
    assert found("MT_LITERAL_PHRASING", "Accelerating the speed of reform.") == [
        ("Accelerating the speed of", ("Accelerating",))
    ]


def test_inflection_keeps_number_and_leaves_other_words_alone():
    from review.checkers.fluency.lexicon import _inflected_like

    assert _inflected_like("communities", "community with a shared future") == (
        "communities with a shared future"
    )
    assert _inflected_like("stopped", "stop the talks") == "stopped the talks"
    assert _inflected_like("with", "centred on …") == "centred on …"
