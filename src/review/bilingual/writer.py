"""Writing edited targets back: only the target spans of edited units (and, when asked, the
state of reviewed units) change; every other character of the file stays as it was."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

from review.bilingual.inline import to_markup, validate
from review.bilingual.model import BilingualText, Unit
from review.errors import ReviewError


@dataclass(frozen=True, slots=True, order=True)
class Replacement:
    start: int
    end: int
    text: str


# (file text, unit, new target markup or None to keep it, mark reviewed) -> replacements
Replacer = Callable[[str, Unit, str | None, bool], list[Replacement]]


def check_edit(unit: Unit, edited: str) -> None:
    """Refuse an edited target (display form) that breaks the unit's tags, with the reason
    (TagError): what ``review edit`` and the UI call before accepting an edit."""
    validate(edited, unit.required_tags, unit.optional_tags)


def replace_target(
    _text: str, unit: Unit, markup: str | None, _reviewed: bool
) -> list[Replacement]:
    """The replacer of formats whose target is a bare span with no state (TSV, plain text)."""
    return [] if markup is None else [Replacement(*unit.target_span, markup)]


def apply_replacements(text: str, replacements: Collection[Replacement]) -> str:
    """``text`` with the replacements made; identical ones count once (two plural forms of a PO
    message share its flags line), overlapping ones are a bug."""
    out: list[str] = []
    position = 0
    for r in sorted(set(replacements)):
        if r.start < position:
            raise AssertionError(f"overlapping replacements at {r.start}")
        out.append(text[position : r.start])
        out.append(r.text)
        position = r.end
    out.append(text[position:])
    return "".join(out)


def write(
    text: str,
    bilingual: BilingualText,
    edits: Mapping[str, str],
    escape: Callable[[str], str],
    replacer: Replacer,
    reviewed: Collection[str] = (),
) -> str:
    """The file text with each unit in ``edits`` given its new target (display form, tokens as
    shown) and each unit in ``reviewed`` marked reviewed where the format has a state. An edit
    that breaks a tag is a TagError naming the unit."""
    return apply_replacements(
        text, replacements(text, bilingual, edits, escape, replacer, reviewed)
    )


def replacements(
    text: str,
    bilingual: BilingualText,
    edits: Mapping[str, str],
    escape: Callable[[str], str],
    replacer: Replacer,
    reviewed: Collection[str] = (),
) -> list[Replacement]:
    """What ``write`` changes in ``text``, in order, each span once: the patch is built from
    these spans alone."""
    units = {u.id: u for u in bilingual.units}
    unknown = sorted((set(edits) | set(reviewed)) - units.keys())
    if unknown:
        raise ReviewError(f"no unit {unknown[0]!r} in this {bilingual.format} file")
    found: list[Replacement] = []
    for unit_id in sorted(set(edits) | set(reviewed)):
        unit = units[unit_id]
        markup = None
        if unit_id in edits and edits[unit_id] != unit.target_text:
            try:
                markup = to_markup(edits[unit_id], unit.required_tags, escape, unit.optional_tags)
            except ReviewError as exc:
                raise type(exc)(f"unit {unit_id}: {exc}") from None
        if markup is not None or unit_id in reviewed:
            found.extend(replacer(text, unit, markup, unit_id in reviewed))
    return sorted(set(found))
