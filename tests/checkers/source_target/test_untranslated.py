from review.checkers.source_target.untranslated import EmptyTarget, SameAsSource, UntranslatedRun
from review.flags import MqmClass, Severity


def test_empty_target(flags):
    [flag] = flags(EmptyTarget.rule, "你好。", "  ")
    assert (flag.start, flag.end, flag.message) == (0, 2, "the translation is empty")
    assert (flag.mqm, flag.severity) == (MqmClass.OMISSION, Severity.CRITICAL)


def test_empty_source_and_target_is_fine(found):
    assert found(EmptyTarget.rule, "", "") == []


def test_target_same_as_source(flags):
    [flag] = flags(SameAsSource.rule, "这是美国总统。", "这是美国总统。")
    assert (flag.start, flag.end, flag.text) == (0, 7, "这是美国总统。")
    assert flag.message == "the translation is the same as the source"
    assert flag.mqm == MqmClass.NON_TRANSLATION


def test_names_and_codes_may_stay_as_they_are(found):
    assert found(SameAsSource.rule, "iPhone", "iPhone", "et") == []
    assert found(SameAsSource.rule, "2019–2020", "2019–2020", "et") == []
    assert found(SameAsSource.rule, "Tallinn Tartu", "Tallinn Tartu", "et") != []


def test_source_text_left_in_the_target(flags):
    [flag] = flags(UntranslatedRun.rule, "他说同舟共济。", "He said 同舟共济, all of us.")
    assert (flag.start, flag.end, flag.text) == (8, 12, "同舟共济")
    assert flag.message == "同舟共济 is left untranslated from the source"
    assert flag.mqm == MqmClass.UNTRANSLATED


def test_run_spans_spaces_between_words_of_the_source_script(found):
    assert found(UntranslatedRun.rule, "他说 同舟 共济", "He said 同舟 共济 today") == [
        (8, 13, "同舟 共济")
    ]


def test_foreign_text_not_in_the_source_is_left_to_the_fluency_detector(found):
    assert found(UntranslatedRun.rule, "他说了。", "He said 同舟共济.") == []
