"""Report reader: a report's text with every extracted quantity highlighted, and where each value went."""

import html

import pandas as pd
import streamlit as st

from app import data
from app.formatting import format_value, is_missing
from app.highlight import FOCUS_ID, Span, highlight_html, offset_mismatches
from app.i18n import current_language, indicator_name, t
from app.ui import download_csv, formatted, kind_label, page_links, show_table

lang = current_language()
st.title(t("page_reader"))

reports = data.reports()
if reports.empty:
    st.info(t("reader_no_reports"))
    st.stop()

report_ids = reports["report_id"].tolist()
report_labels = {
    row["report_id"]: f"{row['place_name']} {row['report_year']} · "
                      f"{row['report_id'] if is_missing(row['title']) else row['title']}"
    for row in reports.to_dict("records")
}
if st.session_state.get("reader_report") not in report_ids:
    # ?report= first, then the newest report of the place chosen elsewhere in the app.
    wanted = st.query_params.get("report")
    wanted_place = st.query_params.get("place") or st.session_state.get("chosen_place")
    of_place = reports.loc[reports["place_code"] == wanted_place, "report_id"].tolist()
    st.session_state["reader_report"] = wanted if wanted in report_ids else (of_place or report_ids)[0]


def _report_changed() -> None:
    # A deep link's mention and sentence belong to the report it opened.
    for name in ("mention", "sentence"):
        if name in st.query_params:
            del st.query_params[name]
    st.session_state["reader_follow"] = False


report_id = st.selectbox(t("reader_report"), report_ids, format_func=report_labels.get, key="reader_report",
                         on_change=_report_changed)
st.query_params["report"] = report_id
place_code = reports.set_index("report_id").loc[report_id, "place_code"]
st.session_state["chosen_place"] = place_code
st.query_params["place"] = place_code

text = data.report_text(report_id)
if text is None:
    st.info(t("reader_no_text"))
    st.stop()
mentions = data.report_mentions(report_id)

present = mentions.dropna(subset=["indicator_id"]).drop_duplicates("indicator_id")
names = {row["indicator_id"]: indicator_name(row) for _, row in present.iterrows()}
left, right = st.columns([3, 2])
only = left.multiselect(t("reader_indicators"), list(names), format_func=names.get, key="reader_indicators")
show_other = right.checkbox(t("reader_show_other"), value=True, key="reader_show_other")

shown = mentions
if only:
    shown = shown[shown["indicator_id"].isin(only)]
elif not show_other:
    shown = shown[shown["indicator_id"].notna()]


def mention_label(row) -> str:
    name = names.get(row["indicator_id"], row["surface"]) if not is_missing(row["indicator_id"]) else row["surface"]
    value = format_value(row["value"], row["unit"], row["bound"], row["value_upper"], lang)
    year = "" if is_missing(row["reference_year"]) else f" {int(row['reference_year'])}"
    return f"{name} · {value} · {kind_label(row['value_kind'])}{year}"


shown_rows = shown.to_dict("records")  # plain dicts: iterrows is slow on reports with hundreds of values
labels = {row["mention_id"]: mention_label(row) for row in shown_rows}
linked_mention = st.query_params.get("mention")
linked_sentence = st.query_params.get("sentence")


def _mention_changed() -> None:
    # From now on the focus follows the analyst's choice, and the URL names it.
    st.session_state["reader_follow"] = True
    st.query_params["mention"] = st.session_state["reader_mention"]
    if "sentence" in st.query_params:
        del st.query_params["sentence"]


selected = None
if labels:
    if st.session_state.get("reader_mention") not in labels and linked_mention in labels:
        st.session_state["reader_mention"] = linked_mention  # ?mention= opens on that value
    selected = st.selectbox(t("reader_mention"), list(labels), format_func=labels.get, key="reader_mention",
                            on_change=_mention_changed)

# The sentence to bring into view: the one the analyst picked, or the one a deep link names.
focus_sentence = None
if selected is not None and (st.session_state.get("reader_follow") or selected == linked_mention):
    focus_sentence = shown.set_index("mention_id").loc[selected, "sentence_id"]
elif linked_sentence:
    focus_sentence = linked_sentence
focus = None if is_missing(focus_sentence) else data.sentence_span(report_id, focus_sentence)

bad = offset_mismatches(text, mentions["char_start"], mentions["char_end"], mentions["surface"])
if bad:
    st.warning(t("reader_offsets_bad", n=bad))

spans = [
    Span(int(row["char_start"]), int(row["char_end"]),
         row["value_kind"] if not is_missing(row["indicator_id"]) else "other",
         title=labels.get(row["mention_id"], ""), selected=row["mention_id"] == selected)
    for row in shown_rows
    if not (is_missing(row["char_start"]) or is_missing(row["char_end"]))
]
if focus is not None:
    # The linked sentence also above the text, escaped, so it is seen even before the box scrolls.
    st.html(
        f'<div style="border-left:4px solid #c0392b; padding:0.3rem 0.8rem; background:#fdf0f0;">'
        f"<b>{html.escape(t('reader_focus'))}</b> {html.escape(text[focus[0]:focus[1]].strip())}</div>"
    )
st.caption(t("reader_legend"))
with st.container(height=520):
    st.html(
        '<div style="white-space: pre-wrap; line-height: 1.9; font-size: 1.02rem;">'
        + highlight_html(text, spans, focus)
        + "</div>"
    )
if focus is not None:
    # Bring the linked sentence into view inside the scrolling box (our own script; the report text
    # above is escaped and never runs).
    st.html(
        f"<script>setTimeout(() => document.getElementById({FOCUS_ID!r})"
        "?.scrollIntoView({block: 'center'}), 300);</script>",
        unsafe_allow_javascript=True,
    )

if selected is not None:
    row = shown.set_index("mention_id").loc[selected]
    st.markdown(f"**{labels[selected]}** — 「{row['surface']}」")
    values = data.values_from_mention(
        selected, row["place_code"], None if is_missing(row["indicator_id"]) else row["indicator_id"],
        None if is_missing(row["reference_year"]) else int(row["reference_year"]), row["value_kind"],
    )
    own = values[values["from_this_mention"]]
    if not own.empty:
        st.markdown(t("reader_became"))
        show_table(own.drop(columns=["from_this_mention"]), "reader_became_table")
    elif not values.empty:
        st.info(t("reader_other_won"))
        show_table(values.drop(columns=["from_this_mention"]), "reader_other_table")
    else:
        st.info(t("reader_not_kept"))

with st.expander(t("reader_mentions_table")):
    table = pd.DataFrame({
        t("col_indicator"): [names.get(i, "—") if not is_missing(i) else "—" for i in mentions["indicator_id"]],
        t("col_value"): formatted(mentions),
        "surface": mentions["surface"],
        t("value_kind"): [kind_label(k) for k in mentions["value_kind"]],
        t("col_year"): mentions["reference_year"],
        "char_start": mentions["char_start"],
        "char_end": mentions["char_end"],
    })
    show_table(table, "reader_mentions_table")
    download_csv(mentions, f"mentions_{report_id}", key="reader_csv")

page_links(place=place_code)
