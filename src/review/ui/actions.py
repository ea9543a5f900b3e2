"""The one list of what the review screen can do: its keys, the footer, the help screen and the
command palette are all derived from it, so an action is declared once."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from textual.binding import Binding
from textual.keys import format_key


@dataclass(frozen=True, slots=True)
class Action:
    keys: str
    """Textual key names, comma-separated, as a Binding takes them."""
    action: str
    description: str
    group: str
    """The help screen's section."""
    footer: str | None = None
    """The footer's label; None keeps it out of the footer."""
    palette: str | None = None
    """The command palette's title; None keeps it out of the palette."""
    priority: bool = False
    help_keys: str | None = None
    """How help shows the keys when not as bound (a family of keys, "1–9")."""
    in_help: bool = True


MOVING = "Moving"
REVIEWING = "Reviewing"
VIEWS = "Views"
WHOLE = "Whole document (previewed; one undo step)"
SENTENCES = "Sentences (previewed; one undo step)"

ACTIONS: tuple[Action, ...] = (
    Action("n", "next_flagged", "Next flagged sentence", MOVING, footer="Next flag",
           palette="Next flagged sentence"),
    Action("N", "previous_flagged", "Previous flagged sentence", MOVING,
           palette="Previous flagged sentence"),
    Action("colon", "go_to", "Go to a sentence (number or id)", MOVING, palette="Go to sentence"),
    Action("tab,]", "select_flag(1)", "Next flag in the sentence", MOVING, priority=True),
    Action("shift+tab,[", "select_flag(-1)", "Previous flag in the sentence", MOVING,
           priority=True),
    *(
        Action(str(n), f"apply({n})", "Apply that suggestion of the selected flag", REVIEWING,
               help_keys="1–9", in_help=n == 1)
        for n in range(1, 10)
    ),
    Action("d", "dismiss_flag", "Dismiss the selected flag", REVIEWING, footer="Dismiss",
           palette="Dismiss flag"),
    Action("e,enter", "edit", "Edit the sentence", REVIEWING, footer="Edit",
           palette="Edit sentence"),
    Action("r", "toggle_reviewed", "Mark reviewed / to do", REVIEWING, footer="Reviewed",
           palette="Mark reviewed / to do"),
    Action("c", "comment", "Comment on the sentence", REVIEWING, palette="Comment"),
    Action("w", "add_word", "Add the selected spelling flag's word to the word list",
           REVIEWING, palette="Add to word list"),
    Action("a", "annotate", "MQM annotation of the selected flag's words", REVIEWING,
           palette="MQM annotation"),
    Action("u,ctrl+z", "undo", "Undo", REVIEWING, footer="Undo", palette="Undo"),
    Action("ctrl+y", "redo", "Redo", REVIEWING, palette="Redo"),
    Action("s,ctrl+s", "save", "Save", REVIEWING, footer="Save", palette="Save"),
    Action("D", "dismiss_everywhere", "Dismiss the selected flag's rule everywhere", WHOLE,
           palette="Dismiss rule everywhere"),
    Action("ctrl+d", "dismiss_everywhere(True)",
           "Dismiss the selected flag's rule everywhere it flags the same text", WHOLE,
           palette="Dismiss rule on this text everywhere"),
    Action("A", "accept_everywhere", "Accept the selected flag's rule everywhere (fixes that "
           "raise no new flag)", WHOLE, palette="Accept rule everywhere"),
    Action("R", "replace", "Find and replace (plain or regex, whole word, case)", WHOLE,
           palette="Find and replace"),
    Action("m", "merge_next", "Merge the sentence with the next one (a quotation cut in two)",
           SENTENCES, palette="Merge with the next sentence"),
    Action("b", "split", "Split the sentence in two: the editor opens, ctrl+o splits at its "
           "cursor", SENTENCES, palette="Split the sentence at the cursor"),
    Action("f", "filter", "Filter the sentences (kind, category, rule, checker, unit state)", VIEWS,
           palette="Filter"),
    Action("slash", "search", "Search the sentences (and a bilingual file's sources)", VIEWS,
           palette="Search"),
    Action("t", "toggle_source", "Show or hide the source column (bilingual files)", VIEWS,
           palette="Source column"),
    Action("question_mark,f1", "help", "Help: keys and marks", VIEWS, footer="Help",
           palette="Keys"),
    Action("q", "quit_review", "Quit (asks about unsaved changes)", VIEWS, footer="Quit",
           palette="Quit"),
)  # fmt: skip


def bindings(actions: Iterable[Action]) -> list[Binding]:
    return [
        Binding(
            a.keys,
            a.action,
            a.footer or a.description,
            show=a.footer is not None,
            priority=a.priority,
        )
        for a in actions
    ]


def key_display(keys: str) -> str:
    """``"question_mark,f1"`` as a person reads it: ``"? F1"``."""
    return " ".join(_one_key(key) for key in keys.split(","))


def _one_key(key: str) -> str:
    shown = format_key(key)
    if re.fullmatch(r"f\d+", shown):
        return shown.upper()
    return {"⏎": "Enter", "esc": "Escape"}.get(shown, shown)


def help_rows(actions: Sequence[Action]) -> list[tuple[str, list[tuple[str, str]]]]:
    """(section, [(keys as shown, what)]) in the order the sections first appear."""
    sections: dict[str, list[tuple[str, str]]] = {}
    for a in actions:
        if a.in_help:
            shown = a.help_keys or key_display(a.keys)
            sections.setdefault(a.group, []).append((shown, a.description))
    return list(sections.items())
