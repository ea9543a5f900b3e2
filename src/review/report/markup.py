"""A tiny HTML/SVG builder that escapes by construction.

Plain ``str`` is text: it is always escaped. Only ``Markup`` (what ``tag`` and ``join`` return)
goes into the output as it is, so a sentence holding ``<script>`` or ``</td>`` can only ever
show as text.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape


class Markup(str):
    """A piece of HTML that is already safe to output."""

    __slots__ = ()


def text(value: str | int | float) -> Markup:
    return value if isinstance(value, Markup) else Markup(escape(str(value), quote=True))


def join(children: Iterable[str | int | float | None]) -> Markup:
    """The children one after another; plain strings escaped, None skipped."""
    return Markup(
        "".join(
            child if isinstance(child, Markup) else escape(str(child), quote=True)
            for child in children
            if child is not None
        )
    )


def tag(
    name: str, *children: str | int | float | None, **attributes: str | int | float | bool | None
) -> Markup:
    """``<name attributes>children</name>``. An attribute's trailing ``_`` is dropped (``class_``)
    and other ``_`` become ``-`` (``data_figure``); None and False leave it out, True writes it
    bare."""
    return Markup(f"{start(name, **attributes)}{join(children)}</{name}>")


def start(name: str, /, **attributes: str | int | float | bool | None) -> Markup:
    """``<name attributes>`` alone: the start of an element whose content is written piece by
    piece (a book's list of sentences), attributes as for ``tag``. ``end`` closes it."""
    return Markup(f"<{name}{_attributes(attributes)}>")


def end(name: str) -> Markup:
    return Markup(f"</{name}>")


def void(element: str, /, **attributes: str | int | float | bool | None) -> Markup:
    """An element without content or end tag (``<input …>``), attributes as for ``tag``."""
    return start(element, **attributes)


def _attributes(attributes: dict[str, str | int | float | bool | None]) -> str:
    return "".join(
        (f" {_attribute_name(key)}" if value is True
         else f' {_attribute_name(key)}="{escape(str(value), quote=True)}"')
        for key, value in attributes.items()
        if value is not None and value is not False
    )  # fmt: skip


def _attribute_name(key: str) -> str:
    return key.rstrip("_").replace("_", "-")


def raw(trusted: str) -> Markup:
    """Markup written in this package (the style sheet); never pass data through here."""
    return Markup(trusted)
