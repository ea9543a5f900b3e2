"""`review server start|stop|status`: the local LanguageTool server by hand."""

from __future__ import annotations

import argparse
import sys

ACTIONS = ("start", "stop", "status")


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "server",
        help="start, stop or inspect the local LanguageTool server",
        description="The LanguageTool server review starts on 127.0.0.1 and reuses across runs.",
    )
    parser.add_argument("action", choices=ACTIONS)
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    # Deferred so that building the parser for other commands costs nothing.
    from rich.console import Console

    from review.languagetool import server
    from review.languagetool.errors import LanguageToolUnavailable

    try:
        if args.action == "start":
            with Console(stderr=True).status("Starting LanguageTool…") as spinner:
                info = server.ensure_server(progress=spinner.update)
            where = f"pid {info.pid}" if info.pid is not None else "not managed by review"
            print(f"LanguageTool {info.version} running on {info.url} ({where})")
        elif args.action == "stop":
            if server.stop():
                print("LanguageTool server stopped")
            else:
                print("no LanguageTool server was running")
        else:
            state = server.status()
            if not state.running and not state.managed:
                print(f"LanguageTool at {state.url} (REVIEW_LT_URL) is not answering")
            elif not state.running:
                print("LanguageTool server not running")
            elif not state.managed:
                print(f"LanguageTool {state.version} running on {state.url} (REVIEW_LT_URL)")
            else:
                print(f"LanguageTool {state.version} running on {state.url} (pid {state.pid})")
                print(f"log: {state.log_path}")
    except LanguageToolUnavailable as exc:
        print(f"review: {exc.reason}", file=sys.stderr)
        return 2
    return 0
