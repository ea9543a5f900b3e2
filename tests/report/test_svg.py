import re

from review.report.model import FateCounts, GroupStats, ParagraphEffort
from review.report.svg import MAX_PARAGRAPH_BARS, fate_bars, paragraph_bars


def _paragraphs(count: int, hot: dict[int, float]) -> list[ParagraphEffort]:
    return [ParagraphEffort(n, 3, int(n in hot), 30, hot.get(n, 0.0)) for n in range(1, count + 1)]


def test_fate_bars_stack_each_fate_with_exact_titles() -> None:
    groups = [
        GroupStats("grammar", FateCounts(accepted=2, dismissed=1, open=1)),
        GroupStats("<style>", FateCounts(open=2)),
    ]
    svg = fate_bars(groups, "Flags")
    assert svg.startswith("<svg") and "&lt;style&gt;" in svg and "<style>" not in svg
    assert "<title>grammar: 2 accepted</title>" in svg
    assert "<title>grammar: 1 dismissed</title>" in svg
    widths = [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)"[^>]*class="fate-', svg)]
    # grammar has 4 flags, the most: its bar is the full 420 units, split 2:1:1.
    assert widths[:3] == [210, 105, 105]


def test_paragraph_bars_one_per_paragraph() -> None:
    svg = paragraph_bars(_paragraphs(12, {3: 40.0, 7: 10.0}), "HTER")
    titles = re.findall(r"<rect[^>]*><title>([^<]*)</title>", svg)
    assert len(titles) == 12
    assert titles[2] == "paragraph 3: HTER 40.00, 1 sentence edited"
    assert ">50<" in svg  # the axis tops out at the next round number above 40


def test_many_paragraphs_are_binned_and_show_the_peak() -> None:
    paragraphs = _paragraphs(MAX_PARAGRAPH_BARS * 3, {5: 12.5, 6: 80.0})
    svg = paragraph_bars(paragraphs, "HTER")
    titles = re.findall(r"<rect[^>]*><title>([^<]*)</title>", svg)
    assert len(titles) == MAX_PARAGRAPH_BARS
    assert titles[1] == ("paragraphs 4–6: HTER 80.00 (highest: paragraph 6), 2 sentences edited")
    assert "each bar: 3 paragraphs, their highest HTER" in svg
