"""The language-tool-python client, kept apart so that a fully cached check never imports it
(with requests it costs a quarter of a second at start-up)."""

from __future__ import annotations

from language_tool_python import LanguageTool, Match
from language_tool_python.exceptions import LanguageToolError
from requests import RequestException

from review.config import Config
from review.errors import ReviewError, first_line
from review.languagetool.match import ServerMatch

# The UI offers suggestions on keys 1–9; spelling rules can return dozens.
MAX_REPLACEMENTS = 9

ClientError = (LanguageToolError, RequestException, OSError)


def server_match(match: Match) -> ServerMatch:
    return ServerMatch(
        offset=match.offset,
        length=match.error_length,
        rule=match.rule_id,
        category=match.category,
        issue_type=match.rule_issue_type,
        message=match.message,
        replacements=tuple(match.replacements[:MAX_REPLACEMENTS]),
    )


class Client(LanguageTool):
    """The library's client with our settings and timeout: it waits 300 s (twice) for an
    answer, and a server that slow is one to report, not to wait for."""

    def __init__(self, url: str, config: Config) -> None:
        self._timeout = config.languagetool_timeout
        try:
            super().__init__(config.language, remote_server=url)
        except ClientError as exc:
            raise ReviewError(f"LanguageTool at {url} did not answer: {first_line(exc)}") from None
        except ValueError as exc:
            raise ReviewError(f"LanguageTool: {first_line(exc)}") from None
        self.picky = config.picky
        self.disabled_rules = set(config.disabled_rules)
        self.enabled_rules = set(config.enabled_rules)
        self.disabled_categories = set(config.disabled_categories)

    @property
    def _TIMEOUT(self) -> float:  # type: ignore[override]
        return self._timeout
