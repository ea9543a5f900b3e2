"""A safe XML scan that keeps every element's exact place in the decoded text.

Why expat and not translate-toolkit's lxml tree: a minimal patch needs the character span of
each target's content, which an lxml tree cannot give (``sourceline`` is a line, and
serialising changes quoting, attribute order and empty tags). Expat reports the byte index of
every start and end tag as it parses; that index, turned into a character offset, is the span.
It is also the safe parser defusedxml wraps: entity declarations (the billion-laughs bomb and
external entities) are refused as soon as they are declared, before anything is expanded, and
no DTD or entity is ever fetched (no external-entity handler is set, parameter entities are not
parsed).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.parsers import expat

from review.errors import ReviewError

_START_TAG = re.compile(r"<[^\s/>]+(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*\s*(/?)>")


@dataclass(slots=True)
class Element:
    """An element and where it is: ``text[start:inner_start]`` is its start tag,
    ``text[inner_start:inner_end]`` its content, ``text[inner_end:end]`` its end tag (all
    three empty-ended for ``<x/>``: ``inner_start == inner_end == end``). Built while parsing,
    hence mutable."""

    name: str
    attrs: dict[str, str]
    start: int
    inner_start: int
    empty: bool
    inner_end: int = 0
    end: int = 0
    children: list[Element] = field(default_factory=list)

    def child(self, name: str) -> Element | None:
        return next((c for c in self.children if c.name == name), None)

    def all(self, name: str) -> list[Element]:
        return [c for c in self.children if c.name == name]

    def iter(self, name: str) -> Iterator[Element]:
        """Descendants named ``name``, in document order, not looking inside a match. A loop,
        not recursion: a hostile file may nest elements deeper than Python's stack."""
        stack = list(reversed(self.children))
        while stack:
            element = stack.pop()
            if element.name == name:
                yield element
            else:
                stack.extend(reversed(element.children))

    def attr(self, name: str, default: str = "") -> str:
        return self.attrs.get(name, default)


class _Refused(Exception):
    pass


_ENTITIES_REFUSED = (
    "declares XML entities (an entity-expansion bomb or an external entity); "
    "refused, nothing was expanded or fetched"
)


def refuse_entity_declarations(data: bytes, name: str) -> None:
    """A one-line ReviewError when the XML ``data`` declares an entity, before a library
    that would expand it parses it (lxml, under translate-toolkit, expands a TBX's internal
    entities); XML that is otherwise malformed is left for that library to tell."""
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse(*_: object) -> None:
        raise _Refused(_ENTITIES_REFUSED)

    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    try:
        parser.Parse(data, True)
    except _Refused:
        raise ReviewError(f"{name}: {_ENTITIES_REFUSED}") from None
    except expat.ExpatError:
        pass


def scan(text: str, name: str) -> Element:
    """The root element of ``text``; bad or unsafe XML is a one-line ReviewError."""
    data = text.encode("utf-8")
    to_char = _CharOffsets(data, text.isascii())
    # The given encoding overrides the declaration: the text is already decoded.
    parser = expat.ParserCreate("utf-8")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[Element] = []
    roots: list[Element] = []

    def refuse_entities(*_: object) -> None:
        raise _Refused(_ENTITIES_REFUSED)

    def refuse_external(*_: object) -> int:
        refuse_entities()
        return 0

    def skipped(entity: str, _is_parameter: int) -> None:
        raise _Refused(f"uses the entity &{entity}; which it does not define (DTDs are not read)")

    def start(tag: str, attrs: dict[str, str]) -> None:
        position = to_char(parser.CurrentByteIndex)
        match = _START_TAG.match(text, position)
        if match is None:  # expat accepted it, so this is a bug in the pattern
            raise AssertionError(f"no start tag at {position}")
        if any(":" in k for k in attrs):
            attrs = {k.rpartition(":")[2]: v for k, v in attrs.items()}
        element = Element(tag.rpartition(":")[2], attrs, position, match.end(), bool(match[1]))
        (stack[-1].children if stack else roots).append(element)
        stack.append(element)

    def end(_tag: str) -> None:
        element = stack.pop()
        if element.empty:
            element.inner_end = element.end = element.inner_start
        else:
            element.inner_end = to_char(parser.CurrentByteIndex)
            element.end = text.index(">", element.inner_end) + 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.EntityDeclHandler = refuse_entities
    parser.UnparsedEntityDeclHandler = refuse_entities
    parser.ExternalEntityRefHandler = refuse_external
    parser.SkippedEntityHandler = skipped
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise ReviewError(
            f"{name}: malformed XML at line {exc.lineno}, column {exc.offset + 1}: "
            f"{expat.errors.messages[exc.code]}"
        ) from None
    except _Refused as exc:
        raise ReviewError(f"{name}: {exc}") from None
    return roots[0]


class _CharOffsets:
    """Byte index → character index. Expat reports positions in increasing order, so each call
    decodes only the bytes since the last one (linear over the file)."""

    def __init__(self, data: bytes, ascii_only: bool) -> None:
        self._data = data
        self._ascii = ascii_only
        self._byte = 0
        self._char = 0

    def __call__(self, byte: int) -> int:
        if self._ascii:
            return byte
        if byte < self._byte:
            self._byte = self._char = 0
        self._char += len(self._data[self._byte : byte].decode("utf-8"))
        self._byte = byte
        return self._char
