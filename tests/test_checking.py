import threading
import time
from collections.abc import Iterator, Sequence

import pytest

from review.checking import Checkers, check_with, merge_duplicates
from review.config import Config
from review.flags import Category, Flag, MqmClass, Severity
from review.segment import Sentence

SENTENCES = (Sentence("s1", 0, 30, 1, "x" * 30), Sentence("s2", 31, 60, 1, "y" * 29))


def _flag(sid, start, end, source, category=Category.TYPOGRAPHY, replacements=(), rule="R"):
    return Flag(
        sid,
        start,
        end,
        source,
        rule,
        category,
        MqmClass.TYPOGRAPHY,
        Severity.MINOR,
        "m",
        "t",
        replacements,
    )


def test_same_span_and_category_from_both_sources_is_one_flag() -> None:
    lt = _flag("s1", 3, 6, "languagetool", replacements=("a",), rule="LT")
    ours = _flag("s1", 4, 6, "fluency", rule="MT")
    ours_with_fix = _flag("s1", 4, 6, "fluency", replacements=("b",), rule="MT")
    assert merge_duplicates([ours, lt], SENTENCES) == (lt,)
    assert merge_duplicates([lt, ours_with_fix], SENTENCES) == (lt,)
    bare = _flag("s1", 3, 6, "languagetool", rule="LT")
    same_span = _flag("s1", 3, 6, "fluency", replacements=("b",), rule="MT")
    assert merge_duplicates([bare, same_span], SENTENCES) == (
        _flag("s1", 3, 6, "languagetool", rule="LT", replacements=("b",)),
    )


def test_suggestions_move_only_onto_the_same_span() -> None:
    whole_sentence = _flag("s1", 0, 30, "languagetool", rule="TOO_LONG")
    phrase = _flag("s1", 10, 14, "fluency", replacements=("x",), rule="MT")
    assert merge_duplicates([whole_sentence, phrase], SENTENCES) == (whole_sentence, phrase)
    near = _flag("s1", 3, 7, "languagetool", rule="LT")
    assert merge_duplicates(
        [near, _flag("s1", 4, 7, "fluency", replacements=("b",))], SENTENCES
    ) == (near,)


def test_different_category_sentence_or_source_stay_apart() -> None:
    a = _flag("s1", 3, 6, "languagetool")
    b = _flag("s1", 3, 6, "fluency", category=Category.STYLE)
    c = _flag("s2", 3, 6, "fluency")
    d = _flag("s1", 5, 9, "languagetool", rule="Z")
    assert merge_duplicates([c, b, a, d], SENTENCES) == (b, a, d, c)


def test_the_positioned_checker_is_the_one_a_merge_keeps(monkeypatch) -> None:
    """Which flag stays is the registry's `positioned` property, not the name languagetool."""
    from review import checkers
    from review.checkers import CheckerFactory

    monkeypatch.setattr(
        checkers, "CHECKERS", (CheckerFactory("toy", "toy_checker", positioned=True),)
    )
    toy = _flag("s1", 3, 6, "toy", rule="TOY")
    lt = _flag("s1", 3, 6, "languagetool", replacements=("a",), rule="LT")
    assert merge_duplicates([lt, toy], SENTENCES) == (
        _flag("s1", 3, 6, "toy", rule="TOY", replacements=("a",)),
    )


class _Waiting:
    """A checker that works eagerly (no generator): it sets its own event, then waits for the
    other's, so two of them finish only when both run at the same time."""

    version = None

    def __init__(
        self, name: str, sentence: str, mine: threading.Event, theirs: threading.Event
    ) -> None:
        self.name = name
        self.sentence = sentence
        self.mine = mine
        self.theirs = theirs

    def check(self, text: str, sentences: Sequence[Sentence]) -> list[Flag]:
        self.mine.set()
        met = self.theirs.wait(timeout=5)
        return [_flag(self.sentence, 0, 1, self.name, rule="MET" if met else "ALONE")]


def test_checkers_that_work_eagerly_run_at_the_same_time() -> None:
    """``check_with`` submits each checker's call to its pool: a checker whose ``check`` does
    its work before returning does not hold up the next one."""
    first, second = threading.Event(), threading.Event()
    one, two = _Waiting("one", "s1", first, second), _Waiting("two", "s2", second, first)
    opened = Checkers((one, two), {}, ())
    result = check_with(opened, "x" * 60, SENTENCES, Config())
    assert sorted((f.source, f.rule) for f in result.flags) == [("one", "MET"), ("two", "MET")]


class _Slow:
    """A server's checker (registered with ``needs_server``) that flags " ," in each sentence,
    then goes on working until the detectors have judged a suggestion; checked again (the
    suggestions' paragraphs), it flags nothing."""

    name = "slow"
    version = None

    def __init__(self, judged: threading.Event) -> None:
        self.judged = judged
        self.done_at: float | None = None

    def check(self, text: str, sentences: Sequence[Sentence]) -> Iterator[Flag]:
        if self.done_at is not None:
            return
        for sentence in sentences:
            at = sentence.text.index(" ,")
            yield _flag(sentence.id, at, at + 2, "slow", replacements=(" ,,", ","), rule="SLOW")
        self.judged.wait(timeout=5)
        self.done_at = time.monotonic()


def _two_spaced_commas(monkeypatch) -> tuple[str, tuple[Sentence, ...]]:
    """A text of two sentences for ``_Slow``, registered as a server's checker, whose flags
    are judged one at a time."""
    from review import checkers, checking
    from review.checkers import CheckerFactory

    monkeypatch.setattr(checkers, "CHECKERS", (CheckerFactory("slow", "", needs_server=True),))
    monkeypatch.setattr(checking, "JUDGED_AT_ONCE", 1)
    text = "They said yes , and left. We said no , and stayed."
    return text, (
        Sentence("s1", 0, 25, 1, text[:25]),
        Sentence("s2", 26, len(text), 1, text[26:]),
    )


def test_suggestions_are_judged_while_a_server_checker_still_runs(monkeypatch) -> None:
    """The detectors judge the suggestions of the flags a server's checker has found while it
    still checks (in a thread of their own); the settling after it judges none of those
    again, and the flags are those of a settling that judged everything itself."""
    from review import checking
    from review.checkers.consensus import suggestions

    text, sentences = _two_spaced_commas(monkeypatch)
    judged = threading.Event()
    calls: list[tuple[str, float, tuple[tuple[str, ...], ...]]] = []
    detected = suggestions._detected

    def recorded(paragraphs, *args):
        calls.append((threading.current_thread().name, time.monotonic(), tuple(paragraphs)))
        if paragraphs:
            judged.set()
        return detected(paragraphs, *args)

    monkeypatch.setattr(suggestions, "_detected", recorded)
    slow = _Slow(judged)
    early = check_with(Checkers((slow,), {}, ()), text, sentences, Config())
    ahead = [c for c in calls if c[0] == "early-judging" and c[2]]
    after = [c for c in calls if c[0] != "early-judging" and c[2]]
    assert ahead and slow.done_at is not None and ahead[0][1] < slow.done_at
    assert after == []
    assert [(f.sentence_id, f.replacements) for f in early.flags] == [
        ("s1", (",",)),
        ("s2", (",",)),
    ]
    monkeypatch.setattr(checking, "JUDGED_EARLY_UP_TO", 0)
    calls.clear()
    at_once = threading.Event()
    at_once.set()
    alone = check_with(Checkers((_Slow(at_once),), {}, ()), text, sentences, Config())
    assert {c[0] for c in calls} == {threading.current_thread().name}
    assert alone == early


def test_the_vetting_takes_the_candidates_the_early_judging_read(monkeypatch) -> None:
    """Without LanguageTool's second opinion (more candidates than ``recheck_suggestions``),
    a flag's candidates (its sentence fixed, the sentences about it, the paragraph's marks)
    are read once, by the early judging; the vetting after it takes them, and the flags are
    those of a vetting that read them itself."""
    from review import checking
    from review.checkers.consensus.suggestions import Candidates

    text, sentences = _two_spaced_commas(monkeypatch)
    config = Config(languagetool_rechecks=0)
    read: list[tuple[str, str]] = []
    marks_with = Candidates._marks_with

    def recorded(self, members, index, *args):
        read.append((threading.current_thread().name, members[index].id))
        return marks_with(self, members, index, *args)

    monkeypatch.setattr(Candidates, "_marks_with", recorded)
    judged = threading.Event()
    early = check_with(Checkers((_Slow(judged),), {}, ()), text, sentences, config)
    # Each flag's sentence as it is and with each of its two suggestions.
    assert sorted(read) == [("early-judging", "s1")] * 3 + [("early-judging", "s2")] * 3
    assert [(f.sentence_id, f.replacements) for f in early.flags] == [
        ("s1", (",",)),
        ("s2", (",",)),
    ]
    monkeypatch.setattr(checking, "JUDGED_EARLY_UP_TO", 0)
    read.clear()
    judged.set()
    alone = check_with(Checkers((_Slow(judged),), {}, ()), text, sentences, config)
    assert {name for name, _ in read} == {threading.current_thread().name}
    assert alone == early


class _Failing:
    """A server's checker that finds ten flags, then loses its server."""

    name = "slow"
    version = None

    def check(self, text: str, sentences: Sequence[Sentence]) -> Iterator[Flag]:
        from review.errors import ReviewError

        for _ in range(10):
            yield _flag("s1", 0, 1, "slow", replacements=("y",), rule="SLOW")
        raise ReviewError("LanguageTool at http://127.0.0.1:1 did not answer")


def test_a_checker_that_fails_is_told_without_waiting_for_the_judging(monkeypatch) -> None:
    """The suggestions handed over are not all judged before the failure is told: the judging
    stops after the batch under way."""
    from review import checkers, checking
    from review.checkers import CheckerFactory
    from review.checkers.consensus.suggestions import EarlyVerdicts
    from review.errors import ReviewError

    monkeypatch.setattr(checkers, "CHECKERS", (CheckerFactory("slow", "", needs_server=True),))
    monkeypatch.setattr(checking, "JUDGED_AT_ONCE", 1)
    judged: list[int] = []

    def slowly(self, flags):
        judged.append(len(flags))
        time.sleep(0.5)

    monkeypatch.setattr(EarlyVerdicts, "judge", slowly)
    started = time.monotonic()
    with pytest.raises(ReviewError, match="did not answer"):
        check_with(Checkers((_Failing(),), {}, ()), "x" * 60, SENTENCES, Config())
    assert time.monotonic() - started < 2
    time.sleep(1.2)
    assert len(judged) <= 3


class _Found:
    """A server's checker (``_two_spaced_commas`` registers it) that finds ``flags`` in
    ``text``; checked again (the suggestions' paragraphs), it flags nothing."""

    name = "slow"
    version = "6.8"

    def __init__(self, text: str, *flags: Flag) -> None:
        self.text = text
        self.flags = flags

    def check(self, text: str, sentences: Sequence[Sentence]) -> Iterator[Flag]:
        return iter(self.flags if text == self.text else ())


def _settlings(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the settlings (``settle_flags`` calls) from here on."""
    from review import checking

    calls: list[int] = []
    settle = checking.settle_flags

    def counted(*args, **kwargs):
        calls.append(len(args[0]))
        return settle(*args, **kwargs)

    monkeypatch.setattr(checking, "settle_flags", counted)
    return calls


def test_a_text_checked_again_unchanged_is_not_settled_again(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    from review.cache import ResultCache

    text, sentences = _two_spaced_commas(monkeypatch)
    settlings = _settlings(monkeypatch)
    found = _Found(
        text,
        _flag("s1", 13, 15, "slow", replacements=(" ,,", ","), rule="SLOW"),
        _flag("s2", 0, 2, "slow", rule="CALQUE"),
    )
    opened = Checkers((found,), {"slow": "6.8"}, (), ResultCache(tmp_path / "c.sqlite3"))
    from review import checking

    judgings: list[str] = []
    judging = checking._EarlyJudging

    def counted(text: str, *args):
        judgings.append(text)
        return judging(text, *args)

    monkeypatch.setattr(checking, "_EarlyJudging", counted)
    first = check_with(opened, text, sentences, Config())
    again = check_with(opened, text, sentences, Config())
    assert settlings == [2]
    # The suggestions were judged early the first time only.
    assert judgings == [text]
    # The same flags found in another order (as a server's answers come): the same.
    reordered = Checkers((_Found(text, *found.flags[::-1]),), opened.versions, (), opened.cache)
    assert check_with(reordered, text, sentences, Config()) == first
    assert settlings == [2]
    assert again == first
    assert [(f.sentence_id, f.rule, f.replacements) for f in again.flags] == [
        (f.sentence_id, f.rule, f.replacements) for f in first.flags
    ]
    # What the settling follows from, changed: settled again.
    check_with(opened, text, sentences, Config(style=(("quotes", "curly"),)))
    check_with(
        Checkers((_Found(text + "\n", *found.flags),), opened.versions, (), opened.cache),
        text + "\n",
        sentences,
        Config(),
    )
    fewer = Checkers((_Found(text, *found.flags[:1]),), opened.versions, (), opened.cache)
    check_with(fewer, text, sentences, Config())
    newer = Checkers((found,), {"slow": "6.9"}, (), opened.cache)
    check_with(newer, text, sentences, Config())
    assert settlings == [2, 2, 2, 1, 2]
    # The flags found differ from those whose settling is kept (a word added to the word
    # list, a glossary changed): settled again, and kept for the flags found now.
    check_with(opened, text, sentences, Config())
    check_with(opened, text, sentences, Config())
    assert settlings == [2, 2, 2, 1, 2, 2]
    # ... and without a cache, every time.
    check_with(Checkers((found,), opened.versions, ()), text, sentences, Config())
    assert settlings == [2, 2, 2, 1, 2, 2, 2]


def test_a_configuration_has_one_key_in_every_process() -> None:
    config = Config(disabled_rules=frozenset({"B", "A", "C"}), style=(("quotes", "curly"),))
    assert '"disabled_rules": ["A", "B", "C"]' in config.key()
    assert config.key() == Config(disabled_rules=frozenset({"C", "A", "B"}), style=(
        ("quotes", "curly"),
    )).key()  # fmt: skip
    assert config.key() != Config(disabled_rules=frozenset({"A", "B"})).key()
