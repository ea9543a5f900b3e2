"""LanguageTool's jars, copied once from Maven Central into the user's cache by `mvn`."""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from review.cache_root import cache_root
from review.languagetool.errors import LanguageToolUnavailable

# Newest first; the first one Maven Central serves is kept for good (see CHOSEN_FILE).
CANDIDATE_VERSIONS = ("6.8", "6.7", "6.6")
# Generous: the first fetch is ~100 MB from Maven Central, later ones copy from ~/.m2.
FETCH_TIMEOUT_S = 900.0
POLL_S = 0.5

CHOSEN_FILE = "version"
COMPLETE_MARKER = "complete"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_DOWNLOADED = re.compile(r"Downloaded from \S+: \S+\.(jar|pom) ")

Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class JarSet:
    version: str
    lib_dir: Path

    @property
    def classpath(self) -> str:
        return str(self.lib_dir / "*")


def cache_dir() -> Path:
    """Where jars, server state and logs live, inside review's cache folder."""
    return cache_root() / "languagetool"


@contextmanager
def file_lock(path: Path, timeout: float, waiting: Progress | None = None) -> Iterator[None]:
    """An exclusive flock on ``path``; gives up after ``timeout`` s rather than hang."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        deadline = time.monotonic() + timeout
        told = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise LanguageToolUnavailable(
                        f"another review process held {path} for over {timeout:.0f} s"
                    ) from None
                if waiting and not told:
                    waiting("Waiting for another review process to set up LanguageTool…")
                    told = True
                time.sleep(POLL_S)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_jars(progress: Progress | None = None) -> JarSet:
    """The cached LanguageTool jars, fetched with `mvn` on first use."""
    root = cache_dir()
    with file_lock(root / "fetch.lock", FETCH_TIMEOUT_S * len(CANDIDATE_VERSIONS), progress):
        chosen = _read_chosen(root)
        if chosen and _is_complete(root, chosen):
            return JarSet(chosen, _lib_dir(root, chosen))
        mvn = shutil.which("mvn")
        not_served: list[str] = []
        for version in CANDIDATE_VERSIONS:
            if not _is_complete(root, version):
                if mvn is None:
                    raise LanguageToolUnavailable(
                        "Maven (mvn) is not installed; it is needed once to fetch LanguageTool"
                    )
                error = _fetch(mvn, root, version, progress)
                if error is not None:
                    not_served.append(error)
                    continue
            (root / CHOSEN_FILE).write_text(version + "\n")
            return JarSet(version, _lib_dir(root, version))
    raise LanguageToolUnavailable(
        f"Maven Central serves none of LanguageTool {', '.join(CANDIDATE_VERSIONS)}: "
        + not_served[-1]
    )


def spawn_logged(command: list[str], log_path: Path, cwd: Path) -> subprocess.Popen[bytes]:
    """Start ``command`` in a session of its own with its output going to ``log_path``: never
    to an unread pipe, which would stall it once full."""
    with log_path.open("wb") as log:
        try:
            return subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=cwd,
                start_new_session=True,
            )
        except OSError as exc:
            raise LanguageToolUnavailable(f"could not run {command[0]}: {exc}") from None


def _lib_dir(root: Path, version: str) -> Path:
    return root / version / "lib"


def _read_chosen(root: Path) -> str | None:
    try:
        return (root / CHOSEN_FILE).read_text().strip() or None
    except FileNotFoundError:
        return None


def _is_complete(root: Path, version: str) -> bool:
    return (root / version / COMPLETE_MARKER).is_file()


def _fetch(mvn: str, root: Path, version: str, progress: Progress | None) -> str | None:
    """Copies ``version``'s jars into the cache; the mvn error if Maven Central lacks it.

    Anything else that goes wrong raises: trying an older version would not help.
    """
    version_dir = root / version
    lib = _lib_dir(root, version)
    # Whatever an interrupted fetch left is suspect: start that version over.
    (version_dir / COMPLETE_MARKER).unlink(missing_ok=True)
    shutil.rmtree(lib, ignore_errors=True)
    version_dir.mkdir(parents=True, exist_ok=True)
    # mvn gets its own copy of the pom: the installed package may be read-only.
    pom = version_dir / "pom.xml"
    # Imported here: a check that finds its server running never fetches jars.
    from importlib import resources

    pom.write_bytes(resources.files("review.languagetool").joinpath("pom.xml").read_bytes())
    log_path = version_dir / "mvn.log"
    command = [
        mvn,
        "-B",
        "-Dstyle.color=never",
        "-f",
        str(pom),
        "dependency:copy-dependencies",
        f"-Dlt.version={version}",
        f"-Dlt.lib.dir={lib}",
    ]
    headline = f"Downloading LanguageTool {version} from Maven Central (first run only)…"
    if progress:
        progress(headline)
    process = spawn_logged(command, log_path, version_dir)
    try:
        returncode = _follow(process, log_path, lib, headline, progress)
    finally:
        # Its own session keeps a Ctrl-C off mvn; stop it here instead of leaving it behind.
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    output = _ANSI.sub("", log_path.read_text(errors="replace"))
    if returncode != 0:
        error = _mvn_error(output) or f"mvn exited with code {returncode} (log: {log_path})"
        # Maven words a miss differently once it has cached it ("… was not found in …").
        artifact = rf"org\.languagetool:[\w-]+:jar:{re.escape(version)}"
        if re.search(rf"Could not find artifact {artifact}|{artifact} was not found in", output):
            return error
        raise LanguageToolUnavailable(f"fetching LanguageTool {version} failed: {error}")
    if not (lib / f"languagetool-server-{version}.jar").is_file():
        raise LanguageToolUnavailable(
            f"mvn succeeded but left no languagetool-server-{version}.jar in {lib}"
        )
    fetched = list(lib.glob("*.jar"))
    size_mb = sum(jar.stat().st_size for jar in fetched) / 1e6
    # Written last: its presence is what makes a later run skip Maven altogether.
    (version_dir / COMPLETE_MARKER).write_text(f"{len(fetched)} jars\n")
    if progress:
        progress(f"LanguageTool {version}: {len(fetched)} jars ({size_mb:.0f} MB) in the cache")
    return None


def _follow(
    process: subprocess.Popen[bytes],
    log_path: Path,
    lib: Path,
    headline: str,
    progress: Progress | None,
) -> int:
    """Waits for mvn, reporting jars downloaded and then copied; kills it at the time limit."""
    deadline = time.monotonic() + FETCH_TIMEOUT_S
    downloaded = {"jar": 0, "pom": 0}
    last = headline
    unfinished = b""  # a line mvn has only half written yet
    with log_path.open("rb") as reader:
        while True:
            try:
                returncode = process.wait(timeout=POLL_S)
            except subprocess.TimeoutExpired:
                returncode = None
            *lines, unfinished = (unfinished + reader.read()).split(b"\n")
            for line in lines:
                if found := _DOWNLOADED.search(line.decode(errors="replace")):
                    downloaded[found.group(1)] += 1
            copied = len(list(lib.glob("*.jar"))) if lib.is_dir() else 0
            message = headline
            if copied:
                message = f"{headline} {copied} jars copied to the cache"
            elif downloaded["jar"]:
                message = f"{headline} {downloaded['jar']} jars downloaded"
            elif downloaded["pom"]:
                # Maven reads every dependency's pom before the first jar; that takes a while.
                message = f"{headline} resolving dependencies ({downloaded['pom']} poms read)"
            if progress and message != last and returncode is None:
                progress(message)
                last = message
            if returncode is not None:
                return returncode
            if time.monotonic() > deadline:
                raise LanguageToolUnavailable(
                    f"mvn did not finish fetching LanguageTool within {FETCH_TIMEOUT_S:.0f} s "
                    f"(log: {log_path})"
                )


def _mvn_error(output: str) -> str | None:
    """The first [ERROR] line that says what went wrong (later ones are Maven's boilerplate)."""
    for line in output.splitlines():
        if line.startswith("[ERROR]"):
            text = line.removeprefix("[ERROR]").strip().removesuffix("-> [Help 1]").strip()
            if text:
                return text
    return None
