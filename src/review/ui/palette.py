"""Colours of categories and severities: mid-luminance hues that read on dark and light
backgrounds alike (the UI's own chrome follows the Textual theme)."""

from __future__ import annotations

from review.flags import Category, Severity

CATEGORY_COLOURS: dict[Category, str] = {
    Category.GRAMMAR: "#e0524a",
    Category.SPELLING: "#a371f7",
    Category.CAPITALIZATION: "#c08a1e",
    Category.PUNCTUATION: "#1f9e8f",
    Category.TYPOGRAPHY: "#3f88d8",
    Category.STYLE: "#d0609f",
    Category.WORDING: "#d07a2a",
    Category.UNTRANSLATED: "#2e9f4a",
    Category.MISTRANSLATION_RISK: "#c93a5a",
    Category.OTHER: "#8a8a8a",
}

SEVERITY_COLOURS: dict[Severity, str] = {
    Severity.CRITICAL: "#e0524a",
    Severity.MAJOR: "#d07a2a",
    Severity.MINOR: "#3f88d8",
}
