from review.checkers.terms.spelling import Variant, project_variant, spellings


def test_british_and_american_forms_of_a_term():
    assert spellings("labor organization") == {"labour organisation": Variant.BRITISH}
    assert spellings("Defence Centre") == {"Defense Center": Variant.AMERICAN}
    assert spellings("catalog") == {"catalogue": Variant.BRITISH}
    assert spellings("analyse") == {"analyze": Variant.AMERICAN}
    assert spellings("UN") == {}


def test_project_variant_from_the_language():
    assert project_variant("en-US") is Variant.AMERICAN
    assert project_variant("en-GB") is Variant.BRITISH
    assert project_variant("en_AU") is Variant.BRITISH
    assert project_variant("en") is None
    assert project_variant("en-CA") is None
