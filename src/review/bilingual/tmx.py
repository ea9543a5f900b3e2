"""TMX 1.4: one language pair of the translation units, by arguments or by the header."""

from __future__ import annotations

from review.bilingual import ids, xmlunits
from review.bilingual.inline import new_numbering
from review.bilingual.model import BilingualText, ReadOptions, Unit
from review.bilingual.writer import Replacement
from review.bilingual.xmlscan import Element, scan
from review.errors import ReviewError

NAME = "tmx"


def sniff(head: str) -> bool:
    return "<tmx" in head


def _language(tuv: Element) -> str:
    return tuv.attr("lang")  # xml:lang (TMX 1.4) and lang (1.1) alike, the prefix dropped


def _matches(language: str, wanted: str) -> bool:
    language, wanted = language.lower(), wanted.lower()
    return language == wanted or language.startswith(f"{wanted}-")


def read(text: str, name: str, options: ReadOptions) -> BilingualText:
    root = scan(text, name)
    if root.name != "tmx":
        raise ReviewError(f"{name}: not a TMX file (its root element is <{root.name}>)")
    header = root.child("header")
    tus = list(root.iter("tu"))
    languages = sorted({_language(t) for tu in tus for t in tu.all("tuv")})
    source_language = options.source_language or (header.attr("srclang") if header else "")
    if not source_language or source_language == "*all*":
        raise ReviewError(f"{name}: the TMX names no source language; give --source-lang")
    target_language = options.target_language or _only_other(name, languages, source_language)
    for wanted in (source_language, target_language):
        if not any(_matches(language, wanted) for language in languages):
            raise ReviewError(
                f"{name}: has no <tuv> in language {wanted!r} "
                f"(it has {', '.join(languages) or 'none'})"
            )
    units: list[Unit] = []
    for tu in tus:
        tuvs = tu.all("tuv")
        source = next((t for t in tuvs if _matches(_language(t), source_language)), None)
        target = next((t for t in tuvs if _matches(_language(t), target_language)), None)
        segment = target.child("seg") if target else None
        if source is None or segment is None:
            # A TU without the pair is a memory entry for other languages: nothing to review.
            continue
        numbering = new_numbering()
        source_content = xmlunits.content(text, source.child("seg"), numbering)
        span, form = xmlunits.target_place(segment, segment.start)
        units.append(
            Unit(
                id=tu.attr("tuid") or ids.hashed("tu", source_content.text),
                source=source_content,
                target=xmlunits.content(text, segment, numbering),
                target_span=span,
                target_form=form,
                notes=xmlunits.notes(text, tu.all("note")),
            )
        )
    return BilingualText(NAME, source_language, target_language, ids.unique_units(units))


def _only_other(name: str, languages: list[str], source: str) -> str:
    others = [language for language in languages if not _matches(language, source)]
    if len(others) != 1:
        raise ReviewError(
            f"{name}: choose the target language with --target-lang "
            f"(the TMX has {', '.join(others) or 'no language'} besides {source})"
        )
    return others[0]


def replacements(text: str, unit: Unit, markup: str | None, _reviewed: bool) -> list[Replacement]:
    # TMX has no state; every unit read has its <seg> (perhaps empty), so none is inserted.
    return xmlunits.target_replacements(text, unit, markup, None, "<seg>{}</seg>", True)
