"""Paths and helpers the tests share (importable as `support`: pythonpath = tests)."""

import contextlib
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_609f52cd2aa5fae0.txt"


@contextlib.contextmanager
def silent_server() -> Iterator[str]:
    """The URL of a server on 127.0.0.1 that accepts every connection and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.2)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        for connection in accepted:
            connection.close()
        listener.close()


def fresh_result_cache(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty result cache under ``root`` that still finds the cached jars and the shared
    server (its languagetool folder is the real one)."""
    from review.languagetool.jars import cache_dir

    real = cache_dir().resolve()
    root.mkdir(parents=True)
    (root / "languagetool").symlink_to(real)
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(root))


def check_json(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    root: Path,
    path: Path,
    *options: str,
) -> bytes:
    """`review check PATH --format json` in this process on a fresh result cache: the bytes."""
    fresh_result_cache(root, monkeypatch)
    from review.cli import main

    code = main(["check", str(path), "--format", "json", "--fail-on", "none", *options])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out.encode()


def onto_board(board: Any) -> Any:
    """What the review screen does with a batch of flags: a settled (replacing) batch is the
    whole new set of its sentences' flags, any other is added."""

    def take(batch: Any) -> None:
        if batch.replace:
            board.replace(batch.checked, batch.flags)
        else:
            board.add(batch.flags)

    return take
