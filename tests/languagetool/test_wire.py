"""The HTTP client: the form sent, matches read, offsets past emoji, kept-alive connections.
Answers here come from a fake server on 127.0.0.1 or are built by hand (said per test); the
real server is in test_checker.py."""

from __future__ import annotations

import json
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from review.config import Config
from review.languagetool import wire
from review.languagetool.match import ServerMatch


def _match(offset: int, length: int, replacements: int = 1, message: str = "m") -> dict:
    return {
        "message": message,
        "replacements": [{"value": f"r{i}"} for i in range(replacements)],
        "offset": offset,
        "length": length,
        "rule": {"id": "RULE", "issueType": "grammar", "category": {"id": "GRAMMAR"}},
    }


def test_offsets_after_emoji_are_python_characters() -> None:
    """A hand-built answer: LanguageTool (Java) counts 😀 as two UTF-16 units."""
    paragraph = "😀 I has a apple. 😀😀 She go."
    go = paragraph.index("go")
    assert (go, len(paragraph[:go].encode("utf-16-le")) // 2) == (24, 27)
    answer = {"matches": [_match(5, 3), _match(27, 2)]}
    found = wire.matches(answer, paragraph)
    assert [(m.offset, m.length) for m in found] == [(4, 3), (24, 2)]
    assert paragraph[4:7] == "has"


def test_replacements_capped_and_message_normalised() -> None:
    answer = {"matches": [_match(0, 1, replacements=20, message="ﬁne")]}
    (found,) = wire.matches(answer, "x")
    assert found == ServerMatch(
        0, 1, "RULE", "GRAMMAR", "grammar", "fine", tuple(f"r{i}" for i in range(9))
    )


def test_form_carries_the_configuration() -> None:
    config = Config(disabled_rules=frozenset({"B", "A"}), enabled_rules=frozenset({"C"}))
    assert wire.Settings.of(config).form() == {
        "language": "en-US",
        "disabledRules": "A,B",
        "enabledRules": "C",
        "level": "picky",
    }
    assert wire.Settings.of(Config(picky=False)).form() == {"language": "en-US"}


headers: list[str] = []


@pytest.fixture
def fake_server() -> Iterator[tuple[str, list[dict], list[int]]]:
    """Answers every check with no matches; records the forms, counts connections and keeps
    each request's Connection header (in ``headers``)."""
    forms: list[dict] = []
    connections: list[int] = []
    headers.clear()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def setup(self) -> None:
            super().setup()
            connections.append(1)

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            headers.append(self.headers.get("Connection", ""))
            forms.append(dict(urllib.parse.parse_qsl(body.decode())))
            data = json.dumps({"matches": []}).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", forms, connections
    finally:
        server.shutdown()
        server.server_close()


def test_each_check_asks_for_its_connection_to_be_closed(fake_server) -> None:
    # LanguageTool's server answered a kept-alive connection about 40 ms late (its reply
    # waited for the client's delayed acknowledgement): 3.5 times slower than plain requests.
    url, forms, connections = fake_server
    settings = wire.Settings.of(Config())
    for number in range(20):
        assert wire.check(url, settings, f"Paragraph {number}.") == ()
    assert len(forms) == 20
    assert forms[7] == {"language": "en-US", "level": "picky", "text": "Paragraph 7."}
    assert len(connections) == 20
    assert set(headers) == {"close"}


def test_a_refused_connection_is_a_wire_error() -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(wire.WireError, match=f"127.0.0.1:{port}"):
        wire.check(f"http://127.0.0.1:{port}", wire.Settings.of(Config()), "Text.")
