"""LanguageTool's work on a corpus of 50 files: this machine's servers vs a Dask cluster.

The corpus (generated, not kept): the MLQE-PE dev set's machine translations
(../shared/data/mlqe-pe-dev.jsonl, `mt`) and copies of the seed whose every sentence opens with
a year of its own, about N sentences in all, dealt into 50 files. For each engine the whole
corpus goes through the engine as `review check` drives it (paragraph batches of every file,
answers streamed back and mapped to flags), timed against raw LanguageTool on the same text:
each paragraph POSTed straight to the same servers, as many in flight.

- --jobs 1: the shared server; --jobs 2: it and one private server (512 MB heap);
- Dask: a LocalCluster of 2 worker processes on 127.0.0.1, each with its own server;
- Dask overhead per batch: the round trip of a batch-sized task that does nothing;
- projection (not a measurement): one worker pinned to one core (taskset) is measured, and
  its sentences/s times 4, 16 and 64 is what as many single-core workers would do if the
  scheduler and the client keep up (the overhead per batch says how many batches they pass).

Prints the load average: on a shared machine compare the figures of one run.
Run: .venv/bin/python bench/corpus_scale.py [--sentences N] [--skip-projection] [--mlqe FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from check_throughput import SEED, variant
from review.config import load_config
from review.languagetool import wire
from review.languagetool.checker import Paragraph, paragraphs, to_flags
from review.languagetool.engine import Batch, Engine, LocalEngine, batches
from review.languagetool.server import ensure_server
from review.segment import segment

ROOT = Path(__file__).resolve().parent.parent
MLQE = ROOT.parent / "shared" / "data" / "mlqe-pe-dev.jsonl"
FILES = 50


def corpus(sentences_wanted: int, mlqe: Path) -> list[str]:
    lines = [json.loads(line)["mt"] for line in mlqe.read_text(encoding="utf-8").splitlines()]
    rest = max(0, sentences_wanted - len(lines))
    seed_copies = variant(SEED.read_text(encoding="utf-8"), random.randrange(10**8), rest)
    pieces = lines[:sentences_wanted] + seed_copies.split("\n")
    files = [pieces[i::FILES] for i in range(FILES)]
    return ["\n".join(f) + "\n" for f in files]


def raw(urls: Sequence[str], in_flight: int, texts: list[str]) -> float:
    settings_form = wire.Settings.of(load_config()).form()
    pieces = [t[p.start : p.end] for t in texts for p in paragraphs(segment(t))]
    import urllib.parse
    import urllib.request

    def post(numbered: tuple[int, str]) -> int:
        number, piece = numbered
        data = urllib.parse.urlencode({**settings_form, "text": piece}).encode()
        url = urls[number % len(urls)]
        with urllib.request.urlopen(f"{url}/v2/check", data, timeout=300) as answer:
            return len(json.load(answer)["matches"])

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=in_flight * len(urls)) as pool:
        list(pool.map(post, enumerate(pieces)))
    return time.perf_counter() - started


def ours(engine: Engine, texts: list[str]) -> tuple[float, int]:
    """Every file's paragraphs through ``engine`` in one stream, mapped to flags."""
    settings = wire.Settings.of(load_config())
    started = time.perf_counter()
    segmented = [(t, segment(t)) for t in texts]
    owners: list[tuple[str, Paragraph]] = [(t, p) for t, s in segmented for p in paragraphs(s)]
    work = batches((t[p.start : p.end] for t, p in owners), engine.batch_chars)
    sent = 0
    firsts: dict[int, int] = {}

    def numbered() -> Iterator[Batch]:
        nonlocal sent
        for batch in work:
            firsts[batch.index] = sent
            sent += len(batch.paragraphs)
            yield batch

    flags = 0
    for batch, answers in engine.run(settings, numbered()):
        first = firsts.pop(batch.index)
        for offset, matches in enumerate(answers):
            text, paragraph = owners[first + offset]
            flags += sum(1 for _ in to_flags(text, paragraph, matches))
    return time.perf_counter() - started, flags


@contextmanager
def dask_cluster(
    workers: int, threads: int, pin: bool = False
) -> Iterator[tuple[Engine, list[str]]]:
    import logging

    from distributed import Client, LocalCluster

    from review.languagetool.cluster import PLUGIN_NAME, DaskEngine, LanguageToolPlugin

    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=threads,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        if pin:
            for pid in client.run(os.getpid).values():
                subprocess.run(
                    ["taskset", "-a", "-cp", "0", str(pid)], check=True, capture_output=True
                )
        client.register_plugin(LanguageToolPlugin())

        def url(dask_worker) -> str:
            return dask_worker.plugins[PLUGIN_NAME].url()

        urls = list(client.run(url).values())
        if pin:
            for pid in client.run(
                lambda dask_worker: dask_worker.plugins[PLUGIN_NAME]._server.pid
            ).values():
                subprocess.run(
                    ["taskset", "-a", "-cp", "0", str(pid)], check=True, capture_output=True
                )
        yield DaskEngine(client, "6.8", "local"), urls


def dask_overhead(engine, texts: list[str], count: int = 200) -> float:
    """Seconds per batch-sized task that does nothing, 2 per worker thread in flight."""
    from distributed import as_completed

    client = engine.client
    sample = list(batches("\n".join(texts).split("\n"), engine.batch_chars))
    sample = (sample * (count // max(1, len(sample)) + 1))[:count]
    threads = sum(client.nthreads().values())
    started = time.perf_counter()
    todo = iter(sample)
    window = as_completed(
        [client.submit(len, next(todo).paragraphs, pure=False) for _ in range(threads * 2)]
    )
    for future in window:
        following = next(todo, None)
        if following is not None:
            window.add(client.submit(len, following.paragraphs, pure=False))
        future.result()
    return (time.perf_counter() - started) / count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=20_000, metavar="N")
    parser.add_argument("--skip-projection", action="store_true")
    parser.add_argument(
        "--mlqe", type=Path, default=MLQE, help="the MLQE-PE JSONL file (../shared/data/…)"
    )
    args = parser.parse_args()
    config = load_config()
    slots = config.languagetool_concurrency
    texts = corpus(args.sentences, args.mlqe)
    sentences = sum(len(segment(t)) for t in texts)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; {slots} in flight per server; load average "
        f"{os.getloadavg()[0]:.1f}"
    )
    print(f"corpus: {FILES} files, {sentences} sentences, {sum(map(len, texts)):,} characters")

    def report(name: str, engine: Engine, urls: Sequence[str]) -> None:
        raw_seconds = raw(urls, slots, texts)
        seconds, flags = ours(engine, texts)
        print(
            f"{name:<28} raw {sentences / raw_seconds:6.1f} sentences/s  ours "
            f"{sentences / seconds:6.1f} sentences/s ({seconds / raw_seconds:.2f} × raw time)"
            f"  {flags} flags  load {os.getloadavg()[0]:.1f}"
        )

    shared = ensure_server()
    report("--jobs 1", LocalEngine([shared.url], shared.version, slots), [shared.url])
    from review.languagetool.pool import local_servers

    with local_servers(2, config, None) as engine:
        report("--jobs 2", engine, engine.urls)
    with dask_cluster(2, slots) as (engine, urls):
        report("Dask LocalCluster, 2 workers", engine, urls)
        overhead = dask_overhead(engine, texts)
        print(
            f"Dask overhead per batch ({engine.batch_chars:,} characters): {overhead * 1000:.1f} ms"
        )
    if not args.skip_projection:
        with dask_cluster(1, 2, pin=True) as (engine, urls):
            subset = texts[: max(1, FILES // 5)]
            count = sum(len(segment(t)) for t in subset)
            seconds, _ = ours(engine, subset)
            rate = count / seconds
        print(
            f"one worker pinned to one core (taskset): {rate:.1f} sentences/s on {count} sentences"
        )
        for workers in (4, 16, 64):
            print(
                f"PROJECTION, not measured: {workers} single-core workers "
                f"≈ {workers * rate:,.0f} sentences/s"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
