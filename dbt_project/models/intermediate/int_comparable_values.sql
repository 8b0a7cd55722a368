-- One row per place × indicator × reference year × kind that can be compared across places:
-- the report's value where a report states it, else the official statistic (actuals only).
with report_values as (
    select place_code, indicator_id, reference_year, value_kind, value, value_upper, bound, unit,
           'report' as value_source, report_id
    from {{ ref('fct_indicator_values') }}
),

statistic_values as (
    select place_code, indicator_id, reference_year, 'actual' as value_kind, value, null::double as value_upper,
           'eq' as bound, unit, 'statistics' as value_source, null as report_id
    from {{ ref('int_statistics_values') }}
)

select * from report_values
union all
select statistic_values.*
from statistic_values
anti join report_values using (place_code, indicator_id, reference_year, value_kind)
