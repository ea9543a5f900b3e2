"""TBX glossaries, read with translate-toolkit (the project's library for bilingual formats).

translate-toolkit parses with lxml, which fetches nothing but expands a file's internal
entities: a TBX that declares an entity is refused before it is parsed, as an XLIFF, PO or
TMX file is (``review.bilingual.xmlscan``), so nothing is expanded either.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from review.bilingual.xmlscan import refuse_entity_declarations
from review.checkers.terms.term import Term
from review.errors import ReviewError, first_line


def read_tbx(path: Path, language: str) -> tuple[Term, ...]:
    """The terms of ``path`` in ``language``'s language ("en-US" reads the `en` side):
    deprecated ones forbidden, with the entry's first other term preferred."""
    # Neither lxml nor translate-toolkit's TBX reader is typed.
    from lxml import etree  # type: ignore[import-untyped]
    from translate.storage.tbx import tbxfile

    try:
        data = path.read_bytes()
        refuse_entity_declarations(data, str(path))
        store = tbxfile.parsestring(data)  # type: ignore[no-untyped-call]
    except OSError as exc:
        raise ReviewError(f"{path}: the glossary cannot be read: {exc.strerror}") from None
    except etree.XMLSyntaxError as exc:
        raise ReviewError(f"{path}: not a TBX glossary: {first_line(exc)}") from None
    except AssertionError:
        # translate-toolkit asserts the root element.
        raise ReviewError(f"{path}: not a TBX glossary: its root is not <martif>") from None
    wanted = language.split("-")[0].lower()
    terms: list[Term] = []
    for unit in store.units:
        english = _language_tag(unit, wanted)
        if english is None:
            continue
        is_source = unit.getlanguageNode(english) is unit.source_dom
        found = unit.get_source_terms() if is_source else unit.get_target_terms(english)
        sources = [] if is_source else [t.text for t in unit.get_source_terms() if t.text]
        source = sources[0] if sources else ""
        preferred = next((t.text for t in found if t.text and not t.deprecated), "")
        note = "; ".join(n.text for n in found[0].notes if n.text) if found else ""
        for term in found:
            if term.text:
                terms.append(
                    Term(
                        term.text,
                        forbidden=term.deprecated,
                        preferred=preferred if term.deprecated else "",
                        source=source,
                        note=note,
                    )
                )
    return tuple(terms)


def _language_tag(unit: Any, language: str) -> str | None:
    """The xml:lang of the entry's langSet of ``language`` ("en-GB" is one of "en")."""
    for node in unit.getlanguageNodes():
        tag = node.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
        if tag.split("-")[0].lower() == language:
            return str(tag)
    return None
