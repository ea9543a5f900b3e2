"""What the XML formats (XLIFF 1.2, XLIFF 2, TMX) share: units from elements, targets written
back into the exact span, state attributes set in place."""

from __future__ import annotations

import re

from review.bilingual.inline import Numbering, decoded_xml_text, escape_xml, xml_content
from review.bilingual.model import Content, TargetForm, Unit
from review.bilingual.writer import Replacement
from review.bilingual.xmlscan import Element


def raw(text: str, element: Element | None) -> str:
    """The element's content as it is in the file ("" for none)."""
    return "" if element is None else text[element.inner_start : element.inner_end]


def content(text: str, element: Element | None, numbering: Numbering) -> Content:
    return xml_content(raw(text, element), numbering)


def notes(text: str, elements: list[Element]) -> tuple[str, ...]:
    return tuple(decoded_xml_text(text[n.inner_start : n.inner_end]).strip() for n in elements)


def target_place(target: Element | None, insert_at: int) -> tuple[tuple[int, int], TargetForm]:
    if target is None:
        return (insert_at, insert_at), TargetForm.MISSING
    if target.empty:
        return (target.start, target.end), TargetForm.EMPTY_ELEMENT
    return (target.inner_start, target.inner_end), TargetForm.CONTENT


def set_attribute(tag: str, name: str, value: str) -> str:
    """A start tag with attribute ``name`` set to ``value``, every other byte kept (the tag
    as it is when it has that value already, in whichever quotes)."""
    quoted = escape_xml(value).replace('"', "&quot;")
    existing = re.search(rf"(\s{re.escape(name)}\s*=\s*)(\"[^\"]*\"|'[^']*')", tag)
    if existing and existing.group(2)[1:-1] == escape_xml(value):
        return tag
    if existing:
        return f'{tag[: existing.start(2)]}"{quoted}"{tag[existing.end(2) :]}'
    end = len(tag) - (2 if tag.endswith("/>") else 1)
    return f'{tag[:end]} {name}="{quoted}"{tag[end:]}'


def target_replacements(
    text: str,
    unit: Unit,
    markup: str | None,
    state: str | None,
    new_target: str,
    state_on_target: bool,
) -> list[Replacement]:
    """Replace the target's content with ``markup`` (None: keep it) and, when ``state`` is
    given, set it on the target tag (``state_on_target``) or on the tag at ``state_span``.
    ``new_target`` is the element written where the file has none, ``{}`` for the content."""
    target_state = state if state_on_target else None
    out: list[Replacement] = []
    start, end = unit.target_span
    if unit.target_form is TargetForm.MISSING:
        if markup is not None:  # no target is made just to hold a state
            opening = new_target
            if target_state:
                first = opening.index(">") + 1
                opening = set_attribute(opening[:first], "state", target_state) + opening[first:]
            out.append(Replacement(start, end, opening.format(markup)))
    elif unit.target_form is TargetForm.EMPTY_ELEMENT:
        tag = text[start:end]
        if target_state:
            tag = set_attribute(tag, "state", target_state)
        if markup:
            name = re.match(r"<([^\s/>]+)", tag)
            assert name is not None
            tag = f"{tag[:-2].rstrip()}>{markup}</{name[1]}>"
        out.append(Replacement(start, end, tag))
    else:
        if markup is not None:
            out.append(Replacement(start, end, markup))
        if target_state and unit.state_span:
            out.append(_state(text, unit.state_span, target_state))
    if state and not state_on_target and unit.state_span:
        out.append(_state(text, unit.state_span, state))
    return out


def _state(text: str, span: tuple[int, int], state: str) -> Replacement:
    return Replacement(span[0], span[1], set_attribute(text[span[0] : span[1]], "state", state))
