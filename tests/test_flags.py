from review.flags import (
    Category,
    Flag,
    MqmClass,
    Severity,
    from_json_chunks,
    to_json_chunks,
)


def test_flags_round_trip_through_json_chunks(monkeypatch):
    from review import flags as module

    monkeypatch.setattr(module, "JSON_CHUNK", 2)
    flags = [
        Flag(f"s{n}", n, n + 2, "fluency", "R", Category.STYLE, MqmClass.AWKWARD,
             Severity.MINOR, "m", "一\ud800😀", ("x", "y"))
        for n in range(5)
    ]  # fmt: skip
    chunks = to_json_chunks(flags)
    assert len(chunks) == 3 and all(chunk.isascii() for chunk in chunks)
    assert from_json_chunks(chunks) == flags
    assert to_json_chunks([]) == []
