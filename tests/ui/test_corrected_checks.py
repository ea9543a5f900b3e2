"""The UI checks an edited document on its corrected text not joined (``review.corrected``):
the same flags as on the corrected text joined, which it no longer makes."""

from __future__ import annotations

import sys
import tracemalloc
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from review.cache import ResultCache
from review.checking import Checkers, Progress, open_checkers
from review.cli import main
from review.config import Config
from review.corrected import CorrectedText, PlacedSentences
from review.inputs import load_text
from review.offload import ProcessOffload
from review.patch.location import locate
from review.segment import segment
from review.state import ReviewState, SentenceReview
from review.ui.app import ReviewApp
from review.ui.checks import FlagBatch, SettledStages, default_stages, run_stages
from review.ui.opening import DocumentOpener
from ui.harness import pilot_test, wait_ready

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_609f52cd2aa5fae0.txt"


def _edited(text: str) -> ReviewState:
    sentences = segment(text)
    return ReviewState().with_reviews(
        {
            # Longer than the original, with flags of its own (a doubled word, a straight quote).
            sentences[1].id: SentenceReview(edited='The the trip is "long", said they.'),
            sentences[3].id: SentenceReview(edited=""),  # deleted
            sentences[6].id: SentenceReview(edited="Short."),
        }
    )


def _checked(
    text: str | CorrectedText, sentences: object, cache: ResultCache, config: Config
) -> list[FlagBatch]:
    """The batches the UI's local stages (default_stages's, on their own cache) give."""
    offload = ProcessOffload()

    def stages(progress: Progress) -> Iterator[Checkers]:
        yield open_checkers(config, use_servers=False, cache=cache, offload=offload)

    batches: list[FlagBatch] = []
    try:
        run_stages(
            SettledStages(stages, config, offload),
            text,
            sentences,  # type: ignore[arg-type]
            lambda *a: None,
            lambda o: None,
            batches.append,
        )
    finally:
        offload.close()
    return batches


def test_an_edited_text_not_joined_gets_the_flags_of_the_joined_text(tmp_path, monkeypatch):
    config = replace(Config(), words=tmp_path / "words.txt")
    original = SEED.read_text(encoding="utf-8")
    sentences = segment(original)
    state = _edited(original)
    joined_text, joined_sentences = state.current_document(original, sentences)
    before = _checked(joined_text, joined_sentences, ResultCache(tmp_path / "a.sqlite3"), config)

    text, placed = state.corrected(original, sentences)
    assert isinstance(text, CorrectedText) and isinstance(placed, PlacedSentences)

    def not_joined(self: CorrectedText) -> str:
        raise AssertionError("the corrected text was joined")

    monkeypatch.setattr(CorrectedText, "joined", not_joined)
    after = _checked(text, placed, ResultCache(tmp_path / "b.sqlite3"), config)

    def found(batches: list[FlagBatch], replacing: bool) -> list[list[object]]:
        return [f.to_json() for b in batches if b.replace is replacing for f in b.flags]

    def checked(batches: list[FlagBatch]) -> dict[str, str]:
        return {k: v for b in batches for k, v in b.checked.items()}

    assert found(after, False) == found(before, False)  # as found, in order
    assert found(after, True) == found(before, True)  # as settled
    assert checked(after) == checked(before)
    settled = [f[:5] for f in found(after, True)]
    # On the edit that made s2 longer, on s5 and s8, which it and the deletion moved, and
    # consistency's, which compare the whole document; none on the deleted s4.
    assert ["s2", 0, 7, "fluency", "MT_REPEATED_WORDS"] in settled
    assert ["s5", 315, 347, "fluency", "MT_REPEATED_PHRASE"] in settled
    assert ["s8", 160, 170, "consistency", "CONSISTENT_TERM"] in settled
    assert all(f[0] != "s4" for f in settled)
    assert checked(after)["s2"] == 'The the trip is "long", said they.'
    assert checked(after)["s7"] == "Short."


@pytest.mark.parametrize("edits", [{}, {"s1": "s1"}])
def test_an_unchanged_text_is_checked_as_it_is(edits):
    original = "One. Two.\n"
    sentences = segment(original)
    state = ReviewState().with_reviews({k: SentenceReview(edited=sentences[0].text) for k in edits})
    text, placed = state.corrected(original, sentences)
    assert text is original and placed is sentences


async def _checking_peak(path: Path, config: Config, folder: Path) -> tuple[int, ReviewState]:
    """The traced peak of opening ``path`` in the UI and checking it (the detectors run in
    their own process), on a cache of its own in ``folder`` (its checks uncached, its
    segmentation there already), and the review it opened."""
    location = locate(path)
    loaded = load_text(path, base=location.root)
    segments = ResultCache(folder / "segments.sqlite3")
    loaded.segmented(segments)
    opener = DocumentOpener(loaded, location, reviewer="Test", cache=segments)
    app = ReviewApp(path.name, opener, default_stages(config, use_languagetool=False))
    with pytest.MonkeyPatch.context() as patched:
        patched.setenv("REVIEW_CACHE_DIR", str(folder))
        tracemalloc.start()
        try:
            async with app.run_test(size=(120, 40)) as pilot:
                await wait_ready(pilot)
                peak = tracemalloc.get_traced_memory()[1]
                assert app.session is not None
                app.session.close()
                return peak, app.session.state
        finally:
            tracemalloc.stop()


@pilot_test
async def test_checking_an_edited_book_holds_no_copy_of_it(seed_copy, tmp_path, monkeypatch):
    """A book of 1.4 million characters with curly quotes (2.8 MB in memory), opened in the UI
    and checked, then again with two sentences near its start edited. Checked on the corrected
    text joined, the edited book's peak was 1.3 times the text's size higher (another copy of
    it, and its sentences after the first edit placed anew, held till the checks ended); now
    it is what the unedited book's is."""
    paragraphs = SEED.read_text(encoding="utf-8").splitlines()
    seed_copy.write_text(
        "\n".join(f"{p} ({copy})" for copy in range(100) for p in paragraphs) + "\n",
        encoding="utf-8",
    )
    size = sys.getsizeof(seed_copy.read_text(encoding="utf-8"))
    config = replace(Config(), words=tmp_path / "words.txt")
    unedited, state = await _checking_peak(seed_copy, config, tmp_path / "unedited")
    assert len(state) == 0
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path / "edit"))
    edit = ["edit", str(seed_copy), "--sentence", "s2", "--text", "Edited once, and longer."]
    assert main([*edit, "--sentence", "s9", "--text", "Edited.", "--no-languagetool"]) == 0
    edited, state = await _checking_peak(seed_copy, config, tmp_path / "edited")
    assert state.edited_ids() == {"s2", "s9"}
    assert size > 2_700_000
    assert edited - unedited < 0.5 * size
