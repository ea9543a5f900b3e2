"""A LanguageTool HTTP server on 127.0.0.1, started once and shared by later `review` runs.

The server outlives the process that started it (it takes ~10 s to become useful); a state file
in the cache dir says where it is, and a lock keeps two processes from starting two servers.
"""

from __future__ import annotations

import contextlib
import glob
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from review.atomic import atomic_write
from review.languagetool.errors import LanguageToolUnavailable
from review.languagetool.jars import (
    CANDIDATE_VERSIONS,
    FETCH_TIMEOUT_S,
    Progress,
    cache_dir,
    ensure_jars,
    file_lock,
    spawn_logged,
)

MAIN_CLASS = "org.languagetool.server.HTTPServer"
HEALTH_TIMEOUT_S = 60.0
# The first check loads the English rules and takes several seconds.
WARM_TIMEOUT_S = 60.0
# Errors of several kinds, so that the speller and its suggestions load at start-up too rather
# than in the user's first check.
WARM_TEXT = "This is a test. I has a apple, isnt it? Thiss sentense has two misspellings."
PROBE_TEXT = "This is a test."
# Patient enough for a server busy with another run's checks: one that misses it is replaced.
PROBE_TIMEOUT_S = 30.0
# A starter holds the lock through a first fetch (each candidate version) and a start.
START_LOCK_TIMEOUT_S = FETCH_TIMEOUT_S * len(CANDIDATE_VERSIONS) + HEALTH_TIMEOUT_S + WARM_TIMEOUT_S
STOP_GRACE_S = 5.0
# The shared server's heap; private ones (--jobs, Dask workers) get PRIVATE_HEAP each.
SHARED_HEAP = "1g"
PRIVATE_HEAP = "512m"
POLL_S = 0.25
LOG_TAIL_LINES = 3

# LanguageTool's English rules fail to load on Java 24 and later.
MIN_JAVA, MAX_JAVA = 17, 23
DEBIAN_JAVA_17 = "/usr/lib/jvm/java-17-openjdk-*/bin/java"

STATE_FILE = "server.json"
PRIVATE_DIR = "private"
LOCK_FILE = "server.lock"
LOG_FILE = "server.log"
CONFIG_FILE = "server.properties"
# Keys are HTTPServerConfig's. pipelinePrewarming stays off: it builds pipelines for languages
# this English-only classpath lacks.
SERVER_CONFIG = """\
# Written by review on every server start.
cacheSize=1000
pipelineCaching=true
pipelineExpireTimeInSeconds=3600
"""

# Processes this interpreter started; polling them reaps them, so a stopped server is not
# mistaken for a live one while it lingers as our zombie.
_children: dict[int, subprocess.Popen[bytes]] = {}


@dataclass(frozen=True, slots=True)
class ServerInfo:
    url: str
    port: int
    pid: int | None  # None: a server named by REVIEW_LT_URL, not ours to manage
    version: str
    started: bool = False  # True when this call started it (tests stop only what they started)


@dataclass(frozen=True, slots=True)
class ServerStatus:
    running: bool
    url: str | None
    port: int | None
    pid: int | None
    version: str | None
    log_path: Path
    managed: bool  # False when REVIEW_LT_URL points at a server someone else runs


def ensure_server(progress: Progress | None = None, timeout: float | None = None) -> ServerInfo:
    """A LanguageTool server that answers checks: REVIEW_LT_URL's, the running one, or a new one.

    ``timeout`` (the ``[languagetool] timeout`` setting) bounds each probe of a server that is
    already running, so a hung one costs that long at most."""
    external = os.environ.get("REVIEW_LT_URL")
    if external:
        return _external_server(external, min(WARM_TIMEOUT_S, timeout or WARM_TIMEOUT_S))
    root = cache_dir()
    with file_lock(root / LOCK_FILE, START_LOCK_TIMEOUT_S, progress):
        state = _read_state(root)
        if state is not None:
            running = _reusable(state, min(PROBE_TIMEOUT_S, timeout or PROBE_TIMEOUT_S))
            if running is not None:
                return running
            if _is_our_server(state["pid"], state["port"]):
                # Alive but not answering as the expected LanguageTool: it is of no use.
                _terminate(state["pid"])
            (root / STATE_FILE).unlink(missing_ok=True)
        return _start(root, progress)


def stop() -> bool:
    """Stops the server the state file names; False if none was running."""
    root = cache_dir()
    with file_lock(root / LOCK_FILE, START_LOCK_TIMEOUT_S):
        state = _read_state(root)
        stopped = False
        if state is not None and _is_our_server(state["pid"], state["port"]):
            _terminate(state["pid"])
            stopped = True
        (root / STATE_FILE).unlink(missing_ok=True)
        return stopped


def status() -> ServerStatus:
    root = cache_dir()
    log_path = root / LOG_FILE
    external = os.environ.get("REVIEW_LT_URL")
    if external:
        url = _normalise_url(external)
        version = _probe(url, PROBE_TIMEOUT_S)
        return ServerStatus(
            version is not None, url, _url_port(url), None, version, log_path, managed=False
        )
    state = _read_state(root)
    if state is None or not _is_our_server(state["pid"], state["port"]):
        return ServerStatus(False, None, None, None, None, log_path, managed=True)
    url = _local_url(state["port"])
    version = _probe(url, PROBE_TIMEOUT_S)
    return ServerStatus(
        version is not None, url, state["port"], state["pid"], version, log_path, managed=True
    )


def find_java() -> str:
    """A Java 17..23 binary: JAVA_HOME's if it is 17, Debian's 17, or the one on PATH."""
    seen: list[str] = []
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        candidate = str(Path(java_home) / "bin" / "java")
        major = _java_major(candidate)
        if major == MIN_JAVA:
            return candidate
        seen.append(f"JAVA_HOME has Java {major}")
    for candidate in sorted(glob.glob(DEBIAN_JAVA_17)):
        if _java_major(candidate) == MIN_JAVA:
            return candidate
    on_path = shutil.which("java")
    if on_path:
        major = _java_major(on_path)
        if major is not None and MIN_JAVA <= major <= MAX_JAVA:
            return on_path
        seen.append(f"java on PATH is Java {major}")
    found = f" ({'; '.join(seen)})" if seen else ""
    raise LanguageToolUnavailable(
        f"LanguageTool needs Java {MIN_JAVA} to {MAX_JAVA}, none found{found}; "
        "install openjdk-17 or point JAVA_HOME at one"
    )


def _java_major(java: str) -> int | None:
    try:
        result = subprocess.run(
            [java, "-version"], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    # `openjdk version "17.0.15"`; Java 8 and older say "1.8.0_392".
    found = re.search(r'version "(?:1\.)?(\d+)', result.stderr)
    return int(found.group(1)) if found else None


def start_private(root: Path, heap: str, progress: Progress | None = None) -> ServerInfo:
    """A server of one caller's own (``--jobs``, a Dask worker): its configuration and log in
    ``root``, no state file, so no other run finds or reuses it; stop it with ``stop_private``.

    Each is noted in the cache's private/ folder with the process it belongs to, and servers
    whose process has died without stopping them (a killed Dask worker) are stopped here.
    """
    owners = cache_dir() / PRIVATE_DIR
    owners.mkdir(parents=True, exist_ok=True)
    _reap_orphans(owners)
    server = _start(root, progress, heap=heap, shared=False)
    note = {"owner": os.getpid(), "pid": server.pid, "port": server.port}
    atomic_write(owners / f"{server.pid}.json", json.dumps(note).encode())
    return server


def stop_private(server: ServerInfo) -> None:
    if server.pid is not None:
        _terminate(server.pid)
        (cache_dir() / PRIVATE_DIR / f"{server.pid}.json").unlink(missing_ok=True)


def _reap_orphans(owners: Path) -> None:
    for path in owners.glob("*.json"):
        try:
            note = json.loads(path.read_text())
            owner, pid, port = int(note["owner"]), int(note["pid"]), int(note["port"])
        except (OSError, ValueError, KeyError, TypeError):
            path.unlink(missing_ok=True)
            continue
        if _alive(owner):
            continue
        if _is_our_server(pid, port):
            _terminate(pid)
        path.unlink(missing_ok=True)


def alive(server: ServerInfo) -> bool:
    return server.pid is not None and _is_our_server(server.pid, server.port)


def _start(
    root: Path, progress: Progress | None, heap: str = SHARED_HEAP, shared: bool = True
) -> ServerInfo:
    jars = ensure_jars(progress)
    java = find_java()
    if progress:
        progress(f"Starting LanguageTool {jars.version}…")
    port = _free_port()
    config = root / CONFIG_FILE
    config.write_text(SERVER_CONFIG)
    log_path = root / LOG_FILE
    command = [
        java,
        f"-Xmx{heap}",
        # An IPv4 socket on 127.0.0.1 rather than whatever "localhost" resolves to first.
        "-Djava.net.preferIPv4Stack=true",
        "-cp",
        jars.classpath,
        MAIN_CLASS,
        "--port",
        str(port),
        "--config",
        str(config),
    ]
    started = time.monotonic()
    process = spawn_logged(command, log_path, root)
    _children[process.pid] = process
    if shared:
        # Written before the server is healthy, so that stop() finds it even if we die waiting.
        _write_state(
            root,
            {
                "pid": process.pid,
                "port": port,
                "version": jars.version,
                "lib_dir": str(jars.lib_dir),
                "started_at": datetime.now(UTC).isoformat(),
            },
        )
    url = _local_url(port)
    try:
        _wait_healthy(process, url, log_path)
        if progress:
            progress(f"Warming up LanguageTool {jars.version}…")
        version = _probe(url, WARM_TIMEOUT_S, WARM_TEXT)
        if version is None:
            raise LanguageToolUnavailable(
                f"LanguageTool server did not answer a first check within "
                f"{WARM_TIMEOUT_S:.0f} s: {_log_tail(log_path)} (log: {log_path})"
            )
        if version != jars.version:
            raise LanguageToolUnavailable(
                f"the server on port {port} answered as LanguageTool {version}, "
                f"expected {jars.version}"
            )
    except BaseException:
        _terminate(process.pid)
        (root / STATE_FILE).unlink(missing_ok=True)
        raise
    if progress:
        progress(f"LanguageTool {version} ready in {time.monotonic() - started:.1f} s")
    return ServerInfo(url, port, process.pid, version, started=True)


def _wait_healthy(process: subprocess.Popen[bytes], url: str, log_path: Path) -> None:
    deadline = time.monotonic() + HEALTH_TIMEOUT_S
    while time.monotonic() < deadline:
        code = process.poll()
        if code is not None:
            raise LanguageToolUnavailable(
                f"LanguageTool server exited during start-up with code {code}: "
                f"{_log_tail(log_path)} (log: {log_path})"
            )
        try:
            with urllib.request.urlopen(f"{url}/v2/healthcheck", timeout=1) as response:
                if response.status == 200:
                    return
        except (OSError, http.client.HTTPException):
            pass
        time.sleep(POLL_S)
    raise LanguageToolUnavailable(
        f"LanguageTool server did not answer within {HEALTH_TIMEOUT_S:.0f} s: "
        f"{_log_tail(log_path)} (log: {log_path})"
    )


def _probe(url: str, timeout: float, text: str = PROBE_TEXT) -> str | None:
    """The LanguageTool version answering at ``url`` (checking ``text``), or None."""
    data = urllib.parse.urlencode({"language": "en-US", "text": text}).encode()
    try:
        with urllib.request.urlopen(f"{url}/v2/check", data=data, timeout=timeout) as response:
            answer: Any = json.load(response)
    except (OSError, http.client.HTTPException, ValueError):
        return None
    software = answer.get("software") if isinstance(answer, dict) else None
    if not isinstance(software, dict) or software.get("name") != "LanguageTool":
        return None
    version = software.get("version")
    return str(version) if version else None


def _reusable(state: dict[str, Any], timeout: float) -> ServerInfo | None:
    pid, port, version = state["pid"], state["port"], state["version"]
    if not _is_our_server(pid, port):
        return None
    url = _local_url(port)
    if _probe(url, timeout) != version:
        return None
    return ServerInfo(url, port, pid, version)


def _external_server(raw_url: str, timeout: float) -> ServerInfo:
    url = _normalise_url(raw_url)
    # One patient probe rather than polling: a refused connection fails at once anyway.
    started = time.monotonic()
    version = _probe(url, timeout)
    if version is None:
        silent = time.monotonic() - started >= timeout
        what = (
            f"did not answer within {timeout:g} s" if silent else "does not answer as LanguageTool"
        )
        raise LanguageToolUnavailable(f"REVIEW_LT_URL={raw_url} {what}")
    return ServerInfo(url, _url_port(url), None, version)


def _normalise_url(raw_url: str) -> str:
    return raw_url.rstrip("/").removesuffix("/v2").rstrip("/")


def _url_port(url: str) -> int:
    parts = urllib.parse.urlsplit(url)
    return parts.port or (443 if parts.scheme == "https" else 80)


def _local_url(port: int) -> str:
    return f"http://127.0.0.1:{port}"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _read_state(root: Path) -> dict[str, Any] | None:
    try:
        state = json.loads((root / STATE_FILE).read_text())
    except (FileNotFoundError, ValueError):
        return None
    if not isinstance(state, dict):
        return None
    if not isinstance(state.get("pid"), int) or not isinstance(state.get("port"), int):
        return None
    if not isinstance(state.get("version"), str):
        return None
    return state


def _write_state(root: Path, state: dict[str, Any]) -> None:
    atomic_write(root / STATE_FILE, (json.dumps(state, indent=2) + "\n").encode())


def _alive(pid: int) -> bool:
    child = _children.get(pid)
    if child is not None:
        return child.poll() is None
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    # Someone else's zombie is as dead as a server gets; the state letter follows "(comm) ".
    return stat.rpartition(")")[2].split()[0] != "Z"


def _is_our_server(pid: int, port: int) -> bool:
    """Whether ``pid`` is alive and is a LanguageTool server on ``port``, not a recycled pid."""
    if not _alive(pid):
        return False
    try:
        arguments = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    wanted = [MAIN_CLASS.encode(), b"--port", str(port).encode()]
    return any(arguments[i : i + 3] == wanted for i in range(len(arguments)))


def _terminate(pid: int) -> None:
    """SIGTERM, then SIGKILL if the server has not gone after STOP_GRACE_S."""
    for sig, grace in ((signal.SIGTERM, STOP_GRACE_S), (signal.SIGKILL, STOP_GRACE_S)):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            if not _alive(pid):
                _children.pop(pid, None)
                return
            time.sleep(0.1)


def _log_tail(log_path: Path) -> str:
    """The last few lines of the log that are not stack frames, joined into one line."""
    try:
        lines = log_path.read_text(errors="replace").splitlines()
    except OSError:
        return "no log"
    meaningful = [
        line.strip()
        for line in lines
        if line.strip() and not line.lstrip().startswith(("at ", "..."))
    ]
    return " | ".join(meaningful[-LOG_TAIL_LINES:]) or "empty log"
