"""Fixtures of the UI tests (see harness.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from review.cache import ResultCache
from review.inputs import load_text
from review.patch.location import locate
from review.ui.app import ReviewApp
from review.ui.checks import CheckerStages
from review.ui.opening import DocumentOpener
from ui.harness import FIXED_TIME, recorded_stages


@pytest.fixture
def make_app(seed_copy: Path, tmp_path: Path) -> Iterator[Callable[..., ReviewApp]]:
    """Apps on the seed copy; their sessions are closed at the end of the test."""
    apps: list[ReviewApp] = []

    def make(
        opener_type: type[DocumentOpener] = DocumentOpener,
        stages: CheckerStages = recorded_stages,
    ) -> ReviewApp:
        relative = f"seeds/{seed_copy.name}"
        location = locate(relative)
        opener = opener_type(
            load_text(relative, base=location.root),
            location,
            reviewer="Test Editor",
            language="en-US",
            clock=lambda: FIXED_TIME,
            cache=ResultCache(tmp_path / "cache.sqlite3"),
        )
        app = ReviewApp(relative, opener, stages)
        apps.append(app)
        return app

    yield make
    for app in apps:
        if app.session is not None:
            app.session.close()
