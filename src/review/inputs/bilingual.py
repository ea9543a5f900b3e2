"""Bilingual files (``review.bilingual``'s formats) as an input format.

The editor reviews the target view: every unit's display target, one after the other, split into
sentences by the SRX rules (or one sentence per segment when the file is segmented). A sentence's
id is made from its unit's id, so a unit moved in the file keeps its review. The patch is a diff
of the file itself, in which only the targets of edited units (and, with ``[bilingual]
update_state``, the state of reviewed units) change.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from review.bilingual import (
    FORMATS,
    BilingualText,
    Content,
    ReadOptions,
    Tag,
    Unit,
    check_edit,
    edited_targets,
    read,
    target_view,
)
from review.cache import ResultCache, cached_segment
from review.config import load_config
from review.corrected import CorrectedText
from review.document import Document, load_document
from review.errors import ReviewError
from review.inputs import read_options
from review.inputs.document import BilingualDocument
from review.inputs.plain import recover_reviews
from review.segment import Sentence
from review.state import ReviewState, SentenceReview, Status

_ID_SAFE = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")
_ID_CHARS = 24


def sentence_id(unit_id: str, number: int) -> str:
    """The id of the ``number``-th sentence of a unit (a patch header key, so letters, digits
    and hyphens): ``<unit id>-s<n>``; a unit id with other characters, or a long one, is
    ``u`` and a hash of it instead."""
    if _ID_SAFE.fullmatch(unit_id) and len(unit_id) <= _ID_CHARS:
        return f"{unit_id}-s{number}"
    return f"u{hashlib.sha256(unit_id.encode('utf-8')).hexdigest()[:10]}-s{number}"


class Bilingual:
    def load(self, path: Path, base: Path | None, encoding: str | None = None) -> Document:
        document = load_document(path, base=base, encoding=encoding)
        options = _options()
        bilingual = read(path, document.text, options)
        if bilingual is None:  # a plain text that no bilingual format claims
            raise ReviewError(f"{path}: is not a bilingual file")
        view = target_view(bilingual)
        loaded = {f.name: getattr(document, f.name) for f in fields(Document)}
        return BilingualDocument(
            **{**loaded, "text": view.text},
            file=document.text,
            bilingual=bilingual,
            view=view,
            options=options,
            update_state=load_config().update_state,
            unit_index={unit.id: index for index, unit in enumerate(bilingual.units)},
        )

    def segment(
        self,
        document: Document,
        cache: ResultCache | None,
        on_chunk: Callable[[tuple[Sentence, ...]], None] | None,
    ) -> tuple[Sentence, ...]:
        """The view's sentences as SRX finds them (a chunk at a time, so the UI shows the first
        units at once), each unit's given its ids, unit and source once the next unit's
        first sentence shows that it is complete."""
        bilingual = _bilingual(document)
        units = bilingual.bilingual.units
        starts = [start for start, _ in bilingual.view.spans]
        found: list[Sentence] = []
        pending: dict[int, list[Sentence]] = {}
        done = 0  # units whose sentences are out

        def emit(until: int) -> None:
            nonlocal done
            ready = tuple(
                sentence
                for index in range(done, until)
                for sentence in _unit_sentences(document.text, units[index], index, pending, starts)
            )
            done = until
            found.extend(ready)
            if on_chunk is not None and ready:
                on_chunk(ready)

        def place(chunk: tuple[Sentence, ...]) -> None:
            for sentence in chunk:
                pending.setdefault(bisect_right(starts, sentence.start) - 1, []).append(sentence)
            if chunk:
                emit(bisect_right(starts, chunk[-1].start) - 1)

        cached_segment(document.text, cache, place)
        emit(len(units))
        return tuple(found)

    def check_edits(
        self,
        document: Document,
        sentences: Sequence[Sentence],
        state: ReviewState,
        changed: Sequence[str],
    ) -> None:
        bilingual = _bilingual(document)
        changed_ids = set(changed)
        units = {s.unit for s in sentences if s.id in changed_ids}
        for unit_id, target in _targets(bilingual, sentences, state, units).items():
            unit = bilingual.bilingual.units[bilingual.unit_index[unit_id]]
            try:
                check_edit(unit, target)
            except ReviewError as exc:
                raise type(exc)(f"unit {unit_id}: {exc}") from None

    def replacements(
        self, document: Document, sentences: Sequence[Sentence], state: ReviewState
    ) -> list[tuple[int, int, str]]:
        bilingual = _bilingual(document)
        targets = _targets(bilingual, sentences, state, None)
        reviewed = (
            _reviewed(bilingual.bilingual, sentences, state) if bilingual.update_state else ()
        )
        writer = FORMATS[bilingual.bilingual.format]
        bom = len(document.bom_text)
        spans = writer.replacements(bilingual.file, bilingual.bilingual, targets, reviewed)
        return [(r.start + bom, r.end + bom, r.text) for r in spans]

    def check_patched(
        self,
        corrected: CorrectedText,
        document: Document,
        records: dict[str, dict[str, Any]],
        name: str,
    ) -> None:
        # Without segmenting: a unit counts as marked reviewed when its first sentence is.
        bilingual = _bilingual(document)
        firsts = {u.id: (sentence_id(u.id, 1),) for u in bilingual.bilingual.units}
        _patched_targets(bilingual, corrected.joined(), firsts, records, name)

    def reviews(
        self,
        corrected: CorrectedText,
        document: Document,
        sentences: Sequence[Sentence],
        records: dict[str, dict[str, Any]],
        name: str,
    ) -> dict[str, SentenceReview]:
        """The patched file read back in its format: its targets, in the original's order of
        units, are the corrected target view, walked as a plain text's."""
        bilingual = _bilingual(document)
        by_unit: dict[str, list[str]] = {}
        for sentence in sentences:
            by_unit.setdefault(sentence.unit, []).append(sentence.id)
        targets = _patched_targets(bilingual, corrected.joined(), by_unit, records, name)
        view = "\n".join(targets[u.id] for u in bilingual.bilingual.units)
        return recover_reviews(view, document.text, sentences, records, name)


def _patched_targets(
    document: BilingualDocument,
    corrected: str,
    sentence_ids: Mapping[str, Sequence[str]],
    records: dict[str, dict[str, Any]],
    name: str,
) -> dict[str, str]:
    """Unit id -> target as the editor typed it, read from the patched file (``corrected``, BOM
    included). A patch that changes anything but target text (and the state of a unit whose
    ``sentence_ids`` the header ``records`` as reviewed) is refused, naming the first line it
    changes: the original written again through the format's own writer with the targets read
    back and those units marked reviewed must give the patched text exactly, which also holds
    for what the reader does not see (a note, an attribute's order)."""
    text = corrected[len(document.bom_text) :]
    patched = read(document.path, text, document.options)
    by_id = {u.id: u for u in patched.units} if patched else {}
    originals = document.bilingual.units
    missing = [u.id for u in originals if u.id not in by_id]
    if missing or len(by_id) != len(originals):
        where = f"unit {missing[0]}" if missing else "a unit it adds"
        raise ReviewError(
            f"{name}: its diff does not keep the units of {document.relpath} (at {where}); "
            "was it changed by hand?"
        )
    targets = {u.id: _as_typed(by_id[u.id], u) for u in originals}
    edits = {u.id: targets[u.id] for u in originals if targets[u.id] != u.target_text}
    # A state a review changes is that of a unit marked reviewed (with [bilingual]
    # update_state, which may be off by now) or of a PO message given its first translation,
    # which the writer does by itself; any other change of a state shows as a difference.
    reviewed = [
        u.id
        for u in originals
        if by_id[u.id].state != u.state
        and all(records.get(i, {}).get("status") == "reviewed" for i in sentence_ids[u.id])
    ]
    writer = FORMATS[document.bilingual.format]
    try:
        rewritten = writer.write(document.file, document.bilingual, edits, reviewed)
    except ReviewError as exc:
        raise ReviewError(f"{name}: {exc}") from None
    if rewritten != text:
        at = next(
            (i for i, (a, b) in enumerate(zip(rewritten, text, strict=False)) if a != b),
            min(len(rewritten), len(text)),
        )
        line = text.count("\n", 0, at) + 1
        raise ReviewError(
            f"{name}: its diff changes {document.relpath} outside the unit targets (at line "
            f"{line}); only target text may change"
        )
    return targets


def _as_typed(patched: Unit, original: Unit) -> str:
    """The patched unit's target as the editor typed it: the original's tags as their tokens
    (the unchanged source numbers them alike), and what reads as a new tag (``<b>`` typed into
    a PO message) as the text it is."""
    known = {(t.number, t.markup) for t in (*original.source.tags, *original.target.tags)}
    parts: list[str | Tag] = []
    for part in patched.target.parts:
        if not isinstance(part, str) and (part.number, part.markup) not in known:
            part = part.markup
        if isinstance(part, str) and parts and isinstance(parts[-1], str):
            parts[-1] += part  # one run of text, its brackets marked as one (model.shown)
        else:
            parts.append(part)
    return Content(tuple(parts)).text


FORMAT = Bilingual()


def _unit_sentences(
    text: str, unit: Unit, index: int, pending: dict[int, list[Sentence]], starts: list[int]
) -> list[Sentence]:
    """The sentences of the unit at ``index``: SRX's (``pending``), or the whole segment when
    the file is segmented, or one empty sentence for an empty target (to translate)."""
    spans = pending.pop(index, [])
    if unit.segmented and spans:
        spans = [replace(spans[0], end=spans[-1].end)]
    if not spans:
        spans = [Sentence("", starts[index], starts[index], index + 1, "")]
    return [
        Sentence.within(
            text,
            sentence_id(unit.id, number),
            span.start,
            span.end,
            index + 1,
            unit=unit.id,
            source=unit.source_text,
        )
        for number, span in enumerate(spans, start=1)
    ]


def _options() -> ReadOptions:
    given = read_options()
    source_text, source_name = None, ""
    if given.source is not None:
        source_text = load_document(given.source).text
        source_name = str(given.source)
    return ReadOptions(given.source_language, given.target_language, source_text, source_name)


def _bilingual(document: Document) -> BilingualDocument:
    if not isinstance(document, BilingualDocument):
        raise TypeError(f"{document.relpath} was not read as a bilingual file")
    return document


def _targets(
    document: BilingualDocument,
    sentences: Sequence[Sentence],
    state: ReviewState,
    units: set[str] | None,
) -> Mapping[str, str]:
    """Unit id → new display target of every edited unit (of ``units`` only, when given)."""
    edits = [
        (s.start, s.end, state.text_of(s))
        for s in sentences
        if (units is None or s.unit in units) and state.review_of(s.id).edited is not None
    ]
    return edited_targets(document.view, document.bilingual, edits)


def _reviewed(
    bilingual: BilingualText, sentences: Sequence[Sentence], state: ReviewState
) -> list[str]:
    """The units whose every sentence is marked reviewed."""
    done: dict[str, bool] = {}
    for s in sentences:
        done[s.unit] = done.get(s.unit, True) and state.review_of(s.id).status is Status.REVIEWED
    return [u.id for u in bilingual.units if done.get(u.id, False)]
