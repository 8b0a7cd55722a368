"""Report text becomes safe HTML: everything escaped, extracted spans marked."""

import pytest

from app.highlight import Span, highlight_html, offset_mismatches


def test_text_is_escaped_outside_and_inside_marks():
    text = '<script>x</script> GDP <b>5%</b>'
    start = text.index("<b>")
    html = highlight_html(text, [Span(start, len(text), "actual", title='"quoted"')])
    assert "<script>" not in html and "<b>" not in html
    assert html.startswith("&lt;script&gt;x&lt;/script&gt; GDP ")
    assert '<mark style="background:#fff3a3;" title="&quot;quoted&quot;">&lt;b&gt;5%&lt;/b&gt;</mark>' in html


def test_no_spans_is_just_escaped_text():
    assert highlight_html("a < b & c", []) == "a &lt; b &amp; c"


@pytest.mark.parametrize("spans, marked", [
    ([Span(0, 2, "actual"), Span(1, 3, "target")], ["甲乙"]),       # overlap: first wins
    ([Span(2, 3, "target"), Span(0, 1, "actual")], ["甲", "丙"]),   # out of order is sorted
    ([Span(0, 99, "actual")], []),                                   # beyond the text
    ([Span(2, 2, "actual")], []),                                    # empty span
])
def test_bad_spans_are_skipped_not_fatal(spans, marked):
    html = highlight_html("甲乙丙丁", spans)
    assert [part.split(">", 1)[1] for part in html.split("</mark>")[:-1]] == marked


def test_selected_span_is_outlined():
    assert "outline" in highlight_html("abc", [Span(0, 1, "other", selected=True)])


def test_offset_mismatches_counts_spans_that_miss_their_surface():
    text = "增长6.5%，达到100亿元"
    assert offset_mismatches(text, [2, 9], [6, 14], ["6.5%", "100亿元"]) == 0
    assert offset_mismatches(text, [3, 9], [7, 14], ["6.5%", "100亿元"]) == 1


def test_a_missing_offset_counts_as_a_mismatch():
    import pandas as pd
    assert offset_mismatches("增长6.5%", [pd.NA], [6], ["6.5%"]) == 1
