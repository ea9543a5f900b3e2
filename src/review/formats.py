"""Output formats as registries: a format is a name, the file suffixes that choose it from an
``-o`` path, and its renderer named by dotted path, so a command imports only the renderer it
uses. Each output (``review check``, ``review report``, ``review diff``) keeps one
``FormatRegistry`` of its own next to its model; adding a format is one renderer module and one
``register`` line there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import import_module
from pathlib import PurePath
from typing import Generic, TextIO, TypeVar, cast

# What a renderer gives: the whole output, or its pieces in order (a book's output is then
# written as it is made rather than held).
Rendered = str | Iterator[str]

RendererT = TypeVar("RendererT", bound=Callable[..., Rendered])


def write_rendered(stream: TextIO, rendered: Rendered) -> None:
    if isinstance(rendered, str):
        stream.write(rendered)
        return
    for piece in rendered:
        stream.write(piece)


@dataclass(frozen=True, slots=True)
class Format:
    """``renderer`` is ``"package.module:function"``; ``suffixes`` are lower case, with the
    dot (``.md``)."""

    name: str
    renderer: str
    suffixes: tuple[str, ...] = ()
    description: str = ""


class FormatRegistry(Generic[RendererT]):
    """The formats of one output, in the order they were registered; the first is the
    default."""

    def __init__(self, *formats: Format) -> None:
        self._formats: dict[str, Format] = {}
        for fmt in formats:
            self.register(fmt)

    def register(self, fmt: Format) -> None:
        module, colon, function = fmt.renderer.partition(":")
        if not (module and colon and function):
            raise ValueError(f"{fmt.name}: renderer {fmt.renderer!r} is not 'module:function'")
        if fmt.name in self._formats:
            raise ValueError(f"{fmt.name}: a format of that name is registered already")
        self._formats[fmt.name] = fmt

    def unregister(self, name: str) -> None:
        del self._formats[name]

    def __iter__(self) -> Iterator[Format]:
        return iter(tuple(self._formats.values()))

    def names(self) -> tuple[str, ...]:
        return tuple(self._formats)

    @property
    def default(self) -> str:
        return next(iter(self._formats))

    def chosen(self, name: str | None, output: PurePath | None = None) -> str:
        """``name`` when given, else the format whose suffix ends ``output``'s name, else the
        default."""
        if name:
            return name
        if output is not None:
            # The longest suffix wins, so that ".sarif.json" can mean another format than ".json".
            filename = output.name.lower()
            matches = [
                (len(suffix), fmt.name)
                for fmt in self._formats.values()
                for suffix in fmt.suffixes
                if filename.endswith(suffix)
            ]
            if matches:
                return max(matches)[1]
        return self.default

    def renderer(self, name: str) -> RendererT:
        module, _, function = self._formats[name].renderer.partition(":")
        return cast(RendererT, getattr(import_module(module), function))
