"""XLIFF 2.0/2.1: ``<unit>``/``<segment>``, ``srcLang``/``trgLang``, ``state`` on segments."""

from __future__ import annotations

from review.bilingual import ids, xmlunits
from review.bilingual.inline import new_numbering
from review.bilingual.model import BilingualText, ReadOptions, Unit
from review.bilingual.writer import Replacement
from review.bilingual.xmlscan import scan
from review.errors import ReviewError

NAME = "xliff-2"
REVIEWED_STATE = "reviewed"


def sniff(head: str) -> bool:
    return "<xliff" in head and ("xliff:document:2" in head or 'version="2' in head)


def read(text: str, name: str, _options: ReadOptions) -> BilingualText:
    root = scan(text, name)
    if root.name != "xliff":
        raise ReviewError(f"{name}: not an XLIFF file (its root element is <{root.name}>)")
    units: list[Unit] = []
    for unit in root.iter("unit"):
        if unit.attr("translate") == "no":
            continue
        segments = unit.all("segment")
        # The id is required; without one, the sources identify the unit (never the targets,
        # which the review edits).
        sources = "".join(xmlunits.raw(text, s.child("source")) for s in segments)
        unit_id = unit.attr("id") or ids.hashed("unit", sources)
        holder = unit.child("notes")
        notes = xmlunits.notes(text, holder.all("note")) if holder else ()
        for index, segment in enumerate(segments, start=1):
            source = segment.child("source")
            target = segment.child("target")
            numbering = new_numbering()
            insert_at = source.end if source else segment.inner_start
            span, form = xmlunits.target_place(target, insert_at)
            key = unit_id if len(segments) == 1 else f"{unit_id}/{segment.attr('id', str(index))}"
            units.append(
                Unit(
                    id=key,
                    source=xmlunits.content(text, source, numbering),
                    target=xmlunits.content(text, target, numbering),
                    target_span=span,
                    target_form=form,
                    context=unit.attr("name"),
                    notes=notes,
                    state=segment.attr("state"),
                    state_span=(segment.start, segment.inner_start),
                    segmented=True,
                )
            )
    return BilingualText(NAME, root.attr("srcLang"), root.attr("trgLang"), ids.unique_units(units))


def unit_state(unit: Unit, _translated: bool, reviewed: bool) -> str:
    return REVIEWED_STATE if reviewed else unit.state


def replacements(text: str, unit: Unit, markup: str | None, reviewed: bool) -> list[Replacement]:
    state = REVIEWED_STATE if reviewed else None
    return xmlunits.target_replacements(text, unit, markup, state, "<target>{}</target>", False)
