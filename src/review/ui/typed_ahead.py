"""Keys typed faster than the app takes them: each given once the one before it is handled,
and once the screen on top is ready for it.

A terminal sends a fast typist's keys, or a held key's repeats, at once. Textual hands each to
the focused widget as it comes, before the key ahead of it has been handled: a key that opens
a dialog (``:``, ``e``, ``/``) had not yet pushed it when the next keys were given to the main
screen (``1`` there applies a suggestion), and a dialog just pushed passes the keys it gets to
no widget until it has been shown and has given its input the focus. ``:``, ``12`` and Enter
typed at once went nowhere; ``e``, ctrl+a and a sentence typed at once left the sentence as it
was. Here a key waits until the widget it went to has handled the one before it, and until the
screen on top has been shown once, so it reaches the widget that would have had it had it been
typed slowly.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable
from time import monotonic
from typing import Any

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.screen import Screen
from textual.timer import Timer

# A key not handled, or a screen not ready, by then: the next key goes on anyway, as it would
# have without this.
WAIT_AT_MOST = 1.0
# How often held keys are offered while a screen gets ready.
OFFER_EVERY = 0.01
# Keys by which a dialog's bindings close it. Once one has reached the app's bindings, the dialog
# closes a few messages later: the next key waits for the screen on top to change (at most this
# long), or it would go to the closing dialog's input.
CLOSING_KEYS = frozenset({"enter", "escape", "ctrl+s"})
CLOSING_AT_MOST = 0.1

Typed = events.Key | events.Paste


def ready(screen: Screen[Any]) -> bool:
    """Whether ``screen`` is mounted and has been shown (Textual gives the focus then)."""
    return screen.is_mounted and screen.stack_updates > 0


class TypedAhead:
    """Gives ``app``'s keys and pastes on (``give``: as the app would have) one at a time, in
    order, each once the one before it is handled and the screen on top is ready. A key is
    handled when a widget stopped it, or when it has bubbled up to the app, whose bindings
    act last (``handled``, called by the app then)."""

    def __init__(self, app: App[Any], give: Callable[[Typed], Awaitable[None]]) -> None:
        self._app = app
        self._give = give
        self._held: deque[tuple[float, Typed]] = deque()
        # The last key given, the widget it went to and when, until it is handled.
        self._handling: tuple[Typed, DOMNode, float] | None = None
        # A dialog a closing key has reached the bindings of, and when.
        self._closing: tuple[Screen[Any], float] | None = None
        self._offering: Timer | None = None

    async def take(self, event: events.Event) -> bool:
        """Whether ``event`` is a key or a paste, taken here (given now or later)."""
        if not isinstance(event, Typed) or event.is_forwarded:
            return False
        self._held.append((monotonic(), event))
        await self._offer()
        return True

    async def handled(self, event: events.Event) -> None:
        """``event`` has come to the app's bindings, the last to act on it."""
        screen = self._app.screen
        if isinstance(event, events.Key) and event.key in CLOSING_KEYS and screen.is_modal:
            self._closing = screen, monotonic()
        await self._done(event)

    async def _done(self, event: events.Event) -> None:
        if self._handling is not None and self._handling[0] is event:
            self._handling = None
            await self._offer()

    async def _offer(self) -> None:
        while self._held and self._free():
            await self._send(self._held.popleft()[1])
        if self._held and self._offering is None:
            self._offering = self._app.set_interval(OFFER_EVERY, self._offer)
        elif not self._held and self._offering is not None:
            self._offering.stop()
            self._offering = None

    def _free(self) -> bool:
        now = monotonic()
        if self._handling is not None:
            _, target, since = self._handling
            # A widget removed with the key in its queue (Enter closed its dialog) never says.
            if target.is_attached and now - since < WAIT_AT_MOST:
                return False
            self._handling = None
        if self._closing is not None:
            screen, since = self._closing
            if screen is self._app.screen and now - since < CLOSING_AT_MOST:
                return False
            self._closing = None
        return ready(self._app.screen) or now - self._held[0][0] > WAIT_AT_MOST

    async def _send(self, event: Typed) -> None:
        target: DOMNode = self._app.focused or self._app.screen
        self._handling = event, target, monotonic()
        # Textual stops a message bubbling up to its sender (here the app) before the sender
        # has it, so a key let go on by the target would look stopped by it.
        event.set_sender(target)
        await self._give(event)
        if not event.is_forwarded:  # a priority binding of the app or the screen had it
            self._handling = None
            return
        # Run by the target after the key, which is in its queue now.
        target.call_later(self._reached, event)

    async def _reached(self, event: Typed) -> None:
        # A paste does not go on to the app's bindings; a key the target stopped neither (an
        # enter the sentence editor took: what follows it at once is more of the sentence).
        if isinstance(event, events.Paste) or _stopped(event):
            await self._done(event)


def _stopped(event: Typed) -> bool:
    """Whether a widget stopped ``event`` (it goes no further up)."""
    return bool(event._stop_propagation)
