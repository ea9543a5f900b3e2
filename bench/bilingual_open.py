"""A 10,000-unit XLIFF 1.2 file (bilingual_scale.py's: the MLQE-PE dev data repeated, inline
tags in every tenth unit) as the editor meets it:

- first screen: `review FILE` opened in a new process, timed from launching it to the first
  frame with rows in the table, as ui_latency.py measures it (its stand-in checker, a fresh
  cache folder); target < 2 s;
- check: `review check --format json` on the file, nothing cached (every target opens with a
  year drawn per run), against raw LanguageTool given the same units' targets as plain text
  (tags removed), one request per unit, as many in flight as we use: sentences per second of
  each and the ratio cold/raw (target >= 0.9), as check_throughput.py does for plain text:
  raw and cold take turns over --rounds texts each (raw first, then cold first), so that a
  change in the machine's load falls on both alike.

Both talk to a LanguageTool server the bench starts for itself (1 GB heap, as the shared one),
so that other processes' checks on the shared server do not fall on one run and not the other.
Run: .venv/bin/python bench/bilingual_open.py [--units N] [--rounds R]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bilingual_scale import xliff
from check_throughput import timed_requests
from review.bilingual import plain, read, target_view
from review.config import default_concurrency
from review.languagetool.pool import private_server
from review.languagetool.server import SHARED_HEAP, ServerInfo
from ui_latency import open_app, report_opening

ROOT = Path(__file__).resolve().parent.parent
_TARGET = re.compile(r'(<target state="translated">)')


def dated(text: str, first_year: int) -> str:
    """Every target opened with its own year: no sentence is in any cache from another run."""
    years = iter(range(first_year, first_year + 10**6))
    return _TARGET.sub(lambda m: f"{m.group(1)}In {next(years)}, ", text)


def raw_languagetool(url: str, text: str) -> float:
    bilingual = read("raw.xlf", text)
    assert bilingual is not None
    pieces = [plain(unit.target_text).text for unit in bilingual.units]
    # As many requests in flight as `review check` keeps.
    return timed_requests(url, pieces, default_concurrency())[0]


def review_check(path: Path) -> tuple[float, int, int]:
    started = time.perf_counter()
    completed = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "review"), "check", str(path), "--format", "json",
         "--fail-on", "none"],
        capture_output=True, text=True, check=True, cwd=path.parent,
    )  # fmt: skip
    elapsed = time.perf_counter() - started
    data = json.loads(completed.stdout)
    return elapsed, len(data["sentences"]), len(data["flags"])


def first_screen(path: Path, folder: Path) -> None:
    env = {**os.environ, "REVIEW_CACHE_DIR": str(folder / "ui-cache")}
    command = [sys.executable, __file__, "--open", str(path), "--launched", repr(time.time())]
    subprocess.run(command, check=True, env=env, cwd=path.parent)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument(
        "--rounds", type=int, default=2, metavar="R", help="raw and cold R times each (2)"
    )
    parser.add_argument("--open", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--launched", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.open:
        report_opening("first screen", asyncio.run(open_app(args.open, False, args.launched)))
        return 0
    with private_server(SHARED_HEAP) as server:
        os.environ["REVIEW_LT_URL"] = server.url
        return measure(args, server)


def measure(args: argparse.Namespace, server: ServerInfo) -> int:
    load_before = os.getloadavg()
    rng = random.Random()
    base = xliff(args.units)
    # A new JVM runs slowly until its code is compiled: warm the server (2,000 units) first.
    raw_languagetool(server.url, dated(xliff(2000), rng.randrange(5 * 10**6, 6 * 10**6)))
    raw = cold = 0.0
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for turn in range(args.rounds):
            raw_text = dated(base, rng.randrange(10**6, 2 * 10**6))
            path = folder / f"bench{turn}.xlf"
            path.write_text(dated(base, rng.randrange(3 * 10**6, 4 * 10**6)), encoding="utf-8")
            if turn == 0:
                bilingual = read(path, path.read_text(encoding="utf-8"))
                assert bilingual is not None
                print(
                    f"file: {args.units:,} units, {path.stat().st_size / 1e6:.1f} MB, "
                    f"{len(target_view(bilingual).text):,} characters of targets"
                )
                sys.stdout.flush()
                first_screen(path, folder)
            for step in ("raw", "cold") if turn % 2 == 0 else ("cold", "raw"):
                if step == "raw":
                    raw += raw_languagetool(server.url, raw_text)
                else:
                    seconds, sentences, flags = review_check(path)
                    cold += seconds
    raw, cold = raw / args.rounds, cold / args.rounds
    print(
        f"load average {load_before[0]:.1f} before, {os.getloadavg()[0]:.1f} after; "
        f"{args.rounds} rounds, raw and cold taking turns; seconds are per text"
    )
    rate_raw, rate_cold = sentences / raw, sentences / cold
    print(f"check: {sentences:,} sentences, {flags:,} flags, LanguageTool {server.version}")
    print(f"{'raw LanguageTool':<20} {raw:8.2f} s  {rate_raw:9.1f} sentences/s")
    print(f"{'review check cold':<20} {cold:8.2f} s  {rate_cold:9.1f} sentences/s")
    print(f"cold / raw = {rate_cold / rate_raw:.2f}  (target >= 0.9)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
