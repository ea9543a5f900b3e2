"""The state of each sentence's unit (XLIFF ``state``, PO fuzzy/translated/untranslated) as the
saved file would read it: the file's own, or, once the review marks the unit reviewed under
``[bilingual] update_state`` (or an edit translates an empty PO message), the state the format's
writer gives it. What the UI's unit-state filter selects on."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from review.bilingual import FORMATS
from review.document import Document
from review.inputs.document import BilingualDocument
from review.segment import Sentence
from review.state import ReviewState, Status


@dataclass(frozen=True, slots=True)
class UnitStates:
    """``present`` is every state a unit may show, sorted: those in the file, and the one marking
    a unit reviewed writes when the switch is on."""

    document: BilingualDocument
    sentences: Mapping[str, tuple[Sentence, ...]]  # unit id -> its sentences, in order
    present: tuple[str, ...]

    def regrouped(self, sentences: Sequence[Sentence]) -> UnitStates:
        """The same units' states over the review's sentences after a merge or a split."""
        return replace(self, sentences=_by_unit(sentences))

    def of(self, sentence: Sentence, state: ReviewState) -> str:
        """The state of the sentence's unit with the review as it stands."""
        document = self.document
        unit = document.bilingual.units[document.unit_index[sentence.unit]]
        mates = self.sentences[sentence.unit]
        reviews = [state.review_of(s.id) for s in mates]
        reviewed = document.update_state and all(r.status is Status.REVIEWED for r in reviews)
        edited = any(r.edited is not None for r in reviews)
        translated = any(state.text_of(s) for s in mates) if edited else bool(unit.target_text)
        return FORMATS[document.bilingual.format].unit_state(unit, translated, reviewed)


def unit_states(document: Document, sentences: Sequence[Sentence]) -> UnitStates | None:
    """None for a text whose units have no state (a plain text, TMX, TSV, a pair of files): it
    offers no state filter."""
    if not isinstance(document, BilingualDocument):
        return None
    units = document.bilingual.units
    unit_state = FORMATS[document.bilingual.format].unit_state
    present = {u.state for u in units}
    if document.update_state:
        present |= {unit_state(u, bool(u.target_text), True) for u in units}
    present.discard("")
    if not present:
        return None
    return UnitStates(document, _by_unit(sentences), tuple(sorted(present)))


def _by_unit(sentences: Sequence[Sentence]) -> dict[str, tuple[Sentence, ...]]:
    by_unit: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        by_unit.setdefault(sentence.unit, []).append(sentence)
    return {unit: tuple(found) for unit, found in by_unit.items()}
