"""`review edit FILE`: scripted review changes, saved to the patch in one go."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from review.commands.arguments import (
    add_convert_argument,
    add_glossary_argument,
    add_review_arguments,
    reviewed_text,
    with_glossaries,
)
from review.errors import ReviewError

if TYPE_CHECKING:
    from pathlib import Path

    from review.checkers.consensus.safe_fixes import Skipped
    from review.config import Config
    from review.flags import Flag
    from review.replace import Replacement
    from review.segment import Resegmentation, Sentence
    from review.session import Change, ReviewSession


_REPEATABLE = (
    ("--merge", "ID", "merge the sentence with the next one (it keeps ID)"),
    (
        "--split",
        "ID@OFFSET",
        "split the sentence at character OFFSET of its text, a space between two words (the "
        "second part is named ID-N, N where it starts in the original sentence)",
    ),
    ("--sentence", "ID", "the sentence whose text the next --text gives"),
    ("--text", "TEXT", "the new text of the --sentence before it"),
    ("--status", "ID=STATUS", "todo or reviewed"),
    ("--dismiss", "ID:RULE", "dismiss the sentence's flags of RULE"),
    ("--accept", "ID:RULE[:N]", "apply suggestion N (default 1) of the sentence's first RULE flag"),
    (
        "--accept-all",
        "RULE",
        "apply the first suggestion of every RULE flag in the document, except those that "
        "would raise a new flag (each reported on stderr)",
    ),
    ("--dismiss-all", "RULE", "dismiss every open RULE flag in the document"),
    ("--add-word", "WORD", "add WORD to the project's word list (no spelling flag on it)"),
    ("--remove-word", "WORD", "take WORD off the project's word list"),
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "edit",
        help="change a review from the command line (for scripts and CI)",
        description=(
            "Open FILE's review (corrections/<name>.patch and any unsaved journal), make the "
            "changes given, in the order merge, split, text, status, comment, dismiss, accept, "
            "accept-all, dismiss-all, replace (each naming sentences as the ones before left "
            "them), and save; --add-word and --remove-word change the word list "
            "beside review.toml. Either all changes are made or, on an error, none."
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
        "--replace", nargs=2, metavar=("OLD", "NEW"), action="append", default=[],
        help="replace OLD with NEW in every sentence",
    )  # fmt: skip
    parser.add_argument(
        "--regex", action="store_true", help="--replace OLD is a regular expression"
    )
    parser.add_argument("--whole-word", action="store_true", help="--replace whole words only")
    parser.add_argument("--ignore-case", action="store_true", help="--replace in any case")
    parser.add_argument(
        "--dry-run", action="store_true",
        help="list what --merge, --split, --replace and --dismiss-all would change (for a "
        "replace or a dismissal: sentence, offset, before → after) and change nothing",
    )  # fmt: skip
    parser.add_argument(
        "--no-languagetool", action="store_true",
        help="flags for --dismiss/--accept from the fluency detectors only",
    )  # fmt: skip
    add_glossary_argument(parser)
    add_convert_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from review.config import load_config
    from review.document import relative_path
    from review.inputs import with_file_languages
    from review.session import ReviewSession
    from review.wordlist import changed_words, write_words

    if len(args.sentence) != len(args.text):
        raise ReviewError("give each --sentence ID exactly one --text")
    config = with_glossaries(load_config(), args)
    word_list = config.word_list()
    words = changed_words(word_list, args.add_word, args.remove_word)
    path, encoding = reviewed_text(args, config)
    session = ReviewSession.open(
        path,
        patch=args.patch,
        reviewer=config.reviewer or None,
        language=config.language,
        encoding=encoding,
    )
    previews: list[str] = []
    config = with_file_languages(config, session.document)
    with session:
        if session.read_only:
            raise ReviewError(session.read_only)
        for notice in session.notices:
            print(f"review: warning: {notice}", file=sys.stderr)
        flags = _FlagSource(session, config, not args.no_languagetool)

        def save() -> Path:
            if args.add_word or args.remove_word:
                write_words(word_list, words)
            return session.save()

        changes, saved = _make_changes(
            session, args, flags, previews, None if args.dry_run else save
        )
    if saved is None:
        previews += [f"add {word!r} to {word_list}" for word in args.add_word]
        previews += [f"remove {word!r} from {word_list}" for word in args.remove_word]
        for line in previews:
            print(line)
        print("dry run: nothing changed")
        return 0
    for change in changes:
        for line in _describe(change):
            print(line)
    for word in args.add_word:
        print(f"added {word!r} to {word_list}")
    for word in args.remove_word:
        print(f"removed {word!r} from {word_list}")
    print(f"saved {relative_path(saved)}")
    return 0


def _make_changes(
    session: ReviewSession,
    args: argparse.Namespace,
    flags: _FlagSource,
    previews: list[str],
    save: Callable[[], Path] | None,
) -> tuple[list[Change], Path | None]:
    """Make every change and ``save`` (None for --dry-run), or (on a ReviewError, saving
    included, or for --dry-run) none: the ones made are undone, so the journal holds nothing
    of this run. ``previews`` gets a line for every merge and split, every flag --dismiss-all
    dismisses and every hit of --replace."""
    from review.replace import Replacement

    steps: list[Callable[[], Change]] = []
    steps += [partial(_merge, session, sentence_id, previews) for sentence_id in args.merge]
    steps += [partial(_split_at, session, value, previews) for value in args.split]
    texts = zip(args.sentence, args.text, strict=True)
    steps += [partial(session.set_text, sentence_id, text) for sentence_id, text in texts]
    steps += [partial(_status, session, value) for value in args.status]
    steps += [partial(session.comment, sentence_id, text) for sentence_id, text in args.comment]
    steps += [partial(_dismiss, session, flags, value) for value in args.dismiss]
    steps += [partial(_accept, session, flags, value) for value in args.accept]
    steps += [partial(_accept_all, session, flags, rule) for rule in args.accept_all]
    steps += [partial(_dismiss_all, session, flags, rule, previews) for rule in args.dismiss_all]
    steps += [
        partial(
            _replace,
            session,
            Replacement(old, new, args.regex, args.whole_word, args.ignore_case),
            previews,
        )
        for old, new in args.replace
    ]
    had_unsaved = session.dirty
    changes: list[Change] = []
    try:
        for step in steps:
            changes.append(step())
        path = save() if save else None
    except ReviewError:
        _undo(session, changes, had_unsaved)
        raise
    if save is None:
        _undo(session, changes, had_unsaved)
    return changes, path


def _undo(session: ReviewSession, changes: list[Change], had_unsaved: bool) -> None:
    for change in reversed(changes):
        if change.changed:
            session.undo()
    if not had_unsaved:
        session.discard()


class _FlagSource:
    """The flags of the review's current text, checked again only after the text or the
    sentences changed (a dismissal or a status does not change what the checkers see)."""

    def __init__(self, session: ReviewSession, config: Config, use_languagetool: bool) -> None:
        self._session = session
        self._config = config
        self._use_languagetool = use_languagetool
        self._checked: tuple[Resegmentation, frozenset[tuple[str, str | None]]] | None = None
        self._flags: tuple[Flag, ...] = ()

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

    def safe_fixes(self, fixes: Sequence[Flag]) -> tuple[list[Flag], list[Skipped]]:
        """Of ``fixes``, those that raise no new flag once applied, and those left out."""
        from review.checkers.consensus.safe_fixes import safe_fixes

        text, sentences = self._document()
        return safe_fixes(fixes, self.all(), text, sentences, self._check)

    def _document(self) -> tuple[str, tuple[Sentence, ...]]:
        return self._session.state.current_document(
            self._session.document.text, self._session.sentences
        )

    def _check(self, text: str, sentences: Sequence[Sentence]) -> tuple[Flag, ...]:
        from review.checking import check_document

        result = check_document(text, sentences, self._config, None, self._use_languagetool)
        for notice in result.notices:
            print(f"review: {notice}", file=sys.stderr)
        self._session.checked_by(result.versions)
        return result.flags

    def all(self) -> tuple[Flag, ...]:
        state = self._session.state
        edits = frozenset((sentence_id, review.edited) for sentence_id, review in state.items())
        texts = (state.segmentation, edits)
        if texts != self._checked:
            self._flags = self._check(*self._document())
            self._checked = texts
        return self._flags


def _merge(session: ReviewSession, sentence_id: str, previews: list[str]) -> Change:
    change = session.merge(sentence_id)
    previews.append(change.label)
    return change


def _split_at(session: ReviewSession, value: str, previews: list[str]) -> Change:
    sentence_id, offset = _split(value, "@", "--split", "ID@OFFSET")
    if not (offset.isascii() and offset.isdigit()):
        raise ReviewError(f"--split wants ID@OFFSET (OFFSET a number), not {value!r}")
    change = session.split(sentence_id, int(offset))
    previews.append(change.label)
    return change


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
    fixes, skipped = flags.safe_fixes([f for f in flags.all() if f.rule == rule and f.replacements])
    for left in skipped:
        raised = ", ".join(left.raised)
        print(
            f"review: skipped {left.flag.sentence_id} {rule} {left.flag.text!r} → "
            f"{left.flag.replacements[0]!r}: it would raise {raised}",
            file=sys.stderr,
        )
    change = session.accept_all(fixes, rule)
    if not change.after and not any(f.rule == rule for f in flags.all()):
        raise ReviewError(f"no {rule} flag in the document")
    return change


def _dismiss_all(
    session: ReviewSession, flags: _FlagSource, rule: str, previews: list[str]
) -> Change:
    chosen = session.dismissable(flags.all(), rule)
    if not chosen:
        raise ReviewError(f"no open {rule} flag in the document")
    previews += [f"{f.sentence_id}:{f.start}: dismiss {rule} {f.text!r}" for f in chosen]
    return session.dismiss_all(chosen, rule)


def _replace(session: ReviewSession, replacement: Replacement, previews: list[str]) -> Change:
    hits = session.find(replacement)
    if not hits:
        raise ReviewError(f"--replace {replacement.describe()}: not found in the document")
    refused = [hit for hit in hits if hit.refused]
    if refused:
        more = len(refused) - 1
        raise ReviewError(
            f"--replace {replacement.describe()} is refused in {refused[0].sentence_id}: "
            f"{refused[0].refused}"
            + (f" (and {more} more {'hit' if more == 1 else 'hits'})" if more else "")
        )
    previews += [hit.describe() for hit in hits]
    return session.replace_hits(hits, f"replaced {replacement.describe()} ({len(hits)})")


def _split(value: str, separator: str, option: str, form: str) -> tuple[str, str]:
    left, found, right = value.partition(separator)
    if not (found and left and right):
        raise ReviewError(f"{option} wants {form}, not {value!r}")
    return left, right


def _describe(change: Change) -> Sequence[str]:
    if change.segmentation is not None:
        return [change.label]
    if not change.after:
        return [f"unchanged: {change.label}"]
    return [f"{sentence_id}: {change.label}" for sentence_id in change.sentence_ids]
