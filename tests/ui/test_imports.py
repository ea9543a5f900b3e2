"""Only the UI imports Textual: `check`, `apply`, `report` and `diff` stay quick to start."""

from __future__ import annotations

import subprocess
import sys

NON_UI = [
    "review.cli",
    "review.checking",
    "review.state",
    "review.session",
    "review.segment",
    "review.document",
    "review.worddiff",
    "review.ui.board",
    "review.ui.checks",
    "review.ui.check_state",
    "review.ui.place",
    "review.ui.counts",
    "review.ui.opening",
    "review.commands.open",
    "review.commands.check",
]


def test_non_ui_modules_do_not_import_textual():
    code = (
        f"import {', '.join(NON_UI)}; import sys; from review.cli import build_parser; "
        "build_parser(); "
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_ui_does():
    code = "import review.ui.app, sys; assert 'textual' in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
