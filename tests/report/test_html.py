"""The HTML report: self-contained and escaped (read as text), and as real headless Chromium
renders it (read through the DOM it builds)."""

from __future__ import annotations

import re
import tracemalloc
from dataclasses import replace
from pathlib import Path

import pytest

from report.conftest import HANDMADE_SOURCE, flag
from report.dom import parse
from review.flags import Category, MqmClass, Severity
from review.report.html import FONT_STACK, render_html
from review.report.model import CheckersRun, build_report
from review.segment import segment
from review.state import ReviewState, SentenceReview
from review.worddiff import Op
from support import SEED

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.fixture(scope="module")
def handmade_html(handmade) -> str:
    return "".join(render_html(handmade.report()))


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
    dom = parse("".join(render_html(handmade.report(only_changed=True))))
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


def test_what_needs_a_decision_and_the_comments_open_the_report(handmade_html: str) -> None:
    dom = parse(handmade_html)
    sections = [s.attrs["id"] for s in dom.all("section")]
    assert sections[:3] == ["decisions", "comments", "summary"]
    assert sections[-1] == "appendix"
    decisions = dom.one("section", id="decisions").all("li")
    assert [
        (li.attrs["data-sentence"], li.attrs["data-severity"], li.text()) for li in decisions
    ] == [("s5", "major", "s5open flag, major: ODD “same” (Style/Awkward: ODD message)")]
    title = dom.one("section", id="decisions").one("strong", class_="count")
    assert title.text() == "1 open flag (1 major)."
    comments = dom.one("section", id="comments").all("li")
    assert [li.text() for li in comments] == ["s6Client's term | keep <b>as is</b>"]


def test_a_changed_sentence_shows_once_with_a_view_toggle(handmade_html: str) -> None:
    dom = parse(handmade_html)
    assert dom.all("table", class_="versions") == []
    assert handmade_html.count("It was very") == 1
    radios = dom.all("input", name="view")
    assert [(r.attrs["id"], "checked" in r.attrs) for r in radios] == [
        ("view-diff", True), ("view-original", False), ("view-corrected", False),
    ]  # fmt: skip
    assert "#view-original:checked ~ .sentences ins" in handmade_html


def test_signatures_and_precision_per_rule_are_in_the_appendix(handmade_html: str) -> None:
    dom = parse(handmade_html)
    assert "nrefs:1" not in dom.one("section", id="effort").text()
    appendix = dom.one("section", id="appendix")
    assert "nrefs:1|case:lc|tok:tercom" in appendix.text()
    rules = appendix.one("table", class_="groups rule").all("tr")
    assert [r.attrs["data-group"] for r in rules[1:]] == [
        "AGREEMENT", "COMMA", "ODD", "PLURAL", "REPEAT", "WRONG",
    ]  # fmt: skip


def test_the_font_stack_falls_back_to_cjk_faces(handmade_html: str) -> None:
    assert f"font: 15px/1.5 {FONT_STACK};" in handmade_html
    for family in ('"Noto Sans CJK SC"', '"Source Han Sans SC"', '"PingFang SC"',
                   '"Microsoft YaHei"'):  # fmt: skip
        assert family in FONT_STACK
    assert FONT_STACK.endswith("sans-serif")


# Run in a copy of the page (the report itself has no script): shows each view in turn and
# writes what a reader sees of s2 and the body's font into the DOM that --dump-dom prints.
_PROBE = """<script>
const seen = {};
for (const view of ["diff", "original", "corrected"]) {
  document.getElementById("view-" + view).checked = true;
  const parts = document.getElementById("s2").querySelector("p.diff").children;
  seen[view] = Array.from(parts).filter(p => getComputedStyle(p).display !== "none")
    .map(p => p.textContent).join("");
}
seen.font = getComputedStyle(document.body).fontFamily;
seen.cjk = document.fonts.check('15px "Noto Sans CJK SC"', "审校报告");
document.body.setAttribute("data-probe", JSON.stringify(seen));
</script>"""


@pytest.mark.slow
def test_in_chromium_the_toggle_shows_each_version_and_cjk_has_a_font(
    handmade, chromium, cjk_font: str, tmp_path: Path
) -> None:
    import json

    sentences = segment("审校报告已经完成。\nThe cat sit on the mat.")
    state = ReviewState.of({"s2": SentenceReview(edited="The cat sits on the mat.")})
    flags = (flag(sentences[0], "CJK", "审校", Category.STYLE, MqmClass.AWKWARD, Severity.MAJOR),)
    report = build_report(sentences, state, flags, handmade.source, handmade.checkers)
    html = "".join(render_html(report))
    page = tmp_path / "cjk.html"
    page.write_text(html.replace("</body>", _PROBE + "</body>"), encoding="utf-8")
    probe = json.loads(parse(chromium.dump_dom(page.as_uri())).one("body").attrs["data-probe"])
    assert (probe["diff"], probe["original"], probe["corrected"]) == (
        "The cat sitsits on the mat.", "The cat sit on the mat.", "The cat sits on the mat.",
    )  # fmt: skip
    assert cjk_font in probe["font"] and probe["cjk"] is True
    page.write_text(html, encoding="utf-8")
    ARTIFACTS.mkdir(exist_ok=True)
    chromium.screenshot(page.as_uri(), ARTIFACTS / "report_cjk.png", "1280,1400")


def test_a_long_list_of_decisions_is_folded(handmade) -> None:
    words = [f"w{i}" for i in range(51)]
    sentences = segment(" ".join(words) + ".")
    flags = tuple(
        flag(sentences[0], f"R{w}", w, Category.STYLE, MqmClass.AWKWARD, Severity.MAJOR)
        for w in words
    )
    report = build_report(sentences, ReviewState(), flags, handmade.source, handmade.checkers)
    section = parse("".join(render_html(report))).one("section", id="decisions")
    assert section.one("details", class_="decisions").one("summary").text() == (
        "51 open flags (51 major)"
    )
    assert len(section.all("li")) == 51


SEED_REPORT = Path(__file__).parent / "data" / "seed_report.html"


def seed_report(only_changed: bool = False):
    """The seed with two sentences edited, one commented on, flags accepted and left open (one
    needs a decision): its HTML
    was saved in ``data/seed_report.html`` when the page was still built as one string."""
    sentences = segment(SEED.read_text(encoding="utf-8"))
    first, tenth = sentences[0], sentences[9]
    word, other = first.text.split()[0], tenth.text.split()[-1]
    flags = (
        flag(first, "FIRST", word, Category.GRAMMAR, MqmClass.GRAMMAR, Severity.MAJOR, ("A",)),
        flag(tenth, "LAST", other, Category.STYLE, MqmClass.AWKWARD, Severity.MINOR),
        flag(tenth, "OPEN", other, Category.WORDING, MqmClass.MISTRANSLATION, Severity.MAJOR),
    )
    state = ReviewState.of(
        {
            first.id: SentenceReview(
                edited=first.text.replace(word, "A", 1), accepted=frozenset({("FIRST", word, "A")})
            ),
            sentences[1].id: SentenceReview(edited="Edited once <b>here</b>."),
            sentences[3].id: SentenceReview(comment="Keep | as <i>is</i>"),
        }
    )
    source = replace(
        HANDMADE_SOURCE,
        document="seeds/seed.txt",
        patch="corrections/seed.patch",
        date="2026-12-06T09:00:00+00:00",
    )
    return build_report(sentences, state, flags, source, CheckersRun(None), only_changed)


def test_the_seed_report_is_the_page_it_was_as_one_string() -> None:
    pieces = list(render_html(seed_report()))
    assert len(pieces) > 100
    assert "".join(pieces).encode("utf-8") == SEED_REPORT.read_bytes()


def numbered_report(sentences: int):
    """``sentences`` unchanged sentences of about 60 characters in ten paragraphs (a chart has
    a bar per paragraph), each with an open major flag (a decision each)."""
    size = sentences // 10
    text = "\n".join(
        " ".join(f"Sentence {i + j} is one of the many in this long text." for j in range(size))
        for i in range(0, sentences, size)
    )
    listed = segment(text)
    flags = [
        flag(s, "ODD", "Sentence", Category.STYLE, MqmClass.AWKWARD, Severity.MAJOR) for s in listed
    ]
    return build_report(listed, ReviewState.of({}), flags, seed_report().source, CheckersRun(None))


def rendering_peak(report) -> int:
    """The most memory rendering took, the pieces written nowhere, as a stream would be."""
    tracemalloc.start()
    try:
        for _ in render_html(report):
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_the_page_is_rendered_in_pieces_never_held_whole() -> None:
    small, large = numbered_report(2_000), numbered_report(8_000)
    assert len(large.rows) == len(large.decisions) == 8_000
    assert max(len(piece) for piece in render_html(large)) == max(
        len(piece) for piece in render_html(small)
    )
    # Held whole, 6,000 more sentences and decisions would be megabytes more.
    assert rendering_peak(large) - rendering_peak(small) < 100_000
