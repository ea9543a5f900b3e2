"""`review open FILE` (also just `review FILE`): the Textual review UI."""

from __future__ import annotations

import argparse

from review.commands.arguments import (
    add_convert_argument,
    add_review_arguments,
    reviewed_text,
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "open",
        help="review FILE in the terminal UI (the default: `review FILE`)",
        description="Review FILE sentence by sentence; edits go to corrections/<name>.patch.",
    )
    add_review_arguments(parser)
    parser.add_argument(
        "--no-languagetool", action="store_true", help="run the fluency detectors only"
    )
    add_convert_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from review.config import load_config
    from review.document import load_document
    from review.errors import ReviewError
    from review.patchfile import locate
    from review.ui.app import ReviewApp
    from review.ui.checks import default_stages
    from review.ui.opening import DocumentOpener

    config = load_config()
    path, encoding = reviewed_text(args, config)
    location = locate(path, args.patch)
    # Loaded here so that a missing or binary file is one line before the UI starts.
    document = load_document(path, base=location.root, encoding=encoding)
    opener = DocumentOpener(
        document, location, reviewer=config.reviewer or None, language=config.language
    )
    app = ReviewApp(str(path), opener, default_stages(config, not args.no_languagetool))
    app.run()
    if app.session is not None:
        app.session.close()
    if app.main.open_error:
        raise ReviewError(app.main.open_error)
    return 0
