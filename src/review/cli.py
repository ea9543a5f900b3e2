"""The `review` command line: argument parsing and error reporting only.

Each subcommand lives in ``review.commands.<name>`` with ``register(subparsers)``; its
``run`` imports what it needs, so ``review check`` never pays for Textual.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from review import __version__
from review.errors import ReviewError

COMMANDS = ("open", "check", "server", "edit", "apply", "diff", "report")


def build_parser() -> argparse.ArgumentParser:
    # The launcher says how it was called (`./review`), the installed script is `review`, so
    # usage lines name the command the user can actually type.
    prog = os.environ.get("REVIEW_PROG") or "review"
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Review machine-translated English sentence by sentence.",
        epilog=f"`{prog} FILE` is short for `{prog} open FILE`.",
    )
    parser.add_argument("--version", action="version", version=f"review {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(f"review.commands.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and not args_list[0].startswith("-") and args_list[0] not in COMMANDS:
        args_list.insert(0, "open")
    args = build_parser().parse_args(args_list)
    try:
        from review.inputs import Reading, reading

        given = Reading(
            Path(args.source) if getattr(args, "source", None) else None,
            getattr(args, "source_lang", ""),
            getattr(args, "target_lang", ""),
        )
        with reading(given):
            return int(args.run(args))
    except ReviewError as exc:
        print(f"review: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("review: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `review check … | head` closes the pipe early; that is not an error.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
