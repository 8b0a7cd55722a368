{{ config(materialized="incremental", incremental_strategy="append",
          pre_hook=["{{ keep_to_rebuild(places_rebuilt_in('fct_indicator_values')) }}",
                    "{{ delete_to_rebuild() }}"]) }}
-- Incremental by place (macros/changed_places.sql): a place's rows come from its own values alone.
-- Every stated target (place × indicator × year) with what became of it: judged in
-- fct_target_attainment (met / within_tolerance / missed), or 'no_actual' while no actual has been
-- reported for its year. The targets page filters it by place: rows are stored in place order so
-- that filter reads a few row groups, not the table.
with targets as (
    select * from {{ ref('fct_indicator_values') }}
    where value_kind = 'target' and {{ only_to_rebuild() }}
),

actuals as (
    select * from {{ ref('fct_indicator_values') }}
    where value_kind = 'actual' and {{ only_to_rebuild() }}
),

attainment as (
    select * from {{ ref('fct_target_attainment') }}
    where {{ only_to_rebuild() }}
)

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
    attainment.gap,
    attainment.tolerance,
    -- An actual the attainment table did not judge would be a modelling gap: kept visible, and tested.
    coalesce(attainment.status, if(actuals.value is null, 'no_actual', 'not_judged')) as status
from targets
left join actuals
    on targets.place_code = actuals.place_code
    and targets.indicator_id = actuals.indicator_id
    and targets.reference_year = actuals.reference_year
left join attainment
    on targets.place_code = attainment.place_code
    and targets.indicator_id = attainment.indicator_id
    and targets.reference_year = attainment.reference_year
order by targets.place_code, targets.reference_year desc, targets.indicator_id
