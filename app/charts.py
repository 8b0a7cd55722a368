"""Chart builders (Altair) as plain functions: data in, chart out, axis titles carry units."""

from __future__ import annotations

import altair as alt
import pandas as pd

from app.formatting import axis_scale, format_value

# Charts are built from code, not user input: skip Altair's schema validation while building them
# (it costs more than the queries on a page). Streamlit still validates the finished spec.
alt.utils.schemapi.disable_debug_mode()

HIGHLIGHT = "#c0392b"
MUTED = "#8fb3d9"
# Where a value came from, in every table and chart that mixes them (the legend in i18n's
# source_legend uses the matching squares 🟧 🟦 🟪).
SOURCE_COLOURS = {"report": "#e67e22", "statistics": "#2471a3", "derived": "#7d3c98"}
SOURCE_TINTS = {"report": "#fdf2e9", "statistics": "#eaf2f8", "derived": "#f4ecf7"}
STATUS_COLOURS = {"met": "#2e7d32", "within_tolerance": "#9ccc65", "missed": "#c62828",
                  "no_actual": "#9e9e9e", "not_judged": "#bdbdbd"}

# Streamlit sizes a chart without its own autosize as "fit": the title, axes and their labels
# then come out of the height, and a one-row bar chart kept almost none of it for its bar.
# fit-x stretches the width only; the height is the plot's own.
PLOT_HEIGHT_ONLY = alt.AutoSizeParams(type="fit-x", contains="padding")
ROW_STEP = 28  # pixels per bar (or per row of ticks and dots, or of a grid)


def axis_title(name: str, unit_label: str, lang: str = "zh") -> str:
    """'地区生产总值（亿元）' / 'Gross regional product (CNY bn)'."""
    if not unit_label:
        return name
    return f"{name}（{unit_label}）" if lang == "zh" else f"{name} ({unit_label})"


def _display_frame(frame: pd.DataFrame, unit: str, lang: str) -> tuple[pd.DataFrame, str]:
    # One scale for the whole chart so bars stay comparable (all in 亿元, not 亿元 and 万元).
    frame = frame.copy()
    max_abs = float(frame["value"].abs().max()) if not frame.empty else 0.0
    divisor, unit_label = axis_scale(unit, max_abs, lang)
    frame["display_value"] = frame["value"] / divisor
    frame["formatted"] = [
        format_value(v, unit, b, u, lang)
        for v, b, u in zip(frame["value"], frame.get("bound", ["eq"] * len(frame)),
                           frame.get("value_upper", [None] * len(frame)))
    ]
    # Names repeat across China; add the code only where a name occurs twice.
    duplicated = frame.drop_duplicates("place_code")["place_name"].duplicated(keep=False)
    twice = set(frame.drop_duplicates("place_code").loc[duplicated, "place_name"])
    frame["place_label"] = [
        f"{n} {c}" if n in twice else n for n, c in zip(frame["place_name"], frame["place_code"])
    ]
    frame["is_highlight"] = False
    return frame, unit_label


def ranked_bar_chart(frame: pd.DataFrame, highlight: str, indicator: str, unit: str,
                     lang: str = "zh", title: str = "") -> alt.Chart:
    """Horizontal bars of one year, best first, the chosen place in a contrasting colour."""
    frame, unit_label = _display_frame(frame, unit, lang)
    frame["is_highlight"] = frame["place_code"] == highlight
    order = frame["place_label"].tolist()  # the caller passes rows in rank order
    return (
        alt.Chart(frame, title=title)
        .mark_bar()
        .encode(
            # Bars grow from zero, so a single place's bar spans 0 to its value.
            x=alt.X("display_value:Q", title=axis_title(indicator, unit_label, lang), scale=alt.Scale(zero=True)),
            y=alt.Y("place_label:N", sort=order, title=None),
            color=alt.condition("datum.is_highlight", alt.value(HIGHLIGHT), alt.value(MUTED)),
            tooltip=[alt.Tooltip("place_label:N", title="地区" if lang == "zh" else "Place"),
                     alt.Tooltip("formatted:N", title=indicator)],
        )
        .properties(height=alt.Step(ROW_STEP), autosize=PLOT_HEIGHT_ONLY)
    )


def trend_line_chart(frame: pd.DataFrame, highlight: str, indicator: str, unit: str,
                     lang: str = "zh", title: str = "") -> alt.Chart:
    """One line per place over reference years; the chosen place drawn thicker."""
    frame, unit_label = _display_frame(frame, unit, lang)
    frame["is_highlight"] = frame["place_code"] == highlight
    year_title = "年份" if lang == "zh" else "Year"
    return (
        alt.Chart(frame, title=title)
        .mark_line(point=True)
        .encode(
            x=alt.X("reference_year:O", title=year_title),
            y=alt.Y("display_value:Q", title=axis_title(indicator, unit_label, lang)),
            color=alt.Color("place_label:N", title="地区" if lang == "zh" else "Place"),
            strokeWidth=alt.condition("datum.is_highlight", alt.value(4), alt.value(1.5)),
            tooltip=["place_label:N", "reference_year:O", alt.Tooltip("formatted:N", title=indicator)],
        )
        .properties(height=260, autosize=PLOT_HEIGHT_ONLY)
    )


def attainment_chart(frame: pd.DataFrame, indicator: str, unit: str, lang: str = "zh",
                     status_labels: dict | None = None) -> alt.Chart:
    """Target (tick) against actual (dot) per place and year, dots coloured met/missed."""
    frame = frame.copy()
    max_abs = float(pd.concat([frame["target_value"], frame["actual_value"]]).abs().max() or 0)
    divisor, unit_label = axis_scale(unit, max_abs, lang)
    frame["target_display"] = frame["target_value"] / divisor
    frame["actual_display"] = frame["actual_value"] / divisor
    frame["row_label"] = frame["place_name"] + " " + frame["reference_year"].astype(str)
    labels = status_labels or {}
    frame["status_label"] = frame["status"].map(lambda s: labels.get(s, s))
    title = axis_title(indicator, unit_label, lang)
    y = alt.Y("row_label:N", title=None)
    base = alt.Chart()
    ticks = base.mark_tick(color="#333", thickness=2, size=18).encode(
        x=alt.X("target_display:Q", title=title), y=y, tooltip=["row_label:N", "target_display:Q"]
    )
    domain = [labels.get(s, s) for s in STATUS_COLOURS]
    dots = base.mark_point(filled=True, size=90).encode(
        x=alt.X("actual_display:Q", title=title), y=y,
        color=alt.Color("status_label:N", title=None,
                        scale=alt.Scale(domain=domain, range=list(STATUS_COLOURS.values()))),
        tooltip=["row_label:N", "actual_display:Q", "status_label:N"],
    )
    return alt.layer(ticks, dots, data=frame).properties(height=alt.Step(ROW_STEP), autosize=PLOT_HEIGHT_ONLY)


CHAIN_COLOURS = {"place": HIGHLIGHT, "parent": "#2c3e50", "grandparent": "#7f8c8d", "peer": MUTED}


def target_chain_chart(frame: pd.DataFrame, indicator: str, unit: str, lang: str = "zh",
                       role_labels: dict | None = None, title: str = "") -> alt.Chart:
    """Targets over the years along a chain of governments: one line per place, the place, its parent
    and grandparent in their own colours, peers muted and thinner.

    `frame` has role (place / parent / grandparent / peer), place_code, place_name, reference_year,
    value, value_upper, bound. A range is drawn at its midpoint, as fct_target_cascade compares it.
    """
    frame = frame.copy()
    is_range = (frame["bound"] == "range") & frame["value_upper"].notna()
    frame["point"] = frame["value"].where(~is_range, (frame["value"] + frame["value_upper"]) / 2)
    max_abs = float(frame["point"].abs().max()) if not frame.empty else 0.0
    divisor, unit_label = axis_scale(unit, max_abs, lang)
    frame["display_value"] = frame["point"] / divisor
    frame["formatted"] = [format_value(v, unit, b, u, lang)
                          for v, b, u in zip(frame["value"], frame["bound"], frame["value_upper"])]
    labels = role_labels or {}
    # Peers by name alone; the chain's own places with their role: 温州市（上级）.
    role_format = "{}（{}）" if lang == "zh" else "{} ({})"
    frame["series"] = [name if role == "peer" else role_format.format(name, labels.get(role, role))
                       for name, role in zip(frame["place_name"], frame["role"])]
    # Legend order follows the chain: the place, up the chain, then the peers.
    order = frame.assign(rank=frame["role"].map({r: i for i, r in enumerate(CHAIN_COLOURS)}))
    series = order.sort_values(["rank", "place_code"]).drop_duplicates("series")
    year_title = "年份" if lang == "zh" else "Year"
    return (
        alt.Chart(frame, title=title)
        .mark_line(point=True)
        .encode(
            x=alt.X("reference_year:O", title=year_title),
            y=alt.Y("display_value:Q", title=axis_title(indicator, unit_label, lang)),
            color=alt.Color("series:N", title=None,
                            scale=alt.Scale(domain=series["series"].tolist(),
                                            range=[CHAIN_COLOURS.get(r, MUTED) for r in series["role"]])),
            strokeWidth=alt.condition("datum.role == 'peer'", alt.value(1.5), alt.value(3)),
            tooltip=[alt.Tooltip("series:N", title="地区" if lang == "zh" else "Place"),
                     alt.Tooltip("reference_year:O", title=year_title),
                     alt.Tooltip("formatted:N", title=indicator)],
        )
        .properties(height=300, autosize=PLOT_HEIGHT_ONLY)
    )


def coverage_heatmap(frame: pd.DataFrame, row: str, column: str, value: str,
                     row_title: str, column_title: str, value_title: str) -> alt.Chart:
    """A count grid (e.g. place × year) with the count written in each cell."""
    # The data sits on the layer, not on each mark: Altair would otherwise hash the frame per layer.
    base = alt.Chart().encode(
        x=alt.X(f"{column}:O", title=column_title),
        y=alt.Y(f"{row}:N", title=row_title),
    )
    cells = base.mark_rect().encode(
        color=alt.Color(f"{value}:Q", title=value_title, scale=alt.Scale(scheme="blues")),
        tooltip=[f"{row}:N", f"{column}:O", f"{value}:Q"],
    )
    text = base.mark_text(fontSize=11).encode(text=f"{value}:Q")
    return alt.layer(cells, text, data=frame).properties(height=alt.Step(ROW_STEP - 6), autosize=PLOT_HEIGHT_ONLY)


def attention_line_chart(frame: pd.DataFrame, highlight: str, metric: str, metric_title: str,
                         lang: str = "zh", title: str = "", unit_label: str = "") -> alt.Chart:
    """Term attention per report year: one line per place (dashes tell terms apart), the chosen place
    thicker; the y axis titled with the metric and its unit (次/万字)."""
    frame = frame.copy()
    duplicated = frame.drop_duplicates("place_code")["place_name"].duplicated(keep=False)
    twice = set(frame.drop_duplicates("place_code").loc[duplicated, "place_name"])
    frame["place_label"] = [f"{n} {c}" if n in twice else n for n, c in zip(frame["place_name"], frame["place_code"])]
    frame["is_highlight"] = frame["place_code"] == highlight
    year_title = "报告年份" if lang == "zh" else "Report year"
    place_title = "地区" if lang == "zh" else "Place"
    term_title = "用语" if lang == "zh" else "Term"
    encoding = dict(
        x=alt.X("report_year:O", title=year_title),
        y=alt.Y(f"{metric}:Q", title=axis_title(metric_title, unit_label, lang)),
        color=alt.Color("place_label:N", title=place_title),
        strokeWidth=alt.condition("datum.is_highlight", alt.value(4), alt.value(1.5)),
        tooltip=[alt.Tooltip("place_label:N", title=place_title), alt.Tooltip("term:N", title=term_title),
                 alt.Tooltip("report_year:O", title=year_title), alt.Tooltip(f"{metric}:Q", title=metric_title),
                 "report_id:N"],
    )
    if frame["term"].nunique() > 1:
        encoding["strokeDash"] = alt.StrokeDash("term:N", title=term_title)
    return (alt.Chart(frame, title=title).mark_line(point=True).encode(**encoding)
            .properties(height=260, autosize=PLOT_HEIGHT_ONLY))


def place_trend_chart(frame: pd.DataFrame, indicator: str, unit: str, place_name: str,
                      median_label: str | None = None, lang: str = "zh", title: str = "",
                      source_labels: dict[str, str] | None = None,
                      comparable_from: int | None = None) -> alt.Chart:
    """A place's values over the years, with its peer group's median as a dashed line when given.

    With `comparable_from` (the indicator changed definition that year, dim_indicators), the line
    is broken there and a rule marks the year, so two definitions are never joined silently.

    `frame` has reference_year, value and optionally peer_median and value_source: with a source
    and its labels, the place's points are coloured by where each value came from (a report, the
    statistics, derived), with a legend, so statistics never pass for a report's claim.
    """
    frame = frame.copy()
    values = [frame["value"]] + ([frame["peer_median"]] if "peer_median" in frame else [])
    max_abs = float(pd.concat(values).abs().max() or 0) if not frame.empty else 0.0
    divisor, unit_label = axis_scale(unit, max_abs, lang)
    sources = frame["value_source"] if "value_source" in frame else pd.Series([None] * len(frame), index=frame.index)
    long = [{"reference_year": int(r["reference_year"]), "series": place_name, "display_value": r["value"] / divisor,
             "formatted": format_value(r["value"], unit, "eq", None, lang),
             "source": (source_labels or {}).get(source, source) if isinstance(source, str) else None}
            for (_, r), source in zip(frame.iterrows(), sources) if pd.notna(r["value"])]
    if median_label and "peer_median" in frame:
        long += [{"reference_year": int(r["reference_year"]), "series": median_label,
                  "display_value": r["peer_median"] / divisor,
                  "formatted": format_value(r["peer_median"], unit, "eq", None, lang), "source": None}
                 for _, r in frame.iterrows() if pd.notna(r["peer_median"])]
    data = pd.DataFrame(long, columns=["reference_year", "series", "display_value", "formatted", "source"])
    # Which side of a definition change each point is on: lines join points of one side only.
    data["definition"] = ["current" if comparable_from is None or year >= comparable_from else "earlier"
                          for year in data["reference_year"]]
    domain = [place_name] + ([median_label] if median_label else [])
    base = alt.Chart(data, title=title).encode(
        x=alt.X("reference_year:O", title="年份" if lang == "zh" else "Year"),
        y=alt.Y("display_value:Q", title=axis_title(indicator, unit_label, lang)),
        tooltip=["series:N", "reference_year:O", alt.Tooltip("formatted:N", title=indicator),
                 alt.Tooltip("source:N", title="来源" if lang == "zh" else "Source")],
    )
    lines = base.mark_line(point=not source_labels).encode(
        color=alt.Color("series:N", title=None,
                        scale=alt.Scale(domain=domain, range=[HIGHLIGHT, "#7f8c8d"][:len(domain)])),
        strokeDash=alt.StrokeDash("series:N", title=None,
                                  scale=alt.Scale(domain=domain, range=[[1, 0], [5, 4]][:len(domain)])),
        detail="definition:N",
    )
    if comparable_from is not None and (data["definition"] == "earlier").any():
        label = "口径调整" if lang == "zh" else "Definition changed"
        rule = pd.DataFrame({"reference_year": [int(comparable_from)], "label": [label]})
        mark = alt.Chart(rule).encode(x=alt.X("reference_year:O"))
        lines = alt.layer(lines, mark.mark_rule(color="#7f8c8d", strokeDash=[2, 2]),
                          mark.mark_text(align="left", dx=4, dy=-110, color="#7f8c8d").encode(text="label:N"))
    if not source_labels:
        return lines.properties(height=260, autosize=PLOT_HEIGHT_ONLY)
    shown = [key for key in SOURCE_COLOURS if key in set(sources.dropna())]
    points = base.transform_filter("isValid(datum.source)").mark_point(filled=True, size=70).encode(
        fill=alt.Fill("source:N", title="来源" if lang == "zh" else "Source",
                      scale=alt.Scale(domain=[source_labels[k] for k in shown],
                                      range=[SOURCE_COLOURS[k] for k in shown])),
        color=alt.value("#ffffff"),
    )
    return alt.layer(lines, points).properties(height=260, autosize=PLOT_HEIGHT_ONLY)


NO_DATA_GREY = "#d0d0d0"
SEA_LINE = "#4a6fa5"


# The map's tooltip and legend words (charts are built outside a page, with the language passed in).
MAP_LABELS = {
    "zh": {"place": "地区", "value": "数值", "unit": "单位", "source": "来源", "year": "年份", "no_data": "无数据"},
    "en": {"place": "Place", "value": "Value", "unit": "Unit", "source": "Source", "year": "Year", "no_data": "No data"},
}


def choropleth_map(features: list[dict], frame: pd.DataFrame, indicator: str, unit: str, lang: str = "zh",
                   highlight: str | None = None, sea_line: dict | None = None, title: str = "") -> alt.LayerChart:
    """A choropleth of units (GeoJSON Features with properties.place_code) coloured by their value.

    `frame` has one row per unit: place_code, place_name, value (null: no data), bound, value_upper,
    reference_year, and optionally source (a label) and link (the unit's report or page). Layers,
    bottom up: every unit in grey ("no data"), the units with a value in colour (legend titled with
    the unit), every outline, the highlighted unit's outline, and the South China Sea line when given.
    """
    labels = MAP_LABELS["zh" if lang == "zh" else "en"]
    has_value = frame["value"].notna()
    max_abs = float(frame.loc[has_value, "value"].abs().max()) if has_value.any() else 0.0
    divisor, unit_label = axis_scale(unit, max_abs, lang)
    rows = {row["place_code"]: row for row in frame.to_dict("records")}
    shapes = []
    for feature in features:
        code = feature["properties"]["place_code"]
        row = rows.get(code, {})
        value = row.get("value")
        known = value is not None and not pd.isna(value)
        year = row.get("reference_year")
        shapes.append({"type": "Feature", "geometry": feature["geometry"], "properties": {
            "place_code": code,
            "place_name": row.get("place_name") or code,
            "has_value": known,
            "display_value": float(value) / divisor if known else None,
            "formatted": format_value(value, unit, row.get("bound"), row.get("value_upper"), lang) if known
            else labels["no_data"],
            "unit_label": unit_label,
            "source": (row.get("source") or "—") if known else "—",
            "year": int(year) if year is not None and not pd.isna(year) else None,
            "link": row.get("link") or None,
            "is_highlight": code == highlight,
            "no_data": labels["no_data"],
        }})
    data = alt.Data(values=shapes)
    tooltip = [alt.Tooltip("properties.place_name:N", title=labels["place"]),
               alt.Tooltip("properties.formatted:N", title=labels["value"]),
               alt.Tooltip("properties.unit_label:N", title=labels["unit"]),
               alt.Tooltip("properties.source:N", title=labels["source"]),
               alt.Tooltip("properties.year:O", title=labels["year"])]
    any_missing = len(shapes) > int(sum(s["properties"]["has_value"] for s in shapes))
    # Under everything, so a unit without a value reads as "no data", never as the low end of the scale.
    # The units sit on the layer, not on each mark (one copy of the shapes in the spec); the sea
    # line brings its own.
    no_data = alt.Chart().mark_geoshape(stroke="white", strokeWidth=0.6).encode(
        color=alt.Color("properties.no_data:N", scale=alt.Scale(domain=[labels["no_data"]], range=[NO_DATA_GREY]),
                        legend=alt.Legend(title=None, symbolType="square", symbolSize=150) if any_missing else None),
        tooltip=tooltip,
    )
    values = [s["properties"]["display_value"] for s in shapes if s["properties"]["has_value"]]
    # Values on both sides of zero (a fall and a rise) diverge from zero; otherwise one hue.
    scale = (alt.Scale(scheme="redblue", domainMid=0) if values and min(values) < 0 < max(values)
             else alt.Scale(scheme="blues"))
    coloured = alt.Chart().transform_filter("datum.properties.has_value").mark_geoshape(
        stroke="white", strokeWidth=0.6, cursor="pointer",
    ).encode(
        # No value at all: no colour scale to explain (the grey legend says it).
        color=alt.Color("properties.display_value:Q", title=axis_title(indicator, unit_label, lang), scale=scale,
                        legend=alt.Legend(format=",~r") if values else None),
        tooltip=tooltip,
        href=alt.Href("properties.link:N"),
    )
    outline = alt.Chart().transform_filter("datum.properties.is_highlight").mark_geoshape(
        filled=False, stroke=HIGHLIGHT, strokeWidth=2)
    layers = [no_data, coloured, outline]
    if sea_line is not None:
        layers.append(alt.Chart(alt.Data(values=[{"type": "Feature", "geometry": sea_line, "properties": {}}]))
                      .mark_geoshape(filled=False, stroke=SEA_LINE, strokeWidth=1.2, strokeDash=[5, 3]))
    return (
        alt.layer(*layers, data=data, title=title)
        .resolve_scale(color="independent")
        .project(type="mercator")
        .properties(height=520)
    )
