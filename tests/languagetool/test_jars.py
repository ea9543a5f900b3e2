"""Fetching LanguageTool's jars with Maven into the cache."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from review.languagetool import jars
from review.languagetool.errors import LanguageToolUnavailable
from review.languagetool.jars import CANDIDATE_VERSIONS, JarSet, cache_dir, ensure_jars


def _language_modules(jar_set: JarSet) -> set[str]:
    pattern = re.compile(rf"language-(\w+)-{re.escape(jar_set.version)}\.jar")
    return {m.group(1) for p in jar_set.lib_dir.iterdir() if (m := pattern.fullmatch(p.name))}


@pytest.mark.languagetool
def test_fetch_is_english_server_without_language_all() -> None:
    jar_set = ensure_jars()
    version = CANDIDATE_VERSIONS[0]
    assert jar_set.version == version
    assert jar_set.lib_dir == cache_dir() / version / "lib"
    assert jar_set.classpath == f"{jar_set.lib_dir}/*"
    for needed in (
        "languagetool-server",
        "languagetool-core",
        "language-en",
        "languagetool-gui-commons",
    ):
        assert (jar_set.lib_dir / f"{needed}-{version}.jar").is_file(), needed
    assert list(jar_set.lib_dir.glob("mybatis-*.jar"))
    # en plus the three languages the server's language identifier insists on; no language-all.
    assert _language_modules(jar_set) == {"en", "es", "ca", "pt"}
    size = sum(p.stat().st_size for p in jar_set.lib_dir.glob("*.jar"))
    assert 50_000_000 < size < 150_000_000


@pytest.mark.languagetool
def test_second_call_does_not_need_maven(monkeypatch: pytest.MonkeyPatch) -> None:
    first = ensure_jars()
    monkeypatch.setenv("PATH", "/nonexistent")
    messages: list[str] = []
    assert ensure_jars(messages.append) == first
    assert messages == []


@pytest.mark.languagetool
def test_half_done_fetch_is_redone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ensure_jars()  # fills ~/.m2, so the fetches below copy locally
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path))
    messages: list[str] = []
    jar_set = ensure_jars(messages.append)
    assert jar_set.lib_dir == tmp_path / "languagetool" / jar_set.version / "lib"
    assert messages[0] == (
        f"Downloading LanguageTool {jar_set.version} from Maven Central (first run only)…"
    )
    jar_count = len(list(jar_set.lib_dir.glob("*.jar")))
    assert re.fullmatch(
        rf"LanguageTool {jar_set.version}: {jar_count} jars \(\d+ MB\) in the cache", messages[-1]
    )

    # As if the first run was killed while copying: the marker is missing, a jar is truncated.
    (jar_set.lib_dir.parent / "complete").unlink()
    leftover = jar_set.lib_dir / f"language-en-{jar_set.version}.jar"
    leftover.write_bytes(b"partial")
    assert ensure_jars() == jar_set
    assert leftover.stat().st_size > 1_000_000
    assert len(list(jar_set.lib_dir.glob("*.jar"))) == jar_count
    assert (jar_set.lib_dir.parent / "complete").is_file()


@pytest.mark.languagetool
def test_unserved_version_reports_the_maven_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(jars, "CANDIDATE_VERSIONS", ("0.0.1",))
    with pytest.raises(LanguageToolUnavailable) as caught:
        ensure_jars()
    reason = caught.value.reason
    assert reason.startswith("Maven Central serves none of LanguageTool 0.0.1: ")
    # Maven's words the first time; once the miss is cached it says "… was not found in …".
    artifact = r"org\.languagetool:[\w-]+:jar:0\.0\.1"
    assert re.search(rf"Could not find artifact {artifact}|{artifact} was not found in", reason)
    assert "\n" not in reason
    assert not (tmp_path / "languagetool" / "0.0.1" / "complete").exists()


def test_missing_maven_is_unavailable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(LanguageToolUnavailable, match=r"Maven \(mvn\) is not installed"):
        ensure_jars()


def test_cache_dir_follows_review_cache_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path))
    assert cache_dir() == tmp_path / "languagetool"
