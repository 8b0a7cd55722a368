{{ config(materialized="incremental", incremental_strategy="append",
          pre_hook=["{{ keep_to_rebuild(places_rebuilt_in('fct_indicator_values')) }}",
                    "{{ delete_to_rebuild() }}"]) }}
-- Incremental by place (macros/changed_places.sql): a place's rows come from its own values alone.
-- One row per place × indicator × year that has both a target (stated in that year's report)
-- and an actual (stated the next year, or in an earlier restatement): was the target met?
with targets as (
    select * from {{ ref('fct_indicator_values') }}
    where value_kind = 'target' and {{ only_to_rebuild() }}
),

actuals as (
    select * from {{ ref('fct_indicator_values') }}
    where value_kind = 'actual' and {{ only_to_rebuild() }}
),

indicators as (
    select indicator_id, coalesce(higher_is_better, true) as higher_is_better
    from {{ ref('dim_indicators') }}
),

tolerances as (
    select * from {{ ref('attainment_tolerances') }}
),

paired as (
    select
        targets.place_code,
        targets.place_name,
        targets.indicator_id,
        targets.reference_year,
        targets.unit,
        targets.bound as target_bound,
        targets.value as target_value,
        targets.value_upper as target_value_upper,
        targets.report_id as target_report_id,
        targets.quote as target_quote,
        actuals.value as actual_value,
        actuals.bound as actual_bound,
        actuals.report_id as actual_report_id,
        actuals.quote as actual_quote,
        indicators.higher_is_better,
        coalesce(
            tolerances.tolerance_absolute,
            abs(targets.value) * tolerances.tolerance_relative,
            0
        ) as tolerance
    from targets
    inner join actuals
        on targets.place_code = actuals.place_code
        and targets.indicator_id = actuals.indicator_id
        and targets.reference_year = actuals.reference_year
    inner join indicators on targets.indicator_id = indicators.indicator_id
    left join tolerances on targets.unit = tolerances.unit
),

judged as (
    select
        *,
        -- Gap in the indicator's unit (points for rates): positive = above the target.
        actual_value - target_value as gap,
        {{ attainment_status('target_bound', 'target_value', 'target_value_upper', 'actual_value', 'higher_is_better', 'tolerance') }} as status
    from paired
)

select
    place_code,
    place_name,
    indicator_id,
    reference_year,
    unit,
    target_bound,
    target_value,
    target_value_upper,
    actual_value,
    actual_bound,
    gap,
    tolerance,
    status,
    status in ('met', 'within_tolerance') as is_met,
    target_report_id,
    target_quote,
    actual_report_id,
    actual_quote
from judged
