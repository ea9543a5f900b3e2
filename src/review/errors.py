"""Errors the user is meant to read: one line, no traceback."""


class ReviewError(Exception):
    """A problem with the user's input or environment, reported as one line on stderr.

    The CLI turns it into ``review: <message>`` and ``exit_code``; anything else that escapes is
    a bug in review and keeps its traceback.
    """

    exit_code = 2

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def first_line(exc: BaseException) -> str:
    """An exception's message cut to its first line, for one-line error reports."""
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
