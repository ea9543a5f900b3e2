"""The detectors' data files: tab-separated rows under a header naming version and sources.

A file starts with ``# key: value`` lines (``name``, ``version``, ``sources`` required;
``sources`` may continue on further ``#   `` lines), then one row a line. Blank lines and
lines starting with ``#`` after the header are comments.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

REQUIRED_KEYS = ("name", "version", "sources")


@dataclass(frozen=True, slots=True)
class DataTable:
    name: str
    version: str
    sources: str
    rows: tuple[tuple[str, ...], ...]


@cache
def load_table(filename: str) -> DataTable:
    """The parsed data file ``filename`` of the package's data folder (read once)."""
    text = files("review.checkers.fluency").joinpath("data", filename).read_text("utf-8")
    return parse_table(text, filename)


def parse_table(text: str, filename: str) -> DataTable:
    header: dict[str, str] = {}
    rows: list[tuple[str, ...]] = []
    last_key = ""
    for line in text.splitlines():
        if line.startswith("#") and not rows:
            key, colon, value = line[1:].strip().partition(":")
            if colon and " " not in key:
                last_key = key
                header[key] = value.strip()
            elif last_key and line[1:].strip():
                header[last_key] += "\n" + line[1:].strip()
            continue
        if line.startswith("#") or not line.strip():
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    missing = [key for key in REQUIRED_KEYS if not header.get(key)]
    if missing:
        raise ValueError(f"{filename}: header lacks {', '.join(missing)}")
    return DataTable(header["name"], header["version"], header["sources"], tuple(rows))
