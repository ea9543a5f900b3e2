from review.checkers.fluency.artefacts import Markup, UnknownToken


def test_unk_run_is_one_flag(found):
    assert found(UnknownToken.rule, "The bend is < unk > < unk > <unk> here.") == [
        ("< unk > < unk > <unk>", ())
    ]


def test_unk_inside_words_is_silent(found):
    assert found(UnknownToken.rule, "A chunk of junk in Dunkirk.") == []


def test_markup_codes(found):
    text = "He said &quot;yes&quot; at the 250px [[Pakistan]] <b>office</b> and trans@@ lation."
    assert found(Markup.rule, text) == [
        ("&quot;", ('"',)),
        ("&quot;", ('"',)),
        ("250px", ()),
        ("[[", ()),
        ("]]", ()),
        ("<b>", ()),
        ("</b>", ()),
        ("@@ ", ("",)),
    ]


def test_prose_with_symbols_is_silent(found):
    text = "Mail me@example.com; A&B rose 5 < 6 > 4, right and left thumbs [1] {x}."
    assert found(Markup.rule, text) == []
