"""The app's queries over the marts: one function per question a page asks, each one parameterised SQL.

Every mart exists (this project's dbt builds the warehouse, and a build is swapped in only whole);
a mart with no rows gives an empty frame, and the page shows its empty state.
"""

from __future__ import annotations

import pandas as pd

from app.warehouse import has_table, query

# --- places and indicators -------------------------------------------------------------------

def places_with_data() -> pd.DataFrame:
    """Places that have reports or values, with their prefecture and province, most data first."""
    return query(
        """
        with values_per_place as (
            select place_code, count(*) as n_values from fct_indicator_values group by place_code
        )
        select p.place_code, p.place_name, p.level, p.level_class, p.prefecture_code, p.prefecture_name,
               p.province_code, p.province_name, p.n_reports, coalesce(v.n_values, 0) as n_values
        from dim_places p
        left join values_per_place v using (place_code)
        where p.n_reports > 0 or v.n_values > 0
        order by p.province_code, p.prefecture_code, p.place_code
        """
    )


def gazetteer_name(place_code: str) -> str | None:
    """The gazetteer's name for a code (dim_places holds every place, with or without data)."""
    found = query("select place_name from dim_places where place_code = ?", (place_code,))
    return None if found.empty else str(found["place_name"].iloc[0])


def indicators() -> pd.DataFrame:
    """Every catalogue indicator with how many values the warehouse holds for it."""
    return query(
        """
        select i.indicator_id, i.name_zh, i.name_en, i.measure, i.unit, i.higher_is_better,
               i.comparable_from, i.replaced_by, i.series_note,
               count(v.indicator_id) as n_values
        from dim_indicators i
        left join fct_indicator_values v using (indicator_id)
        group by all
        order by n_values desc, i.indicator_id
        """
    )


_VALUE_COLUMNS = """
    v.place_code, v.place_name, v.indicator_id, i.name_zh, i.name_en, v.reference_year, v.value_kind,
    v.value, v.value_upper, v.bound, v.unit, v.report_id, v.report_year, v.quote,
    v.sentence_id, v.char_start, v.char_end, v.mention_id
"""


def latest_actuals(place_code: str) -> pd.DataFrame:
    """For each indicator, the place's actual value for the most recent reference year."""
    return query(
        f"""
        select {_VALUE_COLUMNS}
        from fct_indicator_values v join dim_indicators i using (indicator_id)
        where v.place_code = ? and v.value_kind = 'actual'
        qualify row_number() over (partition by v.indicator_id order by v.reference_year desc) = 1
        order by i.measure <> 'level', v.indicator_id
        """,
        (place_code,),
    )


def latest_targets(place_code: str) -> pd.DataFrame:
    """The targets set in the place's latest report year that states any target."""
    return query(
        f"""
        with latest as (
            select max(report_year) as report_year from fct_indicator_values
            where place_code = ? and value_kind = 'target'
        )
        select {_VALUE_COLUMNS}
        from fct_indicator_values v join dim_indicators i using (indicator_id)
        where v.place_code = ? and v.value_kind = 'target' and v.report_year = (select report_year from latest)
        order by v.reference_year, i.measure, v.indicator_id
        """,
        (place_code, place_code),
    )


def indicator_series(indicator_id: str, place_codes: list[str], value_kind: str = "actual") -> pd.DataFrame:
    """One indicator's values over all years for the given places."""
    return query(
        f"""
        select {_VALUE_COLUMNS}
        from fct_indicator_values v join dim_indicators i using (indicator_id)
        where v.indicator_id = ? and v.value_kind = ? and list_contains(?::varchar[], v.place_code)
        order by v.place_code, v.reference_year
        """,
        (indicator_id, value_kind, list(place_codes)),
    )


def _ranking_sql(values_sql: str) -> str:
    """Rank places on one indicator in one year over a source of values (rank 1 is best)."""
    return f"""
        with chosen as (
            select {_VALUE_COLUMNS},
                   case when ? then v.value else -v.value end as merit
            from ({values_sql}) v join dim_indicators i using (indicator_id)
            where v.indicator_id = ? and v.reference_year = ? and v.value_kind = ?
              and list_contains(?::varchar[], v.place_code)
        )
        select rank() over (order by merit desc) as rank,
               count(*) over () as n_places,
               round(100 * (1 - percent_rank() over (order by merit desc)), 1) as percentile,
               value - first_value(value) over (order by merit desc) as gap_to_leader,
               * exclude (merit)
        from chosen
        order by rank, place_code
        """


def ranking(indicator_id: str, year: int, place_codes: list[str], value_kind: str, higher_is_better: bool) -> pd.DataFrame:
    """Rank the places on one indicator in one year: rank 1 is best; percentile 100 is the leader."""
    return query(
        _ranking_sql("select * from fct_indicator_values"),
        (bool(higher_is_better), indicator_id, int(year), value_kind, list(place_codes)),
    )


# --- peer groups (fct_peer_benchmarks; names from the seed peer_groups) ------------------------

def peer_groups_for(place_code: str) -> pd.DataFrame:
    """The warehouse's peer groups this place belongs to, with their names."""
    return query(
        """
        select distinct b.peer_group_id, b.group_key, g.name_zh, g.name_en
        from fct_peer_benchmarks b left join catalogue.peer_groups g using (peer_group_id)
        where b.place_code = ?
        order by b.peer_group_id, b.group_key
        """,
        (place_code,),
    )


def group_benchmark(peer_group_id: str, group_key: str, indicator_id: str, value_kind: str) -> pd.DataFrame:
    """A warehouse peer group's ranking rows for one indicator, every year, in the shape of ranking()."""
    return query(
        """
        select b.peer_rank as rank, b.n_peers_with_data as n_places, round(100 * b.percentile, 1) as percentile,
               b.gap_to_leader, b.place_code, b.place_name, b.indicator_id, b.reference_year, b.value_kind,
               b.value, v.value_upper, coalesce(v.bound, 'eq') as bound, b.unit, b.value_source, b.peer_median,
               b.leader_place_name, b.report_id, v.report_year, v.sentence_id, v.char_start, v.char_end,
               v.mention_id, v.quote
        from fct_peer_benchmarks b
        left join fct_indicator_values v
          on v.place_code = b.place_code and v.indicator_id = b.indicator_id
         and v.reference_year = b.reference_year and v.value_kind = b.value_kind and v.report_id = b.report_id
        where b.peer_group_id = ? and b.group_key = ? and b.indicator_id = ? and b.value_kind = ?
        order by b.reference_year, b.peer_rank, b.place_code
        """,
        (peer_group_id, group_key, indicator_id, value_kind),
    )


# --- targets --------------------------------------------------------------------------------

def target_attainment(place_codes: list[str], indicator_ids: list[str] | None = None) -> pd.DataFrame:
    """Every target of these places with what became of it (fct_target_outcomes, judged in the
    warehouse): met, within_tolerance, missed, or no_actual while that year's actual is unknown."""
    return query(
        """
        select o.place_code, o.place_name, o.indicator_id, o.reference_year,
               o.target_value, o.target_value_upper as target_upper, o.target_bound,
               o.target_report_id, o.target_quote, o.actual_value, o.actual_bound,
               o.actual_report_id, o.actual_quote, o.status,
               o.gap, i.name_zh, i.name_en, i.unit, i.higher_is_better
        from fct_target_outcomes o join dim_indicators i using (indicator_id)
        where list_contains(?::varchar[], o.place_code)
          and (? or list_contains(?::varchar[], o.indicator_id))
        order by o.place_code, o.reference_year desc, o.indicator_id
        """,
        (list(place_codes), indicator_ids is None, list(indicator_ids or [])),
        through_arrow=True,  # two quotes a row, a thousand rows for a province: the app's slowest query
    )


# --- targets down the chain (fct_target_cascade) --------------------------------------------

def cascade_indicators(place_code: str) -> pd.DataFrame:
    """Indicators on which the place and its parent both set a target in some year, most years first."""
    return query(
        """
        select c.indicator_id, i.name_zh, i.name_en, i.measure, i.unit, i.higher_is_better,
               count(*) as n_values
        from fct_target_cascade c join dim_indicators i using (indicator_id)
        where c.place_code = ?
        group by all
        order by n_values desc, c.indicator_id
        """,
        (place_code,),
    )


def target_cascade(place_code: str, indicator_id: str) -> pd.DataFrame:
    """The place's targets beside its parent's, one row per year, newest first (fct_target_cascade)."""
    return query(
        """
        select c.*, i.name_zh, i.name_en
        from fct_target_cascade c join dim_indicators i using (indicator_id)
        where c.place_code = ? and c.indicator_id = ?
        order by c.reference_year desc
        """,
        (place_code, indicator_id),
    )


# A fct_target_cascade column of either side (place_… or parent_…) → its name as a plain target.
_CASCADE_SIDE_COLUMNS = {
    "code": "place_code", "name": "place_name", "target_value": "value", "target_value_upper": "value_upper",
    "target_bound": "bound", "unit": "unit", "report_id": "report_id", "sentence_id": "sentence_id",
    "mention_id": "mention_id", "quote": "quote",
}


def _cascade_side(side: str, alias: str) -> str:
    """The select list of one side ('place' or 'parent') of fct_target_cascade rows as plain targets."""
    columns = [f"{alias}.{side}_{column} as {name}" for column, name in _CASCADE_SIDE_COLUMNS.items()]
    return ", ".join(columns + [f"{alias}.reference_year"])


def target_chain(place_code: str, indicator_id: str) -> pd.DataFrame:
    """Every target in the place's chain in the years it has a parent target, one row per place × year:
    the place, its parent, the parent's parent (where the parent's own row exists) and its peers
    (other places under the same parent with a row that year). `role` says which."""
    return query(
        f"""
        with own as (
            select * from fct_target_cascade where place_code = ? and indicator_id = ?
        ),
        chain as (
            select 'place' as role, 0 as role_order, {_cascade_side("place", "own")} from own
            union all
            select 'parent', 1, {_cascade_side("parent", "own")} from own
            union all
            select 'grandparent', 2, {_cascade_side("parent", "up")}
            from fct_target_cascade up
            semi join own on up.place_code = own.parent_code and up.indicator_id = own.indicator_id
                         and up.reference_year = own.reference_year
            union all
            select 'peer', 3, {_cascade_side("place", "peer")}
            from fct_target_cascade peer
            semi join own on peer.parent_code = own.parent_code and peer.indicator_id = own.indicator_id
                         and peer.reference_year = own.reference_year and peer.place_code <> own.place_code
        )
        select * from chain
        order by reference_year, role_order, place_code
        """,
        (place_code, indicator_id),
    )


# --- reports --------------------------------------------------------------------------------

def reports() -> pd.DataFrame:
    """Every report with a stored text, newest first within each place."""
    return query(
        """
        select r.report_id, r.place_code, r.place_name, r.report_year, r.title, r.is_work_report,
               r.char_count, r.n_mentions, r.n_values
        from dim_reports r
        where r.report_id in (select report_id from dim_report_texts)
        order by r.place_code, r.report_year desc, r.report_id
        """
    )


def report_text(report_id: str) -> str | None:
    frame = query("select report_text from dim_report_texts where report_id = ?", (report_id,))
    return None if frame.empty else frame["report_text"].iloc[0]


def report_mentions(report_id: str) -> pd.DataFrame:
    """Every quantity extracted from one report, in text order, with indicator names."""
    return query(
        """
        select m.mention_id, m.sentence_id, m.char_start, m.char_end, m.surface, m.subject, m.verb,
               m.indicator_id, i.name_zh, i.name_en, m.value, m.value_upper, m.bound, m.unit, m.unit_raw,
               m.value_kind, m.reference_year, m.is_multi_year, m.is_rank, m.is_sub_area,
               m.report_id, m.place_code, m.report_year
        from fct_metric_mentions m left join dim_indicators i using (indicator_id)
        where m.report_id = ?
        order by m.char_start, m.mention_id
        """,
        (report_id,),
    )


def values_from_mention(mention_id: str, place_code: str, indicator_id: str | None,
                        reference_year: int | None, value_kind: str | None) -> pd.DataFrame:
    """The warehouse value(s) a mention became, or that won over it for the same key."""
    return query(
        """
        select v.*, v.mention_id = ? as from_this_mention
        from fct_indicator_values v
        where v.mention_id = ?
           or (v.place_code = ? and v.indicator_id = ? and v.reference_year = ? and v.value_kind = ?)
        order by from_this_mention desc
        """,
        (mention_id, mention_id, place_code, indicator_id, reference_year, value_kind),
    )


# --- coverage -------------------------------------------------------------------------------

def coverage_summary() -> dict:
    frame = query(
        """
        select (select count(*) from dim_reports) as n_reports,
               (select count(*) from dim_reports where is_work_report) as n_work_reports,
               (select count(distinct place_code) from fct_indicator_values) as n_places,
               (select count(*) from fct_indicator_values) as n_values,
               (select count(*) from fct_metric_mentions) as n_mentions
        """
    )
    return {k: int(v) for k, v in frame.iloc[0].items()}


def coverage_by_place_year() -> pd.DataFrame:
    """Values per place × reference year × kind (how much each report season yielded)."""
    return query(
        """
        select place_code, place_name, reference_year, value_kind, n_values, n_indicators
        from fct_place_year_coverage
        order by place_code, reference_year, value_kind
        """
    )


def coverage_by_indicator_year() -> pd.DataFrame:
    """Places with an actual value per indicator × reference year (what can be benchmarked)."""
    return query(
        """
        select v.indicator_id, i.name_zh, i.name_en, v.reference_year, v.value_kind,
               count(distinct v.place_code) as n_places
        from fct_indicator_values v join dim_indicators i using (indicator_id)
        group by all
        order by v.indicator_id, v.reference_year
        """
    )


def report_quality() -> pd.DataFrame:
    """dim_reports, worst first: not a work report, truncated, characters lost in decoding."""
    return query(
        """
        select * from dim_reports
        order by is_work_report asc, is_truncated desc, lost_char_runs desc, place_code, report_year
        """
    )


# --- benchmark values beyond the reports: per-capita figures derived in fct_peer_benchmarks -----

# Per-capita values a report does not state the warehouse derives from a level and the resident
# population, in fct_peer_benchmarks (value_source 'derived', never where a report states one),
# once per peer group: one row per place is kept. gdp_per_capita is among them, though reports
# state it too (its catalogue measure is 'level'), so the rows are picked by source, not measure.
_BENCHMARK_VALUES = """
    select * from fct_indicator_values
    union all by name
    select b.place_code, b.place_name, b.indicator_id, b.reference_year, b.value_kind, b.value,
           null::double as value_upper, 'eq' as bound, b.unit, b.report_id,
           null::integer as report_year, null::varchar as quote, null::varchar as sentence_id,
           null::integer as char_start, null::integer as char_end, null::varchar as mention_id
    from fct_peer_benchmarks b
    where b.value_source = 'derived'
    qualify row_number() over (
        partition by b.place_code, b.indicator_id, b.reference_year, b.value_kind
        order by b.peer_group_id, b.group_key) = 1
"""


def benchmark_indicators() -> pd.DataFrame:
    """indicators() with the derived per-capita values of fct_peer_benchmarks counted in."""
    frame = indicators()
    derived = query(
        """
        select indicator_id, count(*) as n_derived
        from (select distinct place_code, indicator_id, reference_year
              from fct_peer_benchmarks
              where value_source = 'derived')
        group by indicator_id
        """
    )
    frame = frame.merge(derived, on="indicator_id", how="left")
    frame["n_values"] = frame["n_values"] + frame["n_derived"].fillna(0).astype(int)
    return frame.drop(columns=["n_derived"])


def benchmark_series(indicator_id: str, place_codes: list[str], value_kind: str = "actual") -> pd.DataFrame:
    """indicator_series() over report values and derived per-capita values."""
    return query(
        f"""
        select {_VALUE_COLUMNS}
        from ({_BENCHMARK_VALUES}) v join dim_indicators i using (indicator_id)
        where v.indicator_id = ? and v.value_kind = ? and list_contains(?::varchar[], v.place_code)
        order by v.place_code, v.reference_year
        """,
        (indicator_id, value_kind, list(place_codes)),
    )


def benchmark_ranking(indicator_id: str, year: int, place_codes: list[str], value_kind: str,
                      higher_is_better: bool) -> pd.DataFrame:
    """ranking() over report values and derived per-capita values."""
    return query(
        _ranking_sql(_BENCHMARK_VALUES),
        (bool(higher_is_better), indicator_id, int(year), value_kind, list(place_codes)),
    )


# --- place profile: peer ranks, target records, reconciliation --------------------------------

def place_peer_ranks(place_code: str, peer_group_id: str, group_key: str) -> pd.DataFrame:
    """The place's rank in one peer group, per indicator × reference year × kind."""
    return query(
        """
        select indicator_id, reference_year, value_kind, peer_rank, n_peers_with_data, n_peers_without_data,
               n_peers_from_statistics, peer_median, leader_place_name, value_source
        from fct_peer_benchmarks
        where place_code = ? and peer_group_id = ? and group_key = ?
        """,
        (place_code, peer_group_id, group_key),
    )


def peer_median_series(place_code: str, peer_group_id: str, group_key: str, indicator_id: str) -> pd.DataFrame:
    """The place's own value and its peer group's median over the years (actuals)."""
    return query(
        """
        select reference_year, value, value_source, peer_median, unit, peer_rank, n_peers_with_data,
               n_peers_from_statistics
        from fct_peer_benchmarks
        where place_code = ? and peer_group_id = ? and group_key = ? and indicator_id = ?
          and value_kind = 'actual'
        order by reference_year
        """,
        (place_code, peer_group_id, group_key, indicator_id),
    )


def place_series(place_code: str, indicator_id: str) -> pd.DataFrame:
    """One place's actuals of one indicator over the years (report values and derived per-capita)."""
    return benchmark_series(indicator_id, [place_code], "actual")


def target_records(place_code: str) -> pd.DataFrame:
    """fct_target_records for the place with indicator names."""
    return query(
        """
        select r.*, i.name_zh, i.name_en
        from fct_target_records r left join dim_indicators i using (indicator_id)
        where r.place_code = ?
        order by r.n_judged desc, r.indicator_id
        """,
        (place_code,),
    )


def statistics_reconciled() -> bool:
    """Whether any report claim was checked against official statistics (none before a panel is loaded)."""
    return not query("select 1 from fct_reconciliation limit 1").empty


def statistics_available() -> bool:
    """Whether the warehouse holds any official statistics (fct_statistics)."""
    return not query("select 1 from fct_statistics limit 1").empty


def place_statistics(place_code: str) -> pd.DataFrame:
    """The place's official statistics, the latest year of each indicator (fct_statistics), and the
    per-capita values derived from them and census population (fct_peer_benchmarks, 'derived')."""
    return query(
        """
        with official as (
            select s.indicator_id, s.reference_year, s.value, s.unit, 'statistics' as value_source,
                   s.source_name, s.vintage, null::integer as population_year
            from fct_statistics s
            where s.place_code = ?
            qualify row_number() over (partition by s.indicator_id order by s.reference_year desc) = 1
        ),
        per_capita as (
            select distinct b.indicator_id, b.reference_year, b.value, b.unit, b.value_source,
                   null::varchar as source_name, null::varchar as vintage, b.population_year
            from fct_peer_benchmarks b
            semi join official o on b.indicator_id = o.indicator_id || '_per_capita' and b.reference_year = o.reference_year
            where b.place_code = ? and b.value_source = 'derived'
        )
        select v.*, i.name_zh, i.name_en
        from (select * from official union all select * from per_capita) v
        left join dim_indicators i using (indicator_id)
        order by v.indicator_id
        """,
        (place_code, place_code),
    )


def same_level_group(place_code: str) -> tuple[str, str] | None:
    """The place's 'same province, same level' peer group instance (浙江省's county-level cities for 瑞安市)."""
    frame = query(
        "select distinct group_key from fct_peer_benchmarks where place_code = ? and peer_group_id = 'same_province_level'",
        (place_code,),
    )
    return None if frame.empty else ("same_province_level", frame["group_key"].iloc[0])


def reconciliation(place_code: str) -> pd.DataFrame:
    """Report claims against official statistics for the place (fct_reconciliation)."""
    return query(
        """
        select r.*, i.name_zh, i.name_en
        from fct_reconciliation r left join dim_indicators i using (indicator_id)
        where r.place_code = ?
        order by r.reference_year desc, r.indicator_id
        """,
        (place_code,),
    )


def sentence_span(report_id: str, sentence_id: str) -> tuple[int, int] | None:
    """A sentence's offsets in its report's stored text."""
    frame = query(
        "select char_start, char_end from fct_report_sentences where report_id = ? and sentence_id = ?",
        (report_id, sentence_id),
    )
    if frame.empty or frame["char_start"].isna().iloc[0] or frame["char_end"].isna().iloc[0]:
        return None
    return int(frame["char_start"].iloc[0]), int(frame["char_end"].iloc[0])


# --- coverage: ingest errors and restatements -----------------------------------------------

def ingest_errors() -> pd.DataFrame:
    return query("select source_ref, reason from fct_ingest_errors order by source_ref")


def build_runs(limit: int = 20) -> pd.DataFrame:
    """The warehouse's most recent builds, newest first."""
    return query(
        """
        select run_id, started_at, seconds, outcome, exit_code, documents_added, documents_changed,
               documents_removed, documents_unchanged, documents_failed, reports_landed,
               dbt_tests_passed, dbt_tests_failed, host, command, is_this_warehouse
        from fct_build_runs
        order by started_at desc
        limit ?
        """,
        (limit,),
    )


def quarantined_values() -> pd.DataFrame:
    """Statements kept out of fct_indicator_values by a value rule, by report and position."""
    return query(
        """
        select q.failed_value_rule, q.report_id, q.place_code, q.place_name, q.report_year, q.indicator_id,
               i.name_zh, i.name_en, q.reference_year, q.value_kind, q.value, q.value_upper, q.bound, q.unit,
               q.surface, q.quote, q.mention_id, q.sentence_id, q.char_start, q.char_end
        from fct_quarantined_values q left join dim_indicators i using (indicator_id)
        order by q.report_id, q.char_start
        """
    )


def restatement_disagreements() -> pd.DataFrame:
    """Actuals that several reports state with values more than 0.5% apart."""
    return query(
        """
        select r.place_code, r.place_name, r.indicator_id, i.name_zh, i.name_en, r.reference_year,
               r.report_id, r.report_year, r.value, r.bound, r.unit, r.preferred_value,
               r.preferred_report_id, r.relative_difference, r.is_preferred, r.quote
        from fct_restatements r left join dim_indicators i using (indicator_id)
        semi join (select place_code, indicator_id, reference_year from fct_restatements where disagrees) d
          using (place_code, indicator_id, reference_year)
        order by r.place_code, r.indicator_id, r.reference_year, r.report_year
        """
    )


# --- attention: curated policy terms and any token ------------------------------------------

def policy_terms() -> pd.DataFrame:
    """The curated terms of fct_term_attention, most mentioned first."""
    return query(
        """
        select term, any_value(name_en) as name_en, any_value(theme) as theme,
               sum(n_occurrences) as n_occurrences, count(distinct place_code) filter (where n_occurrences > 0) as n_places
        from fct_term_attention
        group by term
        order by n_occurrences desc, term
        """
    )


def places_with_terms() -> pd.DataFrame:
    """Places with at least one work report in fct_term_attention."""
    return query(
        """
        select p.place_code, p.place_name, p.level, p.level_class, p.prefecture_code, p.province_code,
               count(distinct a.report_id) as n_reports
        from fct_term_attention a join dim_places p using (place_code)
        group by all
        order by p.place_code
        """
    )


def term_attention(terms: list[str], place_codes: list[str]) -> pd.DataFrame:
    """Curated terms per report for these places (zero counts included)."""
    return query(
        """
        select report_id, place_code, place_name, report_year, term, name_en, theme, n_occurrences, per_10k_chars
        from fct_term_attention
        where list_contains(?::varchar[], term) and list_contains(?::varchar[], place_code)
        order by term, place_code, report_year
        """,
        (list(terms), list(place_codes)),
    )


def term_ranking(term: str, report_year: int) -> pd.DataFrame:
    """Every place's attention to one curated term in one report year, most first."""
    return query(
        """
        select rank() over (order by per_10k_chars desc) as rank, report_id, place_code, place_name,
               report_year, term, n_occurrences, per_10k_chars
        from fct_term_attention
        where term = ? and report_year = ?
        order by rank, place_code
        """,
        (term, int(report_year)),
    )


def token_attention(term: str) -> pd.DataFrame:
    """One token across every work report: zero where a report does not use it."""
    return query(
        """
        with reports as (select distinct report_id, place_code, place_name, report_year from fct_term_attention),
        hits as (select report_id, n_occurrences, per_10k_chars from fct_report_terms where term = ?)
        select r.report_id, r.place_code, r.place_name, r.report_year, ? as term,
               coalesce(h.n_occurrences, 0) as n_occurrences, coalesce(h.per_10k_chars, 0) as per_10k_chars
        from reports r left join hits h using (report_id)
        order by r.place_code, r.report_year
        """,
        (term, term),
    )


def token_exists(term: str) -> bool:
    return not query("select 1 from fct_report_terms where term = ? limit 1", (term,)).empty


def token_suggestions(fragment: str, limit: int = 10) -> pd.DataFrame:
    """Tokens that contain the fragment (or that the fragment contains), most used first."""
    return query(
        """
        select term, sum(n_occurrences) as n_occurrences, count(distinct report_id) as n_reports
        from fct_report_terms
        where contains(term, ?) or (length(term) >= 2 and contains(?, term))
        group by term
        order by contains(term, ?) desc, n_occurrences desc, term
        limit ?
        """,
        (fragment, fragment, fragment, int(limit)),
    )


def term_years() -> list[int]:
    """Report years present in fct_term_attention, newest first."""
    return query("select distinct report_year from fct_term_attention order by report_year desc")["report_year"].tolist()


def place_indicator_ids(place_code: str) -> list[str]:
    """Indicators with any actual for the place, per-capita ones (derived) included."""
    return query(
        f"select distinct indicator_id from ({_BENCHMARK_VALUES}) v "
        "where v.place_code = ? and v.value_kind = 'actual' order by indicator_id",
        (place_code,),
    )["indicator_id"].tolist()


# --- the map: the units under a parent and one value each -----------------------------------

def place_hierarchy(place_code: str) -> pd.DataFrame:
    """One place of dim_places (any place of the gazetteer, with data or not) with its parents."""
    return query(
        """
        select place_code, place_name, level, level_class, parent_code, prefecture_code, province_code
        from dim_places where place_code = ?
        """,
        (place_code,),
    )


def map_parents(level: str) -> pd.DataFrame:
    """Places of one level (national / province / prefecture) that have units under them, with how
    many of those units have any value or report."""
    return query(
        """
        with unit_data as (
            select u.place_code, u.parent_code,
                   u.n_reports > 0 or u.place_code in (select place_code from fct_indicator_values) as has_data
            from dim_places u
        )
        select p.place_code, p.place_name, p.level, p.province_code, count(*) as n_units,
               count(*) filter (where u.has_data) as n_units_with_data
        from dim_places p join unit_data u on u.parent_code = p.place_code
        where p.level = ?
        group by all
        order by p.place_code
        """,
        (level,),
    )


def region_units(parent_code: str) -> pd.DataFrame:
    """The units directly under a parent (dim_places.parent_code), with the codes each had before a
    change, newest first: a boundary may be filed under a former code. A former code that a place
    of today carries again (codes are reused) is left out: its file is that other place's."""
    return query(
        """
        select p.place_code, p.place_name, p.level, p.level_class, p.n_reports,
               coalesce(list(c.old_code order by c.change_year desc, c.old_code)
                        filter (where c.old_code is not null and c.old_code <> p.place_code),
                        []::varchar[]) as former_codes
        from dim_places p
        left join dim_place_changes c
          on c.current_code = p.place_code and c.old_code not in (select place_code from dim_places)
        where p.parent_code = ?
        group by all
        order by p.place_code
        """,
        (parent_code,),
    )


STATISTICS_MART = "fct_statistics"
MAP_SOURCES = ("both", "report", "statistics")


def has_statistics_mart() -> bool:
    """Whether the warehouse has the statistics mart (shipped official statistics), so the map can
    offer statistics as a source of values."""
    return has_table(STATISTICS_MART)


def _map_candidates_sql(source: str, with_statistics: bool) -> str:
    """Candidate values per unit, each with value_source and a priority (the report first)."""
    reported = """
        select v.place_code, v.indicator_id, v.reference_year, v.value_kind, v.value, v.value_upper, v.bound,
               v.unit, v.report_id, v.report_year, v.sentence_id, v.char_start, v.char_end, v.mention_id,
               v.quote, 'report' as value_source, 0 as source_order
        from fct_indicator_values v
    """
    # Statistics are actuals: they are offered for value_kind 'actual' only (the kind filter below).
    stated = f"""
        select s.place_code, s.indicator_id, s.reference_year, 'actual' as value_kind, s.value,
               null::double as value_upper, 'eq' as bound, s.unit, null::varchar as report_id,
               null::integer as report_year, null::varchar as sentence_id, null::integer as char_start,
               null::integer as char_end, null::varchar as mention_id, null::varchar as quote,
               'statistics' as value_source, 1 as source_order
        from {STATISTICS_MART} s
    """
    parts = ([reported] if source in ("both", "report") else [])
    parts += ([stated] if with_statistics and source in ("both", "statistics") else [])
    return " union all by name ".join(parts) if parts else reported + " where false"


def map_indicators(parent_code: str, source: str = "both") -> pd.DataFrame:
    """Every catalogue indicator with how many units under the parent have a value of it (any
    year, either kind), most first."""
    candidates = _map_candidates_sql(source, has_statistics_mart())
    return query(
        f"""
        with under as (select place_code from dim_places where parent_code = ?),
        counted as (
            select c.indicator_id, count(distinct c.place_code) as n_units
            from ({candidates}) c semi join under using (place_code)
            group by c.indicator_id
        )
        select i.indicator_id, i.name_zh, i.name_en, i.measure, i.unit, i.higher_is_better,
               coalesce(counted.n_units, 0) as n_values
        from dim_indicators i left join counted using (indicator_id)
        order by n_values desc, i.indicator_id
        """,
        (parent_code,),
    )


def map_years(parent_code: str, indicator_id: str, value_kind: str, source: str = "both") -> pd.DataFrame:
    """Reference years with a value of the indicator for any unit under the parent, newest first,
    with how many units have one."""
    candidates = _map_candidates_sql(source, has_statistics_mart())
    return query(
        f"""
        select c.reference_year, count(distinct c.place_code) as n_units
        from ({candidates}) c
        where c.place_code in (select place_code from dim_places where parent_code = ?)
          and c.indicator_id = ? and c.value_kind = ?
        group by c.reference_year
        order by c.reference_year desc
        """,
        (parent_code, indicator_id, value_kind),
    )


def map_values(parent_code: str, indicator_id: str, year: int | None, value_kind: str,
               source: str = "both") -> pd.DataFrame:
    """One row per unit under the parent: its value of the indicator in that year and kind, from
    the report where one states it, else from statistics (source 'both'); value_source says which.
    A unit with no value (every unit, when year is None) has a row with null value: no data, never 0."""
    candidates = _map_candidates_sql(source, has_statistics_mart())
    year = None if year is None else int(year)
    return query(
        f"""
        with chosen as (
            select * exclude (source_order)
            from ({candidates}) c
            where c.indicator_id = ? and c.reference_year = ? and c.value_kind = ?
              and c.place_code in (select place_code from dim_places where parent_code = ?)
            qualify row_number() over (partition by c.place_code order by c.source_order) = 1
        )
        select u.place_code, u.place_name, u.level, ?::varchar as indicator_id, ?::integer as reference_year,
               ?::varchar as value_kind, chosen.* exclude (place_code, indicator_id, reference_year, value_kind)
        from dim_places u left join chosen using (place_code)
        where u.parent_code = ?
        order by u.place_code
        """,
        (indicator_id, year, value_kind, parent_code, indicator_id, year, value_kind, parent_code),
    )
