"""The managed LanguageTool server: start, reuse, replacement of stale state, stop.

These tests run their own server under a temporary REVIEW_CACHE_DIR (sharing the cached jars),
so stopping it leaves alone any server the rest of the suite or the user relies on.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import pytest

from review.commands import server as server_command
from review.languagetool import server
from review.languagetool.errors import LanguageToolUnavailable
from review.languagetool.jars import JarSet, cache_dir, ensure_jars
from review.languagetool.server import ServerInfo, ensure_server, find_java, status, stop

pytestmark = pytest.mark.languagetool


@pytest.fixture(scope="module")
def jar_set() -> JarSet:
    return ensure_jars()


@pytest.fixture(scope="module")
def own_cache(jar_set: JarSet, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("lt-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REVIEW_CACHE_DIR", str(root))
        patch.delenv("REVIEW_LT_URL", raising=False)
        cache_dir().mkdir(parents=True)
        (cache_dir() / jar_set.version).symlink_to(jar_set.lib_dir.parent)
        try:
            yield cache_dir()
        finally:
            stop()


@pytest.fixture
def running(own_cache: Path) -> ServerInfo:
    return ensure_server()


def _check(url: str, text: str) -> dict[str, Any]:
    data = urllib.parse.urlencode({"language": "en-US", "text": text}).encode()
    with urllib.request.urlopen(f"{url}/v2/check", data=data, timeout=60) as response:
        answer: dict[str, Any] = json.load(response)
    return answer


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/v2/healthcheck", timeout=2):
            return True
    except (OSError, urllib.error.URLError):
        return False


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _write_state(root: Path, pid: int, port: int, jar_set: JarSet) -> None:
    (root / "server.json").write_text(
        json.dumps(
            {
                "pid": pid,
                "port": port,
                "version": jar_set.version,
                "lib_dir": str(jar_set.lib_dir),
                "started_at": datetime.now(UTC).isoformat(),
            }
        )
    )


def test_server_finds_grammar_errors(running: ServerInfo, jar_set: JarSet) -> None:
    assert running.url == f"http://127.0.0.1:{running.port}"
    assert running.version == jar_set.version
    answer = _check(running.url, "I has a apple.")
    assert answer["software"]["name"] == "LanguageTool"
    assert answer["software"]["version"] == jar_set.version
    found = [
        (m["rule"]["id"], m["offset"], m["length"], [r["value"] for r in m["replacements"]])
        for m in answer["matches"]
    ]
    assert found == [("BASE_FORM", 2, 3, ["have"]), ("EN_A_VS_AN", 6, 1, ["an"])]


def test_server_finds_misspellings(running: ServerInfo) -> None:
    matches = _check(running.url, "This sentense is fine.")["matches"]
    assert [(m["rule"]["id"], m["offset"], m["length"]) for m in matches] == [
        ("MORFOLOGIK_RULE_EN_US", 5, 8)
    ]
    assert matches[0]["replacements"][0]["value"] == "sentence"


@pytest.mark.skipif(shutil.which("ss") is None, reason="needs ss (iproute2)")
def test_server_listens_on_loopback_only(running: ServerInfo) -> None:
    listing = subprocess.run(
        ["ss", "-ltnpH", f"sport = :{running.port}"],
        capture_output=True,
        text=True,
        timeout=10,
        check=True,
    ).stdout.splitlines()
    assert len(listing) == 1
    local_address = listing[0].split()[3]
    assert local_address == f"127.0.0.1:{running.port}"
    assert f"pid={running.pid}," in listing[0]


def test_second_call_reuses_the_server(running: ServerInfo) -> None:
    again = ensure_server()
    assert (again.pid, again.port, again.version) == (running.pid, running.port, running.version)
    assert not again.started
    state = json.loads((cache_dir() / "server.json").read_text())
    assert state["pid"] == running.pid
    assert state["port"] == running.port
    assert state["version"] == running.version


def test_status_describes_the_server(running: ServerInfo, own_cache: Path) -> None:
    now = status()
    assert now.running and now.managed
    assert (now.url, now.port, now.pid, now.version) == (
        running.url,
        running.port,
        running.pid,
        running.version,
    )
    assert now.log_path == own_cache / "server.log"
    assert "Server started" in now.log_path.read_text()


def test_review_lt_url_uses_that_server(
    running: ServerInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REVIEW_LT_URL", f"{running.url}/v2/")
    assert ensure_server() == ServerInfo(running.url, running.port, None, running.version)
    monkeypatch.setenv("REVIEW_LT_URL", f"http://127.0.0.1:{_free_port()}")
    with pytest.raises(LanguageToolUnavailable, match="does not answer as LanguageTool"):
        ensure_server()


def test_cli_start_status_and_errors(
    running: ServerInfo, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = argparse.ArgumentParser(prog="review")
    server_command.register(parser.add_subparsers(dest="command"))

    def review(*argv: str) -> int:
        args = parser.parse_args(list(argv))
        code: int = args.run(args)
        return code

    assert review("server", "start") == 0
    assert capsys.readouterr().out == (
        f"LanguageTool {running.version} running on {running.url} (pid {running.pid})\n"
    )
    assert review("server", "status") == 0
    assert capsys.readouterr().out.startswith(
        f"LanguageTool {running.version} running on {running.url} (pid {running.pid})\nlog: "
    )
    monkeypatch.setenv("REVIEW_LT_URL", "http://127.0.0.1:1")
    assert review("server", "start") == 2
    assert capsys.readouterr().err == (
        "review: REVIEW_LT_URL=http://127.0.0.1:1 does not answer as LanguageTool\n"
    )


def test_stale_state_file_is_replaced(own_cache: Path, jar_set: JarSet) -> None:
    stop()
    finished = subprocess.Popen(["true"])
    finished.wait()
    old_port = _free_port()
    _write_state(own_cache, finished.pid, old_port, jar_set)
    fresh = ensure_server()
    assert fresh.started
    assert fresh.pid != finished.pid
    assert fresh.port != old_port
    assert json.loads((own_cache / "server.json").read_text())["pid"] == fresh.pid
    assert _check(fresh.url, "This is a test.")["matches"] == []


class _NotLanguageTool(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self._answer()

    def _answer(self) -> None:
        body = b'{"software": {"name": "SomethingElse", "version": "1"}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_foreign_server_on_the_port_is_replaced(own_cache: Path, jar_set: JarSet) -> None:
    stop()
    foreign = HTTPServer(("127.0.0.1", 0), _NotLanguageTool)
    threading.Thread(target=foreign.serve_forever, daemon=True).start()
    port = foreign.server_address[1]
    # A live process that looks like our server to `ps` but whose port answers as something else.
    impostor = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import time; time.sleep(120)",
            "org.languagetool.server.HTTPServer",
            "--port",
            str(port),
        ]
    )
    try:
        _write_state(own_cache, impostor.pid, port, jar_set)
        fresh = ensure_server()
        assert fresh.started
        assert fresh.port != port
        assert impostor.wait(timeout=15) < 0  # terminated by a signal, as a broken server is
    finally:
        impostor.kill()
        impostor.wait()
        foreign.shutdown()
        foreign.server_close()


def test_stop_leaves_a_recycled_pid_alone(running: ServerInfo, own_cache: Path) -> None:
    state_file = own_cache / "server.json"
    real_state = state_file.read_text()
    # The state names a live process that is not LanguageTool (this one), as after a reboot.
    state_file.write_text(json.dumps({**json.loads(real_state), "pid": os.getpid()}))
    assert stop() is False
    assert not state_file.exists()
    state_file.write_text(real_state)
    assert _answers(running.url)


def test_stop_ends_the_server(own_cache: Path) -> None:
    info = ensure_server()
    assert _answers(info.url)
    assert stop() is True
    assert not _answers(info.url)
    assert not Path(f"/proc/{info.pid}").exists()
    assert not (own_cache / "server.json").exists()
    assert not status().running
    assert stop() is False


def test_concurrent_starts_share_one_server(own_cache: Path) -> None:
    stop()
    code = (
        "from review.languagetool.server import ensure_server\n"
        "info = ensure_server()\n"
        "print(info.pid, info.port, info.started)"
    )
    starters = [
        subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    answers = sorted(tuple(p.communicate(timeout=300)[0].split()) for p in starters)
    assert [p.returncode for p in starters] == [0, 0]
    (pid, port, _), _ = answers
    assert answers == [(pid, port, "False"), (pid, port, "True")]
    # Both processes have exited; the server they share has not.
    now = status()
    assert now.running
    assert (now.pid, now.port) == (int(pid), int(port))


def test_server_dying_at_start_is_reported(
    own_cache: Path, tmp_path: Path, jar_set: JarSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    stop()
    monkeypatch.setattr(
        server, "ensure_jars", lambda progress=None: JarSet(jar_set.version, tmp_path)
    )
    with pytest.raises(LanguageToolUnavailable) as caught:
        ensure_server()
    assert caught.value.reason.startswith(
        "LanguageTool server exited during start-up with code 1: "
    )
    assert "Could not find or load main class org.languagetool.server.HTTPServer" in (
        caught.value.reason
    )
    assert not (own_cache / "server.json").exists()


def test_java_25_is_passed_over(monkeypatch: pytest.MonkeyPatch) -> None:
    java_25 = Path("/usr/lib/jvm/temurin-25-jdk-amd64")
    if not java_25.is_dir():
        pytest.skip("no Temurin 25 here")
    monkeypatch.setenv("JAVA_HOME", str(java_25))
    java = find_java()
    assert java != str(java_25 / "bin" / "java")
    assert (
        'version "17'
        in subprocess.run(
            [java, "-version"], capture_output=True, text=True, timeout=20, check=True
        ).stderr
    )
    monkeypatch.setattr(server, "DEBIAN_JAVA_17", "/nonexistent/*/java")
    monkeypatch.setenv("PATH", str(java_25 / "bin"))
    with pytest.raises(LanguageToolUnavailable, match=r"JAVA_HOME has Java 25; java on PATH is"):
        find_java()


def test_the_state_file_probe_of_a_hung_server_is_bounded_by_the_timeout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A server the state file names that accepts and never answers (a fake on 127.0.0.1,
    standing in for ours, stopped): the probe gives up after the configured timeout, not 30 s."""
    monkeypatch.setattr(server, "_is_our_server", lambda pid, port: True)
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)
        port = listener.getsockname()[1]
        started = time.monotonic()
        reused = server._reusable({"pid": 1, "port": port, "version": "6.8"}, 2.0)
        elapsed = time.monotonic() - started
    assert reused is None
    assert 2.0 <= elapsed < 3.0
