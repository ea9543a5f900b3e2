"""Throughput of `review check` against raw LanguageTool, on ~2,000 sentences.

The document repeats the seed with light variation (each sentence opens with a year of its own,
drawn per run, and a rotating word choice), so neither our cache nor LanguageTool's sentence
cache sees a sentence twice across the raw and cold runs:

- raw:  POST /v2/check per paragraph straight to the server, as many in flight as we use;
- cold: the whole `review check --format json` process on a new variant (nothing cached);
- warm: the same process again on that variant (everything cached).

Prints sentences per second for each and the ratios cold/raw (target >= 0.9) and warm/raw
(target >= 20). Baseline: raw LanguageTool on the same machine, same concurrency.
Run: .venv/bin/python bench/check_throughput.py
"""

from __future__ import annotations

import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from review.languagetool.checker import paragraphs
from review.languagetool.server import ensure_server
from review.segment import segment

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_609f52cd2aa5fae0.txt"
COPIES = 26
WORKERS = 4
_WORDS = ["countries", "nations", "states", "peoples"]


def variant(seed_text: str, offset: int) -> str:
    """COPIES copies of the seed in which every sentence opens with its own year, so that no
    sentence of one variant is in LanguageTool's sentence cache from another."""
    sentences = segment(seed_text)
    copies = []
    for copy in range(COPIES):
        parts = []
        position = 0
        for number, sentence in enumerate(sentences):
            year = offset + copy * len(sentences) + number
            parts.append(seed_text[position : sentence.start])
            parts.append(f"In {year}, {sentence.text}")
            position = sentence.end
        parts.append(seed_text[position:])
        text = "".join(parts).replace("countries", _WORDS[copy % len(_WORDS)])
        copies.append(text)
    return "\n".join(copies) + "\n"


def raw_languagetool(url: str, text: str) -> float:
    return timed_requests(url, [text[p.start : p.end] for p in paragraphs(segment(text))])


def timed_requests(url: str, pieces: list[str]) -> float:
    """Seconds to check every piece straight with the server, WORKERS in flight."""

    def post(piece: str) -> int:
        data = urllib.parse.urlencode(
            {"language": "en-US", "text": piece, "level": "picky"}
        ).encode()
        with urllib.request.urlopen(f"{url}/v2/check", data, timeout=300) as answer:
            return len(json.load(answer)["matches"])

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        list(pool.map(post, pieces))
    return time.perf_counter() - started


def review_check(path: Path, env: dict[str, str]) -> tuple[float, int]:
    started = time.perf_counter()
    completed = subprocess.run(
        [
            str(ROOT / ".venv" / "bin" / "review"),
            "check",
            str(path),
            "--format",
            "json",
            "--fail-on",
            "none",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    elapsed = time.perf_counter() - started
    return elapsed, len(json.loads(completed.stdout)["flags"])


def main() -> int:
    server = ensure_server(progress=lambda m: print(m, file=sys.stderr))
    seed_text = SEED.read_text(encoding="utf-8")
    rng = random.Random()
    raw_text = variant(seed_text, rng.randrange(100_000, 200_000))
    ours_text = variant(seed_text, rng.randrange(300_000, 400_000))
    sentences = len(segment(ours_text))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.txt"
        path.write_text(ours_text, encoding="utf-8")
        env = dict(os.environ)
        raw = raw_languagetool(server.url, raw_text)
        cold, flags_cold = review_check(path, env)
        warm, flags_warm = review_check(path, env)
    assert flags_cold == flags_warm, (flags_cold, flags_warm)
    rate = {
        name: sentences / seconds
        for name, seconds in (("raw", raw), ("cold", cold), ("warm", warm))
    }
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, LanguageTool {server.version}, {WORKERS} in flight"
    )
    print(f"document: {sentences} sentences, {len(ours_text):,} characters, {flags_cold} flags")
    for name, seconds in (
        ("raw LanguageTool", raw),
        ("review check cold", cold),
        ("review check warm", warm),
    ):
        key = name.split()[-1] if name != "raw LanguageTool" else "raw"
        print(f"{name:<20} {seconds:8.2f} s  {rate[key]:9.1f} sentences/s")
    print(f"cold / raw = {rate['cold'] / rate['raw']:.2f}  (target >= 0.9)")
    print(f"warm / raw = {rate['warm'] / rate['raw']:.1f}  (target >= 20)")
    if server.started:
        from review.languagetool.server import stop

        stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
