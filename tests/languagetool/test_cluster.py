"""--cluster on a real distributed.LocalCluster of 2 worker processes, each with its own
LanguageTool server on 127.0.0.1 (started by the plugin); the output must be byte for byte
the local run's, also when a worker is killed mid-run."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from review.cli import main
from support import SEED, check_json

pytestmark = [pytest.mark.languagetool, pytest.mark.slow]
distributed = pytest.importorskip("distributed")

from review.languagetool import cluster as cluster_module  # noqa: E402
from review.languagetool.cluster import PLUGIN_NAME  # noqa: E402


@pytest.fixture(scope="module")
def cluster(languagetool_server) -> Iterator[object]:
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=2,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as local:
        yield local


def _texts(folder: Path) -> list[Path]:
    """The seed, its paragraphs in reverse, and a longer text built from it (each sentence
    opening with a number of its own, so LanguageTool's own cache never answers it)."""
    seed = SEED.read_text(encoding="utf-8")
    paragraphs = seed.split("\n")
    longer = "\n".join(f"In {year}, {line}" for year, line in enumerate(paragraphs * 6, 1900))
    texts = {"seed.txt": seed, "reversed.txt": "\n".join(reversed(paragraphs)), "long.txt": longer}
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / name for name in texts]


def _servers(client) -> dict[str, tuple[str, int]]:
    def server(dask_worker) -> tuple[str, int]:
        plugin = dask_worker.plugins[PLUGIN_NAME]
        plugin.url()
        return plugin._server.url, plugin._server.pid

    return client.run(server)


def test_cluster_output_is_byte_identical_to_the_local_run(
    cluster, tmp_path, capsys, monkeypatch
) -> None:
    address = cluster.scheduler_address
    for number, path in enumerate(_texts(tmp_path / "texts")):
        local = check_json(capsys, monkeypatch, tmp_path / f"local{number}", path)
        remote = check_json(
            capsys, monkeypatch, tmp_path / f"dask{number}", path, "--cluster", address
        )
        assert remote == local, path.name
    with distributed.Client(address) as client:
        servers = _servers(client)
    assert len(servers) == 2
    urls = {url for url, _ in servers.values()}
    assert len(urls) == 2 and all(url.startswith("http://127.0.0.1:") for url in urls)


def test_a_worker_killed_mid_run_changes_nothing(cluster, tmp_path, capsys, monkeypatch) -> None:
    address = cluster.scheduler_address
    (path,) = [p for p in _texts(tmp_path / "texts") if p.name == "long.txt"]
    local = check_json(capsys, monkeypatch, tmp_path / "local", path)
    killed: list[tuple[int, int]] = []
    with distributed.Client(address) as client:
        servers = _servers(client)
        pids = client.run(os.getpid)

        def kill_one_when_busy() -> None:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                busy = [w for w, keys in client.processing().items() if keys]
                if len(busy) == 2:
                    os.kill(pids[busy[0]], signal.SIGKILL)
                    killed.append((pids[busy[0]], servers[busy[0]][1]))
                    return
                time.sleep(0.05)

        killer = threading.Thread(target=kill_one_when_busy)
        killer.start()
        remote = check_json(capsys, monkeypatch, tmp_path / "dask", path, "--cluster", address)
        killer.join()
        assert killed, "no worker was busy"
        assert remote == local
        # The nanny restarts the worker; its plugin stops the dead worker's orphaned server.
        client.wait_for_workers(2, timeout=120)
        _servers(client)
    worker_pid, server_pid = killed[0]
    assert not Path(f"/proc/{worker_pid}").exists() or _zombie(worker_pid)
    assert not Path(f"/proc/{server_pid}").exists() or _zombie(server_pid)


def _zombie(pid: int) -> bool:
    return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0] == "Z"


def test_cluster_without_dask_is_one_line(monkeypatch, capsys) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    code = main(["check", str(SEED), "--cluster", "local:2"])
    assert (code, capsys.readouterr().err) == (
        2,
        "review: --cluster needs Dask: pip install 'review[cluster]' (dask and distributed)\n",
    )


def test_a_bad_local_cluster_is_one_line(capsys) -> None:
    code = main(["check", str(SEED), "--cluster", "local:two"])
    assert (code, capsys.readouterr().err) == (
        2,
        "review: --cluster local:two: expected local:N with N a number of workers\n",
    )


def test_a_scheduler_that_does_not_answer_is_one_line(capsys, monkeypatch) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setattr(cluster_module, "CONNECT_TIMEOUT_S", 2.0)
    code = main(["check", str(SEED), "--cluster", f"tcp://127.0.0.1:{port}"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"review: --cluster tcp://127.0.0.1:{port}: no Dask scheduler answers (")
    assert err.count("\n") == 1
