-- One row per place × indicator × year where a report states an actual and official statistics
-- have a value for that year or one at most 2 years away: the claim beside the nearest statistic
-- (the same year first, then the nearer, then the later year). Only a same-year statistic
-- judges the claim (gap, agrees); a nearer year's is shown beside it, never as a verdict.
with claims as (
    select * from {{ ref('fct_indicator_values') }}
    where value_kind = 'actual'
),

statistics as (
    select * from {{ ref('int_statistics_values') }}
),

nearest as (
    select
        claims.*,
        statistics.reference_year as statistics_year,
        statistics.value as statistics_value,
        statistics.source_name as statistics_source_name,
        statistics.source_file as statistics_source_file,
        statistics.vintage as statistics_vintage
    from claims
    inner join statistics
        on claims.place_code = statistics.place_code
        and claims.indicator_id = statistics.indicator_id
        and claims.unit = statistics.unit
        and abs(statistics.reference_year - claims.reference_year) <= 2
    {{ keep_nearest_year('claims.place_code, claims.indicator_id, claims.reference_year',
                         'statistics.reference_year', 'claims.reference_year') }}
),

judged as (
    select *, statistics_year = reference_year as is_same_year
    from nearest
)

select
    place_code,
    place_name,
    indicator_id,
    reference_year,
    unit,
    value as report_value,
    bound as report_bound,
    statistics_value,
    statistics_year,
    statistics_year - reference_year as year_gap,
    is_same_year,
    case when is_same_year then 'same_year' else 'nearest_year' end as comparison,
    case when is_same_year then value - statistics_value end as gap,
    case when is_same_year and statistics_value <> 0
        then round((value - statistics_value) / abs(statistics_value), 4)
    end as gap_relative,
    -- Within 2% (or the claim's bound allows it: 突破/超 claims are lower bounds).
    case
        when not is_same_year or statistics_value = 0 then null
        when bound in ('gt', 'ge') then statistics_value >= value * 0.98
        when bound in ('lt', 'le') then statistics_value <= value * 1.02
        else abs(value - statistics_value) <= 0.02 * abs(statistics_value)
    end as agrees,
    statistics_source_name,
    statistics_source_file,
    statistics_vintage,
    report_id,
    quote
from judged
