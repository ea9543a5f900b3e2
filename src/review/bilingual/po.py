"""Gettext PO: translate-toolkit reads the messages (plurals, fuzzy, obsolete, msgctxt, escapes,
syntax errors with their line); a line scan finds where each msgstr and ``#,`` line is, which
translate-toolkit does not keep. The two are matched message by message and must agree."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from translate.storage.poparser import PoParseError
from translate.storage.pypo import PoWrapper, pofile, pounit, quoteforpo

from review.bilingual import ids
from review.bilingual.inline import new_numbering, placeholder_content
from review.bilingual.model import BilingualText, ReadOptions, Unit
from review.bilingual.writer import Replacement
from review.errors import ReviewError

NAME = "po"
_KEYWORD = re.compile(r"(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s")
_CONTINUATION = re.compile(r'\s*"')
# gettext wraps at 79 columns; a longer string line in the file means it was written unwrapped.
_GETTEXT_WIDTH = 79


def sniff(head: str) -> bool:
    return re.search(r'^msgid\s+"', head, re.MULTILINE) is not None


@dataclass(slots=True)
class _Entry:
    """Where one message's parts are in the text (mutable while scanning)."""

    msgstrs: list[tuple[int, int]] = field(default_factory=list)
    flags: tuple[int, int] | None = None


def read(text: str, name: str, _options: ReadOptions) -> BilingualText:
    try:
        store = pofile.parsestring(text.encode("utf-8"))
    except PoParseError as exc:
        raise ReviewError(f"{name}: PO syntax error: {exc}") from None
    messages = [u for u in store.units if not u.isobsolete()]
    entries = _scan(text)
    if len(entries) != len(messages):
        raise ReviewError(
            f"{name}: {len(messages)} messages parsed but {len(entries)} found line by line; "
            "is the file well-formed?"
        )
    units: list[Unit] = []
    for message, entry in zip(messages, entries, strict=True):
        if message.isheader():
            continue
        units.extend(_forms(message, entry))
    return BilingualText(
        NAME,
        store.getsourcelanguage() or "",
        store.gettargetlanguage() or "",
        ids.unique_units(units),
    )


def _forms(message: pounit, entry: _Entry) -> list[Unit]:
    """One unit per msgstr: a plural message's form 0 pairs with msgid, the others with
    msgid_plural. The id hashes msgctxt and msgid (a plural form adds its index)."""
    # translate-toolkit decodes on every access: each property is read once.
    plural = message.hasplural()
    source, target = message.source, message.target
    sources = [str(s) for s in source.strings] if plural else [str(source)]
    targets = [str(t) for t in target.strings] if plural else [str(target or "")]
    targets = (targets + [""] * len(entry.msgstrs))[: len(entry.msgstrs)]
    context = message.getcontext() or ""
    base = ids.hashed("po", context, sources[0])
    notes = message.getnotes()
    fuzzy = message.isfuzzy()
    units = []
    for index, (text, span) in enumerate(zip(targets, entry.msgstrs, strict=True)):
        numbering = new_numbering()
        units.append(
            Unit(
                id=f"{base}[{index}]" if plural else base,
                source=placeholder_content(sources[min(index, len(sources) - 1)], numbering),
                target=placeholder_content(text, numbering),
                target_span=span,
                context=context,
                notes=(notes,) if notes else (),
                state=state_after(fuzzy, bool(text), reviewed=False),
                state_span=entry.flags,
            )
        )
    return units


def _scan(text: str) -> list[_Entry]:
    """Every non-obsolete message's msgstr spans (from the keyword to the end of its last
    string line) and its ``#,`` line with the ``#|`` lines right after it (newlines
    included), in file order."""
    entries: list[_Entry] = []
    flags: tuple[int, int] | None = None
    last = ""
    position = 0
    for line in text.splitlines(keepends=True):
        start = position
        position += len(line)
        body = line.rstrip("\r\n")
        stripped = body.lstrip()
        indent = len(body) - len(stripped)
        if stripped.startswith("#"):
            if stripped.startswith("#,"):
                flags = (start, position)
            elif stripped.startswith("#|") and flags and flags[1] == start:
                flags = (flags[0], position)  # previous msgid lines go with the fuzzy flag
            elif stripped.startswith("#~"):
                flags = None  # the flags of an obsolete message
            last = ""
        elif _CONTINUATION.match(body):
            if last == "msgstr":
                entries[-1].msgstrs[-1] = (entries[-1].msgstrs[-1][0], start + len(body))
        elif match := _KEYWORD.match(stripped):
            keyword = match.group(1)
            if keyword == "msgctxt" or (keyword == "msgid" and last != "msgctxt"):
                entries.append(_Entry(flags=flags))
                flags = None
            if keyword.startswith("msgstr") and entries:
                entries[-1].msgstrs.append((start + indent, start + len(body)))
                last = "msgstr"
            else:
                last = keyword
        else:
            last = ""
    return entries


@lru_cache(maxsize=1)
def _width(text: str) -> int:
    """The file's wrapping: gettext's (translate-toolkit's PoWrapper, 77 inside the quotes) or
    none (-1) when some string line is longer than gettext would have written it."""
    longest = max((len(line) for line in text.splitlines() if '"' in line), default=0)
    return -1 if longest > _GETTEXT_WIDTH else PoWrapper().width


def state_after(fuzzy: bool, translated: bool, reviewed: bool) -> str:
    """A message's state as pofilter and gettext name it; marking it reviewed (with
    ``[bilingual] update_state``) drops the fuzzy flag."""
    if fuzzy and not reviewed:
        return "fuzzy"
    return "translated" if translated else "untranslated"


def unit_state(unit: Unit, translated: bool, reviewed: bool) -> str:
    return state_after(unit.state == "fuzzy", translated, reviewed)


def replacements(text: str, unit: Unit, markup: str | None, reviewed: bool) -> list[Replacement]:
    out: list[Replacement] = []
    start, end = unit.target_span
    if markup is not None:
        keyword = text[start:end].split(maxsplit=1)[0]
        newline = "\r\n" if text.startswith("\r\n", end) else "\n"
        lines = quoteforpo(markup, PoWrapper(_width(text))) or ['""']
        out.append(Replacement(start, end, f"{keyword} {newline.join(lines)}"))
    if reviewed and unit.state_span:
        out.extend(_unfuzzy(text, unit.state_span))
    return out


def _unfuzzy(text: str, span: tuple[int, int]) -> list[Replacement]:
    """Drop "fuzzy" from the flags line, and the previous-msgid (``#|``) lines that only a
    fuzzy message keeps (as ``msgattrib --clear-fuzzy --clear-previous`` does)."""
    line = text[span[0] : span[1]].splitlines(keepends=True)[0]
    body = line.rstrip("\r\n")
    flags = [f.strip() for f in body[2:].split(",")]
    if "fuzzy" not in flags:
        return []
    kept = [f for f in flags if f and f != "fuzzy"]
    new = f"#, {', '.join(kept)}{line[len(body) :]}" if kept else ""
    return [Replacement(span[0], span[1], new)]
