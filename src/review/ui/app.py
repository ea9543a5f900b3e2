"""The review app: one main screen over one document's review session."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.screen import Screen

from review.session import ReviewSession
from review.ui.checks import CheckerStages
from review.ui.opening import DocumentOpener
from review.ui.screens.main import MainScreen


class ReviewApp(App[None]):
    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "review"

    def __init__(
        self,
        file: str,
        opener: DocumentOpener,
        stages: CheckerStages,
    ) -> None:
        super().__init__()
        self.main = MainScreen(file, opener, stages)
        self.sub_title = file

    def on_mount(self) -> None:
        self.push_screen(self.main)

    @property
    def session(self) -> ReviewSession | None:
        return self.main.session

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:  # type: ignore[type-arg]
        yield from super().get_system_commands(screen)
        main = self.main
        commands: list[tuple[str, str, Callable[[], object]]] = [
            ("Save", "Write corrections/<name>.patch", main.action_save),
            ("Undo", "Undo the last change", main.action_undo),
            ("Redo", "Redo the last undone change", main.action_redo),
            (
                "Next flagged sentence",
                "Jump to the next sentence with a flag",
                main.action_next_flagged,
            ),
            (
                "Previous flagged sentence",
                "Jump back to a sentence with a flag",
                main.action_previous_flagged,
            ),
            ("Edit sentence", "Rewrite the selected sentence", main.action_edit),
            ("Mark reviewed / to do", "Toggle the sentence's status", main.action_toggle_reviewed),
            ("Dismiss flag", "Dismiss the selected flag", main.action_dismiss_flag),
            ("Comment", "Comment on the sentence", main.action_comment),
            ("MQM annotation", "Annotate an MQM error", main.action_annotate),
            ("Search", "Show only sentences containing a text", main.action_search),
            ("Keys", "Show every key", main.action_help),
            ("Quit review", "Quit (asks about unsaved changes)", main.action_quit_review),
        ]
        for key, label in main.filter_choices():
            commands.append(
                (f"Show {label}", "Filter the sentence table", lambda key=key: main.set_filter(key))
            )
        for title, help_text, callback in commands:
            yield SystemCommand(title, help_text, callback)
