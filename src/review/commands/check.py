"""`review check PATH…`: flags as text, JSON or SARIF; exit 1 when any is at or above --fail-on,
3 when a file of a project was skipped."""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import sys
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import TYPE_CHECKING

from review.check_formats import FORMATS
from review.commands.arguments import (
    add_bilingual_arguments,
    add_encoding_argument,
    add_engine_arguments,
    add_format_argument,
    add_glossary_argument,
    text_encoding,
    with_glossaries,
)
from review.commands.corpus_arguments import SKIPPED_EXIT, add_project_arguments
from review.errors import ReviewError
from review.flags import Flag, Severity

if TYPE_CHECKING:
    from review.config import Config
    from review.corpus.files import Project
    from review.inputs import LoadedText
    from review.offload import ProcessOffload
    from review.progress import Progress

# Sentences from which the checkers that need no server run beside LanguageTool in a process
# of their own: starting it takes about half a second, a pass over 2,000 sentences about one.
OFFLOAD_FROM = 2_000
# ... and up to which: the process holds a copy of the text and its sentences, and its helpers
# (forkserver, resource tracker) their own interpreters. At 100,000 sentences that was 194 MB
# of a 464 MB peak (bench/check_memory.py); checked in one process, the peak was 325 MB.
OFFLOAD_UNTIL = 50_000


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check",
        help="list the flags of a text (text, JSON or SARIF)",
        description=(
            "Check each file with LanguageTool and the fluency detectors and list the flags. "
            "One file gives its own output; several, or a folder, give one output for all "
            "(JSON: schema review-check-corpus/1), and a file that cannot be read is one line "
            "on stderr and skipped."
        ),
        epilog=(
            f"Exit codes: 0 fine, 1 a flag at or above --fail-on, 2 bad input, {SKIPPED_EXIT} a "
            "file was skipped (and no flag reached --fail-on)."
        ),
    )
    add_project_arguments(parser, "the texts to check")
    add_bilingual_arguments(parser)
    add_format_argument(parser, FORMATS, guessed_from_output=False)
    parser.add_argument(
        "--fail-on",
        choices=[*Severity, "none"],
        default=str(Severity.MAJOR),
        help="exit 1 when a flag has at least this severity (default: major)",
    )
    parser.add_argument(
        "--no-languagetool", action="store_true", help="run the fluency detectors only"
    )
    add_glossary_argument(parser)
    add_encoding_argument(parser)
    add_engine_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from review.commands.corpus_arguments import project_of

    project = project_of(args)
    if project.many:
        return _run_project(args, project)
    return _run_file(args, str(project.files[0]))


def _run_file(args: argparse.Namespace, path: str) -> int:
    from review.commands.arguments import languagetool_engine
    from review.config import load_config
    from review.inputs import file_notices, load_text, with_file_languages
    from review.progress import stderr_progress

    config = with_glossaries(load_config(), args)
    loaded = load_text(path, encoding=text_encoding(args, config))
    document = loaded.document
    config = with_file_languages(config, document)
    for notice in file_notices(config, document):
        print(f"review: {notice}", file=sys.stderr)
    use_servers = not args.no_languagetool
    with languagetool_engine(args, config), stderr_progress() as progress:
        with _head_start(use_servers, loaded, config, progress) as server_found:
            # Imported once LanguageTool has its first paragraphs (a tenth of a second).
            from review.check_formats.model import summary_line
            from review.checking import (
                found_flags,
                kept_result,
                open_checkers,
                recheckers,
                settled_result,
            )
            from review.formats import write_rendered
            from review.patch.file import reviewed_sentences
            from review.patch.location import locate

            sentences = reviewed_sentences(
                document, loaded.segmented().sentences, locate(path).patch
            )
            # The offload process ends with the passes: the settling runs here, and the
            # process held its copy of the text, and its memory, through it.
            with _offload(use_servers, len(sentences)) as offload:
                opened = open_checkers(config, use_servers, progress, offload=offload)
                if not server_found and recheckers(opened.checkers):
                    _yield_to_languagetool(config)
                kept = kept_result(opened, document.text, sentences, config)
                found = found_flags(opened, document.text, sentences, config, kept)
        result = settled_result(opened, found, document.text, sentences, config, kept)
        del found  # not held through the output as well as the settled flags
    for notice in result.notices:
        print(f"review: {notice}", file=sys.stderr)
    write_rendered(sys.stdout, FORMATS.renderer(args.format)(document, sentences, result))
    if args.format != "text" and sys.stderr.isatty():
        print(summary_line(document, sentences, result), file=sys.stderr)
    return int(_fails(args.fail_on, result.flags))


def _yield_to_languagetool(config: Config) -> None:
    """Lower this thread's priority, and that of the threads and processes it starts, to
    ``[languagetool] client_niceness``: LanguageTool's server, on the same processors, does
    the check's longest work, and what this process does beside it (segmenting, our
    detectors' passes, judging suggestions) is better done in the time the server leaves
    (``bench/check_throughput.py`` at 10,010 sentences: 0.95 → 1.02 × raw LanguageTool, in one
    run). Where Linux groups processes by session (autogroup), niceness does not reach the
    server, which runs in a session of its own: there it only orders this process's threads
    and its offload process (README, Performance).
    Called once the server is found: one this check starts would take the priority too; and
    before any request: Linux's niceness is a thread's, and a thread started before keeps
    its own."""
    now = os.nice(0)
    if now < config.languagetool_client_niceness:
        os.nice(config.languagetool_client_niceness - now)


@contextlib.contextmanager
def _head_start(
    use_servers: bool, loaded: LoadedText, config: Config, progress: Progress | None
) -> Iterator[bool]:
    """LanguageTool's answers for a plain text's lines asked for before its sentences are
    found (``review.languagetool.head_start``), when LanguageTool is to check it; whether its
    server was looked for (and started if need be) for that: then this thread's priority is
    lowered (``_yield_to_languagetool``) once it is found, before the head start's requests."""
    from review import checkers as registry
    from review.inputs.plain import PlainText
    from review.languagetool.checker import NAME

    uses_languagetool = use_servers and any(
        factory.name == NAME and factory.enabled(config) for factory in registry.CHECKERS
    )
    if not uses_languagetool or not isinstance(loaded.format, PlainText):
        yield False
        return
    from review.cache import ResultCache
    from review.languagetool.checker import with_head_start

    text = loaded.document.text
    found = functools.partial(_yield_to_languagetool, config)
    with with_head_start(text, config, ResultCache.default(), progress, found):
        yield True


@contextlib.contextmanager
def _offload(use_servers: bool, sentences: int) -> Iterator[ProcessOffload | None]:
    """Where the checkers that need no server run their passes: beside LanguageTool's, in a
    process of their own at a lower priority (``review.offload``), for a text long enough
    that its passes take more than starting that process does, and short enough that the
    process's copy of it costs less memory than the check's own peak."""
    if not use_servers or not OFFLOAD_FROM <= sentences <= OFFLOAD_UNTIL:
        yield None
        return
    from review.offload import ProcessOffload

    offload = ProcessOffload()
    try:
        yield offload
    finally:
        offload.close()


def _run_project(args: argparse.Namespace, project: Project) -> int:
    from review.check_formats import CORPUS_FORMATS
    from review.check_formats.corpus_text import Tally
    from review.commands.arguments import languagetool_engine
    from review.config import load_config
    from review.corpus.check import Checked, FileResult, Skipped, check_corpus
    from review.corpus.progress import shown, tracked
    from review.formats import write_rendered

    if args.format not in CORPUS_FORMATS.names():
        raise ReviewError(f"--format {args.format} renders one file; give one file")
    config = with_glossaries(load_config(), args)
    results = check_corpus(project.files, project.root, config, not args.no_languagetool)
    if shown(args.progress):
        results = tracked(
            results,
            len(project.files),
            lambda r: len(r.sentences) if isinstance(r, Checked) else 0,
        )
    tally = Tally()
    notices: set[str] = set()
    failing = False

    def told(items: Iterable[FileResult]) -> Iterator[FileResult]:
        """Each file's result on its way to the output: its notices said, its flags counted."""
        nonlocal failing
        for item in items:
            if isinstance(item, Skipped):
                print(f"review: {item}", file=sys.stderr)
            else:
                for notice in item.notices:
                    print(f"review: {notice}", file=sys.stderr)
                for notice in item.result.notices:
                    if notice not in notices:
                        notices.add(notice)
                        print(f"review: {notice}", file=sys.stderr)
                failing = failing or _fails(args.fail_on, item.result.flags)
            yield tally.counted(item)

    # The checkers are opened as the first file is checked: within the engine.
    with languagetool_engine(args, config):
        following = told(results)
        # Nothing is written before a file is checked: when every file is skipped, the
        # output is the one error line.
        first: list[FileResult] = []
        for item in following:
            first.append(item)
            if isinstance(item, Checked):
                break
        if tally.checked == 0:
            raise ReviewError("every file was skipped; nothing was checked")
        renderer = CORPUS_FORMATS.renderer(args.format)
        write_rendered(sys.stdout, renderer(chain(first, following)))
    if args.format != "text" and sys.stderr.isatty():
        print(tally.line(), file=sys.stderr)
    if failing:
        return 1
    return SKIPPED_EXIT if tally.skipped else 0


def _fails(fail_on: str, flags: Iterable[Flag]) -> bool:
    if fail_on == "none":
        return False
    threshold = Severity(fail_on).rank
    return any(f.severity.rank >= threshold for f in flags)
