import csv
import io

from review.report.csv_format import COLUMNS, render_csv


def _rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_one_row_per_sentence_with_every_column(handmade) -> None:
    text = render_csv(handmade.report())
    rows = _rows(text)
    assert [r["sentence"] for r in rows] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert list(rows[0]) == list(COLUMNS)
    assert text.count("\r\n") == 7
    s1 = rows[0]
    assert (s1["changed"], s1["hter"], s1["flags"], s1["accepted"]) == ("yes", "16.67", "1", "1")
    assert s1["diff"] == "The cat [-sit-]{+sits+} on the mat."
    assert s1["flag_details"] == (
        "AGREEMENT [accepted] grammar, Fluency/Grammar, major: AGREEMENT message — “sit” → “sits”"
    )
    s5 = rows[4]
    assert s5["original"] == "This sentence <script>stays</script> the same | </td> here."
    assert (s5["dismissed"], s5["open"], s5["diff"]) == ("1", "1", "")
    assert rows[5]["annotations"] == "Style/Awkward, minor on “Another”: odd"


def test_only_changed_rows(handmade) -> None:
    rows = _rows(render_csv(handmade.report(only_changed=True)))
    assert [r["sentence"] for r in rows] == ["s1", "s2", "s3", "s6"]


def test_cells_a_spreadsheet_would_run_are_made_text(handmade) -> None:
    from dataclasses import replace

    report = handmade.report()
    row = replace(report.rows[0], original='=HYPERLINK("x")', comment="@SUM(A1)", corrected="-1+1")
    rows = _rows(render_csv(replace(report, rows=(row,))))
    assert rows[0]["original"] == '\'=HYPERLINK("x")'
    assert rows[0]["comment"] == "'@SUM(A1)"
    assert rows[0]["corrected"] == "'-1+1"


def test_the_sentence_that_needs_a_decision_says_so(handmade) -> None:
    rows = _rows(render_csv(handmade.report()))
    assert [(r["sentence"], r["needs_decision"]) for r in rows if r["needs_decision"]] == [
        ("s5", "open flag, major: ODD “same” (Style/Awkward: ODD message)")
    ]
