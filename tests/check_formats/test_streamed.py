"""`review check`'s outputs are written in pieces as they are made: the same bytes as one
``json.dumps`` of the whole output (what they were before they streamed), for the seed with
LanguageTool and for a bilingual file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from review.check_formats import model
from review.check_formats.json_format import render_json
from review.check_formats.sarif import render_sarif
from review.check_formats.text import render_text
from review.checking import CheckResult, check_document
from review.config import load_config
from review.inputs import Text, open_text
from support import SEED

BILINGUAL = Path(__file__).resolve().parents[1] / "data" / "bilingual" / "mlqe_et_en.xlf"


def _checked(path: Path, use_servers: bool) -> tuple[Text, CheckResult]:
    text = open_text(path)
    result = check_document(text.document.text, text.sentences, load_config(), None, use_servers)
    assert result.flags
    return text, result


@pytest.fixture(scope="module")
def seed(languagetool_server) -> tuple[Text, CheckResult]:
    return _checked(SEED, True)


@pytest.fixture(scope="module")
def bilingual() -> tuple[Text, CheckResult]:
    return _checked(BILINGUAL, False)


@pytest.fixture(params=[512, 3], ids=["pieces of 512", "pieces of 3"])
def pieces(request, monkeypatch) -> int:
    monkeypatch.setattr(model, "_AT_ONCE", request.param)
    return request.param


@pytest.mark.languagetool
@pytest.mark.parametrize("which", ["seed", "bilingual"])
def test_json_streams_the_bytes_of_one_dump(which, pieces, request) -> None:
    text, result = request.getfixturevalue(which)
    document, sentences = text.document, text.sentences
    streamed = list(render_json(document, sentences, result))
    data = json.loads("".join(streamed))
    assert "".join(streamed) == json.dumps(data, ensure_ascii=False) + "\n"
    assert [f["rule"] for f in data["flags"]] == [f.rule for f in result.flags]
    assert [s["id"] for s in data["sentences"]] == [s.id for s in sentences]
    assert data["summary"]["flags"] == len(result.flags)
    # Sentences and flags in pieces: 3 head and tail pieces, then one per `pieces` items.
    items = len(sentences) + len(result.flags)
    assert len(streamed) >= 3 + items // pieces


@pytest.mark.languagetool
@pytest.mark.parametrize("which", ["seed", "bilingual"])
def test_sarif_streams_the_bytes_of_one_dump(which, pieces, request) -> None:
    text, result = request.getfixturevalue(which)
    streamed = "".join(render_sarif(text.document, text.sentences, result))
    log = json.loads(streamed)
    assert streamed == json.dumps(log, ensure_ascii=False) + "\n"
    assert len(log["runs"][0]["results"]) == len(result.flags)
    assert log["runs"][0]["results"][0]["ruleId"] == result.flags[0].rule


@pytest.mark.languagetool
def test_text_is_a_line_a_flag_then_the_summary(seed) -> None:
    text, result = seed
    lines = list(render_text(text.document, text.sentences, result))
    assert len(lines) == len(result.flags) + 1
    assert all(line.endswith("\n") and line.count("\n") == 1 for line in lines)
    assert lines[-1] == model.summary_line(text.document, text.sentences, result) + "\n"


@pytest.mark.parametrize("name", ["json", "text"])
def test_a_projects_output_is_written_as_each_file_is_checked(name, bilingual) -> None:
    """Each file's output is written before the next file is checked (a project's results
    are not held), in the bytes of one dump."""
    from review.check_formats import CORPUS_FORMATS, FORMATS
    from review.corpus.check import Checked, Skipped

    text, result = bilingual
    pulled: list[int] = []

    def results():
        for number, item in enumerate(
            [
                Checked(text, text.sentences, result),
                Skipped("b.bin", "is binary"),
                Checked(text, text.sentences, result),
            ]
        ):
            pulled.append(number)
            yield item

    pieces = []
    seen_when = []
    for piece in CORPUS_FORMATS.renderer(name)(results()):
        pieces.append(piece)
        seen_when.append(len(pulled))
    written = "".join(pieces)
    # The first file's whole output went out while only it had been checked.
    first = "".join(piece for piece, when in zip(pieces, seen_when, strict=True) if when <= 1)
    alone = "".join(FORMATS.renderer(name)(text.document, text.sentences, result))
    if name == "json":
        assert first == '{"schema": "review-check-corpus/1", "documents": [' + alone[:-1]
    else:
        assert first == alone
    if name == "json":
        data = json.loads(written)
        assert written == json.dumps(data, ensure_ascii=False) + "\n"
        assert len(data["documents"]) == 2
        assert data["skipped"] == [{"path": "b.bin", "reason": "is binary"}]
        assert data["summary"]["flags"] == 2 * len(result.flags)
    else:
        assert written.endswith(
            f"2 files checked: {2 * len(result.flags)} flags in "
            f"{2 * len({f.sentence_id for f in result.flags})} of "
            f"{2 * len(text.sentences)} sentences; 1 skipped\n"
        )
