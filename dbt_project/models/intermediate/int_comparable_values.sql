{{ config(materialized="incremental", incremental_strategy="append",
          pre_hook=["{{ keep_to_rebuild(places_rebuilt_in('int_indicator_values_deduplicated')
                                        ~ (' union ' ~ places_compared() if reference_changed('statistics') else '')) }}",
                    "{{ delete_to_rebuild() }}"]) }}
-- Incremental by place (macros/changed_places.sql): a place's rows come from its own values and
-- statistics alone, so a build that changes a few reports recomputes the places whose values
-- were ranked again; new statistics, every place.
-- A table, not a view: a dozen tests and several marts read it, and as a view each of them
-- computed it again (most of a build's test time). Small beside the tables of sentences.
-- One row per place × indicator × reference year × kind that can be compared across places:
-- the report's value where a report states it (the preferred statement, the one
-- fct_indicator_values publishes), else the official statistic (actuals only), plus per-capita
-- values derived from levels and the resident population of the nearest year that has one
-- (population_year says which: the same year where a report or the census counts it, else the
-- nearest census, at most 5 years away, half the census interval).
with report_values as (
    select place_code, indicator_id, reference_year, value_kind, value, value_upper, bound, unit,
           'report' as value_source, report_id, null::integer as population_year
    from {{ ref('int_indicator_values_deduplicated') }}
    where {{ only_to_rebuild() }}
),

statistic_values as (
    select place_code, indicator_id, reference_year, 'actual' as value_kind, value, null::double as value_upper,
           'eq' as bound, unit, 'statistics' as value_source, null as report_id, null::integer as population_year
    from {{ ref('int_statistics_values') }}
    where {{ only_to_rebuild() }}
),

stated as (
    select * from report_values
    union all
    select statistic_values.*
    from statistic_values
    anti join report_values using (place_code, indicator_id, reference_year, value_kind)
),

population as (
    select place_code, reference_year as population_year, value as persons
    from stated
    where indicator_id = 'resident_population' and value_kind = 'actual' and value > 0
),

levels as (
    select stated.*
    from stated
    inner join {{ ref('indicators') }} as indicators using (indicator_id)
    where indicators.per_capita and stated.value_kind = 'actual' and stated.bound in ('eq', 'approx')
),

nearest_population as (
    -- A 2015 value, censuses of 2010 and 2020: the later count.
    select levels.place_code, levels.indicator_id, levels.reference_year, population.population_year, population.persons
    from levels
    inner join population
        on population.place_code = levels.place_code
        and abs(population.population_year - levels.reference_year) <= 5
    {{ keep_nearest_year('levels.place_code, levels.indicator_id, levels.reference_year',
                         'population.population_year', 'levels.reference_year') }}
),

derived as (
    select
        levels.place_code,
        levels.indicator_id || '_per_capita' as indicator_id,
        levels.reference_year,
        'actual' as value_kind,
        levels.value / nearest_population.persons as value,
        null::double as value_upper,
        'eq' as bound,
        levels.unit,
        'derived' as value_source,
        levels.report_id,
        nearest_population.population_year
    from levels
    inner join nearest_population using (place_code, indicator_id, reference_year)
)

select * from stated
union all
select derived.*
from derived
anti join stated using (place_code, indicator_id, reference_year, value_kind)
