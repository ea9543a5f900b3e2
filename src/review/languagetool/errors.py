"""Why LanguageTool cannot be had; callers fall back to the checks that need no server."""

from review.errors import ReviewError


class LanguageToolUnavailable(ReviewError):
    """No usable LanguageTool: Maven, Java or the server failed. ``reason`` is one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
