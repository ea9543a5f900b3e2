from review.flags import (
    Category,
    Flag,
    MqmClass,
    Severity,
    from_json_chunks,
    to_json_chunks,
)
from review.segment import segment


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


def test_flags_read_from_json_share_their_sentences_ids_rules_and_messages():
    # Each a string of its own, a book's flags read back from the offload process or the
    # cache held about 190 bytes a flag more than the same flags found here.
    [sentence] = segment("The committee met.")
    flag = Flag(sentence.id, 0, 3, "fluency", "MT_RULE", Category.STYLE, MqmClass.AWKWARD,
                Severity.MINOR, "A message of some length.", "The")  # fmt: skip
    first, second = from_json_chunks(to_json_chunks([flag, flag]))
    assert first == second == flag
    assert first.sentence_id is second.sentence_id is sentence.id
    assert first.source is second.source
    assert first.rule is second.rule
    assert first.message is second.message
