"""The patch's diff: a git-style unified diff of the whole file, applied back exactly (no
offset, no fuzz), with every file name it gives checked to be the original's."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from difflib import SequenceMatcher
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

from review.errors import ReviewError

CONTEXT_LINES = 3
NO_NEWLINE = "\\ No newline at end of file\n"
_DIFF_START = re.compile(rb"^(?:diff --git |--- |\+\+\+ |@@ )", re.MULTILINE)
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


def _unified_diff(before: list[str], after: list[str], path: str) -> Iterator[str]:
    """A git-style unified diff; unlike difflib's, it marks a last line without a newline."""
    quoted_a, quoted_b = _git_quote("a/" + path), _git_quote("b/" + path)
    # GNU patch reads a file name up to a tab; git ends names containing spaces with one.
    tail = "\t" if " " in path and not quoted_a.startswith('"') else ""
    yield f"diff --git {quoted_a} {quoted_b}\n"
    yield f"--- {quoted_a}{tail}\n"
    yield f"+++ {quoted_b}{tail}\n"
    matcher = SequenceMatcher(None, before, after)
    for group in matcher.get_grouped_opcodes(CONTEXT_LINES):
        first, last = group[0], group[-1]
        yield (f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                yield from _marked(" ", before[i1:i2])
                continue
            yield from _marked("-", before[i1:i2])
            yield from _marked("+", after[j1:j2])


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


def _apply(original: str, body: bytes, path: str, encoding: str, name: str) -> str:
    """The original with the diff's one file's hunks applied exactly (no offset, no fuzz)."""
    _check_file_names(body.decode(encoding, errors="replace"), path, name)
    try:
        files = unidiff.PatchSet(io.BytesIO(body), encoding=encoding)
    except (unidiff.UnidiffParseError, UnicodeDecodeError) as exc:
        reason = " ".join(str(exc).split())
        raise ReviewError(f"{name}: its diff is damaged or cut short ({reason})") from None
    if len(files) != 1 or not files[0]:
        raise ReviewError(f"{name}: its diff must change exactly one file, the original")
    patched = files[0]
    lines = _lines(original)
    out: list[str] = []
    position = 0
    for hunk in patched:
        source, target = _hunk_sides(hunk)
        start = hunk.source_start - 1 if hunk.source_length else hunk.source_start
        if not position <= start <= len(lines) or lines[start : start + len(source)] != source:
            raise ReviewError(
                f"{name}: its hunk at line {hunk.source_start} does not apply to {path} "
                f"(the diff was changed after it was made)"
            )
        out += lines[position:start]
        out += target
        position = start + len(source)
    out += lines[position:]
    return "".join(out)


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
