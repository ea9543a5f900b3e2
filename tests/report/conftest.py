"""Fixtures of the report tests: a small hand-made review whose every figure is known, and a
real headless Chromium (Debian's package, installed here when missing)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from review.flags import Category, Flag, MqmClass, Severity
from review.report.model import CheckersRun, Report, ReportSource, build_report
from review.segment import Sentence, segment
from review.state import Annotation, ReviewState, SentenceReview, Status

CHROMIUM = Path("/usr/bin/chromium")

HANDMADE_TEXT = (
    "The cat sit on the mat. It was very very happy.\n"
    "He go to school every days. The weather is nice today.\n"
    "This sentence <script>stays</script> the same | </td> here. Another one here."
)


def flag(
    sentence: Sentence,
    rule: str,
    text: str,
    category: Category,
    mqm: MqmClass,
    severity: Severity,
    replacements: tuple[str, ...] = (),
) -> Flag:
    start = sentence.text.index(text)
    return Flag(
        sentence_id=sentence.id,
        start=start,
        end=start + len(text),
        source="languagetool",
        rule=rule,
        category=category,
        mqm=mqm,
        severity=severity,
        message=f"{rule} message",
        text=text,
        replacements=replacements,
    )


HANDMADE_SOURCE = ReportSource(
    document="texts/handmade.txt",
    document_sha256="0" * 64,
    patch="corrections/handmade.patch",
    reviewer="Ann Editor",
    date="2026-11-28T10:00:00+00:00",
    language="en-US",
    reviewed_with="review 0.1.0",
)


@dataclass(frozen=True)
class Handmade:
    sentences: tuple[Sentence, ...]
    state: ReviewState
    flags: tuple[Flag, ...]
    source: ReportSource
    checkers: CheckersRun

    def report(self, only_changed: bool = False) -> Report:
        return build_report(
            self.sentences, self.state, self.flags, self.source, self.checkers, only_changed
        )


@pytest.fixture(scope="session")
def handmade() -> Handmade:
    """Six sentences in three paragraphs, each flag with a known fate:

    s1 "sit" accepted (major) · s2 "very very" resolved by an edit (minor) · s3 "go"
    dismissed (major) and "days" resolved by an edit (minor) · s4 "nice" open (minor
    punctuation) · s5 "stays" dismissed (critical) and "same" open (major) · s6 unchanged,
    with a comment and a minor Style/Awkward annotation.
    """
    s = segment(HANDMADE_TEXT)
    grammar, style = Category.GRAMMAR, Category.STYLE
    flags = (
        flag(s[0], "AGREEMENT", "sit", grammar, MqmClass.GRAMMAR, Severity.MAJOR, ("sits",)),
        flag(s[1], "REPEAT", "very very", style, MqmClass.GRAMMAR, Severity.MINOR, ("very",)),
        flag(s[2], "AGREEMENT", "go", grammar, MqmClass.GRAMMAR, Severity.MAJOR, ("goes",)),
        flag(s[2], "PLURAL", "days", Category.SPELLING, MqmClass.SPELLING, Severity.MINOR),
        flag(s[3], "COMMA", "nice", Category.PUNCTUATION, MqmClass.PUNCTUATION, Severity.MINOR),
        flag(s[4], "WRONG", "stays", Category.WORDING, MqmClass.MISTRANSLATION, Severity.CRITICAL),
        flag(s[4], "ODD", "same", style, MqmClass.AWKWARD, Severity.MAJOR),
    )
    state = ReviewState.of(
        {
            "s1": SentenceReview(
                edited="The cat sits on the mat.",
                status=Status.REVIEWED,
                accepted=frozenset({("AGREEMENT", "sit", "sits")}),
            ),
            "s2": SentenceReview(edited="It was very happy.", status=Status.REVIEWED),
            "s3": SentenceReview(
                edited="He go to school every day.",
                dismissed=frozenset({("AGREEMENT", "go")}),
            ),
            "s5": SentenceReview(dismissed=frozenset({("WRONG", "stays")})),
            "s6": SentenceReview(
                comment="Client's term | keep <b>as is</b>",
                annotations=(Annotation(MqmClass.AWKWARD, Severity.MINOR, 0, 7, "odd"),),
            ),
        }
    )
    return Handmade(s, state, flags, HANDMADE_SOURCE, CheckersRun("6.8", ("a notice <i>here</i>",)))


class Chromium:
    """Headless Chromium with nothing fetched and no first-run work; each call gets a fresh
    profile folder and a timeout."""

    def __init__(self, binary: Path, profiles: Path) -> None:
        self.binary = binary
        self.profiles = profiles
        self.runs = 0

    def run(self, url: str, *args: str) -> subprocess.CompletedProcess[str]:
        self.runs += 1
        command = [
            str(self.binary),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={self.profiles / str(self.runs)}",
            *args,
            url,
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        assert result.returncode == 0, result.stderr[-2000:]
        return result

    def dump_dom(self, url: str) -> str:
        """The DOM after the page has loaded, serialised."""
        return self.run(url, "--dump-dom").stdout

    def screenshot(self, url: str, path: Path, size: str = "1280,2000") -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.run(url, f"--screenshot={path}", f"--window-size={size}", "--hide-scrollbars")


@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Chromium:
    """Debian's Chromium, installed with apt-get when it is missing (CI runs as root)."""
    if not CHROMIUM.exists():
        _install_chromium()
    return Chromium(CHROMIUM, tmp_path_factory.mktemp("chromium-profiles"))


@pytest.fixture(scope="session")
def cjk_font() -> str:
    """The family name of a CJK font installed for Chromium: Debian's fonts-noto-cjk, installed
    with apt-get when it is missing."""
    if not _has_cjk_font():
        _install_package("fonts-noto-cjk", _has_cjk_font)
    return "Noto Sans CJK SC"


def _has_cjk_font() -> bool:
    if shutil.which("fc-list") is None:
        return False
    listed = subprocess.run(["fc-list", ":lang=zh-cn", "family"], capture_output=True,
                            text=True, check=False)  # fmt: skip
    return "Noto Sans CJK SC" in listed.stdout


def _install_chromium() -> None:
    _install_package("chromium", CHROMIUM.exists)


def _install_package(package: str, installed: Callable[[], bool]) -> None:
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        pytest.skip(f"{package} is missing, and apt-get cannot be run as root here")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", package]
    for commands in ([install], [["apt-get", "update"], install]):
        results = [
            subprocess.run(c, capture_output=True, text=True, env=env, timeout=1200, check=False)
            for c in commands
        ]
        if results[-1].returncode == 0 and installed():
            return
    pytest.skip(f"installing {package} failed: {results[-1].stderr.strip()[-300:]}")
