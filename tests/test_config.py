import re
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
        "[languagetool]\nconcurrency = 3\nrecheck_suggestions = 0\n"
        '[cluster]\nscheduler = "tcp://10.0.0.5:8786"\n',
        encoding="utf-8",
    )
    config = load_config(tmp_path)
    assert (config.languagetool_concurrency, config.cluster) == (3, "tcp://10.0.0.5:8786")
    assert (Config().languagetool_rechecks, config.languagetool_rechecks) == (200, 0)


@pytest.mark.parametrize("niceness", [0, 19])
def test_client_niceness(tmp_path: Path, niceness: int) -> None:
    assert Config().languagetool_client_niceness == 10
    (tmp_path / "review.toml").write_text(
        f"[languagetool]\nclient_niceness = {niceness}\n", encoding="utf-8"
    )
    assert load_config(tmp_path).languagetool_client_niceness == niceness


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[review\n", "not valid TOML"),
        ('[languagetool]\ndisabled_rules = "X"\n', "list of strings"),
        ("[review]\nlanguage = 3\n", "language must be a string, not 3"),
        ('[languagetool]\npicky = "yes"\n', "picky must be true or false, not 'yes'"),
        ('[languagetool]\ntimeout = "60"\n', "timeout must be a whole number, not '60'"),
        ("[languagetool]\ntimeout = 0\n", "timeout must be a whole number of at least 1, not 0"),
        ('[review]\nsource_language = "Chinese"\n', "ISO 639 code such as \"zh\", not 'Chinese'"),
        ("[languagetool]\nconcurrency = 0\n", "concurrency must be a whole number of at least 1"),
        ("[languagetool]\nconcurrency = true\n", "concurrency must be a whole number"),
        (
            "[languagetool]\nrecheck_suggestions = -1\n",
            "recheck_suggestions must be a whole number of at least 0, not -1",
        ),
        ("[cluster]\nscheduler = 8786\n", "scheduler must be a string"),
        # A misspelt setting is an error, not a setting silently left unapplied.
        (
            '[fluency]\ndisabled = ["MT_LONG_SENTENCE"]\n',
            r"\[fluency\] has no 'disabled' \(known: off, on\)$",
        ),
        ("[languagetool]\ntimout = 5\n", r"has no 'timout'; did you mean 'timeout'\? \(known: "),
        (
            "[fluenc]\non = []\n",
            r"\[fluenc\] is no table review knows; did you mean 'fluency'\? \(known: \[review\], ",
        ),
        ("[languagetool]\nclient_niceness = 20\n", "client_niceness must be at most 19"),
        ("[languagetool]\nclient_niceness = -1\n", "client_niceness must be a whole number"),
    ],
)
def test_bad_config_is_one_line(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "review.toml").write_text(content, encoding="utf-8")
    with pytest.raises(ReviewError, match=message):
        load_config(tmp_path)


def test_terms_files_and_the_word_list_resolve_against_review_toml(tmp_path: Path) -> None:
    (tmp_path / "review.toml").write_text(
        '[review]\nwords = "lists/words.txt"\n[terms]\nfiles = ["b.tbx", "a.csv"]\n',
        encoding="utf-8",
    )
    config = load_config(tmp_path)
    assert config.glossaries == (tmp_path / "b.tbx", tmp_path / "a.csv")
    assert config.word_list() == tmp_path / "lists" / "words.txt"


def test_the_word_list_defaults_to_beside_review_toml(tmp_path: Path) -> None:
    (tmp_path / "review.toml").write_text("", encoding="utf-8")
    assert load_config(tmp_path).word_list() == tmp_path / "review-words.txt"
    with pytest.raises(ReviewError, match="files must be a list of strings"):
        (tmp_path / "review.toml").write_text('[terms]\nfiles = "a.csv"\n', encoding="utf-8")
        load_config(tmp_path)


def test_style_pins(tmp_path):
    (tmp_path / "review.toml").write_text(
        '[style]\nquotes = "curly"\nserial_comma = false\nspelling = "uk"\n', encoding="utf-8"
    )
    assert load_config(tmp_path).style == (
        ("quotes", "curly"),
        ("serial_comma", "off"),
        ("spelling", "uk"),
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[style]\nquote = "curly"', "[style] has no 'quote' (known: quotes, spelling, "),
        ('[style]\nquotes = "smart"', "[style] quotes must be 'straight' or 'curly', not 'smart'"),
    ],
)
def test_bad_style_pins_are_one_clear_error(tmp_path, body, message):
    (tmp_path / "review.toml").write_text(body, encoding="utf-8")
    with pytest.raises(ReviewError, match=re.escape(message)):
        load_config(tmp_path)
