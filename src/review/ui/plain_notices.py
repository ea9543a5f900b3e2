"""The apps' notifications as plain text."""

from __future__ import annotations

from textual.app import App
from textual.notifications import SeverityLevel


class PlainNoticesApp(App[None]):
    """An app whose notifications are never read as markup: they hold file names, words of
    the document and what the editor typed, and Textual reads ``[…]`` as a style ("[review]"
    vanished from a notice; "[/b]" typed as a sentence number ended the review in a
    traceback). Screens and widgets notify through the app."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        # ``markup`` is taken and left unused: a screen's ``notify`` passes it (True).
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)
