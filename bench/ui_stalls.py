"""What the UI's main thread was doing while the event loop stalled (Linux).

``Stalls`` beats on the event loop every HEARTBEAT seconds and records how late each beat
wakes; a beat later than TARGET_MS (or a key, ``Stalls.record``) becomes a ``Stall``
that says what the main thread did meanwhile: its CPU time and its time waiting in the run
queue for a processor (``/proc/self/task/<tid>/schedstat``, as the kernel counts them), the
rest being time idle or blocked (on the interpreter lock, held by another thread, or on I/O); the
process's other threads' CPU time; the garbage collections that ran; and where the main
thread was, from a sampling thread that takes its stack (``sys._current_frames``) every
SAMPLE seconds while the loop is late. A stall in which the main thread ran for more than
TARGET_MS is work to move off it; one in which it mostly waited for a processor is the
machine's load, not the UI's.
"""

from __future__ import annotations

import asyncio
import collections
import gc
import resource
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

HEARTBEAT = 0.005
SAMPLE = 0.005
# The main thread's stack is sampled once the event loop is this late.
SAMPLE_LATE = 0.01
TARGET_MS = 50
# Shorter collections are left out of a stall's description.
MENTIONED_MS = 2
VERDICTS = ("work", "not scheduled", "idle or blocked")
MAIN = threading.main_thread()
# A frame is where a stall is placed when it is the project's code (or the collector's).
PROJECT = str(Path(__file__).resolve().parent.parent / "src" / "review")

Site = tuple[str, int, str]  # file, line, function


@dataclass(frozen=True, slots=True)
class Usage:
    """The main thread's and the process's use of the processors up to ``at``."""

    at: float  # time.perf_counter()
    cpu: float  # the main thread's CPU seconds
    queued: float  # seconds the main thread was runnable but waited for a processor
    process: float  # every thread's CPU seconds

    @classmethod
    def now(cls) -> Usage:
        with open(f"/proc/self/task/{MAIN.native_id}/schedstat", encoding="ascii") as stats:
            on_cpu, queued, _ = stats.read().split()
        used = resource.getrusage(resource.RUSAGE_SELF)
        return cls(
            time.perf_counter(), int(on_cpu) / 1e9, int(queued) / 1e9, used.ru_utime + used.ru_stime
        )


@dataclass(frozen=True, slots=True)
class Stall:
    what: str
    start: Usage
    end: Usage
    stacks: collections.Counter[tuple[Site, ...]]
    collections: tuple[tuple[str, int, float], ...]  # thread, generation, seconds

    @property
    def wall(self) -> float:
        return self.end.at - self.start.at

    @property
    def cpu(self) -> float:
        return self.end.cpu - self.start.cpu

    @property
    def queued(self) -> float:
        return self.end.queued - self.start.queued

    @property
    def blocked(self) -> float:
        return max(0.0, self.wall - self.cpu - self.queued)

    @property
    def verdict(self) -> str:
        """ "work" when the main thread itself ran for more than TARGET_MS of the stall (it
        would have stalled on an idle machine too); else what it mostly did besides running:
        wait for a processor ("not scheduled": the machine's load), or neither ("idle or
        blocked": waiting for the next frame, the interpreter lock or I/O)."""
        if self.cpu * 1000 > TARGET_MS:
            return "work"
        return "not scheduled" if self.queued >= self.blocked else "idle or blocked"

    def describe(self) -> str:
        # The two clocks tick apart: a stall with no other thread running may read -1 ms.
        others = max(0.0, (self.end.process - self.start.process) - self.cpu)
        line = (
            f"{self.what} {self.wall * 1000:6.1f} ms: {self.verdict:<15} (main thread ran "
            f"{self.cpu * 1000:.1f} ms, waited for a processor {self.queued * 1000:.1f} ms, "
            f"idle or blocked {self.blocked * 1000:.1f} ms; "
            f"other threads ran {others * 1000:.1f} ms)"
        )
        slow = [(t, g, d) for t, g, d in self.collections if d * 1000 >= MENTIONED_MS]
        if slow:
            line += "; collections: " + ", ".join(
                f"gen {generation} {seconds * 1000:.0f} ms on {thread}"
                for thread, generation, seconds in slow
            )
        places = collections.Counter[str]()
        for stack, count in self.stacks.items():
            places[where(stack)] += count
        total = sum(places.values())
        for place, count in places.most_common(2):
            line += f"\n      {count}/{total} samples at {place}"
        return line


def where(stack: tuple[Site, ...]) -> str:
    """The project's innermost frames (the innermost first), after the innermost frame of all
    when that is another module's; "idle" when the event loop waits for events."""
    if not stack or stack[0][2] == "select":
        return "idle"
    ours = [site for site in stack if site[0].startswith(PROJECT)][:4]
    shown = ([] if ours and ours[0] == stack[0] else [stack[0]]) + ours
    return " < ".join(f"{Path(file).name}:{name}" for file, _, name in shown)


def _stack(frame: FrameType | None) -> tuple[Site, ...]:
    sites = []
    # isinstance: a frame's f_back was once seen to be a bool while the main thread ran.
    while isinstance(frame, FrameType) and len(sites) < 80:
        code = frame.f_code
        sites.append((code.co_filename, frame.f_lineno, code.co_name))
        frame = frame.f_back
    return tuple(sites)


class Stalls:
    """The event loop's lateness (seconds a key or a frame would wait), sampled every
    HEARTBEAT seconds while it runs, and the ``Stall`` of each beat or timed key over
    TARGET_MS."""

    def __init__(self) -> None:
        self.late: list[float] = []
        self.over: list[Stall] = []
        self._task: asyncio.Task[None] | None = None
        self._samples: collections.deque[tuple[float, tuple[Site, ...]]] = collections.deque(
            maxlen=4000
        )
        self._collections: collections.deque[tuple[float, float, str, int]] = collections.deque(
            maxlen=1000
        )
        self._collecting: dict[int, float] = {}
        self._stop = threading.Event()
        self._beaten = time.perf_counter()
        self._sampler = threading.Thread(target=self._sample, name="stall sampler", daemon=True)

    @property
    def longest(self) -> float:
        return max(self.late, default=0.0)

    def record(self, what: str, start: Usage, end: Usage) -> None:
        stacks = collections.Counter(
            stack for at, stack in list(self._samples) if start.at <= at <= end.at
        )
        ran = tuple(
            (thread, generation, stopped - started)
            for started, stopped, thread, generation in list(self._collections)
            if stopped >= start.at and started <= end.at
        )
        self.over.append(Stall(what, start, end, stacks, ran))

    def report(self) -> Iterator[str]:
        """A line for each stall over TARGET_MS, then how many of each kind."""
        for stall in self.over:
            yield f"  {stall.describe()}"
        kinds = collections.Counter(stall.verdict for stall in self.over)
        yield (
            f"  over {TARGET_MS} ms: {len(self.over)} ("
            + ", ".join(f"{kind} {kinds[kind]}" for kind in VERDICTS)
            + ")"
        )

    async def _beat(self) -> None:
        last = Usage.now()
        while True:
            await asyncio.sleep(HEARTBEAT)
            now = Usage.now()
            self._beaten = now.at
            late = now.at - last.at - HEARTBEAT
            self.late.append(late)
            if late * 1000 > TARGET_MS:
                self.record("event loop", last, now)
            last = now

    def _sample(self) -> None:
        while not self._stop.wait(SAMPLE):
            # Only while the loop is late: a stack a sample is garbage the collector would
            # scan, in the process it measures.
            if time.perf_counter() - self._beaten > SAMPLE_LATE:
                frame = sys._current_frames().get(MAIN.ident or 0)
                self._samples.append((time.perf_counter(), _stack(frame)))

    def _collected(self, phase: str, info: dict[str, int]) -> None:
        thread = threading.get_ident()
        if phase == "start":
            self._collecting[thread] = time.perf_counter()
        elif thread in self._collecting:
            started = self._collecting.pop(thread)
            name = "main" if thread == MAIN.ident else threading.current_thread().name
            self._collections.append((started, time.perf_counter(), name, info["generation"]))

    def __enter__(self) -> Stalls:
        self._task = asyncio.get_running_loop().create_task(self._beat())
        gc.callbacks.append(self._collected)
        self._sampler.start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._task is not None
        self._task.cancel()
        self._stop.set()
        self._sampler.join()
        gc.callbacks.remove(self._collected)
