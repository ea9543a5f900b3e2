"""The review app: one main screen over one document's review session."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import events
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from review.session import ReviewSession
from review.ui.actions import ACTIONS
from review.ui.checks import CheckerStages
from review.ui.opening import DocumentOpener
from review.ui.plain_notices import PlainNoticesApp
from review.ui.screens.main import MainScreen
from review.ui.typed_ahead import TypedAhead

SWITCH_INTERVAL = 0.0005


class ReviewApp(PlainNoticesApp):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True)
    ]
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
        self._typed_ahead = TypedAhead(self, super().on_event)

    async def on_event(self, event: events.Event) -> None:
        if not await self._typed_ahead.take(event):
            await super().on_event(event)

    async def _on_key(self, event: events.Key) -> None:
        # A key's last handler is the app's bindings (Textual's App._on_key, called after this
        # one): the key is handled once this message is.
        self.call_next(self._typed_ahead.handled, event)

    def on_mount(self) -> None:
        # The checkers' threads share the interpreter lock with the UI; a thread that wants
        # it waits up to the switch interval, and a frame takes it many times. At the default
        # 5 ms a key took over 50 ms while the fluency detectors ran over a book.
        sys.setswitchinterval(SWITCH_INTERVAL)
        self.push_screen(self.main)

    @property
    def session(self) -> ReviewSession | None:
        return self.main.session

    async def action_quit(self) -> None:
        """Every way of quitting (ctrl+q, ctrl+c, the palette) asks about unsaved changes."""
        self.main.action_quit_review()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:  # type: ignore[type-arg]
        ours = {a.palette for a in ACTIONS}
        # Textual's own "Keys" and "Quit" would stand beside ours.
        yield from (c for c in super().get_system_commands(screen) if c.title not in ours)
        main = self.main
        for a in ACTIONS:
            if a.palette is not None:
                yield SystemCommand(a.palette, a.description, partial(main.run_action, a.action))
        for key, label in main.filter_choices():
            yield SystemCommand(
                f"Show {label}", "Filter the sentence table", partial(main.set_filter, key)
            )
