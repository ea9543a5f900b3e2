"""Checks that are off by default because they were measured mostly wrong.

A LanguageTool rule or a detector whose span precision is under 0.3 on the data we can see
(bench/flags_eval.py on ../shared/data: MLQE-PE dev, 2,000 lines, and the WMT21 TED zh→en
MQM dev sample, 529 lines; figures in the README) shows more false alarms than findings, and
an editor learns to ignore every flag. They stay one setting away:
`[languagetool] enabled_rules` brings a LanguageTool rule back, `[fluency] on` a detector.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from review.config import Config
from review.flags import Flag

# LanguageTool rule → (flags, flags on a gold span) over both data sets together.
NOISY_LANGUAGETOOL_RULES: dict[str, tuple[int, int]] = {
    "DASH_RULE": (49, 7),
    "COMMA_COMPOUND_SENTENCE": (16, 2),
    "COMMA_PERIOD_CONFUSION": (9, 0),
    "ELLIPSIS": (7, 0),
    "EN_UNPAIRED_BRACKETS": (6, 1),
}


def without_noise(flags: Iterable[Flag], config: Config) -> Iterator[Flag]:
    noisy = NOISY_LANGUAGETOOL_RULES.keys() - config.enabled_rules
    return (flag for flag in flags if flag.rule not in noisy)
