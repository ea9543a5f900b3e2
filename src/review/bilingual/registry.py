"""The bilingual formats, found by file suffix or by sniffing the file's first characters."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import PurePath

from review.bilingual import paired, po, tmx, tsv, xliff1, xliff2
from review.bilingual.inline import escape_xml
from review.bilingual.model import BilingualText, ReadOptions, Unit
from review.bilingual.writer import Replacement, Replacer, replace_target, replacements, write

_SNIFF_CHARS = 2000
# Never sniffed: a plain text may quote XML or PO and is still a plain text.
_PLAIN_SUFFIXES = {".txt", ".text", ".md"}


def _keep(text: str) -> str:
    return text  # PO strings are escaped by quoteforpo when written


def _own_state(unit: Unit, _translated: bool, _reviewed: bool) -> str:
    return unit.state  # TMX, TSV and paired files have no state to update


@dataclass(frozen=True, slots=True)
class Format:
    """One input format: how to recognise it, read it and write edited targets back.

    ``escape`` turns edited display text (tokens aside) into the file's syntax; ``replacer``
    gives the spans to change for one unit; ``unit_state(unit, translated, reviewed)`` is the
    state the unit reads back with once written (with a target or not, marked reviewed under
    ``[bilingual] update_state`` or not)."""

    name: str
    suffixes: tuple[str, ...]
    sniff: Callable[[str], bool]
    read: Callable[[str, str, ReadOptions], BilingualText]
    escape: Callable[[str], str]
    replacer: Replacer
    unit_state: Callable[[Unit, bool, bool], str] = _own_state

    def write(
        self,
        text: str,
        bilingual: BilingualText,
        edits: Mapping[str, str],
        reviewed: Collection[str] = (),
    ) -> str:
        return write(text, bilingual, edits, self.escape, self.replacer, reviewed)

    def replacements(
        self,
        text: str,
        bilingual: BilingualText,
        edits: Mapping[str, str],
        reviewed: Collection[str] = (),
    ) -> list[Replacement]:
        return replacements(text, bilingual, edits, self.escape, self.replacer, reviewed)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(xliff2.NAME, (".xlf", ".xliff"), xliff2.sniff, xliff2.read, escape_xml,
               xliff2.replacements, xliff2.unit_state),
        Format(xliff1.NAME, (".xlf", ".xliff"), xliff1.sniff, xliff1.read, escape_xml,
               xliff1.replacements, xliff1.unit_state),
        Format(tmx.NAME, (".tmx",), tmx.sniff, tmx.read, escape_xml, tmx.replacements),
        Format(po.NAME, (".po", ".pot"), po.sniff, po.read, _keep, po.replacements,
               po.unit_state),
        Format(tsv.NAME, (".tsv", ".tab"), tsv.sniff, tsv.read, tsv.escape, replace_target),
        Format(paired.NAME, (), paired.sniff, paired.read, paired.escape, replace_target),
    )
}  # fmt: skip
PAIRED = FORMATS[paired.NAME]


def detect(path: str | PurePath, text: str) -> Format | None:
    """The format of a file: among those its suffix names, the one whose sniff matches (XLIFF
    1.2 and 2 share a suffix); with another suffix, the first whose sniff matches. None for a
    plain text."""
    head = text[:_SNIFF_CHARS]
    suffix = PurePath(path).suffix.lower()
    if suffix in _PLAIN_SUFFIXES:
        return None
    by_suffix = [f for f in FORMATS.values() if suffix in f.suffixes]
    if by_suffix:
        # The last of a shared suffix reads what no sniff recognised, and says what is wrong.
        return next((f for f in by_suffix if f.sniff(head)), by_suffix[-1])
    return next((f for f in FORMATS.values() if f.sniff(head)), None)


def read(
    path: str | PurePath, text: str, options: ReadOptions | None = None
) -> BilingualText | None:
    """The file read as a bilingual text (the pair of plain files when ``options`` has a
    source text), or None when it is a plain text."""
    name = str(path)
    options = options or ReadOptions()
    if options.source_text is not None:
        return PAIRED.read(text, name, options)
    found = detect(path, text)
    return None if found is None else found.read(text, name, options)
