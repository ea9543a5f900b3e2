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
