"""The HTML report: self-contained and escaped (read as text), and as real headless Chromium
renders it (read through the DOM it builds)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from report.dom import parse
from review.report.html import render_html
from review.worddiff import Op

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.fixture(scope="module")
def handmade_html(handmade) -> str:
    return render_html(handmade.report())


def test_self_contained_no_script_nothing_fetched(handmade_html: str) -> None:
    assert handmade_html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<script" not in handmade_html.lower()
    for fetch in ("src=", "href=", "url(", "@import", "http://", "https://", "<link"):
        assert fetch not in handmade_html
    assert "@media print" in handmade_html


def test_every_text_is_escaped(handmade_html: str) -> None:
    assert "&lt;script&gt;stays&lt;/script&gt; the same | &lt;/td&gt; here." in handmade_html
    assert "Client&#x27;s term | keep &lt;b&gt;as is&lt;/b&gt;" in handmade_html
    assert "a notice &lt;i&gt;here&lt;/i&gt;" in handmade_html


def test_unchanged_sentences_are_folded(handmade_html: str) -> None:
    dom = parse(handmade_html)
    folds = dom.all("details", class_="unchanged")
    assert [fold.one("summary").text() for fold in folds] == [
        "s4–s5 · 2 unchanged sentences · 3 flags (1 dismissed, 2 open)"
    ]
    assert [li.attrs["id"] for li in folds[0].all("li") if "id" in li.attrs] == ["s4", "s5"]
    assert [a.attrs["id"] for a in dom.all("article")] == ["s1", "s2", "s3", "s6"]


def test_only_changed_lists_no_folds(handmade) -> None:
    dom = parse(render_html(handmade.report(only_changed=True)))
    assert dom.all("details") == []
    assert [a.attrs["id"] for a in dom.all("article")] == ["s1", "s2", "s3", "s6"]


def test_quality_section_and_formula(handmade_html: str) -> None:
    dom = parse(handmade_html)
    quality = dom.one("section", id="quality")
    assert quality.one("td", id="mqm-penalty-total").text() == "8.00"
    assert quality.one("td", id="mqm-words").text() == "33"
    assert quality.one("td", id="mqm-score").text() == "75.76"
    assert "25 × critical" in quality.one("p", class_="formula").text()


@pytest.mark.slow
def test_in_headless_chromium(handmade, handmade_html: str, chromium, tmp_path: Path) -> None:
    page = tmp_path / "report <&> test.html"
    page.write_text(handmade_html, encoding="utf-8")
    url = page.as_uri()
    dom = parse(chromium.dump_dom(url))

    # Nothing became an element that the text only spelled.
    assert dom.all("script") == []
    assert dom.all("b") == []
    figures = {
        node.attrs["data-figure"]: node.one("span", class_="value").text()
        for node in dom.all("div", class_="figure")
    }
    report = handmade.report()
    assert figures == {
        "sentences": "6", "flagged": "5", "edited": "3", "reviewed": "2", "words": "33",
        "hter": "9.38", "chrf": f"{report.effort[1].value:.2f}",
        "bleu": f"{report.effort[2].value:.2f}", "mqm-penalty": "24.24",
        "quality-score": "75.76", "flags": "7", "open": "2", "still-flagged": "2",
    }  # fmt: skip

    s2 = dom.one("article", id="s2")
    diff = s2.one("p", class_="diff")
    marked = [(c.tag, c.text()) for c in diff.children if isinstance(c, type(diff))]
    tags = {Op.EQUAL: "span", Op.DELETE: "del", Op.INSERT: "ins"}
    assert marked == [(tags[d.op], d.text) for d in report.rows[1].diff]
    assert ("del", "very ") in marked
    assert s2.one("td", class_="original").text() == "It was very very happy."
    assert s2.one("td", class_="corrected").text() == "It was very happy."
    assert [li.attrs["data-fate"] for li in s2.all("li")] == ["resolved"]
    assert (s2.attrs["data-hter"], s2.attrs["data-chrf"]) == ("25.00", "93.22")

    s1 = dom.one("article", id="s1")
    assert [(c.tag, c.text()) for c in s1.one("p", class_="diff").children] == [
        ("span", "The cat "), ("del", "sit"), ("ins", "sits"), ("span", " on the mat."),
    ]  # fmt: skip
    assert "“sit” → “sits”" in s1.one("li", data_fate="accepted").text()

    s5 = dom.one("li", id="s5")
    assert "This sentence <script>stays</script> the same | </td> here." in s5.text()
    comment = dom.one("article", id="s6").one("p", class_="comment")
    assert comment.text() == "Comment: Client's term | keep <b>as is</b>"

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report_handmade.png"
    chromium.screenshot(url, shot)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000
    pdf = tmp_path / "printed.pdf"
    chromium.run(url, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert re.search(rb"/Type\s*/Page\b", pdf.read_bytes())


@pytest.mark.slow
def test_seed_report_in_headless_chromium(seed_copy: Path, chromium, capsys) -> None:
    """The seed's report as a project manager gets it, rendered and saved as a screenshot."""
    from review.cli import main

    name = f"seeds/{seed_copy.name}"
    edits = ["--sentence", "s2", "--text", "Our cause is mutually beneficial cooperation.",
             "--status", "s2=reviewed", "--comment", "s2", "Shorter, as the client asked.",
             "--accept", "s5:MT_SET_PHRASE", "--accept", "s11:MT_IDIOM_CALQUE",
             "--dismiss", "s6:MT_SPACE_INSIDE_QUOTES"]  # fmt: skip
    assert main(["edit", name, *edits, "--no-languagetool"]) == 0
    assert main(["report", name, "--no-languagetool", "-o", "report.html"]) == 0
    capsys.readouterr()
    url = (seed_copy.parent.parent / "report.html").as_uri()
    dom = parse(chromium.dump_dom(url))
    figures = {n.attrs["data-figure"]: n.one("span", class_="value").text()
               for n in dom.all("div", class_="figure")}  # fmt: skip
    assert (figures["sentences"], figures["edited"], figures["reviewed"]) == ("77", "3", "1")
    diff = dom.one("article", id="s11").one("p", class_="diff")
    assert [c.text() for c in diff.all("del")] == ["follow", "die"]
    assert [c.text() for c in diff.all("ins")] == ["go against", "perish"]
    ARTIFACTS.mkdir(exist_ok=True)
    chromium.screenshot(url, ARTIFACTS / "report_seed.png", "1280,4400")
