"""The saved review, ``corrections/<name>.patch``: a header, then a unified diff.

The header is ``Key: value`` lines (git-trailer style) before the diff, which ``git apply`` and
``patch -p1`` skip as commentary::

    Original: seeds/chapter.txt
    Original-SHA256: 9f2c…
    Tool: review 0.1.0
    LanguageTool: 6.6
    Language: en-US
    Reviewer: Ann Editor
    Date: 2025-11-28T14:03:00+01:00
    Reviews: 2
    Sentence-s9: {"edited_chars": 41, "status": "reviewed"}
    Sentence-s12: {"comment": "check the name", "dismissed": [["MORFOLOGIK_RULE_EN_US", "Xi"]]}

    diff --git a/seeds/chapter.txt b/seeds/chapter.txt
    --- a/seeds/chapter.txt
    +++ b/seeds/chapter.txt
    @@ …

Values are JSON-quoted when they could not stand bare on one line. ``Reviews`` counts the
``Sentence-`` lines, so that a header cut short is noticed.

The diff is the one authority for the corrected text. To know which sentence each edit belongs
to without re-segmenting the corrected text (an edit may split or join sentences), the header
records the length of every edited sentence (``edited_chars``, in code points): the gaps
between sentences are kept byte for byte, so walking the corrected text with the original's
gaps and these lengths recovers every sentence's text exactly, and any disagreement between
the header and the diff (a hand-edited or damaged patch) shows up as a mismatch and is refused.
"""

from __future__ import annotations

import io
import json
import re
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import unidiff
from unidiff.constants import (
    LINE_TYPE_CONTEXT,
    LINE_TYPE_NO_NEWLINE,
    LINE_TYPE_REMOVED,
    RE_DIFF_GIT_HEADER,
    RE_SOURCE_FILENAME,
    RE_TARGET_FILENAME,
)

from review import __version__
from review.cache import cached_segment
from review.document import Document, load_document, relative_path
from review.errors import ReviewError
from review.files import require_regular_file
from review.segment import Sentence
from review.state import ReviewState, SentenceReview, corrected_gaps

TOOL = f"review {__version__}"
CONTEXT_LINES = 3
NO_NEWLINE = "\\ No newline at end of file\n"

_FIELDS = (
    ("Original", "original"),
    ("Original-SHA256", "original_sha256"),
    ("Tool", "tool"),
    ("LanguageTool", "languagetool"),
    ("Language", "language"),
    ("Reviewer", "reviewer"),
    ("Date", "date"),
)
_HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z0-9-]*): (.*)")
_SENTENCE_KEY = re.compile(r"Sentence-(s\d+)")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_DIFF_START = re.compile(rb"^(?:diff --git |--- |\+\+\+ |@@ )", re.MULTILINE)
_DIFF_LINE = re.compile(r"diff --git |--- |\+\+\+ |@@ |[ +\\-]")
_INDEX_LINE = re.compile(r"index [0-9a-f]{7,64}\.\.[0-9a-f]{7,64}(?: 100644)?")
_GIT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\a": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n",
                "\v": "\\v", "\f": "\\f", "\r": "\\r"}  # fmt: skip
_GIT_UNESCAPES = {v[1]: k for k, v in _GIT_ESCAPES.items()}


@dataclass(frozen=True, slots=True)
class PatchHeader:
    """The header's fixed fields. ``languagetool`` is the server's version or ``"none"``."""

    original: str
    original_sha256: str
    tool: str
    languagetool: str
    language: str
    reviewer: str
    date: str


@dataclass(frozen=True, slots=True)
class Patch:
    """A patch as read: its header, the review it records and the corrected file's bytes."""

    header: PatchHeader
    state: ReviewState
    corrected: bytes


@dataclass(frozen=True, slots=True)
class PatchLocation:
    """Where a document's review lives. ``root`` is the project folder that the patch's file
    names are relative to (where ``git apply`` and ``patch -p1`` are run)."""

    root: Path
    patch: Path

    @property
    def journal(self) -> Path:
        return self.patch.with_suffix(".journal")

    @property
    def lock(self) -> Path:
        return self.patch.with_suffix(".lock")


def locate(
    document_path: str | Path, patch: str | Path | None = None, cwd: Path | None = None
) -> PatchLocation:
    """The project folder is the working folder when the document lies inside it, else the
    document's own folder; the patch is ``<root>/corrections/<stem>.patch`` unless given."""
    require_regular_file(document_path, missing_ok=True)
    here = (cwd or Path.cwd()).resolve()
    if patch is not None:
        require_regular_file(here / patch, shown=str(patch), missing_ok=True)
    document = Path(document_path).resolve()
    root = here if document.is_relative_to(here) else document.parent
    if patch is not None:
        return PatchLocation(root, (here / patch).resolve())
    return PatchLocation(root, root / "corrections" / f"{document.stem}.patch")


@dataclass(frozen=True, slots=True)
class SavedReview:
    """A document with its saved review, read-only (no lock, no journal): for apply, report
    and diff. ``patch`` is None when the document has no patch yet."""

    document: Document
    sentences: tuple[Sentence, ...]
    location: PatchLocation
    patch: Patch | None

    @property
    def state(self) -> ReviewState:
        return self.patch.state if self.patch else ReviewState()


def load_saved_review(
    document_path: str | Path,
    patch: str | Path | None = None,
    cwd: Path | None = None,
    encoding: str | None = None,
) -> SavedReview:
    """Load the document and its patch (``locate`` says where); a patch given by name must
    exist, the default one may be missing."""
    location = locate(document_path, patch, cwd)
    document = load_document(document_path, base=location.root, encoding=encoding)
    sentences = cached_segment(document.text)
    if patch is None and not location.patch.exists():
        return SavedReview(document, sentences, location, None)
    return SavedReview(
        document, sentences, location, read_patch(location.patch, document, sentences)
    )


def render_patch(
    document: Document, sentences: Sequence[Sentence], state: ReviewState, header: PatchHeader
) -> bytes:
    """The patch file's bytes: the same arguments always give the same bytes."""
    _require_ascii_compatible(document)
    _check_relative(header.original, "the original's path")
    lines = [f"{key}: {_bare_or_json(getattr(header, attribute))}" for key, attribute in _FIELDS]
    lines.append(f"Reviews: {len(state)}")
    for sentence in sentences:
        review = state.review_of(sentence.id)
        if not review.is_default:
            lines.append(f"Sentence-{sentence.id}: {_json(_header_json(review))}")
    head = "".join(line + "\n" for line in lines).encode("utf-8")
    before = _Lines.of(document.file_text)
    bom = len(document.bom_text)
    spans = [(a + bom, b + bom, t) for a, b, t in state.replaced_spans(document.text, sentences)]
    changes = _changed_lines(before, spans) or [_unchanged_line(before)]
    diff = _unified_diff(before, changes, header.original)
    return head + b"\n" + "".join(diff).encode(document.encoding)


def redate(data: bytes, old: str, new: str) -> bytes:
    """The patch bytes with the header's Date changed from ``old`` to ``new``."""
    line = f"\nDate: {_bare_or_json(old)}\n".encode()
    if line not in data:
        raise ValueError("the patch has no such Date line")
    return data.replace(line, f"\nDate: {_bare_or_json(new)}\n".encode(), 1)


def read_patch(path: Path, document: Document, sentences: Sequence[Sentence]) -> Patch:
    return parse_patch(read_patch_bytes(path), document, sentences, relative_path(path))


def read_patch_bytes(path: Path) -> bytes:
    require_regular_file(path, shown=relative_path(path), missing_ok=True)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ReviewError(f"{relative_path(path)}: no such patch file") from None
    except OSError as exc:
        raise ReviewError(f"{relative_path(path)}: cannot be read: {exc.strerror}") from None


def is_patch(data: bytes) -> bool:
    """Whether ``data`` looks like a review patch (rather than a text)."""
    return data.startswith(b"Original: ")


def patch_header(data: bytes, name: str) -> PatchHeader:
    """Just the header's fixed fields, e.g. to find the original before reading the patch."""
    return _parse_header(_split_diff(data)[0], name)[0]


def parse_patch(data: bytes, document: Document, sentences: Sequence[Sentence], name: str) -> Patch:
    """Read a patch made for ``document``; anything wrong with it is a one-line ReviewError."""
    header, metadata, corrected = _checked_and_applied(data, document, name)
    known = {s.id for s in sentences}
    for sentence_id in metadata:
        if sentence_id not in known:
            raise ReviewError(
                f"{name}: Sentence-{sentence_id}: {header.original} has no such sentence "
                f"(it has s1…s{len(sentences)})"
            )
    reviews = _recover_reviews(
        corrected[len(document.bom_text) :], document.text, sentences, metadata, name
    )
    return Patch(header, ReviewState.of(reviews), corrected.encode(document.encoding))


def apply_patch(data: bytes, document: Document, name: str) -> bytes:
    """The corrected file's bytes, without segmenting the document: the header and the diff
    are checked as ``parse_patch`` does, except that the per-sentence records are not matched
    against the diff (the diff alone says what the corrected text is)."""
    return _checked_and_applied(data, document, name)[2].encode(document.encoding)


def _checked_and_applied(
    data: bytes, document: Document, name: str
) -> tuple[PatchHeader, dict[str, dict[str, Any]], str]:
    """The header, the per-sentence records and the corrected text (BOM included)."""
    _require_ascii_compatible(document)
    head, body = _split_diff(data)
    header, metadata = _parse_header(head, name)
    if header.original_sha256 != document.sha256:
        raise ReviewError(
            f"{name}: was made for another version of {header.original} "
            f"(SHA-256 {header.original_sha256[:12]}…, the file's is {document.sha256[:12]}…)"
        )
    original = document.file_text
    corrected = (
        _apply(original, body, header.original, document.encoding, name) if body else original
    )
    if not corrected.startswith(document.bom_text):
        raise ReviewError(f"{name}: its diff removes the original's byte order mark")
    return header, metadata, corrected


def header_for(
    document: Document, language: str, reviewer: str, languagetool: str | None, date: str
) -> PatchHeader:
    """The header this version of review writes for ``document``."""
    return PatchHeader(
        original=document.relpath,
        original_sha256=document.sha256,
        tool=TOOL,
        languagetool=languagetool or "none",
        language=language,
        reviewer=reviewer,
        date=date,
    )


# --- writing -------------------------------------------------------------------------------


def _header_json(review: SentenceReview) -> dict[str, Any]:
    data = review.to_json()
    if "edited" in data:
        data["edited_chars"] = len(data.pop("edited"))
    return data


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _bare_or_json(value: str) -> str:
    bare = value and value.isprintable() and value == value.strip() and not value.startswith('"')
    return value if bare else _json(value)


def _lines(text: str) -> list[str]:
    """Lines as diff and patch see them: split after each "\\n" only (a "\\r" stays inside)."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


@dataclass(frozen=True, slots=True)
class _Lines:
    """A text's lines as diff sees them (``_lines``), sliced out only where asked for, so
    that a book is not copied into a list of lines to write a few hunks."""

    text: str
    starts: Sequence[int]

    @classmethod
    def of(cls, text: str) -> _Lines:
        # An array, not a list of ints: a book has hundreds of thousands of lines.
        starts = array("q", [0])
        starts.extend(m.end() for m in re.finditer("\n", text))
        if starts[-1] == len(text):
            starts.pop()
        return cls(text, starts)

    def __len__(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def offset(self, number: int) -> int:
        """Where line ``number`` starts; the text's end for the line after the last."""
        return self.starts[number] if number < len(self.starts) else len(self.text)

    def end(self, number: int) -> int:
        """Where line ``number`` ends (after its newline)."""
        return self.offset(number + 1)

    def slice(self, first: int, stop: int) -> list[str]:
        return _lines(self.text[self.starts[first] : self.end(stop - 1)]) if first < stop else []


@dataclass(frozen=True, slots=True)
class _Change:
    """Lines ``i1``..``i2`` of the original become ``new``, lines ``j1``.. of the corrected
    text."""

    i1: int
    i2: int
    j1: int
    new: tuple[str, ...]

    @property
    def j2(self) -> int:
        return self.j1 + len(self.new)


def _changed_lines(before: _Lines, spans: Sequence[tuple[int, int, str]]) -> list[_Change]:
    """The lines that differ, worked out from what the review replaced (``spans``, in order,
    offsets into the original): no matching of the whole files, so one edit is one small
    hunk whatever the file (repeated lines included) and a book's diff costs what its edits
    do."""
    regions: list[tuple[int, int, list[tuple[int, int, str]]]] = []
    for span in spans:
        first = before.line_of(span[0])
        stop = before.line_of(max(span[0], span[1] - 1)) + 1
        if regions and first < regions[-1][1]:
            regions[-1] = (regions[-1][0], max(regions[-1][1], stop), [*regions[-1][2], span])
        else:
            regions.append((first, stop, [span]))
    changes = []
    lines_added = 0
    for first, stop, region in regions:
        old = before.slice(first, stop)
        new = _lines(_replaced(before.text, before.starts[first], before.end(stop - 1), region))
        same_before = _common_prefix(old, new)
        same_after = _common_prefix(old[same_before:][::-1], new[same_before:][::-1])
        if same_before + same_after < max(len(old), len(new)):
            changes.append(
                _Change(
                    first + same_before,
                    stop - same_after,
                    first + lines_added + same_before,
                    tuple(new[same_before : len(new) - same_after]),
                )
            )
        lines_added += len(new) - len(old)
    return changes


def _replaced(text: str, begin: int, end: int, spans: Sequence[tuple[int, int, str]]) -> str:
    """``text[begin:end]`` with the spans (which lie within it) replaced."""
    pieces: list[str] = []
    position = begin
    for start, stop, new in spans:
        pieces += (text[position:start], new)
        position = stop
    pieces.append(text[position:end])
    return "".join(pieces)


def _unchanged_line(before: _Lines) -> _Change:
    """A change of one line into itself, for a review with no text change: git apply refuses
    a patch without a hunk ("No valid patches") and patch -p1 one of headers only ("Only
    garbage"); both apply this as a no-op. The first line without trailing whitespace, so
    that ``git apply --whitespace=error`` accepts it too."""
    lines = (before.slice(n, n + 1)[0] for n in range(len(before)))
    clean = (n for n, line in enumerate(lines) if line.rstrip("\n") == line.rstrip())
    number = next(clean, 0)
    return _Change(number, number + 1, number, tuple(before.slice(number, number + 1)))


def _common_prefix(a: Sequence[str], b: Sequence[str]) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


_Opcode = tuple[str, int, int, int, int, tuple[str, ...]]


def _hunks(changes: Sequence[_Change], before: int, context: int) -> Iterator[list[_Opcode]]:
    """Changes grouped into hunks with ``context`` lines around them, as difflib groups
    opcodes: changes closer than twice the context share a hunk."""
    group: list[_Change] = []
    for change in changes:
        if group and change.i1 - group[-1].i2 > 2 * context:
            yield _hunk(group, before, context)
            group = []
        group.append(change)
    if group:
        yield _hunk(group, before, context)


def _hunk(group: Sequence[_Change], before: int, context: int) -> list[_Opcode]:
    lead = min(context, group[0].i1)
    opcodes: list[_Opcode] = [
        ("equal", group[0].i1 - lead, group[0].i1, group[0].j1 - lead, group[0].j1, ())
    ]
    for index, change in enumerate(group):
        if index:
            previous = group[index - 1]
            opcodes.append(("equal", previous.i2, change.i1, previous.j2, change.j1, ()))
        opcodes.append(("replace", change.i1, change.i2, change.j1, change.j2, change.new))
    i2, j2 = group[-1].i2, group[-1].j2
    trail = min(context, before - i2)
    opcodes.append(("equal", i2, i2 + trail, j2, j2 + trail, ()))
    return [op for op in opcodes if op[1] != op[2] or op[3] != op[4]]


def _unified_diff(before: _Lines, changes: Sequence[_Change], path: str) -> Iterator[str]:
    """A git-style unified diff of ``changes``; unlike difflib's, it marks a last line without
    a newline."""
    quoted_a, quoted_b = _git_quote("a/" + path), _git_quote("b/" + path)
    # GNU patch reads a file name up to a tab; git ends names containing spaces with one.
    tail = "\t" if " " in path and not quoted_a.startswith('"') else ""
    yield f"diff --git {quoted_a} {quoted_b}\n"
    yield f"--- {quoted_a}{tail}\n"
    yield f"+++ {quoted_b}{tail}\n"
    for group in _hunks(changes, len(before), CONTEXT_LINES):
        first, last = group[0], group[-1]
        yield (f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n")
        for tag, i1, i2, _, _, new in group:
            if tag == "equal":
                yield from _marked(" ", before.slice(i1, i2))
                continue
            yield from _marked("-", before.slice(i1, i2))
            yield from _marked("+", list(new))


def _range(start: int, end: int) -> str:
    length = end - start
    if length == 1:
        return str(start + 1)
    # An empty range names the line before it (0 at the top of the file).
    return f"{start + 1 if length else start},{length}"


def _marked(mark: str, lines: list[str]) -> Iterator[str]:
    for line in lines:
        if line.endswith("\n"):
            yield mark + line
        else:
            yield mark + line + "\n" + NO_NEWLINE


def _git_quote(name: str) -> str:
    """A file name as git writes it: C-quoted, with octal UTF-8 bytes, when it must be."""
    if all(" " <= c < "\x7f" and c not in '"\\' for c in name):
        return name
    out = []
    for char in name:
        if char in _GIT_ESCAPES:
            out.append(_GIT_ESCAPES[char])
        elif " " <= char < "\x7f":
            out.append(char)
        else:
            out.extend(f"\\{byte:03o}" for byte in char.encode("utf-8"))
    return '"' + "".join(out) + '"'


# --- reading -------------------------------------------------------------------------------


def _split_diff(data: bytes) -> tuple[bytes, bytes]:
    start = _DIFF_START.search(data)
    return (data, b"") if start is None else (data[: start.start()], data[start.start() :])


def _parse_header(head: bytes, name: str) -> tuple[PatchHeader, dict[str, dict[str, Any]]]:
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        raise ReviewError(f"{name}: is not a review patch (its header is not UTF-8)") from None
    fields: dict[str, str] = {}
    metadata: dict[str, dict[str, Any]] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if not line:
            continue
        match = _HEADER_LINE.fullmatch(line)
        if match is None:
            raise ReviewError(f"{name}: is not a review patch (line {number} is not `Key: value`)")
        key, value = match.groups()
        sentence = _SENTENCE_KEY.fullmatch(key)
        if sentence is None:
            if key in fields:
                raise ReviewError(f"{name}: line {number}: {key} given twice")
            fields[key] = _unquote_value(value, name, number)
            continue
        sentence_id = sentence.group(1)
        if sentence_id in metadata:
            raise ReviewError(f"{name}: line {number}: {sentence_id} given twice")
        metadata[sentence_id] = _sentence_json(value, name, number)
    return _header_fields(fields, len(metadata), name), metadata


def _header_fields(fields: dict[str, str], reviews: int, name: str) -> PatchHeader:
    known = {key for key, _ in _FIELDS} | {"Reviews"}
    missing = [key for key in (*(k for k, _ in _FIELDS), "Reviews") if key not in fields]
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
    return PatchHeader(**{attribute: fields[key] for key, attribute in _FIELDS})


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


def _check_relative(path: str, what: str) -> None:
    """Refuse names a patch tool would resolve outside the project folder."""
    posix = PurePosixPath(path)
    if not path or posix.is_absolute() or re.match(r"[A-Za-z]:|\\", path):
        raise ReviewError(f"{what} {path!r} is absolute; patch file names must be relative")
    if ".." in posix.parts or ".." in path.split("\\"):
        raise ReviewError(f"{what} {path!r} climbs out of the project folder with ..")


def _apply(original: str, body: bytes, path: str, encoding: str, name: str) -> str:
    """The original with the diff's one file's hunks applied exactly (no offset, no fuzz)."""
    diff = body.decode(encoding, errors="replace")
    _check_diff_lines(diff, name)
    _check_file_names(diff, path, name)
    try:
        files = unidiff.PatchSet(io.BytesIO(body), encoding=encoding)
    except (unidiff.UnidiffParseError, UnicodeDecodeError) as exc:
        reason = " ".join(str(exc).split())
        raise ReviewError(f"{name}: its diff is damaged or cut short ({reason})") from None
    if len(files) != 1 or not files[0]:
        raise ReviewError(f"{name}: its diff must change exactly one file, the original")
    patched = files[0]
    lines = _Lines.of(original)
    out: list[str] = []
    position = 0
    for hunk in patched:
        source, target = _hunk_sides(hunk)
        start = hunk.source_start - 1 if hunk.source_length else hunk.source_start
        stop = start + len(source)
        if not position <= start <= stop <= len(lines) or lines.slice(start, stop) != source:
            raise ReviewError(
                f"{name}: its hunk at line {hunk.source_start} does not apply to {path} "
                f"(the diff was changed after it was made)"
            )
        out += (original[lines.offset(position) : lines.offset(start)], *target)
        position = stop
    out.append(original[lines.offset(position) :])
    return "".join(out)


def _check_diff_lines(diff: str, name: str) -> None:
    """Every line is one review writes: the three file-name headers (and git's ``index``),
    hunk heads and hunk lines. Anything else (``rename from``, ``new mode``, ``similarity
    index``, ``copy to``, ``deleted file mode``, …) could make a patch tool do more than
    change the original's text, so it is refused, not skipped."""
    lines = diff.split("\n")
    if lines[-1] == "":
        lines.pop()
    for number, line in enumerate(lines, start=1):
        if not (_DIFF_LINE.match(line) or _INDEX_LINE.fullmatch(line)):
            shown = line if len(line) <= 60 else line[:57] + "…"
            raise ReviewError(
                f"{name}: line {number} of its diff is not one review understands: {shown!r}"
            )


def _check_file_names(diff: str, path: str, name: str) -> None:
    """Every file name the diff's headers give (``diff --git``, ``---``, ``+++``) must be the
    original's, with git's a/ and b/ prefixes."""
    for line in diff.split("\n"):
        if line.startswith("@@"):
            break
        git_header = RE_DIFF_GIT_HEADER.match(line)
        names: list[tuple[str, str, str]] = []
        if git_header:
            names += [
                ("diff --git", git_header.group("source"), "a/"),
                ("diff --git", git_header.group("target"), "b/"),
            ]
        for label, pattern, prefix in (
            ("---", RE_SOURCE_FILENAME, "a/"),
            ("+++", RE_TARGET_FILENAME, "b/"),
        ):
            match = pattern.match(line)
            if match:
                names.append((label, match.group("filename"), prefix))
        for label, raw_name, prefix in names:
            file_name = _git_unquote(raw_name)
            _check_relative(file_name, f"{name}: its diff's {label} file")
            if file_name != prefix + path:
                raise ReviewError(
                    f"{name}: its diff's {label} file is {file_name!r}, not {prefix + path!r}"
                )


def _hunk_sides(hunk: unidiff.Hunk) -> tuple[list[str], list[str]]:
    """The hunk's lines before and after, with "\\ No newline" taking the newline off the line
    it follows."""
    source: list[str] = []
    target: list[str] = []
    last: tuple[list[str], ...] = ()
    for line in hunk:
        if line.line_type == LINE_TYPE_NO_NEWLINE:
            for side in last:
                side[-1] = side[-1].removesuffix("\n")
            continue
        if line.line_type == LINE_TYPE_CONTEXT:
            last = (source, target)
        elif line.line_type == LINE_TYPE_REMOVED:
            last = (source,)
        else:
            last = (target,)
        for side in last:
            side.append(line.value)
    return source, target


def _git_unquote(name: str) -> str:
    if not (len(name) >= 2 and name.startswith('"') and name.endswith('"')):
        return name
    raw = bytearray()
    body = name[1:-1]
    index = 0
    while index < len(body):
        char = body[index]
        if char != "\\":
            raw += char.encode("utf-8")
            index += 1
        elif body[index + 1 : index + 4].isdigit():
            raw.append(int(body[index + 1 : index + 4], 8) & 0xFF)
            index += 4
        else:
            raw += _GIT_UNESCAPES.get(body[index + 1 : index + 2], "").encode("utf-8")
            index += 2
    return raw.decode("utf-8", errors="replace")


def _recover_reviews(
    corrected: str,
    original: str,
    sentences: Sequence[Sentence],
    metadata: dict[str, dict[str, Any]],
    name: str,
) -> dict[str, SentenceReview]:
    """Walk the corrected text with the original's gaps and the recorded edit lengths."""
    reviews: dict[str, SentenceReview] = {}
    position = 0
    deleted = {k for k, v in metadata.items() if v.get("edited_chars") == 0}
    gaps = corrected_gaps(original, sentences, deleted)
    for sentence, gap in zip(sentences, gaps, strict=False):
        if not corrected.startswith(gap, position):
            raise _mismatch(name, sentence.id)
        position += len(gap)
        data = metadata.get(sentence.id)
        if data is not None and "edited_chars" in data:
            end = position + data["edited_chars"]
            if end > len(corrected):
                raise _mismatch(name, sentence.id)
            fields = {k: v for k, v in data.items() if k != "edited_chars"}
            reviews[sentence.id] = SentenceReview.from_json(
                {**fields, "edited": corrected[position:end]}
            )
            position = end
        else:
            if not corrected.startswith(sentence.text, position):
                raise _mismatch(name, sentence.id)
            if data is not None:
                reviews[sentence.id] = SentenceReview.from_json(data)
            position += len(sentence.text)
    if corrected[position:] != gaps[-1]:
        raise _mismatch(name, "the end of the text")
    return reviews


def _mismatch(name: str, where: str) -> ReviewError:
    return ReviewError(
        f"{name}: its diff does not match the edits its header records (at {where}); "
        "was it changed by hand or cut short?"
    )


def _require_ascii_compatible(document: Document) -> None:
    if "\n".encode(document.encoding) != b"\n":
        raise ReviewError(
            f"{document.relpath}: is {document.encoding}; patch files need a text encoding "
            "that standard tools can patch (convert it to UTF-8 first)"
        )
