"""`review edit FILE`: scripted review changes, saved to the patch in one go."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from review.commands.arguments import (
    add_convert_argument,
    add_review_arguments,
    reviewed_text,
)
from review.errors import ReviewError

if TYPE_CHECKING:
    from pathlib import Path

    from review.config import Config
    from review.flags import Flag
    from review.session import Change, ReviewSession


_REPEATABLE = (
    ("--sentence", "ID", "the sentence whose text the next --text gives"),
    ("--text", "TEXT", "the new text of the --sentence before it"),
    ("--status", "ID=STATUS", "todo or reviewed"),
    ("--dismiss", "ID:RULE", "dismiss the sentence's flags of RULE"),
    ("--accept", "ID:RULE[:N]", "apply suggestion N (default 1) of the sentence's first RULE flag"),
    ("--accept-all", "RULE", "apply the first suggestion of every RULE flag in the document"),
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "edit",
        help="change a review from the command line (for scripts and CI)",
        description=(
            "Open FILE's review (corrections/<name>.patch and any unsaved journal), make the "
            "changes given, in the order text, status, comment, dismiss, accept, accept-all, "
            "and save. Either all changes are made or, on an error, none."
        ),
    )
    add_review_arguments(parser)
    for option, metavar, help_text in _REPEATABLE:
        parser.add_argument(option, metavar=metavar, action="append", default=[], help=help_text)
    parser.add_argument(
        "--comment", nargs=2, metavar=("ID", "TEXT"), action="append", default=[],
        help="set the sentence's comment (an empty TEXT removes it)",
    )  # fmt: skip
    parser.add_argument(
        "--no-languagetool", action="store_true",
        help="flags for --dismiss/--accept from the fluency detectors only",
    )  # fmt: skip
    add_convert_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from review.config import load_config
    from review.document import relative_path
    from review.session import ReviewSession

    if len(args.sentence) != len(args.text):
        raise ReviewError("give each --sentence ID exactly one --text")
    config = load_config()
    path, encoding = reviewed_text(args, config)
    session = ReviewSession.open(
        path,
        patch=args.patch,
        reviewer=config.reviewer or None,
        language=config.language,
        encoding=encoding,
    )
    with session:
        if session.read_only:
            raise ReviewError(session.read_only)
        for notice in session.notices:
            print(f"review: warning: {notice}", file=sys.stderr)
        flags = _FlagSource(session, config, not args.no_languagetool)
        changes, path = _make_changes_and_save(session, args, flags)
    for change in changes:
        for line in _describe(change):
            print(line)
    print(f"saved {relative_path(path)}")
    return 0


def _make_changes_and_save(
    session: ReviewSession, args: argparse.Namespace, flags: _FlagSource
) -> tuple[list[Change], Path]:
    """Make every change and save, or (on a ReviewError, saving included) none: the ones
    made are undone, so the journal holds nothing of this run."""
    steps: list[Callable[[], Change]] = []
    texts = zip(args.sentence, args.text, strict=True)
    steps += [partial(session.set_text, sentence_id, text) for sentence_id, text in texts]
    steps += [partial(_status, session, value) for value in args.status]
    steps += [partial(session.comment, sentence_id, text) for sentence_id, text in args.comment]
    steps += [partial(_dismiss, session, flags, value) for value in args.dismiss]
    steps += [partial(_accept, session, flags, value) for value in args.accept]
    steps += [partial(_accept_all, session, flags, rule) for rule in args.accept_all]
    had_unsaved = session.dirty
    changes: list[Change] = []
    try:
        for step in steps:
            changes.append(step())
        path = session.save(flags.languagetool_version)
    except ReviewError:
        for change in reversed(changes):
            if change.after:
                session.undo()
        if not had_unsaved:
            session.discard()
        raise
    return changes, path


class _FlagSource:
    """The flags of the review's current text, checked again only after the text changed
    (a dismissal or a status does not change what the checkers see)."""

    def __init__(self, session: ReviewSession, config: Config, use_languagetool: bool) -> None:
        self._session = session
        self._config = config
        self._use_languagetool = use_languagetool
        self._checked: frozenset[tuple[str, str | None]] | None = None
        self._flags: tuple[Flag, ...] = ()
        self.languagetool_version: str | None = None

    def of(self, sentence_id: str, rule: str) -> list[Flag]:
        """The sentence's flags of ``rule``; none is a ReviewError that lists what there is."""
        self._session.sentence(sentence_id)
        flags = [f for f in self.all() if f.sentence_id == sentence_id]
        matching = [f for f in flags if f.rule == rule]
        if not matching:
            rules = sorted({f.rule for f in flags})
            listed = f"its flags: {', '.join(rules)}" if rules else "it has no flags"
            raise ReviewError(f"{sentence_id} has no {rule} flag ({listed})")
        return matching

    def all(self) -> tuple[Flag, ...]:
        from review.checking import check_document

        state = self._session.state
        texts = frozenset((sentence_id, review.edited) for sentence_id, review in state.items())
        if texts != self._checked:
            text, sentences = state.current_document(
                self._session.document.text, self._session.sentences
            )
            result = check_document(text, sentences, self._config, None, self._use_languagetool)
            for notice in result.notices:
                print(f"review: {notice}", file=sys.stderr)
            self._flags = result.flags
            self._checked = texts
            self.languagetool_version = result.languagetool_version or self.languagetool_version
        return self._flags


def _status(session: ReviewSession, value: str) -> Change:
    return session.set_status(*_split(value, "=", "--status", "ID=STATUS"))


def _dismiss(session: ReviewSession, flags: _FlagSource, value: str) -> Change:
    sentence_id, rule = _split(value, ":", "--dismiss", "ID:RULE")
    return session.dismiss(*flags.of(sentence_id, rule))


def _accept(session: ReviewSession, flags: _FlagSource, value: str) -> Change:
    parts = value.split(":")
    number = 1
    if len(parts) == 3 and parts[2].isdigit():
        number = int(parts[2])
        parts = parts[:2]
    if len(parts) != 2 or not all(parts) or number < 1:
        raise ReviewError(f"--accept wants ID:RULE or ID:RULE:N, not {value!r}")
    sentence_id, rule = parts
    return session.accept(flags.of(sentence_id, rule)[0], number - 1)


def _accept_all(session: ReviewSession, flags: _FlagSource, rule: str) -> Change:
    change = session.accept_all(flags.all(), rule)
    if not change.after and not any(f.rule == rule for f in flags.all()):
        raise ReviewError(f"no {rule} flag in the document")
    return change


def _split(value: str, separator: str, option: str, form: str) -> tuple[str, str]:
    left, found, right = value.partition(separator)
    if not (found and left and right):
        raise ReviewError(f"{option} wants {form}, not {value!r}")
    return left, right


def _describe(change: Change) -> Sequence[str]:
    if not change.after:
        return [f"unchanged: {change.label}"]
    return [f"{sentence_id}: {change.label}" for sentence_id in change.sentence_ids]
