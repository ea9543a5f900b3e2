"""What a process and every process it starts use together: `review check` may run its checkers
in a second process (review.offload), whose memory and processor time the process's own
figures (its maximum resident set, what wait4 reports) leave out or count as one.

``watched(process)`` samples the tree while the process runs: the peak of the sum of their
resident sets, and each process's CPU seconds as last seen (a process that ends between two
samples loses at most one interval's worth).
"""

from __future__ import annotations

import subprocess
import threading
import time
from dataclasses import dataclass

import psutil

INTERVAL = 0.05


@dataclass(frozen=True, slots=True)
class TreeUsage:
    peak_mb: float
    cpu_seconds: float
    processes: int


def watched(process: subprocess.Popen[bytes]) -> TreeUsage:
    """Wait for ``process`` and return what it and its descendants used together."""
    root = psutil.Process(process.pid)
    cpu: dict[int, float] = {}
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            total = 0
            for member in tree:
                try:
                    with member.oneshot():
                        total += member.memory_info().rss
                        times = member.cpu_times()
                        cpu[member.pid] = times.user + times.system
                except psutil.NoSuchProcess:
                    continue
            peak = max(peak, total)
            time.sleep(INTERVAL)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    process.wait()
    done.set()
    sampler.join()
    return TreeUsage(peak / 2**20, sum(cpu.values()), len(cpu))
