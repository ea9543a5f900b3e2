"""The patch's diff: a git-style unified diff of the whole file, applied back exactly (no
offset, no fuzz), with every file name it gives checked to be the original's."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

import unidiff
from unidiff.constants import (
    LINE_TYPE_CONTEXT,
    LINE_TYPE_NO_NEWLINE,
    LINE_TYPE_REMOVED,
    RE_DIFF_GIT_HEADER,
    RE_SOURCE_FILENAME,
    RE_TARGET_FILENAME,
)

from review.corrected import CorrectedText, Replaced
from review.errors import ReviewError

CONTEXT_LINES = 3
NO_NEWLINE = "\\ No newline at end of file\n"
_DIFF_START = re.compile(rb"^(?:diff --git |--- |\+\+\+ |@@ )", re.MULTILINE)
_DIFF_LINE = re.compile(r"diff --git |--- |\+\+\+ |@@ |[ +\\-]")
_INDEX_LINE = re.compile(r"index [0-9a-f]{7,64}\.\.[0-9a-f]{7,64}(?: 100644)?")
_GIT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\a": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n",
                "\v": "\\v", "\f": "\\f", "\r": "\\r"}  # fmt: skip
_GIT_UNESCAPES = {v[1]: k for k, v in _GIT_ESCAPES.items()}


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


def _split_diff(data: bytes) -> tuple[bytes, bytes]:
    start = _DIFF_START.search(data)
    return (data, b"") if start is None else (data[: start.start()], data[start.start() :])


def _check_relative(path: str, what: str) -> None:
    """Refuse names a patch tool would resolve outside the project folder."""
    posix = PurePosixPath(path)
    if not path or posix.is_absolute() or re.match(r"[A-Za-z]:|\\", path):
        raise ReviewError(f"{what} {path!r} is absolute; patch file names must be relative")
    if ".." in posix.parts or ".." in path.split("\\"):
        raise ReviewError(f"{what} {path!r} climbs out of the project folder with ..")


def _apply(original: str, body: bytes, path: str, encoding: str, name: str) -> CorrectedText:
    """The original with the diff's one file's hunks applied exactly (no offset, no fuzz); not
    joined: a book's text joined out of pieces of the original was the book twice over beside
    it, the peak of opening an edited book's review."""
    diff = body.decode(encoding, errors="replace")
    _check_diff_lines(diff, name)
    _check_file_names(diff, path, name)
    try:
        files = unidiff.PatchSet(body, encoding=encoding)
    except (unidiff.UnidiffParseError, UnicodeDecodeError) as exc:
        reason = " ".join(str(exc).split())
        raise ReviewError(f"{name}: its diff is damaged or cut short ({reason})") from None
    if len(files) != 1 or not files[0]:
        raise ReviewError(f"{name}: its diff must change exactly one file, the original")
    patched = files[0]
    lines = _Lines.of(original)
    replaced: list[Replaced] = []
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
        replaced.append((lines.offset(start), lines.offset(stop), "".join(target)))
        position = stop
    return CorrectedText.of(original, replaced)


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
