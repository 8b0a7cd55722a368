-- One row per place × indicator × year where a report states an actual and official statistics
-- have a value: the claim against the statistic, and how far apart they are.
with claims as (
    select * from {{ ref('fct_indicator_values') }}
    where value_kind = 'actual'
),

statistics as (
    select * from {{ ref('int_statistics_values') }}
)

select
    claims.place_code,
    claims.place_name,
    claims.indicator_id,
    claims.reference_year,
    claims.unit,
    claims.value as report_value,
    claims.bound as report_bound,
    statistics.value as statistics_value,
    claims.value - statistics.value as gap,
    case when statistics.value <> 0
        then round((claims.value - statistics.value) / abs(statistics.value), 4)
    end as gap_relative,
    -- Within 2% (or the claim's bound allows it: 突破/超 claims are lower bounds).
    case
        when statistics.value = 0 then null
        when claims.bound in ('gt', 'ge') then statistics.value >= claims.value * 0.98
        when claims.bound in ('lt', 'le') then statistics.value <= claims.value * 1.02
        else abs(claims.value - statistics.value) <= 0.02 * abs(statistics.value)
    end as agrees,
    claims.report_id,
    claims.quote
from claims
inner join statistics
    on claims.place_code = statistics.place_code
    and claims.indicator_id = statistics.indicator_id
    and claims.reference_year = statistics.reference_year
    and claims.unit = statistics.unit
