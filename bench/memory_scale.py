"""Peak memory of `review check`, `review report --format html` and the review UI opening, on
a text of 60 MB (issue 11, item 11). Target: under 4 × the file size + 300 MB each.

The text is the seed's paragraphs over and over (years shifted per copy, so that paragraphs
differ), with two sentences edited through `review edit` so that the report has a review to
show. LanguageTool is left out (`--no-languagetool`): its server is another process, and what is
measured is review's own memory; the fluency detectors run. Each command runs in its own
process, which prints its own peak RSS (VmHWM) when it ends; the caches live in a temporary
REVIEW_CACHE_DIR, so every run is uncached (the segmentation is cached by the first command and
reused by the next ones, as after a first `review check`). The UI is opened headless with
Textual's pilot, as `review open` would, and measured once all sentences are checked; the
`ui-edit` row then edits the first sentence in it as an editor does (`e`, the text typed, Enter)
and waits for its re-check.
Run: .venv/bin/python bench/memory_scale.py [--megabytes N] [--check-only | --rows ROW…]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_609f52cd2aa5fae0.txt"
NAME = "book.txt"
# The rows, in the order they run (`--rows`).
ROWS = ("check", "json", "edit", "report", "ui", "ui-edit")
MB = 1_000_000

# Each child prints its own VmHWM: it belongs to the process's memory map, which exec makes
# new (ru_maxrss of the children would be the largest child's, not each one's).
_PEAK = """
peak = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(f"peak-rss-kib {peak}", file=sys.stderr)
"""
_MEASURED_REVIEW = f"""
import sys
from review.cli import main
code = main(sys.argv[1:])
{_PEAK}
sys.exit(code)
"""
_MEASURED_UI = f"""
import asyncio, sys
from pathlib import Path
from review.config import Config
from review.inputs import load_text
from review.patch.location import locate
from review.ui.app import ReviewApp
from review.ui.checks import default_stages
from review.ui.opening import DocumentOpener

async def main() -> None:
    path = Path(sys.argv[1])
    location = locate(path)
    opener = DocumentOpener(load_text(path, base=location.root), location, reviewer="bench")
    app = ReviewApp(path.name, opener, default_stages(Config(), False))
    async with app.run_test(size=(120, 40)) as pilot:
        while app.session is None or app.main.checking:
            await pilot.pause(0.2)
        if sys.argv[2:] == ["edit"]:  # the first sentence, as an editor types it
            edited = app.main.sentences[0].id
            await pilot.press("e", "ctrl+a", *"Edited in the review.", "enter")
            await pilot.pause(0.5)
            while app.main.check_state.pending(edited):
                await pilot.pause(0.2)
        app.session.close()

asyncio.run(main())
{_PEAK}
"""


def build_text(megabytes: float) -> str:
    paragraphs = SEED.read_text(encoding="utf-8").split("\n")
    copies: list[str] = []
    size = 0
    copy = 0
    while size < megabytes * MB:
        for paragraph in paragraphs:
            shifted = re.sub(
                r"\b(19|20)\d\d\b",
                lambda m, c=copy: str(1800 + (int(m.group()) + c) % 220),
                paragraph,
            )
            copies.append(shifted)
            size += len(shifted.encode()) + 1
        copy += 1
    return "\n".join(copies) + "\n"


def measure(folder: Path, what: str, command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one child process."""
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    peak = re.search(r"^peak-rss-kib (\d+)$", completed.stderr, re.MULTILINE)
    if completed.returncode not in (0, 1) or peak is None:
        raise SystemExit(f"{what} failed ({completed.returncode}): {completed.stderr[-2000:]}")
    return elapsed, int(peak.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=60.0, help="size of the text")
    rows = parser.add_mutually_exclusive_group()
    rows.add_argument(
        "--check-only", action="store_true", help="measure the two `review check` rows only"
    )
    rows.add_argument(
        "--rows",
        nargs="+",
        choices=ROWS,
        metavar="ROW",
        help=f"measure these rows only ({', '.join(ROWS)}); report and the ui rows run edit "
        "first, "
        "for the review they show (without check before them, their checks are uncached)",
    )
    args = parser.parse_args()
    chosen = set(args.rows or (ROWS[:2] if args.check_only else ROWS))
    if chosen & {"report", "ui", "ui-edit"}:
        chosen.add("edit")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        os.environ["REVIEW_CACHE_DIR"] = str(folder / "cache")
        os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
        path = folder / NAME
        path.write_text(build_text(args.megabytes), encoding="utf-8")
        size = path.stat().st_size
        target_kib = (4 * size + 300 * MB) // 1024
        print(f"text: {size / MB:.1f} MB; target: peak < 4 × size + 300 MB = "
              f"{target_kib * 1024 / MB:.0f} MB")  # fmt: skip
        review = [sys.executable, "-c", _MEASURED_REVIEW]
        runs = [  # in ROWS's order
            ("review check", [*review, "check", NAME, "--no-languagetool", "--fail-on", "none"]),
            ("review check --format json", [*review, "check", NAME, "--format", "json",
                                            "--no-languagetool", "--fail-on", "none"]),
            ("review edit (two sentences)", [*review, "edit", NAME, "--sentence", "s2", "--text",
                                             "Edited once.", "--sentence", "s9", "--text",
                                             "Edited twice.", "--no-languagetool"]),
            ("review report --format html", [*review, "report", NAME, "--format", "html",
                                             "--no-languagetool", "-o", "report.html"]),
            ("review UI, opened and checked", [sys.executable, "-c", _MEASURED_UI, NAME]),
            ("review UI, then a sentence edited in it and checked again",
             [sys.executable, "-c", _MEASURED_UI, NAME, "edit"]),
        ]  # fmt: skip
        print(f"load average {os.getloadavg()[0]:.1f}")
        for row, (what, command) in zip(ROWS, runs, strict=True):
            if row not in chosen:
                continue
            load = os.getloadavg()[0]
            elapsed, peak = measure(folder, what, command)
            verdict = "meets the target" if peak < target_kib else "OVER the target"
            print(f"{what}: {elapsed:.1f} s, peak {peak * 1024 / MB:.0f} MB "
                  f"({peak * 1024 / size:.1f} × the file): {verdict} "
                  f"(load average {load:.1f} → {os.getloadavg()[0]:.1f})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
