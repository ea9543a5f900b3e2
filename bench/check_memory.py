"""Peak memory of `review check` on a long text, with a stand-in LanguageTool.

Memory is the client's affair: a stand-in server on 127.0.0.1 answers every paragraph at once
with LanguageTool-shaped JSON (a match on each sentence's first word and one on "the"), so a
100,000-sentence text is checked in a minute rather than an hour of real LanguageTool, with
about as many flags per sentence as the real one gives on the seed. Each format's process runs
on a fresh result cache; prints its seconds and its peak memory: the resident sets of its
process and of the one it may start for its checkers, summed (process_tree.py).
Run: .venv/bin/python bench/check_memory.py [--sentences N] [--format json text sarif]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from check_throughput import ROOT, SEED, variant
from process_tree import watched

_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?]) )(\w+)")
_THE = re.compile(r"\bthe\b")


def _answer(text: str) -> bytes:
    def match(start: int, length: int, rule: str, category: str) -> dict[str, object]:
        return {
            "message": f"Stand-in {rule.lower()} message.",
            "replacements": [{"value": text[start : start + length].upper()}],
            "offset": start,
            "length": length,
            "rule": {"id": rule, "issueType": "style", "category": {"id": category}},
        }

    matches = [
        match(m.start(1), len(m.group(1)), "STAND_IN_START", "STYLE")
        for m in _SENTENCE_START.finditer(text)
    ]
    matches += [match(m.start(), 3, "STAND_IN_THE", "GRAMMAR") for m in _THE.finditer(text)][:2]
    software = {"name": "LanguageTool", "version": "stand-in"}
    return json.dumps({"software": software, "matches": matches}).encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        form = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        data = _answer(form.get("text", [""])[0])
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def stand_in() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def measure(path: Path, url: str, cache: Path, output_format: str) -> tuple[float, float]:
    env = {**os.environ, "REVIEW_LT_URL": url, "REVIEW_CACHE_DIR": str(cache)}
    command = [str(ROOT / ".venv" / "bin" / "review"), "check", str(path)]
    with open(os.devnull, "wb") as sink:
        started = time.perf_counter()
        process = subprocess.Popen(
            [*command, "--format", output_format, "--fail-on", "none"], stdout=sink, env=env
        )
        usage = watched(process)
    if process.returncode != 0:
        raise SystemExit(f"review check --format {output_format} failed")
    return time.perf_counter() - started, usage.peak_mb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=100_000, metavar="N")
    parser.add_argument("--format", nargs="+", default=["json", "text", "sarif"])
    args = parser.parse_args()
    text = variant(SEED.read_text(encoding="utf-8"), 10**7, args.sentences)
    with tempfile.TemporaryDirectory() as folder, stand_in() as url:
        path = Path(folder) / "long.txt"
        path.write_text(text, encoding="utf-8")
        print(f"load average {os.getloadavg()[0]:.1f}; {len(text):,} characters")
        for output_format in args.format:
            seconds, memory = measure(
                path, url, Path(folder) / f"cache-{output_format}", output_format
            )
            print(f"--format {output_format:<6} {seconds:7.1f} s  peak memory {memory:5.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
