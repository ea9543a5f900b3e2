"""Pair-aware quote fixing: a quote fix changes both marks of a pair, or none.

LanguageTool's EN_QUOTES flags each straight quote on its own and guesses its direction from
the next character, so `place. "` (a closing quote after a space) is offered an opening “,
and accepting one mark of a pair leaves the other in the old style. Here each quote flag is
joined to its partner, paired as our detectors pair quotes (per paragraph, direction from
context and parity): partners in one sentence become one flag over the quotation whose fix
turns both marks; a mark whose partner is in another sentence gets no fix (the editor
changes the pair by hand or accepts the rule everywhere); a mark with no partner keeps its
own fix, with the direction the pairing gives it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from review.checkers.fluency.document_text import DocumentText
from review.checkers.fluency.quotes import Mark, paragraph_marks
from review.flags import Flag
from review.segment import Sentence

QUOTE_RULES = frozenset({"EN_QUOTES", "MT_MIXED_QUOTES"})
_DOUBLE = frozenset('"“”')


def pair_quote_fixes(flags: Sequence[Flag], sentences: Sequence[Sentence]) -> list[Flag]:
    """``flags`` with the fixes of single double-quote marks made pair-aware."""
    marks = _marks_by_place(flags, sentences)
    if not marks:
        return list(flags)
    # Sentences, not texts: a sentence cuts its text out of the document's when asked.
    by_id = {s.id: s for s in sentences}
    settled: list[Flag] = []
    taken: set[tuple[str, int]] = set()
    for flag in flags:
        mark = marks.get((flag.sentence_id, flag.start)) if _is_quote_fix(flag) else None
        if mark is None:
            settled.append(flag)
            continue
        if (flag.sentence_id, flag.start) in taken:
            continue
        curly = any(r in ("“", "”") for r in flag.replacements)
        partner = mark[1]
        if partner is None:
            settled.append(replace(flag, replacements=(_turned(mark[0], curly),)))
        elif partner[0] != flag.sentence_id:
            settled.append(replace(flag, replacements=()))
        else:
            opener, closer = sorted((mark[0], partner[1]), key=lambda m: m.position)
            taken.add((flag.sentence_id, partner[1].position))
            text = by_id[flag.sentence_id].text
            quoted = text[opener.position : closer.position + 1]
            fixed = _turned(opener, curly) + quoted[1:-1] + _turned(closer, curly)
            settled.append(
                replace(
                    flag,
                    start=opener.position,
                    end=closer.position + 1,
                    text=quoted,
                    replacements=(fixed,),
                )
            )
    return settled


def _is_quote_fix(flag: Flag) -> bool:
    return (
        flag.rule in QUOTE_RULES
        and flag.end - flag.start == 1
        and flag.text in _DOUBLE
        and all(r in _DOUBLE for r in flag.replacements)
    )


def _turned(mark: Mark, curly: bool) -> str:
    if not curly:
        return '"'
    return "“" if mark.opening else "”"


# (sentence id, position) of a mark → the mark, and its partner with its sentence id.
_Marks = dict[tuple[str, int], tuple[Mark, tuple[str, Mark] | None]]


def _marks_by_place(flags: Sequence[Flag], sentences: Sequence[Sentence]) -> _Marks:
    """The double quotes of the paragraphs where a quote flag is, with their partners."""
    wanted = {f.sentence_id for f in flags if _is_quote_fix(f)}
    if not wanted:
        return {}
    paragraphs = {s.paragraph for s in sentences if s.id in wanted}
    near = [s for s in sentences if s.paragraph in paragraphs]
    found: _Marks = {}
    for paragraph, marks in paragraph_marks(DocumentText(near)):
        for mark in marks:
            if mark.char in _DOUBLE:
                partner = mark.partner
                place = (paragraph[partner.sentence].id, partner) if partner else None
                found[(paragraph[mark.sentence].id, mark.position)] = (mark, place)
    return found
