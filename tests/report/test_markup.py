from review.report.markup import Markup, join, raw, tag, text


def test_plain_strings_are_escaped_markup_is_not() -> None:
    assert tag("td", "</td><script>x</script>") == (
        "<td>&lt;/td&gt;&lt;script&gt;x&lt;/script&gt;</td>"
    )
    assert tag("p", tag("b", "a & b"), " <i>") == "<p><b>a &amp; b</b> &lt;i&gt;</p>"
    assert isinstance(tag("p"), Markup)


def test_attributes_are_escaped_renamed_and_dropped() -> None:
    html = tag("div", class_="x", data_figure='"><script>', hidden=True, title=None, open=False)
    assert html == '<div class="x" data-figure="&quot;&gt;&lt;script&gt;" hidden></div>'


def test_join_text_and_raw() -> None:
    assert join(["a<", None, 3, tag("br")]) == "a&lt;3<br></br>"
    assert text("'") == "&#x27;"
    assert raw("<meta>") == "<meta>"
