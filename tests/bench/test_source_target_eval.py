"""bench/source_target_eval.py on two tiny data files written here (made-up sentences)."""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).parents[2] / "bench" / "source_target_eval.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("source_target_eval", _PATH)
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _write(path, rows):
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
    return path


def test_mlqe_span_and_whole_target_precision(bench, tmp_path, capsys):
    rows = [
        # a changed number on a BAD span: precise
        {"id": "a", "lang_pair": "et-en", "src": "Tal on 5 last.", "mt": "He has 6 kids.",
         "mt_bad_spans": [{"start": 7, "end": 8, "text": "6"}]},
        # a missing number (whole target) in a sentence with a BAD span elsewhere: precise
        {"id": "b", "lang_pair": "et-en", "src": "Neid oli 12.", "mt": "There were many.",
         "mt_bad_spans": [{"start": 11, "end": 15, "text": "many"}]},
        # an added number the post-editor kept: not precise
        {"id": "c", "lang_pair": "ru-en", "src": "Он пришёл.", "mt": "He came at 5.",
         "mt_bad_spans": []},
    ]  # fmt: skip
    bench.main([str(_write(tmp_path / "mlqe.jsonl", rows))])
    out = capsys.readouterr().out
    assert "## MLQE-PE dev (gold: post-edited words): 3 pairs, 2 with gold errors" in out
    assert "| ST_NUMBER_CHANGED | all | 1 | 1.000 (1/1) | 1.000 (1/1) | yes |" in out
    assert "| ST_NUMBER_MISSING | et-en | 1 | 1.000 (1/1) | 1.000 (1/1) | yes |" in out
    assert "| ST_NUMBER_ADDED | ru-en | 1 | 0.000 (0/1) | 0.000 (0/1) | yes |" in out
    assert "| ST_NUMBER_ADDED | all | 1 | 0.000 (0/1) | 0.000 (0/1) | yes |" in out


def _error(start, end, category):
    return {"start": start, "end": end, "category": category, "whole_segment": False}


def test_mqm_gold_is_accuracy_except_for_punctuation_checks(bench, tmp_path, capsys):
    mlqe = _write(tmp_path / "mlqe.jsonl", [])
    rows = [
        # a Fluency error under an added number: not gold for the number check
        {"id": "x", "system": "A", "source": "他来了。", "target": "He came at 5.",
         "errors": [_error(11, 12, "Fluency/Grammar")], "source_errors": []},
        # the same kind of error under an end-mark flag: gold for a punctuation check
        {"id": "y", "system": "A", "source": "他来了吗？", "target": "Did he come.",
         "errors": [_error(11, 12, "Fluency/Punctuation")], "source_errors": []},
        # an omission marked in the source makes the sentence gold for a whole-target flag
        {"id": "z", "system": "A", "source": "他有三个孩子。", "target": "He has children.",
         "errors": [], "source_errors": [_error(2, 4, "Accuracy/Omission")]},
    ]  # fmt: skip
    bench.main([str(mlqe), str(_write(tmp_path / "mqm.jsonl", rows))])
    out = capsys.readouterr().out.split("## MQM")[1]
    assert "| ST_NUMBER_ADDED | all | 1 | 0.000 (0/1) | 0.000 (0/1) | yes |" in out
    assert "| ST_END_PUNCTUATION | all | 1 | 1.000 (1/1) | 1.000 (1/1) | yes |" in out
    assert "| ST_NUMBER_MISSING | all | 1 | 1.000 (1/1) | 1.000 (1/1) | yes |" in out
