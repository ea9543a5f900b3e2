"""XLIFF 1.2 (and 1.1): trans-units, ``<seg-source>`` segmentation, ``state``, ``<note>``."""

from __future__ import annotations

from review.bilingual import ids, xmlunits
from review.bilingual.inline import new_numbering
from review.bilingual.model import BilingualText, ReadOptions, TargetForm, Unit
from review.bilingual.writer import Replacement
from review.bilingual.xmlscan import Element, scan
from review.errors import ReviewError

NAME = "xliff-1.2"
# XLIFF 1.2 has no "reviewed"; "signed-off" is its state for a target checked by a reviewer.
REVIEWED_STATE = "signed-off"


def sniff(head: str) -> bool:
    return "<xliff" in head and "xliff:document:2" not in head and 'version="2' not in head


def read(text: str, name: str, _options: ReadOptions) -> BilingualText:
    root = scan(text, name)
    if root.name != "xliff":
        raise ReviewError(f"{name}: not an XLIFF file (its root element is <{root.name}>)")
    units: list[Unit] = []
    source_language = target_language = ""
    for file in root.iter("file"):
        source_language = source_language or file.attr("source-language")
        target_language = target_language or file.attr("target-language")
        for trans_unit in file.iter("trans-unit"):
            if trans_unit.attr("translate") != "no":
                units.extend(_units(text, trans_unit))
    return BilingualText(NAME, source_language, target_language, ids.unique_units(units))


def _units(text: str, trans_unit: Element) -> list[Unit]:
    source = trans_unit.child("source")
    # The id is required; without one, the source identifies the unit (not the target, which
    # the review edits).
    unit_id = trans_unit.attr("id") or ids.hashed("tu", xmlunits.raw(text, source))
    seg_source = trans_unit.child("seg-source")
    target = trans_unit.child("target")
    context = trans_unit.attr("resname")
    notes = xmlunits.notes(text, trans_unit.all("note"))
    segments = _segments(target) if target else []
    if seg_source is not None and target is not None and segments:
        sources = {m.attr("mid"): m for m in _segments(seg_source)}
        out = []
        for segment in segments:
            numbering = new_numbering()
            mid = segment.attr("mid")
            out.append(
                Unit(
                    id=f"{unit_id}/{mid}",
                    source=xmlunits.content(text, sources.get(mid), numbering),
                    target=xmlunits.content(text, segment, numbering),
                    target_span=(segment.inner_start, segment.inner_end),
                    state=target.attr("state"),
                    state_span=(target.start, target.inner_start),
                    segmented=True,
                    context=context,
                    notes=notes,
                )
            )
        return out
    numbering = new_numbering()
    after = seg_source or source
    span, form = xmlunits.target_place(target, after.end if after else trans_unit.inner_start)
    unit = Unit(
        id=unit_id,
        source=xmlunits.content(text, source, numbering),
        target=xmlunits.content(text, target, numbering),
        target_span=span,
        target_form=form,
        state=target.attr("state") if target else "",
        state_span=(target.start, target.inner_start) if target else None,
        context=context,
        notes=notes,
    )
    return [unit]


def _segments(element: Element) -> list[Element]:
    return [m for m in element.iter("mrk") if m.attr("mtype") == "seg"]


def unit_state(unit: Unit, translated: bool, reviewed: bool) -> str:
    # A unit without a target gets one (with the state) only when the edit gives it text.
    if reviewed and (unit.target_form is not TargetForm.MISSING or translated):
        return REVIEWED_STATE
    return unit.state


def replacements(text: str, unit: Unit, markup: str | None, reviewed: bool) -> list[Replacement]:
    state = REVIEWED_STATE if reviewed else None
    return xmlunits.target_replacements(text, unit, markup, state, "<target>{}</target>", True)
