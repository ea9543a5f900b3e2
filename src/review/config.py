"""Settings from `review.toml`: the working folder's, else the user's config dir's."""

from __future__ import annotations

import difflib
import json
import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar

from platformdirs import user_config_dir

from review.errors import ReviewError

CONFIG_NAME = "review.toml"
WORDS_NAME = "review-words.txt"
# A BCP 47 tag's language subtag, with an optional script or region: "zh", "zh-Hant", "pt_BR".
_LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")

T = TypeVar("T")

# `[style]` of review.toml: the house conventions a project may pin, and the values of each.
# What is not pinned is read from the document (its majority usage).
STYLE_CHOICES: dict[str, tuple[str, ...]] = {
    "quotes": ("straight", "curly"),
    "spelling": ("us", "uk"),
    "serial_comma": ("on", "off"),
    "dashes": ("em", "spaced-en"),
    "numbers": ("grouped", "plain"),
}


# The lowest priority a process can have (nice(2)).
MAX_NICENESS = 19


def default_concurrency() -> int:
    """Measured on 2 cores: 4 requests in flight keep LanguageTool busy; 8 were 20 % slower."""
    return (os.cpu_count() or 1) + 2


@dataclass(frozen=True, slots=True)
class Config:
    language: str = "en-US"
    # ISO 639 code of the language the text was translated from; "" when not known.
    source_language: str = ""
    reviewer: str = ""
    picky: bool = True
    languagetool_timeout: int = 60
    # The texts' encoding when it is not UTF-8 and should not be guessed; "" to detect it.
    encoding: str = ""
    # Requests in flight per LanguageTool server (a Dask worker's threads for a cluster).
    languagetool_concurrency: int = field(default_factory=default_concurrency)
    # Candidate fixes (a paragraph with one suggestion applied) LanguageTool checks again at
    # most; past that, suggestions are vetted by our detectors alone (0: never).
    languagetool_rechecks: int = 200
    # The niceness `review check` runs at beside a LanguageTool server (0: as it was started).
    languagetool_client_niceness: int = 10
    # A Dask scheduler's address (tcp://HOST:PORT) or local:N; "" runs on this machine.
    cluster: str = ""
    disabled_rules: frozenset[str] = field(default_factory=frozenset)
    enabled_rules: frozenset[str] = field(default_factory=frozenset)
    disabled_categories: frozenset[str] = field(default_factory=frozenset)
    # Fluency detectors by rule id: `fluency_on` turns on one that is off by default.
    fluency_off: frozenset[str] = field(default_factory=frozenset)
    fluency_on: frozenset[str] = field(default_factory=frozenset)
    # Glossaries ([terms] files, and --glossary), as given or resolved against review.toml.
    glossaries: tuple[Path, ...] = ()
    # The word list ([review] words); None: review-words.txt beside review.toml.
    words: Path | None = None
    # (convention, value) pairs from `[style]`, e.g. ("quotes", "curly").
    style: tuple[tuple[str, str], ...] = ()
    source: Path | None = None
    # [bilingual] update_state: marking a unit reviewed sets its state in the file too.
    update_state: bool = False
    # Source–target checks by rule id ([source_target] on/off), as for the fluency detectors.
    source_target_on: frozenset[str] = field(default_factory=frozenset)
    source_target_off: frozenset[str] = field(default_factory=frozenset)

    def word_list(self) -> Path:
        """The project's word list: [review] words, else review-words.txt beside the
        review.toml (the working folder when there is none)."""
        if self.words is not None:
            return self.words
        return (self.source.parent if self.source else Path.cwd()) / WORDS_NAME

    def key(self) -> str:
        """Every setting in one text, the same in every process (sets sorted, paths as
        text): part of the key of what follows from the whole configuration."""
        return json.dumps(
            {f.name: _canonical(getattr(self, f.name)) for f in fields(self)}, sort_keys=True
        )

    def languagetool_key(self) -> str:
        """What of the configuration changes LanguageTool's answer (part of the cache key)."""
        return "|".join(
            [
                self.language,
                "picky" if self.picky else "default",
                ",".join(sorted(self.disabled_rules)),
                ",".join(sorted(self.enabled_rules)),
                ",".join(sorted(self.disabled_categories)),
            ]
        )


def _canonical(value: object) -> object:
    if isinstance(value, frozenset):
        return sorted(_canonical(v) for v in value)  # type: ignore[type-var]
    if isinstance(value, tuple):
        return [_canonical(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    return value


def config_paths(cwd: Path | None = None) -> tuple[Path, ...]:
    return ((cwd or Path.cwd()) / CONFIG_NAME, Path(user_config_dir("review")) / CONFIG_NAME)


def load_config(cwd: Path | None = None) -> Config:
    for path in config_paths(cwd):
        if path.is_file():
            return parse_config(path)
    return Config()


def parse_config(path: Path) -> Config:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ReviewError(f"{path}: cannot be read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ReviewError(f"{path}: is not valid TOML: {exc}") from None
    _only_known(data, path)
    review = _table(data, "review", path)
    lt = _table(data, "languagetool", path)
    fluency = _table(data, "fluency", path)
    terms = _table(data, "terms", path)
    bilingual = _table(data, "bilingual", path)
    source_target = _table(data, "source_target", path)
    words = _get(review, "words", str, "", path)
    style = _table(data, "style", path)
    cluster = _table(data, "cluster", path)
    return Config(
        language=_get(review, "language", str, "en-US", path),
        source_language=_language_code(review, "source_language", path),
        reviewer=_get(review, "reviewer", str, "", path),
        encoding=_encoding(review, path),
        picky=_get(lt, "picky", bool, True, path),
        languagetool_timeout=_at_least(1, lt, "timeout", 60, path),
        languagetool_concurrency=_at_least(1, lt, "concurrency", default_concurrency(), path),
        languagetool_rechecks=_at_least(0, lt, "recheck_suggestions", 200, path),
        languagetool_client_niceness=_niceness(lt, "client_niceness", 10, path),
        cluster=_get(cluster, "scheduler", str, "", path),
        disabled_rules=_names(lt, "disabled_rules", path),
        enabled_rules=_names(lt, "enabled_rules", path),
        disabled_categories=_names(lt, "disabled_categories", path),
        fluency_off=_names(fluency, "off", path),
        fluency_on=_names(fluency, "on", path),
        glossaries=tuple(path.parent / name for name in _strings(terms, "files", path)),
        words=path.parent / words if words else None,
        style=_style(style, path),
        source=path,
        update_state=_get(bilingual, "update_state", bool, False, path),
        source_target_on=_names(source_target, "on", path),
        source_target_off=_names(source_target, "off", path),
    )


# The keys of each table ([style]'s are STYLE_CHOICES'): a key review does not know is an
# error, not ignored, so that a misspelt setting (`[fluency] disabled` for `off`) is not
# silently left unapplied.
_KEYS: dict[str, tuple[str, ...]] = {
    "review": ("language", "source_language", "reviewer", "words", "encoding"),
    "languagetool": (
        "picky", "timeout", "concurrency", "recheck_suggestions", "client_niceness",
        "disabled_rules", "enabled_rules", "disabled_categories",
    ),
    "fluency": ("off", "on"),
    "terms": ("files",),
    "style": tuple(STYLE_CHOICES),
    "bilingual": ("update_state",),
    "source_target": ("on", "off"),
    "cluster": ("scheduler",),
}  # fmt: skip


def _only_known(data: Mapping[str, Any], path: Path) -> None:
    for name, table in data.items():
        if name not in _KEYS:
            known = ", ".join(f"[{t}]" for t in _KEYS)
            raise ReviewError(
                f"{path}: [{name}] is no table review knows{_like(name, _KEYS)} (known: {known})"
            )
        if name == "style" or not isinstance(table, dict):
            continue  # [style] names its own; a value that is no table is told as such
        for key in table:
            if key not in _KEYS[name]:
                known = ", ".join(_KEYS[name])
                raise ReviewError(
                    f"{path}: [{name}] has no {key!r}{_like(key, _KEYS[name])} (known: {known})"
                )


def _like(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def _table(data: Mapping[str, Any], name: str, path: Path) -> Mapping[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise ReviewError(f"{path}: [{name}] must be a table")
    return value


def _get(table: Mapping[str, Any], key: str, kind: type[T], default: T, path: Path) -> T:
    value = table.get(key, default)
    if not isinstance(value, kind):
        raise ReviewError(f"{path}: {key} must be {_KIND_WORDS[kind]}, not {value!r}")
    return value


_KIND_WORDS: dict[type, str] = {str: "a string", int: "a whole number", bool: "true or false"}


def _encoding(table: Mapping[str, Any], path: Path) -> str:
    from review.document import encoding_name

    value = _get(table, "encoding", str, "", path)
    try:
        return encoding_name(value) if value else ""
    except ReviewError as exc:
        raise ReviewError(f"{path}: encoding: {exc}") from None


def _at_least(least: int, table: Mapping[str, Any], key: str, default: int, path: Path) -> int:
    value = _get(table, key, int, default, path)
    if isinstance(value, bool) or value < least:
        raise ReviewError(
            f"{path}: {key} must be a whole number of at least {least}, not {value!r}"
        )
    return value


def _niceness(table: Mapping[str, Any], key: str, default: int, path: Path) -> int:
    value = _at_least(0, table, key, default, path)
    if value > MAX_NICENESS:
        raise ReviewError(f"{path}: {key} must be at most {MAX_NICENESS} (the lowest priority)")
    return value


def _language_code(table: Mapping[str, Any], key: str, path: Path) -> str:
    value = _get(table, key, str, "", path)
    if value and not _LANGUAGE_CODE.fullmatch(value):
        raise ReviewError(f'{path}: {key} must be an ISO 639 code such as "zh", not {value!r}')
    return value


def _names(table: Mapping[str, Any], key: str, path: Path) -> frozenset[str]:
    return frozenset(_strings(table, key, path))


def _strings(table: Mapping[str, Any], key: str, path: Path) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ReviewError(f"{path}: {key} must be a list of strings")
    return tuple(value)


def _style(table: Mapping[str, Any], path: Path) -> tuple[tuple[str, str], ...]:
    pins: list[tuple[str, str]] = []
    for key, value in sorted(table.items()):
        choices = STYLE_CHOICES.get(key)
        if choices is None:
            known = ", ".join(STYLE_CHOICES)
            raise ReviewError(f"{path}: [style] has no {key!r} (known: {known})")
        if isinstance(value, bool):
            value = "on" if value else "off"
        if value not in choices:
            wanted = " or ".join(repr(c) for c in choices)
            raise ReviewError(f"{path}: [style] {key} must be {wanted}, not {value!r}")
        pins.append((key, value))
    return tuple(pins)
