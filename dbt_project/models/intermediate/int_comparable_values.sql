-- One row per place × indicator × reference year × kind that can be compared across places:
-- the report's value where a report states it (the preferred statement, the one
-- fct_indicator_values publishes), else the official statistic (actuals only), plus per-capita
-- values derived from levels and the resident population of the same year.
with report_values as (
    select place_code, indicator_id, reference_year, value_kind, value, value_upper, bound, unit,
           'report' as value_source, report_id
    from {{ ref('int_indicator_values_deduplicated') }}
),

statistic_values as (
    select place_code, indicator_id, reference_year, 'actual' as value_kind, value, null::double as value_upper,
           'eq' as bound, unit, 'statistics' as value_source, null as report_id
    from {{ ref('int_statistics_values') }}
),

stated as (
    select * from report_values
    union all
    select statistic_values.*
    from statistic_values
    anti join report_values using (place_code, indicator_id, reference_year, value_kind)
),

population as (
    select place_code, reference_year, value as persons
    from stated
    where indicator_id = 'resident_population' and value_kind = 'actual' and value > 0
),

derived as (
    select
        stated.place_code,
        stated.indicator_id || '_per_capita' as indicator_id,
        stated.reference_year,
        'actual' as value_kind,
        stated.value / population.persons as value,
        null::double as value_upper,
        'eq' as bound,
        stated.unit,
        'derived' as value_source,
        stated.report_id
    from stated
    inner join population using (place_code, reference_year)
    inner join {{ ref('indicators') }} as indicators using (indicator_id)
    where indicators.per_capita and stated.value_kind = 'actual' and stated.bound in ('eq', 'approx')
)

select * from stated
union all
select derived.*
from derived
anti join stated using (place_code, indicator_id, reference_year, value_kind)
