"""What we keep of a LanguageTool match, and how its category maps onto ours."""

from __future__ import annotations

from dataclasses import dataclass

from review.flags import Category, MqmClass, Severity

# LanguageTool category id → ours. Issue types (below) refine what the category leaves open.
_CATEGORIES: dict[str, tuple[Category, MqmClass, Severity]] = {
    "GRAMMAR": (Category.GRAMMAR, MqmClass.GRAMMAR, Severity.MAJOR),
    "CONFUSED_WORDS": (Category.WORDING, MqmClass.GRAMMAR, Severity.MAJOR),
    "SEMANTICS": (Category.MISTRANSLATION_RISK, MqmClass.MISTRANSLATION, Severity.MAJOR),
    "TYPOS": (Category.SPELLING, MqmClass.SPELLING, Severity.MINOR),
    "CASING": (Category.CAPITALIZATION, MqmClass.SPELLING, Severity.MINOR),
    "PUNCTUATION": (Category.PUNCTUATION, MqmClass.PUNCTUATION, Severity.MINOR),
    "TYPOGRAPHY": (Category.TYPOGRAPHY, MqmClass.TYPOGRAPHY, Severity.MINOR),
    "COMPOUNDING": (Category.SPELLING, MqmClass.SPELLING, Severity.MINOR),
    "COLLOCATIONS": (Category.WORDING, MqmClass.AWKWARD, Severity.MINOR),
    "NONSTANDARD_PHRASES": (Category.WORDING, MqmClass.AWKWARD, Severity.MINOR),
    "REDUNDANCY": (Category.STYLE, MqmClass.AWKWARD, Severity.MINOR),
    "STYLE": (Category.STYLE, MqmClass.AWKWARD, Severity.MINOR),
    "PLAIN_ENGLISH": (Category.STYLE, MqmClass.AWKWARD, Severity.MINOR),
    "REPETITIONS_STYLE": (Category.STYLE, MqmClass.AWKWARD, Severity.MINOR),
    "WIKIPEDIA": (Category.STYLE, MqmClass.AWKWARD, Severity.MINOR),
    "AMERICAN_ENGLISH_STYLE": (Category.SPELLING, MqmClass.INCONSISTENCY, Severity.MINOR),
    "BRITISH_ENGLISH": (Category.SPELLING, MqmClass.INCONSISTENCY, Severity.MINOR),
}
_ISSUE_TYPES: dict[str, tuple[Category, MqmClass, Severity]] = {
    "misspelling": (Category.SPELLING, MqmClass.SPELLING, Severity.MINOR),
    "grammar": (Category.GRAMMAR, MqmClass.GRAMMAR, Severity.MAJOR),
    "typographical": (Category.TYPOGRAPHY, MqmClass.TYPOGRAPHY, Severity.MINOR),
    "whitespace": (Category.TYPOGRAPHY, MqmClass.TYPOGRAPHY, Severity.MINOR),
    "duplication": (Category.GRAMMAR, MqmClass.GRAMMAR, Severity.MINOR),
    "style": (Category.STYLE, MqmClass.AWKWARD, Severity.MINOR),
    "locale-violation": (Category.SPELLING, MqmClass.INCONSISTENCY, Severity.MINOR),
    "inconsistency": (Category.STYLE, MqmClass.INCONSISTENCY, Severity.MINOR),
    "register": (Category.STYLE, MqmClass.AWKWARD, Severity.MINOR),
    "mistranslation": (Category.MISTRANSLATION_RISK, MqmClass.MISTRANSLATION, Severity.MAJOR),
    "untranslated": (Category.UNTRANSLATED, MqmClass.NON_TRANSLATION, Severity.MAJOR),
}
_FALLBACK = (Category.OTHER, MqmClass.GRAMMAR, Severity.MINOR)


@dataclass(frozen=True, slots=True)
class ServerMatch:
    """What we keep of one LanguageTool match; offsets are into the paragraph sent."""

    offset: int
    length: int
    rule: str
    category: str
    issue_type: str
    message: str
    replacements: tuple[str, ...]


def classify(category: str, issue_type: str) -> tuple[Category, MqmClass, Severity]:
    """Our category, MQM class and severity for a LanguageTool category id and issue type.

    The issue type wins where it is specific (LanguageTool files many typographic rules under
    MISC or GRAMMAR but marks them `typographical`/`whitespace`).
    """
    if issue_type in ("typographical", "whitespace", "duplication"):
        return _ISSUE_TYPES[issue_type]
    return _CATEGORIES.get(category) or _ISSUE_TYPES.get(issue_type) or _FALLBACK
