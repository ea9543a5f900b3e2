from __future__ import annotations

import os

import pytest

from review.cli import main
from review.languagetool.engine import Batch, batches
from review.languagetool.jars import cache_dir
from support import SEED, check_json


def test_batches_keep_order_and_size() -> None:
    pieces = ["a" * 30, "b" * 30, "c" * 50, "d" * 10, "e" * 200]
    assert list(batches(pieces, 60)) == [
        Batch(0, ("a" * 30, "b" * 30)),
        Batch(1, ("c" * 50, "d" * 10)),
        Batch(2, ("e" * 200,)),
    ]
    assert [b.paragraphs for b in batches(pieces, 1)] == [(p,) for p in pieces]
    assert list(batches([], 10)) == []


@pytest.mark.languagetool
@pytest.mark.slow
def test_jobs_two_is_byte_identical_to_jobs_one(
    languagetool_server, tmp_path, capsys, monkeypatch
) -> None:
    one = check_json(capsys, monkeypatch, tmp_path / "one", SEED)
    before = {p.name for p in (cache_dir() / "private").glob("*.json")}
    two = check_json(capsys, monkeypatch, tmp_path / "two", SEED, "--jobs", "2")
    assert one == two
    assert b'"rule": "EN_SPECIFIC_CASE"' in one
    # The private server was stopped and its note removed.
    assert {p.name for p in (cache_dir() / "private").glob("*.json")} == before
    assert os.environ["REVIEW_CACHE_DIR"] == str(tmp_path / "two")


def test_jobs_and_cluster_together_are_refused(capsys) -> None:
    code = main(["check", str(SEED), "--jobs", "2", "--cluster", "local:2"])
    assert (code, capsys.readouterr().err) == (2, "review: --jobs and --cluster: choose one\n")


def test_jobs_must_be_a_positive_number(capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["check", str(SEED), "--jobs", "0"])
    assert exited.value.code == 2
    assert "--jobs: expected a whole number of at least 1, not '0'" in capsys.readouterr().err


def test_no_languagetool_reaches_no_cluster(capsys) -> None:
    """An address nothing listens on: with --no-languagetool it is never tried."""
    code = main(["check", str(SEED), "--no-languagetool", "--cluster", "tcp://127.0.0.1:9"])
    out, err = capsys.readouterr()
    assert (code, err) == (1, "review: LanguageTool off (--no-languagetool)\n")
    assert out.endswith("fluency only\n")
