"""Consistency within the document: one term or one kind of number written two ways.

Terms: the document's own names (runs of capitalised words, "New York", "High-Level
Consultation on People-to-People Exchange") and hyphenated compounds ("China-US") are looked
for everywhere in any case, with a hyphen, dash or space between their parts, in the other
variant's spelling, and with a country for its combining form ("Sino-US" for "China-US").
Where one is written more than one way, the less usual ways are flagged, naming the places
of the usual one. Numbers: thousands with and without a separator (1,000 / 1000), a unit
with and without a space (5 km / 5km), per cent as a sign or a word (10% / 10 percent).
Translations (a bilingual text): units with the same source and different targets.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import groupby

from review.bilingual import plain
from review.checker_api import Checker, Opening
from review.checkers.remembered import RememberedChecker
from review.checkers.terms.matcher import TermMatcher, fold
from review.checkers.terms.term import Term
from review.flags import Category, Flag, MqmClass, Severity
from review.segment import Sentence, id_list

_CAPITALISED = r"[A-Z][a-zA-Z]*(?:[-‐‑–—][A-Za-z]+)*"
_NAME = re.compile(rf"{_CAPITALISED}(?:\s+(?:(?:of|and|on|for|the|to|in|de)\s+)*{_CAPITALISED})+")
_COMPOUND = re.compile(r"(?<![\w-])[^\W_]+(?:[-‐‑–—][^\W_]+)+(?![\w-])")
# Words a sentence or a quotation starts with that are no part of the name after them.
_LEADING = frozenset(
    ("The", "A", "An", "In", "On", "At", "For", "To", "Of", "And", "But", "As", "By", "With",
     "From", "This", "That", "These", "Those", "Since", "When", "After", "Before", "Under",
     "Over", "Its", "Our", "Their", "His", "Her")
)  # fmt: skip
# A country and the combining form that stands for it in compounds ("Sino-US" is "China-US").
_COMBINING_FORMS = {
    "sino": "china",
    "anglo": "england",
    "franco": "france",
    "russo": "russia",
    "indo": "india",
    "euro": "europe",
    "afro": "africa",
    "greco": "greece",
    "italo": "italy",
    "nippo": "japan",
    "turco": "turkey",
    "hispano": "spain",
}
_COUNTRIES = {country: form for form, country in _COMBINING_FORMS.items()}


@dataclass(frozen=True, slots=True)
class Place:
    sentence: Sentence
    start: int
    end: int
    written: str  # in the form two places are compared by
    at_start: bool = False  # of the sentence


class Consistency:
    """Terms and numbers written two ways in one document."""

    name = "consistency"
    version = None

    def check(self, text: str, sentences: Sequence[Sentence]) -> Iterator[Flag]:
        flags: list[Flag] = []
        for find in (_names, _compounds):
            for places in find(sentences):
                flags += _flags(places, "CONSISTENT_TERM", Category.SPELLING, _also, _as_usual)
        for kind in _NUMBER_KINDS:
            places = kind.places(sentences)
            flags += _flags(
                places, "CONSISTENT_NUMBER", Category.TYPOGRAPHY, kind.others, kind.rewritten
            )
        for places in _translations(text, sentences):
            flags += _flags(places, "CONSISTENT_TRANSLATION", Category.WORDING, _translated)
        order = {s.id: i for i, s in enumerate(sentences)}
        # A name may be a compound too ("China US" beside "China-US"): one flag a place.
        unique = {(f.sentence_id, f.start, f.end, f.rule): f for f in reversed(flags)}
        yield from sorted(unique.values(), key=lambda f: (order[f.sentence_id], f.start, f.end))


def _flags(
    places: list[Place],
    rule: str,
    category: Category,
    message: Callable[[Place, str], str],
    suggestion: Callable[[Place, str], str] | None = None,
) -> Iterator[Flag]:
    """Flags on the places of every form but the usual one (the first of the most used);
    ``message`` says what the usual one is from an example of it and where it is."""
    counts = Counter(p.written for p in places)
    if len(counts) < 2:
        return
    usual = max(counts, key=lambda written: counts[written])
    where = list(dict.fromkeys(p.sentence.id for p in places if p.written == usual))
    listed = id_list(where)
    example = next(p for p in places if p.written == usual)
    for place in places:
        if place.written == usual:
            continue
        yield Flag(
            sentence_id=place.sentence.id,
            start=place.start,
            end=place.end,
            source="consistency",
            rule=rule,
            category=category,
            mqm=MqmClass.INCONSISTENCY,
            severity=Severity.MINOR,
            message=message(example, listed),
            text=place.sentence.text[place.start : place.end],
            replacements=(suggestion(place, usual),) if suggestion else (),
        )


def _shown(place: Place) -> str:
    return place.sentence.text[place.start : place.end]


def _also(example: Place, listed: str) -> str:
    return f"Also written “{_shown(example)}” in {listed}"


def _as_usual(place: Place, usual: str) -> str:
    return usual[:1].upper() + usual[1:] if place.at_start else usual


# --- translations -----------------------------------------------------------------------------

# A PO plural form's unit is its message's id and the form's index (review.bilingual.po): the
# forms of one message share a source and differ by design.
_PLURAL_FORM = re.compile(r"\[\d+\]$")
_LONGEST_SHOWN = 80


def _translations(text: str, sentences: Sequence[Sentence]) -> Iterator[list[Place]]:
    """The units (or segments) of each source translated more than one way: a place a unit,
    on its first sentence, ``written`` its whole target. Sources compare without tag tokens
    and spaces, targets with their spaces collapsed; an empty target is no translation."""
    by_source: dict[str, dict[str, Place]] = {}
    for (unit, source), group in groupby(sentences, key=lambda s: (s.unit, s.source)):
        # A plain text's sentences, all one group with no unit, translate nothing: their
        # target would be the whole text's words.
        if not unit:
            continue
        found = list(group)
        target = " ".join(text[found[0].start : found[-1].end].split())
        # Without any space: a tag token leaves none where it was ("Click⟨1⟩Save").
        key = "".join(plain(source).text.split())
        if key and target:
            first = found[0]
            place = Place(first, 0, len(first.text), target)
            # Of one message's plural forms the first stands for it.
            by_source.setdefault(key, {}).setdefault(_PLURAL_FORM.sub("", unit), place)
    for places in by_source.values():
        if len(places) > 1:
            yield list(places.values())


def _translated(example: Place, listed: str) -> str:
    target = example.written
    if len(target) > _LONGEST_SHOWN:
        target = target[: _LONGEST_SHOWN - 1].rstrip() + "…"
    return f"The same source is translated “{target}” in {listed}"


# --- terms ------------------------------------------------------------------------------------


def _names(sentences: Sequence[Sentence]) -> Iterator[list[Place]]:
    """The places of each multi-word name, grouped by name."""
    found: dict[str, str] = {}
    for sentence in sentences:
        for match in _NAME.finditer(sentence.text):
            words = match.group().split()
            while words and words[0] in _LEADING:
                words = words[1:]
            if len(words) > 1 and not match.group().isupper():
                name = " ".join(words)
                found.setdefault(_concept(name), name)
    yield from _grouped(sentences, list(found.values()), lambda written, name: True)


def _compounds(sentences: Sequence[Sentence]) -> Iterator[list[Place]]:
    """The places of each hyphenated compound, grouped. A lower-case compound written with
    a space is left alone ("long-term goals" and "in the long term" are both right)."""
    found: dict[str, str] = {}
    for sentence in sentences:
        for match in _COMPOUND.finditer(sentence.text):
            compound = match.group()
            if any(c.isalpha() for c in compound):
                for alternative in (compound, *_with_combining_forms(compound)):
                    found.setdefault(fold(alternative), alternative)
    yield from _grouped(sentences, list(found.values()), _separated_unless_lower_spaced)


def _separated_unless_lower_spaced(written: str, term: str) -> bool:
    return " " not in written or any(c.isupper() for c in term)


def _grouped(
    sentences: Sequence[Sentence], terms: list[str], keep: Callable[[str, str], bool]
) -> Iterator[list[Place]]:
    if not terms:
        return
    matcher = TermMatcher([Term(t) for t in terms])
    places: dict[str, list[Place]] = {}
    for sentence in sentences:
        for match in matcher.find(sentence.text):
            written = sentence.text[match.start : match.end]
            stem = written[: len(written) - len(match.form.suffix)].replace("’", "'")
            term = terms[match.form.term]
            # "Ministries" has no stem to compare with "Ministry"'s: such a place is left out.
            if written.isupper() or match.form.suffix == "ies" or not keep(written, term):
                continue
            concept = _concept(term)
            places.setdefault(concept, []).append(
                Place(sentence, match.start, match.start + len(stem), stem, match.at_sentence_start)
            )
    for found in places.values():
        yield [_as_within(place, found) for place in found]


def _as_within(place: Place, places: list[Place]) -> Place:
    """A sentence's capital is no variant: "Win-win" at the start is the "win-win" of the
    sentences where the term is not first."""
    if not place.at_start:
        return place
    for other in places:
        written = other.written
        if (
            not other.at_start
            and written[1:] == place.written[1:]
            and written[:1].upper() == place.written[:1]
        ):
            return replace(place, written=written)
    return place


def _concept(term: str) -> str:
    """What every way of writing one term has in common."""
    return " ".join(_COMBINING_FORMS.get(word, word) for word in fold(term).split())


def _with_combining_forms(compound: str) -> list[str]:
    """``compound`` with a country for its combining form, or the other way round."""
    parts = re.split(r"([-‐‑–—])", compound)
    swapped = []
    for index in range(0, len(parts), 2):
        lower = parts[index].lower()
        other = _COMBINING_FORMS.get(lower) or _COUNTRIES.get(lower)
        if other:
            replaced = [*parts]
            replaced[index] = other.capitalize() if parts[index][:1].isupper() else other
            swapped.append("".join(replaced))
    return swapped


# --- numbers ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NumberKind:
    """A kind of number and the ways to write it: ``pattern``'s groups name the way."""

    what: str
    pattern: re.Pattern[str]
    style: Callable[[re.Match[str]], str | None]
    # The number written in a style (as ``style`` names it).
    restyled: Callable[[str, str], str]

    def rewritten(self, place: Place, style: str) -> str:
        return self.restyled(_shown(place), style)

    def others(self, example: Place, listed: str) -> str:
        return f"Other {self.what}s are written like “{_shown(example)}” ({listed})"

    def places(self, sentences: Sequence[Sentence]) -> list[Place]:
        found = []
        for sentence in sentences:
            for match in self.pattern.finditer(sentence.text):
                style = self.style(match)
                if style is not None:
                    found.append(Place(sentence, match.start(), match.end(), style))
        return found


def _thousands(match: re.Match[str]) -> str | None:
    number = match.group()
    if "," in number:
        return "1,000"
    digits = number.split(".")[0]
    # A four-digit number from 1500 to 2199 is most likely a year.
    if len(digits) < 4 or (len(digits) == 4 and 1500 <= int(digits) <= 2199):
        return None
    return "1000"


def _with_separators(number: str, style: str) -> str:
    if style == "1000":
        return number.replace(",", "")
    whole, point, fraction = number.partition(".")
    return f"{int(whole):,}{point}{fraction}"


def _unit_spaced(measure: str, style: str) -> str:
    return _BEFORE_UNIT.sub(" " if style == "5 km" else "", measure, count=1)


def _percent_as(percentage: str, style: str) -> str:
    number = percentage.replace("%", " ").split()[0]
    return number + style[len("10") :]


_BEFORE_UNIT = re.compile(r"(?<=\d)\s*(?=[A-Za-z])")
# Each pattern opens with the digit a number starts with, and only then looks behind it: a
# pattern that opens with a look-behind is tried at every character of the text, one that opens
# with a digit only where a digit is (a third to a sixth of the time on 10,000 sentences).
_NUMBER_KINDS = (
    NumberKind(
        "number",
        re.compile(
            r"\d(?<![\d.,]\d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d{3,}(?:\.\d+)?(?![\d,]))"
        ),
        _thousands,
        _with_separators,
    ),
    NumberKind(
        "measure",
        re.compile(
            r"\d(?<![\w.]\d)\d*(?:\.\d+)?(?P<space>\s?)(?:km/h|kWh|km|kg|cm|mm|mg|ml|kW|MW|GW|GHz|MHz|Hz|mph)(?!\w)"
        ),
        lambda m: "5 km" if m["space"] else "5km",
        _unit_spaced,
    ),
    NumberKind(
        "percentage",
        re.compile(r"\d(?<![\w.]\d)\d*(?:\.\d+)?(?P<way>\s?%|\s+per\s*cent(?!\w))"),
        lambda m: "10" + (m["way"] if "%" in m["way"] else " " + " ".join(m["way"].split())),
        _percent_as,
    ),
)


def open_checker(opening: Opening) -> Checker:
    return RememberedChecker(Consistency(), opening.cache, "", opening.offload)
