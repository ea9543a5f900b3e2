"""Whole-document actions (dismiss or accept a rule everywhere, find and replace) and the
changes of the sentences themselves (merge two, split one): what each would change, shown to
the editor before it applies, and the one session call that applies it.

Plain Python (no Textual): the screen makes a plan in a worker thread, previews its lines in a
dialog, and applies the lines the editor kept in a worker too, as one change (one undo step).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from review.checkers import Checker
from review.flags import Flag
from review.replace import ReplaceHit, Replacement
from review.session import Change, ReviewSession
from review.ui.board import FlagBoard
from review.ui.checks import CheckerStages, paragraphs_around, recheck

# Characters of the sentence shown on each side of a hit.
CONTEXT = 30


@dataclass(frozen=True, slots=True)
class PreviewLine:
    """One place the action changes: sentence ``number``, the text around the hit, and the
    hit's text before and after (``new`` None: the flag is dismissed, the text stays)."""

    number: int
    left: str
    old: str
    new: str | None
    right: str
    refused: str = ""
    """Why the file refuses this change ("" when it takes it): shown, never applied."""


@dataclass(frozen=True, slots=True)
class Plan:
    title: str
    lines: tuple[PreviewLine, ...]
    apply: Callable[[ReviewSession, Sequence[int]], Change]
    """Applies the lines at these indices (those the editor kept) as one change."""
    tickable: bool = False
    """Whether the editor picks lines (find and replace); otherwise all apply."""
    notes: tuple[str, ...] = field(default=())
    resegments: bool = False
    """Whether it merges or splits sentences (the screen's rows are made anew)."""


# A place an action changes: (sentence id, start, end, the new text or None).
Where = tuple[str, int, int, str | None]


def _lines(
    session: ReviewSession, board: FlagBoard, places: Iterable[Where]
) -> tuple[PreviewLine, ...]:
    """The preview lines of these places, in the sentences' current texts."""
    state = session.state
    return tuple(
        _line(board.position(sid) + 1, state.text_of(session.sentence(sid)), start, end, new)
        for sid, start, end, new in places
    )


def _line(number: int, text: str, start: int, end: int, new: str | None) -> PreviewLine:
    left = text[max(0, start - CONTEXT) : start]
    right = text[end : end + CONTEXT]
    return PreviewLine(
        number,
        ("…" if start > CONTEXT else "") + left,
        text[start:end],
        new,
        right + ("…" if end + CONTEXT < len(text) else ""),
    )


def _in_order(board: FlagBoard, items: Iterable[Flag]) -> list[Flag]:
    return sorted(items, key=lambda f: (board.position(f.sentence_id), f.start))


def dismiss_plan(
    session: ReviewSession, board: FlagBoard, rule: str, text: str | None = None
) -> Plan:
    """Dismiss every open flag of ``rule`` (with this flagged ``text`` only, when given)."""
    flags = _in_order(board, session.dismissable(board.all_flags(), rule, text))
    lines = _lines(session, board, ((f.sentence_id, f.start, f.end, None) for f in flags))
    what = rule + (f" on {text!r}" if text is not None else "")

    def apply(session: ReviewSession, kept: Sequence[int]) -> Change:
        return session.dismiss_all([flags[i] for i in kept], rule, text)

    return Plan(f"Dismiss {what} everywhere: {len(flags):,} flags", lines, apply)


def accept_plan(
    session: ReviewSession,
    board: FlagBoard,
    rule: str,
    checkers: Sequence[Checker],
    stages: CheckerStages,
) -> Plan:
    """Apply the first suggestion of every open flag of ``rule``, except in the sentences
    where the fixes would raise a flag the sentence does not have now (they are named); the
    fixed sentences are checked as the board's were (settled if ``stages`` settle)."""
    state = session.state
    open_flags = [
        f
        for f in board.all_flags()
        if f.rule == rule and f.key not in state.review_of(f.sentence_id).dismissed
    ]
    chosen, texts = session.acceptable(open_flags, rule)
    raising = _raising_new_flags(session, board, texts, chosen, checkers, stages)
    flags = _in_order(board, (f for f in chosen if f.sentence_id not in raising))
    lines = _lines(
        session, board, ((f.sentence_id, f.start, f.end, f.replacements[0]) for f in flags)
    )
    notes: tuple[str, ...] = ()
    if raising:
        numbers = sorted(board.position(sid) + 1 for sid in raising)
        shown = ", ".join(map(str, numbers[:20])) + (", …" if len(numbers) > 20 else "")
        notes = (
            f"Skipped in {len(numbers):,} sentences, where the fix raises a new flag: {shown}",
        )

    def apply(session: ReviewSession, kept: Sequence[int]) -> Change:
        return session.accept_all([flags[i] for i in kept], rule)

    return Plan(f"Accept {rule} everywhere: {len(flags):,} fixes", lines, apply, notes=notes)


def _raising_new_flags(
    session: ReviewSession,
    board: FlagBoard,
    texts: Mapping[str, str],
    applied: Sequence[Flag],
    checkers: Sequence[Checker],
    stages: CheckerStages,
) -> set[str]:
    """The sentences whose fixed text (``texts``), checked again in its paragraph, has a flag
    that the sentence's present flags do not account for. Flags are told apart by rule and
    flagged text, but by rule alone for a rule fixed in the sentence (a fix may leave a flag
    of its rule with another text; only more of them is new)."""
    if not texts or not checkers:
        return set()
    state = session.state
    fixed = state.with_reviews(
        {sid: replace(state.review_of(sid), edited=text) for sid, text in texts.items()}
    )
    around = paragraphs_around(session.sentences, map(board.position, texts))
    text, document = fixed.current_document(session.document.text, session.sentences)
    found = recheck(checkers, text, document, {s.id for s in around}, stages).flags
    fixed_rules = {(f.sentence_id, f.rule) for f in applied}

    def key(flag: Flag) -> tuple[str, str | None]:
        by_rule = (flag.sentence_id, flag.rule) in fixed_rules
        return flag.rule, None if by_rule else flag.text

    return {
        sid
        for sid in texts
        if Counter(key(f) for f in found if f.sentence_id == sid)
        - Counter(key(f) for f in board.flags_of(sid))
    }


def replace_plan(session: ReviewSession, board: FlagBoard, replacement: Replacement) -> Plan:
    """Replace every hit of ``replacement``; the editor ticks the hits to keep.

    A hit the file refuses (it would delete, split or alter a protected tag or placeholder)
    is listed with the reason, unticked, and never applied, while the other hits are: an
    editor replacing a word across a file expects the safe places changed and the few that
    would break markup left for a hand edit, as CAT tools' replace-all skips protected
    content and as accepting a rule everywhere skips the fixes that raise a flag. (`review
    edit --replace`, run by a script no one watches, refuses the whole request instead.)"""
    hits: tuple[ReplaceHit, ...] = session.find(replacement)
    lines = tuple(
        replace(line, refused=hit.refused)
        for line, hit in zip(
            _lines(session, board, ((h.sentence_id, h.start, h.end, h.after) for h in hits)),
            hits,
            strict=True,
        )
    )
    refused = sum(1 for hit in hits if hit.refused)
    notes: tuple[str, ...] = ()
    if refused:
        notes = (f"{refused:,} refused (each says why), left as they are",)

    def apply(session: ReviewSession, kept: Sequence[int]) -> Change:
        chosen = [hits[i] for i in kept if not hits[i].refused]
        label = f"replaced {replacement.describe()} ({len(chosen)})"
        return session.replace_hits(chosen, label)

    title = f"Replace {replacement.describe()}: {len(hits) - refused:,} hits"
    return Plan(title, lines, apply, tickable=True, notes=notes)


def merge_plan(session: ReviewSession, board: FlagBoard, sentence_id: str) -> Plan:
    """Merge the sentence with the next one; the preview marks where they join."""
    first, second = session.merging(sentence_id)
    state = session.state
    number = board.position(first.id) + 1
    gap = session.document.text[first.end : second.start]
    line = _joint(number, state.text_of(first), gap, state.text_of(second))

    def apply(session: ReviewSession, kept: Sequence[int]) -> Change:
        return session.merge(sentence_id)

    return Plan(
        f"Merge sentence {number} with {number + 1}: they join where marked",
        (line,),
        apply,
        resegments=True,
    )


def split_plan(session: ReviewSession, board: FlagBoard, sentence_id: str, offset: int) -> Plan:
    """Split the sentence at ``offset`` of its text; the preview marks where it breaks."""
    head, tail = session.splitting(sentence_id, offset)
    number = board.position(sentence_id) + 1
    line = _joint(number, head, " ", tail)

    def apply(session: ReviewSession, kept: Sequence[int]) -> Change:
        return session.split(sentence_id, offset)

    return Plan(f"Split sentence {number} in two where marked", (line,), apply, resegments=True)


def _joint(number: int, before: str, between: str, after: str) -> PreviewLine:
    """Two sentences' texts around the place they meet (marked)."""
    shown = 2 * CONTEXT
    return PreviewLine(
        number,
        ("…" if len(before) > shown else "") + before[-shown:],
        between,
        None,
        after[:shown] + ("…" if len(after) > shown else ""),
    )
