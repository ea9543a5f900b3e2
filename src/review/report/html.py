"""The report as one self-contained HTML file: inline CSS and SVG, no script, nothing fetched.

Every piece of text goes through ``review.report.markup``, which escapes it. What needs a
decision and the reviewer's comments come first; sacrebleu's signatures and the precision per
rule last, in an appendix. A changed sentence shows once, as its word diff; three radio buttons
above the sentences (CSS alone, no script) show it as the original or as the corrected text
instead. Runs of sentences with nothing to report are folded into <details>, which keeps a
book-length report light to open; a fold prints as its one-line summary unless the reader
opened it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import chain

from review.report.markup import Markup, end, join, raw, start, tag, void
from review.report.model import Decision, FlagOutcome, GroupStats, Report, SentenceRow
from review.report.mqm import FORMULA
from review.report.svg import FATE_COLOURS, fate_bars, paragraph_bars
from review.report.wording import (
    APPENDIX_NOTE,
    DECISIONS_NOTE,
    DECISIONS_OPEN_UP_TO,
    EFFORT_NOTE,
    FATE_ORDER,
    FLAGGED_NOTE,
    METRIC_MEANINGS,
    METRIC_NAMES,
    NO_DECISIONS,
    PRECISION_NOTE,
    Figure,
    Fold,
    annotation_line,
    count,
    decision_line,
    decisions_title,
    fate_count,
    flag_change,
    flag_detail,
    grouped_rows,
    number,
    percent,
    row_heading,
    sentences_heading,
    summary_figures,
    unjudged_line,
)
from review.worddiff import DiffOp, Op

# Latin faces first, then CJK ones: a browser takes each character from the first font that has
# it, and without a CJK face in the stack Chinese and Japanese text can show as boxes.
FONT_STACK = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", '
    '"Source Han Sans SC", "Source Han Sans", "PingFang SC", "Hiragino Sans GB", '
    '"Microsoft YaHei", sans-serif'
)
MONO_STACK = (
    'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, "Noto Sans Mono CJK SC", '
    '"Source Han Mono", monospace'
)
_VIEWS = (("diff", "word diff"), ("original", "original"), ("corrected", "corrected"))

_STYLE = """
:root { color-scheme: light; }
body { font: 15px/1.5 FONT_STACK;
  color: #1a1a1a; max-width: 1100px; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #e0e0e0; padding-bottom: .2rem;
  margin-top: 2.2rem; }
.meta { color: #555; margin: 0; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
  gap: .6rem; margin: 1rem 0; }
.figure { border: 1px solid #ddd; border-radius: 6px; padding: .5rem .7rem; }
.figure .value { display: block; font-size: 1.45rem; font-weight: 600; }
.figure .label { color: #555; font-size: .85rem; }
table { border-collapse: collapse; margin: .6rem 0; }
th, td { border: 1px solid #ddd; padding: .25rem .55rem; text-align: left; vertical-align: top; }
th { background: #f5f5f5; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
code, .signature { font-family: MONO_STACK;
  font-size: .85em; overflow-wrap: anywhere; }
.note { color: #555; font-size: .9rem; }
.chart { max-width: 100%; height: auto; display: block; margin: .5rem 0; }
/* Off-screen sentences and folds skip layout until scrolled to: a book opens in seconds. */
.sentence, details.unchanged { content-visibility: auto; contain-intrinsic-size: auto 4rem; }
.sentence { border: 1px solid #ddd; border-left: 4px solid #c62828; border-radius: 4px;
  padding: .4rem .8rem; margin: .8rem 0; break-inside: avoid; }
.sentence.unedited { border-left-color: #1565c0; }
.sentence h3 { font-size: .95rem; margin: 0 0 .3rem; color: #444; }
.diff { font-size: 1.02rem; }
del { background: #ffebee; color: #b71c1c; text-decoration: line-through; }
ins { background: #e8f5e9; color: #1b5e20; text-decoration: underline; }
.views { margin: .4rem 0; }
.views label { margin-right: .9rem; cursor: pointer; border-bottom: 2px solid transparent; }
input[name=view] { position: absolute; opacity: 0; }
#view-diff:checked ~ .views label[for=view-diff],
#view-original:checked ~ .views label[for=view-original],
#view-corrected:checked ~ .views label[for=view-corrected] {
  border-bottom-color: #1565c0; font-weight: 600; }
#view-original:checked ~ .sentences ins, #view-corrected:checked ~ .sentences del {
  display: none; }
#view-original:checked ~ .sentences del, #view-corrected:checked ~ .sentences ins {
  background: none; color: inherit; text-decoration: none; }
.decisions li[data-severity=critical] { font-weight: 600; }
ul.flags { list-style: none; padding: 0; margin: .3rem 0; }
ul.flags li { margin: .15rem 0; }
ul.flags li::before { content: attr(data-fate); display: inline-block; min-width: 5.6rem;
  margin-right: .4rem; border-radius: 3px; color: #fff; font-size: .8rem; text-align: center; }
.comment { background: #fffde7; border-left: 3px solid #f9a825; padding: .2rem .5rem; }
details.unchanged { margin: .4rem 0; color: #444; }
details.unchanged summary { cursor: pointer; }
details.unchanged ol { list-style: none; padding-left: 1rem; }
.sid { font-family: MONO_STACK; color: #777; margin-right: .4rem; }
.notices { background: #fff3e0; border: 1px solid #ffcc80; padding: .4rem .8rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  h2 { break-after: avoid; }
  .sentence, details.unchanged { content-visibility: visible; }
  .figures { grid-template-columns: repeat(4, 1fr); }
  details.unchanged summary { list-style: none; }
  .views { display: none; }
}
""".replace("MONO_STACK", MONO_STACK).replace("FONT_STACK", FONT_STACK)
_STYLE += "".join(
    f"li[data-fate={fate}]::before {{ background: {colour}; }}\n"
    for fate, colour in FATE_COLOURS.items()
)


def render_html(report: Report) -> Iterator[str]:
    """The page in pieces, in order: the decisions and the sentences one by one, so that a
    book's report is written as it is made and never held whole."""
    source = report.source
    title = f"Correction report: {source.document}"
    heading = [
        tag("h1", title),
        tag(
            "p",
            f"Patch {source.patch} · reviewer {source.reviewer or 'not named'} · saved "
            f"{source.date} · language {source.language}",
            class_="meta",
        ),
        tag(
            "p",
            f"Original SHA-256 {source.document_sha256} · reviewed with {source.reviewed_with}"
            f" · flags found by {report.checkers.describe()}",
            class_="meta",
        ),
        _notices(report),
    ]
    middle = [
        _comments(report.comments),
        tag(
            "section",
            tag("h2", "Summary"),
            figure_grid(summary_figures(report)),
            tag("p", FLAGGED_NOTE, class_="note"),
            id="summary",
        ),
        _effort(report),
        _quality(report),
        _flags(report),
        _paragraphs(report),
    ]
    return page(
        title,
        chain(
            heading, _decisions(report.decisions), middle, _sentences(report), (_appendix(report),)
        ),
    )


def page(title: str, body: Iterable[Markup | None]) -> Iterator[str]:
    """One HTML file with the report's style sheet (a project report is one too), in pieces:
    the head, each of ``body``'s, the end."""
    head = tag(
        "head",
        raw('<meta charset="utf-8">'),
        raw('<meta name="viewport" content="width=device-width, initial-scale=1">'),
        tag("title", title),
        tag("style", raw(_STYLE)),
    )
    yield f"<!DOCTYPE html>\n{start('html', lang='en')}{head}{start('body')}"
    yield from (part for part in body if part is not None)
    yield f"{end('body')}{end('html')}\n"


def _notices(report: Report) -> Markup | None:
    if not report.checkers.notices:
        return None
    items = [tag("li", notice) for notice in report.checkers.notices]
    return tag("ul", *items, class_="notices")


def _decisions(decisions: Sequence[Decision]) -> Iterator[Markup]:
    """The section in pieces, a decision each: a book can have tens of thousands."""
    if not decisions:
        yield tag("section", tag("h2", "Needs a decision"), tag("p", NO_DECISIONS), id="decisions")
        return
    title = decisions_title(decisions)
    folded = len(decisions) > DECISIONS_OPEN_UP_TO
    yield start("section", id="decisions")
    yield tag("h2", "Needs a decision")
    yield tag("p", DECISIONS_NOTE, " ", tag("strong", f"{title}.", class_="count"), class_="note")
    if folded:
        yield start("details", class_="decisions")
        yield tag("summary", title)
    yield start("ul", class_="decisions")
    for d in decisions:
        yield tag(
            "li",
            tag("span", d.sentence, class_="sid"),
            decision_line(d),
            data_sentence=d.sentence,
            data_severity=str(d.severity),
        )
    yield end("ul")
    if folded:
        yield end("details")
    yield end("section")


def _comments(comments: Iterable[tuple[str, str]]) -> Markup:
    items = [
        tag("li", tag("span", sentence, class_="sid"), comment, data_sentence=sentence)
        for sentence, comment in comments
    ]
    return tag(
        "section",
        tag("h2", "Reviewer's comments"),
        tag("ul", *items, class_="comments") if items else tag("p", "None.", class_="note"),
        id="comments",
    )


def _appendix(report: Report) -> Markup:
    signatures = [
        tag(
            "tr",
            tag("th", METRIC_NAMES[score.metric]),
            tag("td", tag("span", score.signature, class_="signature")),
        )
        for score in report.effort
    ]
    return tag(
        "section",
        tag("h2", "Appendix"),
        tag("p", APPENDIX_NOTE, class_="note"),
        tag("h3", "sacrebleu signatures"),
        tag("table", tag("tr", tag("th", "Metric"), tag("th", "Signature")), *signatures),
        tag("h3", "Precision per rule"),
        _group_table("Rule", report.by_rule, "rule"),
        id="appendix",
    )


def figure_grid(shown: Iterable[Figure]) -> Markup:
    """Headline numbers as cards (a project report shows its totals and each file's too)."""
    return tag(
        "div",
        *(
            tag(
                "div",
                tag("span", figure.value, class_="value"),
                tag("span", figure.label, class_="label"),
                class_="figure",
                data_figure=figure.key,
            )
            for figure in shown
        ),
        class_="figures",
    )


def _effort(report: Report) -> Markup:
    rows = [
        tag(
            "tr",
            tag("th", METRIC_NAMES[score.metric]),
            tag("td", number(score.value), class_="num", data_metric=METRIC_NAMES[score.metric]),
            tag("td", METRIC_MEANINGS[score.metric]),
        )
        for score in report.effort
    ]
    return tag(
        "section",
        tag("h2", "Post-editing effort"),
        tag("p", EFFORT_NOTE, class_="note"),
        tag(
            "table",
            tag("tr", *(tag("th", h) for h in ("Metric", "Score", "Meaning"))),
            *rows,
        ),
        id="effort",
    )


def _quality(report: Report) -> Markup:
    mqm = report.mqm
    rows = [
        tag(
            "tr",
            tag("th", name.replace("_", " ")),
            tag("td", count(errors), class_="num"),
            tag("td", f"× {weight:g}", class_="num"),
            tag("td", number(errors * weight), class_="num"),
        )
        for name, errors, weight in mqm.lines()
    ]
    totals = [
        ("Penalty", number(mqm.penalty), "mqm-penalty-total"),
        ("Words of the original", count(mqm.words), "mqm-words"),
        ("Penalty per 100 words", number(mqm.penalty_per_100_words), "mqm-per-100"),
        ("Quality score", number(mqm.score), "mqm-score"),
    ]
    return tag(
        "section",
        tag("h2", "Quality (MQM-style)"),
        tag(
            "table",
            tag("tr", *(tag("th", h) for h in ("Errors", "Count", "Weight", "Penalty"))),
            *rows,
            *(
                tag("tr", tag("th", label, colspan=3), tag("td", value, class_="num", id=key))
                for label, value, key in totals
            ),
        ),
        tag("p", unjudged_line(report), class_="unjudged"),
        tag("p", FORMULA, class_="note formula"),
        id="quality",
    )


def _flags(report: Report) -> Markup:
    return tag(
        "section",
        tag("h2", "Flags and what became of them"),
        fate_bars(report.by_category, "Flags per category, by fate"),
        tag("p", PRECISION_NOTE, class_="note"),
        tag("h3", "Per category"),
        _group_table("Category", report.by_category, "category"),
        tag("h3", "Per MQM class"),
        _group_table("MQM class", report.by_mqm, "mqm"),
        tag("h3", "Per severity"),
        _group_table("Severity", report.by_severity, "severity"),
        id="flags",
    )


def _group_table(heading: str, groups: Iterable[GroupStats], kind: str) -> Markup:
    columns = [heading, "Flags", *(str(fate) for fate in FATE_ORDER), "Precision"]
    rows = [
        tag(
            "tr",
            tag("th", group.name),
            tag("td", count(group.counts.total), class_="num"),
            *(
                tag("td", count(fate_count(group.counts, fate)), class_="num")
                for fate in FATE_ORDER
            ),
            tag("td", percent(group.counts.precision), class_="num"),
            data_group=group.name,
        )
        for group in groups
    ]
    if not rows:
        return tag("p", "No flags.", class_="note")
    return tag("table", tag("tr", *(tag("th", c) for c in columns)), *rows, class_=f"groups {kind}")


def _paragraphs(report: Report) -> Markup:
    return tag(
        "section",
        tag("h2", "Where the editing was"),
        paragraph_bars(report.paragraphs, "HTER per paragraph"),
        id="paragraphs",
    )


def _sentences(report: Report) -> Iterator[Markup]:
    yield start("section", id="sentences")
    yield tag("h2", sentences_heading(report.only_changed))
    if any(row.changed for row in report.rows):
        yield from _view_toggle()
    yield start("div", class_="sentences")
    for item in grouped_rows(report.rows):
        if isinstance(item, Fold):
            yield from _fold(item)
        else:
            yield _sentence(item)
    yield end("div")
    if not report.rows:
        yield tag("p", "None.", class_="note")
    yield end("section")


def _view_toggle() -> list[Markup]:
    """Radio buttons that the style sheet reads (``:checked ~ .sentences``): the edited
    sentences as their word diff, as the original or as the corrected text. They must be
    siblings before the sentences for the selector to reach them."""
    radios = [
        void("input", type="radio", name="view", id=f"view-{key}", checked=key == "diff")
        for key, _ in _VIEWS
    ]
    labels = [tag("label", label, for_=f"view-{key}") for key, label in _VIEWS]
    return [*radios, tag("p", tag("strong", "Show edited sentences as: "), *labels, class_="views")]


def _sentence(row: SentenceRow) -> Markup:
    return tag(
        "article",
        tag("h3", row_heading(row)),
        tag("p", tag("strong", "Source: "), row.source, class_="source") if row.unit else None,
        tag("p", _diff(row.diff), class_="diff")
        if row.changed
        else tag("p", row.original, class_="original"),
        _flag_list(row.flags),
        _annotations(row),
        tag("p", tag("strong", "Comment: "), row.comment, class_="comment")
        if row.comment
        else None,
        class_="sentence" if row.changed else "sentence unedited",
        id=row.id,
        data_hter=number(row.hter),
        data_chrf=number(row.chrf),
    )


def _diff(ops: Iterable[DiffOp]) -> Markup:
    elements = {Op.EQUAL: "span", Op.DELETE: "del", Op.INSERT: "ins"}
    return join(tag(elements[d.op], d.text) for d in ops)


def _flag_list(flags: Iterable[FlagOutcome], brief: bool = False) -> Markup | None:
    """One item per flag; its fate shows as a coloured badge (CSS, from ``data-fate``). A
    ``brief`` list (in folds) gives the rule and the flagged text only: a book has tens of
    thousands of such flags, and their messages are in the JSON and CSV reports."""
    items = [
        tag(
            "li",
            tag("code", o.flag.rule),
            f" {flag_change(o)}" if brief else f" {flag_detail(o)} — {flag_change(o)}",
            data_fate=str(o.fate),
        )
        for o in flags
    ]
    return tag("ul", *items, class_="flags") if items else None


def _annotations(row: SentenceRow) -> Markup | None:
    if not row.annotations:
        return None
    items = [tag("li", annotation_line(a)) for a in row.annotations]
    return join(
        [tag("strong", "Editor's MQM annotations:"), tag("ul", *items, class_="annotations")]
    )


def _fold(fold: Fold) -> Iterator[Markup]:
    """A <details> of the fold's sentences, one piece each: most of a book is one fold."""
    yield start("details", class_="unchanged")
    yield tag("summary", fold.title)
    yield start("ol")
    for row in fold.rows:
        yield tag(
            "li",
            tag("span", row.id, class_="sid"),
            tag("span", row.source, " → ", class_="source") if row.unit else None,
            row.original,
            _flag_list(row.flags, brief=True),
            id=row.id,
        )
    yield end("ol")
    yield end("details")
