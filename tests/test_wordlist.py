"""The project's word list: kept sorted, and honoured by every checker's flags in check, the
UI's flag board and the report; taking a word off brings its flags back."""

import json
import os
from pathlib import Path

import pytest

from patch_helpers import review
from review.config import load_config
from review.errors import ReviewError
from review.flags import Category, Flag, MqmClass, Severity
from review.segment import segment
from review.ui.board import FlagBoard
from review.ui.checks import default_stages, run_stages
from review.wordlist import changed_words, is_known, read_words, write_words
from support import onto_board

SEED_NAME = "seeds/000_609f52cd2aa5fae0.txt"


def flag(rule, text, source="languagetool"):
    return Flag(
        "s1", 0, len(text), source, rule, Category.SPELLING, MqmClass.SPELLING,
        Severity.MINOR, "m", text,
    )  # fmt: skip


def test_words_are_read_changed_and_written_sorted(tmp_path: Path) -> None:
    path = tmp_path / "review-words.txt"
    assert read_words(path) == frozenset()
    write_words(path, changed_words(path, add=["Diaoyutai", "Bashu", "Diaoyutai"]))
    assert path.read_bytes() == b"Bashu\nDiaoyutai\n"
    assert read_words(path) == {"Bashu", "Diaoyutai"}
    write_words(path, changed_words(path, remove=["Bashu"]))
    assert path.read_bytes() == b"Diaoyutai\n"
    with pytest.raises(ReviewError, match=r"^'Bashu' is not in .*review-words\.txt$"):
        changed_words(path, remove=["Bashu"])
    with pytest.raises(ReviewError, match=r"^'' is not a word for the word list$"):
        changed_words(path, add=[""])


def test_a_word_list_that_is_a_named_pipe_is_not_read(tmp_path: Path) -> None:
    # It was read for ever: every command with such a `[review] words` never ended.
    os.mkfifo(tmp_path / "words.txt")
    with pytest.raises(ReviewError, match=r"is a named pipe \(FIFO\), not a regular file$"):
        read_words(tmp_path / "words.txt")
    assert read_words(tmp_path / "missing.txt") == frozenset()


def test_only_spelling_and_word_form_flags_on_a_listed_word_are_known() -> None:
    words = frozenset({"Diaoyutai", "beijing"})
    assert is_known(flag("MORFOLOGIK_RULE_EN_US", "Diaoyutai"), words)
    assert is_known(flag("HUNSPELL_RULE", "Beijing"), words)  # lower case covers capitals
    assert not is_known(flag("MORFOLOGIK_RULE_EN_US", "diaoyutai"), words)
    assert not is_known(flag("EN_QUOTES", "Diaoyutai"), words)
    assert is_known(flag("MT_PROPER_NOUN_CASE", "beijing", "fluency"), words)
    assert not is_known(flag("MT_REPEATED_WORD", "beijing", "fluency"), words)


def seed_flags_in_check(capsysbinary) -> list[tuple[str, str, str]]:
    code, out, _ = review(capsysbinary, "check", SEED_NAME, "--format", "json", "--fail-on", "none")
    assert code == 0
    return [(f["sentence"], f["rule"], f["text"]) for f in json.loads(out)["flags"]]


def seed_flags_on_the_board(root: Path) -> list[tuple[str, str, str]]:
    text = (root / SEED_NAME).read_text(encoding="utf-8")
    sentences = segment(text)
    board = FlagBoard(sentences)
    run_stages(
        default_stages(load_config(root)), text, sentences,
        lambda *_: None, lambda _: None, onto_board(board),
    )  # fmt: skip
    return [(f.sentence_id, f.rule, f.text) for s in sentences for f in board.flags_of(s.id)]


def seed_flags_in_the_report(capsysbinary) -> list[tuple[str, str, str]]:
    code, out, _ = review(capsysbinary, "report", SEED_NAME, "--format", "json")
    assert code == 0
    report = json.loads(out)
    return [
        (sentence["id"], f["rule"], f["text"])
        for sentence in report["sentences"]
        for f in sentence["flags"]
    ]


@pytest.mark.languagetool
def test_diaoyutai_added_and_removed_in_check_board_and_report(
    languagetool_server, seed_copy, capsysbinary, monkeypatch
):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(seed_copy.parent.parent / ".config"))
    root = seed_copy.parent.parent
    # From a Russian source, a Chinese name is no pinyin to spare (the consensus spares
    # pinyin names only in texts from Chinese or an unknown language): LanguageTool's spelling
    # flag stands, and only the word list takes it away.
    (root / "review.toml").write_text('[review]\nsource_language = "ru"\n', encoding="utf-8")
    spelling = ("s8", "MORFOLOGIK_RULE_EN_US", "Diaoyutai")
    before = seed_flags_in_check(capsysbinary)
    assert spelling in before
    assert spelling in seed_flags_on_the_board(root)

    assert review(capsysbinary, "edit", SEED_NAME, "--add-word", "Diaoyutai")[0] == 0
    assert (root / "review-words.txt").read_bytes() == b"Diaoyutai\n"
    checked = seed_flags_in_check(capsysbinary)
    assert spelling not in checked
    assert sorted(checked) == sorted(f for f in before if f != spelling)  # the others stay
    assert spelling not in seed_flags_on_the_board(root)
    assert spelling not in seed_flags_in_the_report(capsysbinary)

    assert review(capsysbinary, "edit", SEED_NAME, "--remove-word", "Diaoyutai")[0] == 0
    assert (root / "review-words.txt").read_bytes() == b""
    assert spelling in seed_flags_in_check(capsysbinary)
    assert spelling in seed_flags_on_the_board(root)
    assert spelling in seed_flags_in_the_report(capsysbinary)
