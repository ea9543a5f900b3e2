"""Rules measured mostly wrong are off by default, one setting away."""

from __future__ import annotations

from review.checkers.consensus.noise import without_noise
from review.config import Config
from review.flags import Category, Flag, MqmClass, Severity


def lt_flag(rule: str) -> Flag:
    return Flag(
        "s1", 0, 1, "languagetool", rule, Category.TYPOGRAPHY, MqmClass.TYPOGRAPHY,
        Severity.MINOR, "m", "-",
    )  # fmt: skip


def test_dash_rule_is_off_and_enabled_rules_bring_it_back():
    flags = [lt_flag("DASH_RULE"), lt_flag("EN_A_VS_AN")]
    assert [f.rule for f in without_noise(flags, Config())] == ["EN_A_VS_AN"]
    config = Config(enabled_rules=frozenset({"DASH_RULE"}))
    assert [f.rule for f in without_noise(flags, config)] == ["DASH_RULE", "EN_A_VS_AN"]
