"""Settings from `review.toml`: the working folder's, else the user's config dir's."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from platformdirs import user_config_dir

from review.errors import ReviewError

CONFIG_NAME = "review.toml"
# A BCP 47 tag's language subtag, with an optional script or region: "zh", "zh-Hant", "pt_BR".
_LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")

T = TypeVar("T")


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
    # Requests in flight per LanguageTool server (a Dask worker's threads for a cluster).
    languagetool_concurrency: int = field(default_factory=default_concurrency)
    # A Dask scheduler's address (tcp://HOST:PORT) or local:N; "" runs on this machine.
    cluster: str = ""
    disabled_rules: frozenset[str] = field(default_factory=frozenset)
    enabled_rules: frozenset[str] = field(default_factory=frozenset)
    disabled_categories: frozenset[str] = field(default_factory=frozenset)
    # Fluency detectors by rule id: `fluency_on` turns on one that is off by default.
    fluency_off: frozenset[str] = field(default_factory=frozenset)
    fluency_on: frozenset[str] = field(default_factory=frozenset)
    source: Path | None = None

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
    review = _table(data, "review", path)
    lt = _table(data, "languagetool", path)
    fluency = _table(data, "fluency", path)
    cluster = _table(data, "cluster", path)
    return Config(
        language=_get(review, "language", str, "en-US", path),
        source_language=_language_code(review, "source_language", path),
        reviewer=_get(review, "reviewer", str, "", path),
        picky=_get(lt, "picky", bool, True, path),
        languagetool_timeout=_get(lt, "timeout", int, 60, path),
        languagetool_concurrency=_positive(lt, "concurrency", default_concurrency(), path),
        cluster=_get(cluster, "scheduler", str, "", path),
        disabled_rules=_names(lt, "disabled_rules", path),
        enabled_rules=_names(lt, "enabled_rules", path),
        disabled_categories=_names(lt, "disabled_categories", path),
        fluency_off=_names(fluency, "off", path),
        fluency_on=_names(fluency, "on", path),
        source=path,
    )


def _table(data: Mapping[str, Any], name: str, path: Path) -> Mapping[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise ReviewError(f"{path}: [{name}] must be a table")
    return value


def _get(table: Mapping[str, Any], key: str, kind: type[T], default: T, path: Path) -> T:
    value = table.get(key, default)
    if not isinstance(value, kind):
        raise ReviewError(f"{path}: {key} must be a {kind.__name__}, not {value!r}")
    return value


def _positive(table: Mapping[str, Any], key: str, default: int, path: Path) -> int:
    value = _get(table, key, int, default, path)
    if isinstance(value, bool) or value < 1:
        raise ReviewError(f"{path}: {key} must be a whole number of at least 1, not {value!r}")
    return value


def _language_code(table: Mapping[str, Any], key: str, path: Path) -> str:
    value = _get(table, key, str, "", path)
    if value and not _LANGUAGE_CODE.fullmatch(value):
        raise ReviewError(f'{path}: {key} must be an ISO 639 code such as "zh", not {value!r}')
    return value


def _names(table: Mapping[str, Any], key: str, path: Path) -> frozenset[str]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ReviewError(f"{path}: {key} must be a list of strings")
    return frozenset(value)
