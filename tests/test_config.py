from pathlib import Path

import pytest

from review.config import Config, load_config
from review.errors import ReviewError


def test_defaults_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert load_config(tmp_path) == Config()


def test_reads_the_working_folder_file(tmp_path: Path) -> None:
    (tmp_path / "review.toml").write_text(
        '[review]\nlanguage = "en-GB"\nsource_language = "zh-Hant"\nreviewer = "Ann"\n'
        '[languagetool]\npicky = false\ndisabled_rules = ["WHITESPACE_RULE"]\n'
        '[fluency]\noff = ["MT_LONG_SENTENCE"]\n',
        encoding="utf-8",
    )
    config = load_config(tmp_path)
    assert (config.language, config.reviewer, config.picky) == ("en-GB", "Ann", False)
    assert config.source_language == "zh-Hant"
    assert config.disabled_rules == frozenset({"WHITESPACE_RULE"})
    assert config.fluency_off == frozenset({"MT_LONG_SENTENCE"})
    assert config.languagetool_key() == "en-GB|default|WHITESPACE_RULE||"


def test_concurrency_and_scheduler(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 6)
    assert Config().languagetool_concurrency == 8
    (tmp_path / "review.toml").write_text(
        '[languagetool]\nconcurrency = 3\n[cluster]\nscheduler = "tcp://10.0.0.5:8786"\n',
        encoding="utf-8",
    )
    config = load_config(tmp_path)
    assert (config.languagetool_concurrency, config.cluster) == (3, "tcp://10.0.0.5:8786")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[review\n", "not valid TOML"),
        ('[languagetool]\ndisabled_rules = "X"\n', "list of strings"),
        ("[review]\nlanguage = 3\n", "must be a str"),
        ('[review]\nsource_language = "Chinese"\n', "ISO 639 code such as \"zh\", not 'Chinese'"),
        ("[languagetool]\nconcurrency = 0\n", "concurrency must be a whole number of at least 1"),
        ("[languagetool]\nconcurrency = true\n", "concurrency must be a whole number"),
        ("[cluster]\nscheduler = 8786\n", "scheduler must be a str"),
    ],
)
def test_bad_config_is_one_line(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "review.toml").write_text(content, encoding="utf-8")
    with pytest.raises(ReviewError, match=message):
        load_config(tmp_path)
