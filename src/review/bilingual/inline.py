"""Inline tags and placeholders as protected tokens: display, markup, plain text, validation.

The editor sees ``⟨1⟩bold⟨/1⟩ and ⟨2/⟩``; each token stands for the exact original markup, so
writing an edit back puts the same bytes around the new text. Numbers are shared between the
source and the target of a unit (a target's ``<g id="1">`` has the number of the source's), so
the editor can see which code is which.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from review.bilingual.model import LITERAL_MARK, Content, Tag, TagKind
from review.errors import ReviewError

TOKEN = re.compile(r"⟨(/?)(\d+)(/?)⟩")
_BETWEEN_TOKENS = re.compile(r"⟨/?\d+/?⟩")
# What the view has that the text does not: tokens, and the mark after a literal ⟨ (model.py).
_NOT_TEXT = re.compile(r"⟨/?\d+/?⟩|(?<=⟨)" + LITERAL_MARK)
# Left of a token once the rest is read: a ⟨ before a digit or "/" carries the mark when it is
# the text's own, so without it, it is what an edit left of a token.
_BROKEN = re.compile(r"⟨(?=[/\d])")

_XML_PIECE = re.compile(
    r"<!\[CDATA\[(?P<cdata>.*?)\]\]>"
    r"|(?P<other><!--.*?-->|<\?.*?\?>)"
    r"|<(?P<close>/)?(?P<name>[^\s/>]+)"
    r"(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*\s*(?P<empty>/)?>"
    r"|(?P<text>[^<]+)",
    re.S,
)
# Codes whose whole element (with the native code inside) is one token.
_WHOLE = {"bpt": TagKind.OPEN, "ept": TagKind.CLOSE, "ph": TagKind.STANDALONE,
          "it": TagKind.STANDALONE, "ut": TagKind.STANDALONE}  # fmt: skip
# Empty elements that open or close a span of codes, paired by an attribute.
_EMPTY = {"sc": TagKind.OPEN, "bx": TagKind.OPEN, "sm": TagKind.OPEN,
          "ec": TagKind.CLOSE, "ex": TagKind.CLOSE, "em": TagKind.CLOSE}  # fmt: skip
_REFERENCE = re.compile(r"&(#x[0-9A-Fa-f]+|#[0-9]+|amp|lt|gt|quot|apos);")
_PREDEFINED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_PAIR_KEYS = ("rid", "startRef", "i", "id")
_ATTR = re.compile(r"([^\s=/<>]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")

_PLACEHOLDER_START = re.compile(r"[%{<]")
# printf (``%s``, ``%5.2f``, ``%(name)s``; not ``%%``), braces (``{0}``, ``{name}``) and
# HTML-ish tags (``<b>``, ``</b>``, ``<br/>``).
_PLACEHOLDER = re.compile(
    r"%(?:\([^)\s]+\))?[-+ #0]*(?:\d+|\*)?(?:\.\d+)?[hlLqjzt]*[diouxXeEfFgGcrsa]"
    r"|\{[A-Za-z0-9_.]*\}"
    r"|<(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?(?P<empty>/)?>"
)


class TagError(ReviewError):
    """An edit that breaks the unit's tags; the message is the reason."""


@dataclass(frozen=True, slots=True)
class _Code:
    kind: TagKind
    markup: str
    key: str
    nests: bool


@dataclass(slots=True)
class Numbering:
    """Numbers tags by key, shared between a unit's source and target. Mutable on purpose: one
    per unit, filled by the source and read by the target."""

    numbers: dict[str, int]

    def number(self, key: str) -> int:
        return self.numbers.setdefault(key, len(self.numbers) + 1)


def new_numbering() -> Numbering:
    return Numbering({})


def xml_content(raw: str, numbering: Numbering) -> Content:
    """The content of an XML element from its raw inner markup (the file is already known to be
    well-formed, so the pieces can be read with a pattern)."""
    if "<" not in raw and "&" not in raw:  # most units: plain text, read at no cost
        return Content((raw,) if raw else ())
    return _numbered(list(_xml_items(raw)), numbering)


def placeholder_content(text: str, numbering: Numbering) -> Content:
    """A plain string (PO) with its printf/brace placeholders and HTML tags as tags."""
    if not _PLACEHOLDER_START.search(text):
        return Content((text,) if text else ())
    items: list[str | _Code] = []
    position = 0
    stack: list[tuple[str, str]] = []
    counts: dict[str, int] = {}
    for match in _PLACEHOLDER.finditer(text):
        items.append(text[position : match.start()])
        position = match.end()
        markup = match.group()
        name = match.group("name")
        occurrence = counts[markup] = counts.get(markup, 0) + 1
        if name is None or match.group("empty"):
            items.append(_Code(TagKind.STANDALONE, markup, f"{markup}#{occurrence}", False))
        elif match.group("close"):
            key = next((k for n, k in reversed(stack) if n == name.lower()), f"</{name}>")
            if stack and stack[-1][1] == key:
                stack.pop()
            items.append(_Code(TagKind.CLOSE, markup, key, True))
        else:
            key = f"<{name.lower()}>#{occurrence}"
            stack.append((name.lower(), key))
            items.append(_Code(TagKind.OPEN, markup, key, True))
    items.append(text[position:])
    return _numbered(items, numbering)


def decoded_xml_text(raw: str) -> str:
    """The text of raw XML content with its tags dropped (for notes)."""
    return "".join(i for i in _xml_items(raw) if isinstance(i, str))


def _xml_items(raw: str) -> Iterator[str | _Code]:
    pieces = list(_XML_PIECE.finditer(raw))
    index = 0
    opened: list[str] = []
    serial = 0
    while index < len(pieces):
        piece = pieces[index]
        index += 1
        if piece.group("text") is not None:
            yield _REFERENCE.sub(_dereference, piece.group("text"))
            continue
        if piece.group("cdata") is not None:
            yield piece.group("cdata")
            continue
        serial += 1
        if piece.group("other") is not None:
            yield _Code(TagKind.STANDALONE, piece.group(), f"#{serial}", False)
            continue
        name = _local(piece.group("name"))
        attrs = _attrs(piece.group())
        if piece.group("close"):
            yield _Code(TagKind.CLOSE, piece.group(), opened.pop(), True)
        elif name in _WHOLE:
            end = index if piece.group("empty") else _matching_end(pieces, index, name)
            markup = raw[piece.start() : pieces[end - 1].end()] if end > index else piece.group()
            index = max(index, end)
            yield _Code(_WHOLE[name], markup, _pair_key(name, attrs, serial), False)
        elif piece.group("empty"):
            kind = _EMPTY.get(name, TagKind.STANDALONE)
            yield _Code(kind, piece.group(), _pair_key(name, attrs, serial), False)
        else:
            key = f"{name}:{attrs.get('id', f'#{serial}')}"
            opened.append(key)
            yield _Code(TagKind.OPEN, piece.group(), key, True)


def _dereference(match: re.Match[str]) -> str:
    # XML's own five and character references only (html.unescape would apply HTML's rules,
    # e.g. &#x80; as the euro sign).
    name = match[1]
    if name.startswith("#x"):
        return chr(int(name[2:], 16))
    if name.startswith("#"):
        return chr(int(name[1:]))
    return _PREDEFINED[name]


def _matching_end(pieces: Sequence[re.Match[str]], index: int, name: str) -> int:
    """The index after the end tag that closes the element opened just before ``index``."""
    depth = 1
    for position in range(index, len(pieces)):
        piece = pieces[position]
        if piece.group("name") is None or _local(piece.group("name")) != name:
            continue
        if piece.group("close"):
            depth -= 1
            if depth == 0:
                return position + 1
        elif not piece.group("empty"):
            depth += 1
    return len(pieces)


def _pair_key(name: str, attrs: dict[str, str], serial: int) -> str:
    # An opening and its closing code share this key: <bpt id="1">/<ept id="1"> (or rid),
    # <sc id="1"/>/<ec startRef="1"/>, TMX's i="1". Standalone codes keep their own key.
    family = {"bpt": "b", "ept": "b", "bx": "x", "ex": "x", "sc": "s", "ec": "s", "sm": "m",
              "em": "m"}.get(name)  # fmt: skip
    if family is None:
        return f"{name}:{attrs.get('id', f'#{serial}')}"
    value = next((attrs[k] for k in _PAIR_KEYS if k in attrs), f"#{serial}")
    return f"{family}:{value}"


def _local(name: str) -> str:
    return name.rpartition(":")[2]


def _attrs(tag: str) -> dict[str, str]:
    return {_local(m.group(1)): m.group(2) or m.group(3) or "" for m in _ATTR.finditer(tag)}


def _numbered(items: list[str | _Code], numbering: Numbering) -> Content:
    """Number the codes; an opening or closing code without its partner stands alone."""
    opens = {i.key for i in items if isinstance(i, _Code) and i.kind is TagKind.OPEN}
    closes = {i.key for i in items if isinstance(i, _Code) and i.kind is TagKind.CLOSE}
    parts: list[str | Tag] = []
    for item in items:
        if isinstance(item, str):
            if item:
                if parts and isinstance(parts[-1], str):
                    parts[-1] += item
                else:
                    parts.append(item)
            continue
        paired = item.key in (closes if item.kind is TagKind.OPEN else opens)
        kind = item.kind if paired else TagKind.STANDALONE
        parts.append(Tag(numbering.number(item.key), kind, item.markup, item.nests and paired))
    return Content(tuple(parts))


def validate(edited: str, tags: Sequence[Tag], optional: Sequence[Tag] = ()) -> None:
    """Refuse an edit that loses, repeats, alters or misorders one of ``tags`` (TagError says
    why). ``optional`` tags (the source's, missing from the target) may be added; once one of
    a pair is, the other is required too."""
    allowed = {t.token: t for t in (*tags, *optional)}
    seen: list[Tag] = []
    stack: list[Tag] = []
    for match in TOKEN.finditer(edited):
        tag = allowed.get(match.group())
        if tag is None:
            raise TagError(f"{match.group()} is not a tag of this unit")
        if tag in seen:
            raise TagError(f"{tag.token} appears twice")
        seen.append(tag)
        if tag.kind is TagKind.CLOSE:
            opening = next(
                (t for t in allowed.values() if t.number == tag.number and t is not tag), None
            )
            if opening is not None and opening not in seen:
                # An opening token altered or deleted ("⟨one⟩" after a replace of 1) is gone,
                # not misplaced.
                if opening.token not in edited:
                    raise TagError(f"{opening.token} is missing")
                raise TagError(f"{tag.token} comes before {opening.token}")
            if tag.nests:
                if stack and stack[-1].number != tag.number:
                    raise TagError(f"{tag.token} closes across {stack[-1].token}")
                if stack:
                    stack.pop()
        elif tag.kind is TagKind.OPEN and tag.nests:
            stack.append(tag)
    used = {t.number for t in seen}
    required = [*tags, *(t for t in optional if t.number in used)]
    missing = [t.token for t in required if t not in seen]
    if missing:
        raise TagError(f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} missing")
    if any(_BROKEN.search(text) for text in _BETWEEN_TOKENS.split(edited)):
        raise TagError("a broken tag: a stray '⟨' is left in the text")


def unshown(text: str) -> str:
    """Literal text (between tokens) of the view as the file has it: the marks taken out."""
    return text.replace("⟨" + LITERAL_MARK, "⟨")


def to_markup(
    edited: str, tags: Sequence[Tag], escape: Callable[[str], str], optional: Sequence[Tag] = ()
) -> str:
    """The file's markup for an edited display text: text escaped, tokens back to the original
    markup. The edit is validated first (see ``validate``)."""
    validate(edited, tags, optional)
    by_token = {t.token: t.markup for t in (*tags, *optional)}
    out: list[str] = []
    position = 0
    for match in TOKEN.finditer(edited):
        out.append(escape(unshown(edited[position : match.start()])))
        out.append(by_token[match.group()])
        position = match.end()
    out.append(escape(unshown(edited[position:])))
    return "".join(out)


@dataclass(frozen=True, slots=True)
class PlainText:
    """A display text with its tokens (and the marks of literal brackets) removed, for
    LanguageTool. ``offsets[i]`` is the display offset of plain character ``i``;
    ``offsets[len(text)]`` is the display length."""

    text: str
    offsets: tuple[int, ...]

    def display_span(self, start: int, end: int) -> tuple[int, int]:
        """The display span of the plain span ``[start, end)``."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


def plain(display: str) -> PlainText:
    chars: list[str] = []
    offsets: list[int] = []
    # Where a placeholder (a standalone token) was taken out, as plain offsets.
    placeholders: list[int] = []
    position = 0
    for match in _NOT_TEXT.finditer(display):
        chars.append(display[position : match.start()])
        offsets.extend(range(position, match.start()))
        position = match.end()
        if match.group().endswith("/⟩"):
            placeholders.append(len(offsets))
    chars.append(display[position:])
    offsets.extend(range(position, len(display)))
    text = "".join(chars)
    dropped = _spaces_left_by(text, placeholders)
    if dropped:
        text = "".join(c for i, c in enumerate(text) if i not in dropped)
        offsets = [o for i, o in enumerate(offsets) if i not in dropped]
    offsets.append(len(display))
    return PlainText(text, tuple(offsets))


# Where a placeholder's space is one too many once it is taken out: before the end of its
# line or a mark that closes ("Click ⟨1/⟩." read "Click ."), and after another space or the
# start of a line ("Save ⟨2/⟩ the file" read "Save  the file"). A placeholder stands for
# something said there (a value, an image), so the spaces about it are the text's own; a
# paired tag's are not taken (formatting: its spaces are the rendered text's).
_CLOSES_TEXT = ",.;:!?)]}…"


def _spaces_left_by(text: str, placeholders: Sequence[int]) -> set[int]:
    """Plain offsets of the spaces that taking out the placeholders at ``placeholders``
    doubled or left before a closing mark."""
    dropped: set[int] = set()
    for gap in placeholders:
        before = text[gap - 1] if gap else "\n"
        after = text[gap] if gap < len(text) else "\n"
        if after in " \t" and before in " \t\n":
            dropped.add(gap)
        elif before in " \t" and (after in _CLOSES_TEXT or after in "\r\n"):
            dropped.add(gap - 1)
    return dropped


_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def escape_xml(text: str) -> str:
    """Text as XML character data; a character XML 1.0 cannot hold at all is refused."""
    bad = _NOT_XML.search(text)
    if bad:
        raise ReviewError(f"U+{ord(bad.group()):04X} cannot be written in an XML file")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
