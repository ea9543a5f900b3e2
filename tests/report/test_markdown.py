"""The Markdown report, read back with a CommonMark parser with GitHub's table rules
(markdown-it-py, which rich brings)."""

import re

import pytest
from markdown_it import MarkdownIt

from report.dom import parse
from review.report.markdown import cell, code, render_markdown


@pytest.fixture(scope="module")
def markdown(handmade) -> str:
    return render_markdown(handmade.report())


@pytest.fixture(scope="module")
def rendered(markdown: str):
    return parse(MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown))


def test_cell_and_code_escaping() -> None:
    assert cell("a | b <script> *x* [l](u) & `c`\nnext") == (
        "a \\| b \\<script\\> \\*x\\* \\[l\\](u) \\& \\`c\\`<br>next"
    )
    assert code("nrefs:1|case:lc") == "`nrefs:1\\|case:lc`"
    assert code("a `b` c") == "`` a `b` c ``"


def test_every_table_row_has_as_many_cells_as_its_header(markdown: str) -> None:
    width = None
    for line in markdown.splitlines():
        if not line.startswith("|"):
            width = None
            continue
        cells = len(re.findall(r"(?<!\\)\|", line)) - 1
        width = width or cells
        assert cells == width, line


def test_renders_escaped_text_as_text(rendered) -> None:
    assert rendered.all("script") == []
    assert rendered.all("b") == []
    cells = [td.text() for td in rendered.all("td")]
    assert "This sentence <script>stays</script> the same | </td> here." in cells
    assert "Client's term | keep <b>as is</b>" in cells
    assert "nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0" in cells


def test_the_diff_is_del_and_ins(rendered) -> None:
    s1 = next(table for table in rendered.all("table") if "The cat sitsits" in table.text())
    diff_cell = s1.all("td")[1]
    assert [(c.tag, c.text()) for c in diff_cell.children if not isinstance(c, str)] == [
        ("del", "sit"), ("ins", "sits"),
    ]  # fmt: skip
    assert diff_cell.text() == "The cat sitsits on the mat."


def test_figures_and_folds(markdown: str, rendered) -> None:
    assert "| quality score | 75.76 |" in markdown
    assert "| HTER | 9.38 |" in markdown
    assert "| **Penalty per 100 words** |  |  | 24.24 |" in markdown
    details = rendered.all("details")
    assert len(details) == 1
    assert "s4–s5 · 2 unchanged sentences · 3 flags (1 dismissed, 2 open)" in markdown
    assert "| s4 | The weather is nice today. | open: `COMMA` “nice” |" in markdown
    assert [h.text() for h in rendered.all("h3")][:2] == [
        "s1 · ¶1 · reviewed · HTER 16.67 · chrF++ 77.86",
        "s2 · ¶1 · reviewed · HTER 25.00 · chrF++ 93.22",
    ]


def test_only_changed(handmade) -> None:
    markdown = render_markdown(handmade.report(only_changed=True))
    assert "<details>" not in markdown
    assert "## Sentences the editor changed, commented on or annotated" in markdown
    assert "### s4" not in markdown


def test_what_needs_a_decision_and_the_comments_come_first(markdown: str) -> None:
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings[:3] == ["## Needs a decision", "## Reviewer's comments", "## Summary"]
    assert headings[-1] == "## Appendix"
    # s5's "same" is a major flag nobody judged; s3's "go" was dismissed, s1's accepted.
    assert "| s5 | open flag, major: ODD “same” (Style/Awkward: ODD message) |" in markdown
    assert "| s6 | Client's term \\| keep \\<b\\>as is\\</b\\> |" in markdown
    assert "the errors the editor marked critical. 1 open flag (1 major)." in markdown


def test_each_changed_sentence_shows_once_as_its_diff(markdown: str) -> None:
    assert "| Original |" not in markdown and "| Corrected |" not in markdown
    assert markdown.count("It was very") == 1
    assert "| Diff | It was very <del>very </del>happy. |" in markdown


def test_signatures_and_precision_per_rule_are_in_the_appendix(markdown: str) -> None:
    body, appendix = markdown.split("## Appendix")
    assert "nrefs:1" not in body
    assert "| HTER | `nrefs:1\\|case:lc\\|tok:tercom\\|norm:no\\|punct:yes\\|asian:no" in appendix
    assert "| Rule | Flags | accepted | resolved | dismissed | open | Precision |" in appendix
    assert "| AGREEMENT | 2 | 1 | 0 | 1 | 0 | 50.0% |" in appendix


def test_the_score_leaves_open_flags_out_and_says_so(markdown: str) -> None:
    assert (
        "Not in the score: 2 open flags nobody judged (1 minor, 1 major); the major and "
        'critical ones are under "Needs a decision".'
    ) in markdown
    assert "| sentences flagged on the original | 5 |" in markdown
    assert "| sentences with flags still open | 2 |" in markdown
    assert "| flags still open | 2 |" in markdown
