"""The review UI runs its CPU-heavy checkers and the settling in the offload process
(``review.offload``; its own tests are ``tests/test_offload.py``)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from review.checking import check_document
from review.config import Config
from review.ui.checks import default_stages
from ui.harness import pilot_test, wait_ready


@pilot_test
async def test_the_ui_shows_the_detectors_flags_from_the_other_process(make_app, tmp_path):
    config = replace(Config(), words=tmp_path / "words.txt")
    stages = default_stages(config, use_languagetool=False)
    app = make_app(stages=stages)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        assert [n.message for n in app._notifications if n.severity == "error"] == []
        session = app.session
        # Settled as `review check --no-languagetool` settles them (one quote-style flag).
        expected = check_document(
            session.document.text, session.sentences, config, use_servers=False
        ).flags
        shown = list(app.main.board.all_flags())
        assert sorted(f.to_json() for f in shown) == sorted(f.to_json() for f in expected)
        assert [f.rule for f in shown].count("HOUSE_STYLE_QUOTES") == 1


@pilot_test
async def test_the_ui_settles_a_document_in_the_other_process(make_app, tmp_path, monkeypatch):
    # Settling a book holds the interpreter lock for seconds: the keys must not wait for it.
    def not_here(*args: object) -> None:
        raise AssertionError("settled in the UI's process")

    monkeypatch.setattr("review.ui.checks.settle_flags", not_here)
    config = replace(Config(), words=tmp_path / "words.txt")
    app = make_app(stages=default_stages(config, use_languagetool=False))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        assert [n.message for n in app._notifications if n.severity == "error"] == []
        assert [f.rule for f in app.main.board.all_flags()].count("HOUSE_STYLE_QUOTES") == 1


@pytest.mark.languagetool
@pilot_test
async def test_settled_with_languagetool_the_ui_shows_review_checks_flags(
    languagetool_server, make_app, tmp_path
):
    config = replace(Config(), words=tmp_path / "words.txt")
    app = make_app(stages=default_stages(config))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        session = app.session
        expected = check_document(session.document.text, session.sentences, config).flags
        shown = list(app.main.board.all_flags())
        assert sorted(f.to_json() for f in shown) == sorted(f.to_json() for f in expected)
        assert {f.source for f in shown} >= {"languagetool", "fluency"}
