"""Fixtures of the UI tests (see harness.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from review.document import load_document
from review.patchfile import locate
from review.segment import segment
from review.session import ReviewSession
from review.ui.app import ReviewApp
from ui.harness import FIXED_TIME, recorded_stages


@pytest.fixture
def make_app(seed_copy: Path) -> Iterator[Callable[[], ReviewApp]]:
    """Apps on the seed copy; their sessions are closed at the end of the test."""
    apps: list[ReviewApp] = []

    def make() -> ReviewApp:
        relative = f"seeds/{seed_copy.name}"

        def opener() -> ReviewSession:
            location = locate(relative)
            document = load_document(relative, base=location.root)
            return ReviewSession.open_document(
                document,
                segment(document.text),
                location,
                reviewer="Test Editor",
                language="en-US",
                clock=lambda: FIXED_TIME,
            )

        app = ReviewApp(relative, opener, recorded_stages)
        apps.append(app)
        return app

    yield make
    for app in apps:
        if app.session is not None:
            app.session.close()
