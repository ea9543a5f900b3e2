import io

from review.corpus.progress import shown, tracked


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _run(stream: io.StringIO) -> list[int]:
    ticks = iter([10.0, 11.0, 12.0])
    return list(tracked([3, 5], 2, lambda n: n, stream, clock=lambda: next(ticks)))


def test_a_line_a_file_outside_a_terminal() -> None:
    out = io.StringIO()
    assert _run(out) == [3, 5]
    assert out.getvalue() == (
        "review: 1/2 files, 3 sentences, 3.0 sentences/s\n"
        "review: 2/2 files, 8 sentences, 4.0 sentences/s\n"
    )


def test_one_line_rewritten_in_place_on_a_terminal_and_cleared_at_the_end() -> None:
    out = _Terminal()
    _run(out)
    assert out.getvalue() == (
        "\r\x1b[Kreview: 1/2 files, 3 sentences, 3.0 sentences/s"
        "\r\x1b[Kreview: 2/2 files, 8 sentences, 4.0 sentences/s"
        "\r\x1b[K"
    )


def test_shown_on_a_terminal_or_when_asked() -> None:
    assert (shown(False, io.StringIO()), shown(True, io.StringIO())) == (False, True)
    assert shown(False, _Terminal())
