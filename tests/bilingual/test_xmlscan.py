"""The safe XML scan: exact spans, and bad or hostile XML refused in one line."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from review.bilingual import read
from review.bilingual.xmlscan import scan
from review.errors import ReviewError

REFUSED = (
    "declares XML entities (an entity-expansion bomb or an external entity); "
    "refused, nothing was expanded or fetched"
)
LAUGHS = "".join(f' <!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">\n' for i in range(1, 10))
BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE xliff [\n <!ENTITY lol0 "lol">\n'
    + LAUGHS
    + ']>\n<xliff version="1.2"><file><body><trans-unit id="1"><source>&lol9;</source>'
    "</trans-unit></body></file></xliff>\n"
)


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A port on 127.0.0.1 that records whether anything connects to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.setblocking(False)
    yield server
    server.close()


def assert_never_connected(server: socket.socket) -> None:
    with pytest.raises(BlockingIOError):
        server.accept()


def test_spans_with_multibyte_text_and_gt_in_attributes():
    text = '<a x=">">é<b/>ü<c>z</c></a>'
    root = scan(text, "t")
    b, c = root.children
    assert text[root.inner_start : root.inner_end] == "é<b/>ü<c>z</c>"
    assert (b.empty, text[b.start : b.end]) == (True, "<b/>")
    assert text[c.inner_start : c.inner_end] == "z"


def test_malformed_xml_gives_line_and_column():
    text = '<xliff version="1.2">\n<file>\n  <body></file>\n</xliff>\n'
    with pytest.raises(ReviewError) as caught:
        read("bad.xlf", text)
    assert str(caught.value) == "bad.xlf: malformed XML at line 3, column 11: mismatched tag"


def test_billion_laughs_is_refused_before_expanding():
    with pytest.raises(ReviewError) as caught:
        read("bomb.xlf", BOMB)
    assert str(caught.value) == f"bomb.xlf: {REFUSED}"


def test_external_entities_are_never_fetched(listener, tmp_path):
    port = listener.getsockname()[1]
    missing = tmp_path / "does-not-exist.txt"
    for url in (f"http://127.0.0.1:{port}/secret", missing.as_uri()):
        text = (
            f'<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY ext SYSTEM "{url}">]>\n'
            '<xliff version="1.2"><file><body><trans-unit id="1"><source>&ext;</source>'
            "</trans-unit></body></file></xliff>\n"
        )
        with pytest.raises(ReviewError) as caught:
            read("ext.xlf", text)
        assert str(caught.value) == f"ext.xlf: {REFUSED}"
    assert_never_connected(listener)
    assert not missing.exists()


def test_an_external_dtd_is_not_read_and_its_entities_are_refused(listener):
    port = listener.getsockname()[1]
    text = (
        f'<!DOCTYPE xliff SYSTEM "http://127.0.0.1:{port}/xliff.dtd">\n'
        '<xliff version="1.2"><file><body><trans-unit id="1"><source>a</source>'
        "<target>b</target></trans-unit></body></file></xliff>\n"
    )
    bilingual = read("dtd.xlf", text)
    assert bilingual is not None
    assert bilingual.units[0].target_text == "b"
    with pytest.raises(ReviewError, match=r"uses the entity &nbsp; which it does not define"):
        read("dtd.xlf", text.replace("<source>a", "<source>a&nbsp;"))
    assert_never_connected(listener)


def test_elements_nested_deeper_than_the_python_stack():
    depth = 50_000
    text = (
        '<xliff version="1.2"><file><body>' + "<group>" * depth
        + '<trans-unit id="deep"><source>a</source><target>b</target></trans-unit>'
        + "</group>" * depth + "</body></file></xliff>"
    )  # fmt: skip
    bilingual = read("deep.xlf", text)
    assert bilingual is not None
    assert [(u.id, u.target_text) for u in bilingual.units] == [("deep", "b")]
