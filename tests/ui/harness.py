"""The UI under test: the real ReviewSession on a copy of the seed, and a checker that plays
back flags recorded from the fluency detectors (data/seed_flags.json), so that tests and
snapshots do not depend on a LanguageTool server or on detectors that keep improving."""

from __future__ import annotations

import asyncio
import functools
import json
import re
import subprocess
from collections.abc import Callable, Coroutine, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from review.checking import Checkers, Progress
from review.flags import Category, Flag, MqmClass, Severity
from review.segment import Sentence

DATA = Path(__file__).with_name("data")
LANGUAGETOOL_VERSION = "6.6-recorded"
FIXED_TIME = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


def recorded_flags() -> tuple[Flag, ...]:
    data = json.loads((DATA / "seed_flags.json").read_text(encoding="utf-8"))
    return tuple(
        Flag(
            sentence_id=f["sentence"],
            start=f["start"],
            end=f["end"],
            source=f["source"],
            rule=f["rule"],
            category=Category(f["category"]),
            mqm=MqmClass(f["mqm"]),
            severity=Severity(f["severity"]),
            message=f["message"],
            text=f["text"],
            replacements=tuple(f["replacements"]),
        )
        for f in data["flags"]
    )


class RecordedChecker:
    """Yields the recorded flags of the sentences asked about, where the flagged text is still
    there (an edited sentence loses the flags its edit fixed)."""

    name = "recorded"

    def __init__(self, flags: Sequence[Flag]) -> None:
        self.flags = flags

    def check(self, text: str, sentences: Sequence[Sentence]) -> Iterable[Flag]:
        by_id = {s.id: s for s in sentences}
        for flag in self.flags:
            sentence = by_id.get(flag.sentence_id)
            if sentence and sentence.text[flag.start : flag.end] == flag.text:
                yield flag


def recorded_stages(progress: Progress) -> Iterator[Checkers]:
    yield Checkers((RecordedChecker(recorded_flags()),), {"languagetool": LANGUAGETOOL_VERSION}, ())


class QuoteMarks:
    """Plays LanguageTool's EN_QUOTES: a flag on every straight double quote, suggesting the
    curly one (LanguageTool flags 48 of the seed's 55 marks)."""

    name = "languagetool"

    def check(self, text: str, sentences: Sequence[Sentence]) -> Iterable[Flag]:
        for sentence in sentences:
            for match in re.finditer('"', sentence.text):
                yield Flag(
                    sentence_id=sentence.id,
                    start=match.start(),
                    end=match.end(),
                    source=self.name,
                    rule="EN_QUOTES",
                    category=Category.TYPOGRAPHY,
                    mqm=MqmClass.TYPOGRAPHY,
                    severity=Severity.MINOR,
                    message="Use a smart opening or closing quote here.",
                    text='"',
                    replacements=("“", "”"),
                )


def quoted_checkers() -> Checkers:
    """The recorded detectors' flags and LanguageTool's per-mark quote flags."""
    checkers = (RecordedChecker(recorded_flags()), QuoteMarks())
    return Checkers(checkers, {"languagetool": LANGUAGETOOL_VERSION}, ())


def quoted_stages(progress: Progress) -> Iterator[Checkers]:
    yield quoted_checkers()


def current_id(app: Any) -> str:
    """The id of the sentence under the table's cursor."""
    return str(app.session.sentences[app.main.table.sentence_index].id)


async def wait_ready(pilot: object) -> None:
    """Until the session is open and the checks (and re-checks) have finished."""
    app = pilot.app  # type: ignore[attr-defined]
    for _ in range(200):
        await pilot.pause()  # type: ignore[attr-defined]
        if app.main.session is not None and not app.main.checking:
            await app.workers.wait_for_complete()
            await pilot.pause()  # type: ignore[attr-defined]
            return
    raise AssertionError("the app did not get ready")


def applied(project: Path, patch: Path) -> bytes:
    """The seed after `git apply` of the patch, in the project folder (checks it applies)."""
    seed = next((project / "seeds").iterdir())
    original = seed.read_bytes()
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    subprocess.run(["git", "apply", "--check", str(patch)], cwd=project, check=True)
    subprocess.run(["git", "apply", str(patch)], cwd=project, check=True)
    result = seed.read_bytes()
    seed.write_bytes(original)
    return result


def pilot_test(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Runs an async pilot test in its own event loop (no async pytest plugin is needed)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


def project_app(root: Path, files: Sequence[Path]) -> Any:
    """``review DIR``'s app on ``files`` of the project ``root``: real fluency detectors, no
    LanguageTool."""
    from review.config import Config
    from review.corpus.files import Project
    from review.corpus.report import file_reports
    from review.ui.checks import default_stages
    from review.ui.project import ProjectApp, project_opener

    config = Config()

    def figures(chosen: Sequence[Path]) -> Any:
        return file_reports(Project(root, tuple(chosen), True), config, use_servers=False)

    return ProjectApp(
        root, tuple(files), figures, project_opener(root, "Test Editor", "en-US"),
        default_stages(config, use_languagetool=False),
    )  # fmt: skip


async def figures_done(pilot: Any) -> None:
    """Until the project's list has every file's figures."""
    for _ in range(400):
        await pilot.pause()
        if not pilot.app.files_screen.pending:
            return
    raise AssertionError("the figures did not come")
