"""`review open FILE` (also just `review FILE`): the Textual review UI."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import TYPE_CHECKING

from review.commands.arguments import (
    add_convert_argument,
    add_glossary_argument,
    add_review_arguments,
    reviewed_text,
    with_glossaries,
)

if TYPE_CHECKING:
    from review.corpus.check import Skipped
    from review.corpus.report import FileReport


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "open",
        help="review FILE in the terminal UI (the default when no command is named)",
        description=(
            "Review FILE sentence by sentence; edits go to corrections/<name>.patch. A folder "
            "opens the list of its files (sentences, open flags, edited, reviewed), where Enter "
            "reviews one and quitting it comes back to the list."
        ),
    )
    add_review_arguments(parser)
    parser.add_argument(
        "--no-languagetool", action="store_true", help="run the fluency detectors only"
    )
    add_glossary_argument(parser)
    add_convert_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from review.checkers.terms.glossary import load_glossaries

    if Path(args.file).is_dir():
        return _run_project(args)
    from dataclasses import replace

    from review.config import load_config
    from review.errors import ReviewError
    from review.inputs import file_notices, load_text, with_file_languages
    from review.patch.location import locate
    from review.ui.app import ReviewApp
    from review.ui.checks import default_stages
    from review.ui.opening import DocumentOpener

    config = with_glossaries(load_config(), args)
    path, encoding = reviewed_text(args, config)
    location = locate(path, args.patch)
    # Loaded here so that a missing or binary file, or a bad glossary, is one line before the
    # UI starts; the UI segments the text while it shows the first rows.
    loaded = load_text(path, base=location.root, encoding=encoding)
    config = with_file_languages(config, loaded.document)
    # The review shows the document's notices: with those of the file as it is checked.
    loaded = replace(
        loaded, document=replace(loaded.document, notices=file_notices(config, loaded.document))
    )
    load_glossaries(config.glossaries, config.language)
    opener = DocumentOpener(
        loaded, location, reviewer=config.reviewer or None, language=config.language
    )
    app = ReviewApp(str(path), opener, default_stages(config, not args.no_languagetool))
    app.run()
    if app.session is not None:
        app.session.close()
    if app.main.open_error:
        raise ReviewError(app.main.open_error)
    return 0


def _run_project(args: argparse.Namespace) -> int:
    from collections.abc import Sequence
    from pathlib import Path

    from review.config import load_config
    from review.corpus.files import Project, find_project
    from review.corpus.report import file_reports
    from review.errors import ReviewError
    from review.ui.checks import default_stages
    from review.ui.project import ProjectApp, project_opener

    if args.patch is not None:
        raise ReviewError("--patch names the review of one file; give one file")
    project = find_project([args.file])
    config = with_glossaries(load_config(), args)
    use_servers = not args.no_languagetool

    def figures(files: Sequence[Path]) -> Iterator[FileReport | Skipped]:
        return file_reports(Project(project.root, tuple(files), True), config, use_servers)

    app = ProjectApp(
        project.root,
        project.files,
        figures,
        project_opener(project.root, config.reviewer or None, config.language),
        default_stages(config, use_servers),
    )
    app.run()
    if app.session is not None:
        app.session.close()
    return 0
