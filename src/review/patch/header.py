"""The patch's header: ``Key: value`` lines before the diff (see ``review.patch``)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from review import __version__
from review.document import Document
from review.errors import ReviewError
from review.patch.diff import _check_relative, _split_diff
from review.segment import Resegmentation, Sentence
from review.state import ReviewState, SentenceReview

TOOL = f"review {__version__}"
_FIELDS = (
    ("Original", "original"),
    ("Original-SHA256", "original_sha256"),
    ("Tool", "tool"),
    ("Language", "language"),
    ("Reviewer", "reviewer"),
    ("Date", "date"),
)
# The checkers' versions come after Tool. LanguageTool's line predates the checker registry and
# is always written ("none" when it did not run), so that patches keep their bytes; any other
# checker with a version has a Checker-<name> line.
_LANGUAGETOOL = ("LanguageTool", "languagetool")
_CHECKERS_AT = 3  # the index of the first checker line, after Tool
_NO_VERSION = "none"
_CHECKER_KEY = re.compile(r"Checker-([a-z][a-z0-9-]*)")
# The editor's merges and splits: written only when there are some, so older patches keep
# their bytes (and an older review refuses a patch whose sentences it would not find).
_SEGMENTATION = "Segmentation"
_HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z0-9-]*): (.*)")
# s12 in a plain text; a bilingual file's ids are made from its unit ids (12-s1, po-3fa2…-s2).
_SENTENCE_KEY = re.compile(r"Sentence-([A-Za-z0-9][A-Za-z0-9-]*)")
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True, slots=True)
class PatchHeader:
    """The header's fixed fields. ``checkers`` maps each checker that has a version to it."""

    original: str
    original_sha256: str
    tool: str
    checkers: Mapping[str, str]
    language: str
    reviewer: str
    date: str


def header_for(
    document: Document, language: str, reviewer: str, checkers: Mapping[str, str], date: str
) -> PatchHeader:
    """The header this version of review writes for ``document``."""
    return PatchHeader(
        original=document.relpath,
        original_sha256=document.sha256,
        tool=TOOL,
        checkers=dict(checkers),
        language=language,
        reviewer=reviewer,
        date=date,
    )


def render_header(header: PatchHeader, sentences: Sequence[Sentence], state: ReviewState) -> bytes:
    """The header's bytes: the fixed fields, then one line per sentence with a review."""
    lines = [f"{key}: {_bare_or_json(getattr(header, attribute))}" for key, attribute in _FIELDS]
    lines[_CHECKERS_AT:_CHECKERS_AT] = _checker_lines(header.checkers)
    if state.segmentation:
        lines.append(f"{_SEGMENTATION}: {_json(state.segmentation.to_json())}")
    lines.append(f"Reviews: {len(state)}")
    for sentence in sentences:
        review = state.review_of(sentence.id)
        if not review.is_default:
            lines.append(f"Sentence-{sentence.id}: {_json(_header_json(review))}")
    return "".join(line + "\n" for line in lines).encode("utf-8")


def redate(data: bytes, old: str, new: str) -> bytes:
    """The patch bytes with the header's Date changed from ``old`` to ``new``."""
    line = f"\nDate: {_bare_or_json(old)}\n".encode()
    if line not in data:
        raise ValueError("the patch has no such Date line")
    return data.replace(line, f"\nDate: {_bare_or_json(new)}\n".encode(), 1)


def is_patch(data: bytes) -> bool:
    """Whether ``data`` looks like a review patch (rather than a text)."""
    return data.startswith(b"Original: ")


def patch_header(data: bytes, name: str) -> PatchHeader:
    """Just the header's fixed fields, e.g. to find the original before reading the patch."""
    return _parse_header(_split_diff(data)[0], name)[0]


def patch_segmentation(data: bytes, name: str) -> tuple[PatchHeader, Resegmentation]:
    """The header's fixed fields and the sentences it merges or splits, without the diff."""
    header, segmentation, _ = _parse_header(_split_diff(data)[0], name)
    return header, segmentation


def _header_json(review: SentenceReview) -> dict[str, Any]:
    data = review.to_json()
    if "edited" in data:
        data["edited_chars"] = len(data.pop("edited"))
    return data


def _checker_lines(checkers: Mapping[str, str]) -> list[str]:
    key, name = _LANGUAGETOOL
    lines = [f"{key}: {_bare_or_json(checkers.get(name, _NO_VERSION))}"]
    others = sorted(item for item in checkers.items() if item[0] != name)
    lines += [f"Checker-{other}: {_bare_or_json(version)}" for other, version in others]
    return lines


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _bare_or_json(value: str) -> str:
    bare = value and value.isprintable() and value == value.strip() and not value.startswith('"')
    return value if bare else _json(value)


def _parse_header(
    head: bytes, name: str
) -> tuple[PatchHeader, Resegmentation, dict[str, dict[str, Any]]]:
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        raise ReviewError(f"{name}: is not a review patch (its header is not UTF-8)") from None
    fields: dict[str, str] = {}
    segmentation = None
    metadata: dict[str, dict[str, Any]] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if not line:
            continue
        match = _HEADER_LINE.fullmatch(line)
        if match is None:
            raise ReviewError(f"{name}: is not a review patch (line {number} is not `Key: value`)")
        key, value = match.groups()
        sentence = _SENTENCE_KEY.fullmatch(key)
        if key == _SEGMENTATION:
            if segmentation is not None:
                raise ReviewError(f"{name}: line {number}: {key} given twice")
            segmentation = _segmentation(value, name, number)
            continue
        if sentence is None:
            if key in fields:
                raise ReviewError(f"{name}: line {number}: {key} given twice")
            fields[key] = _unquote_value(value, name, number)
            continue
        sentence_id = sentence.group(1)
        if sentence_id in metadata:
            raise ReviewError(f"{name}: line {number}: {sentence_id} given twice")
        metadata[sentence_id] = _sentence_json(value, name, number)
    header = _header_fields(fields, len(metadata), name)
    return header, segmentation or Resegmentation(), metadata


def _header_fields(fields: dict[str, str], reviews: int, name: str) -> PatchHeader:
    checkers = {
        match.group(1): fields.pop(key)
        for key in list(fields)
        if (match := _CHECKER_KEY.fullmatch(key))
    }
    languagetool_key, languagetool = _LANGUAGETOOL
    required = [key for key, _ in _FIELDS] + ["Reviews"]
    required.insert(_CHECKERS_AT, languagetool_key)
    known = set(required)
    missing = [key for key in required if key not in fields]
    if missing:
        raise ReviewError(
            f"{name}: is not a review patch, or is cut short (no {', '.join(missing)} line)"
        )
    unknown = sorted(set(fields) - known)
    if unknown:
        raise ReviewError(f"{name}: unknown header line {unknown[0]} (made by a newer review?)")
    if fields["Reviews"] != str(reviews):
        raise ReviewError(
            f"{name}: is cut short or damaged (Reviews: {fields['Reviews']}, "
            f"but {reviews} Sentence lines)"
        )
    if not _SHA256.fullmatch(fields["Original-SHA256"]):
        raise ReviewError(f"{name}: Original-SHA256 is not a SHA-256 in hex")
    _check_relative(fields["Original"], f"{name}: Original")
    if fields[languagetool_key] != _NO_VERSION:
        checkers[languagetool] = fields[languagetool_key]
    return PatchHeader(
        **{attribute: fields[key] for key, attribute in _FIELDS},
        checkers=dict(sorted(checkers.items())),
    )


def _unquote_value(value: str, name: str, number: int) -> str:
    if not value.startswith('"'):
        return value
    try:
        decoded = json.loads(value)
    except json.JSONDecodeError:
        decoded = None
    if not isinstance(decoded, str):
        raise ReviewError(f"{name}: line {number}: the quoted value is damaged")
    return decoded


def _segmentation(value: str, name: str, number: int) -> Resegmentation:
    try:
        return Resegmentation.from_json(json.loads(value))
    except json.JSONDecodeError:
        raise ReviewError(f"{name}: line {number}: damaged {_SEGMENTATION} (not JSON)") from None
    except ValueError as exc:
        raise ReviewError(f"{name}: line {number}: {exc}") from None


def _sentence_json(value: str, name: str, number: int) -> dict[str, Any]:
    try:
        data = json.loads(value)
    except json.JSONDecodeError:
        raise ReviewError(f"{name}: line {number}: damaged sentence review (not JSON)") from None
    if not isinstance(data, dict):
        raise ReviewError(f"{name}: line {number}: damaged sentence review")
    chars = data.get("edited_chars")
    if chars is not None and not (type(chars) is int and chars >= 0):
        raise ReviewError(f"{name}: line {number}: edited_chars is not a count")
    rest = {k: v for k, v in data.items() if k != "edited_chars"}
    try:
        SentenceReview.from_json(rest)
    except ValueError as exc:
        raise ReviewError(f"{name}: line {number}: {exc}") from None
    return data
