{{ config(materialized="incremental", incremental_strategy="append",
          pre_hook=["{{ keep_to_rebuild(places_in_cascade_to_rebuild()) }}",
                    "{{ delete_to_rebuild() }}"]) }}
-- Incremental by place (macros/changed_places.sql): a place's rows come from its own and its
-- parent's targets and names, so the places whose values were rebuilt and their children.
-- One row per place × indicator × reference year where the place and its parent (the place one
-- level up: prefecture, province, or the national 100000 above a province) both set a target:
-- how far the place's target sits from its parent's, whether it adds to it (层层加码), and the
-- place's own outcome that year. The app reads it by place and by parent: stored in place order.
with targets as (
    select * from {{ ref('fct_indicator_values') }}
    where value_kind = 'target'
),

place_targets as (
    select * from targets
    where {{ only_to_rebuild() }}
),

places as (
    select place_code, place_name, level, parent_code from {{ ref('dim_places') }}
),

national as (
    select place_code from places where place_code = '100000'
),

-- The parent is dim_places.parent_code, whatever the level. A place without one (a province
-- while the gazetteer has no national level) answers to the national 100000 once that exists.
parents as (
    select
        places.place_code,
        places.place_name,
        places.level,
        coalesce(
            places.parent_code,
            if(places.place_code <> national.place_code, national.place_code, null)
        ) as parent_code
    from places
    left join national on true
),

indicators as (
    select indicator_id, measure, coalesce(higher_is_better, true) as higher_is_better
    from {{ ref('dim_indicators') }}
),

outcomes as (
    select place_code, indicator_id, reference_year, actual_value, status
    from {{ ref('fct_target_outcomes') }}
    where {{ only_to_rebuild() }}
),

paired as (
    select
        place.place_code,
        parents.place_name,
        parents.level as place_level,
        parents.parent_code,
        parent_place.place_name as parent_name,
        parent_place.level as parent_level,
        place.indicator_id,
        indicators.measure,
        indicators.higher_is_better,
        place.reference_year,
        place.value as place_target_value,
        place.value_upper as place_target_value_upper,
        place.bound as place_target_bound,
        place.unit as place_unit,
        parent.value as parent_target_value,
        parent.value_upper as parent_target_value_upper,
        parent.bound as parent_target_bound,
        parent.unit as parent_unit,
        -- A range counts at its midpoint; the bound's word (以上, 左右) is not weighed.
        if(place.bound = 'range', (place.value + place.value_upper) / 2, place.value) as place_point,
        if(parent.bound = 'range', (parent.value + parent.value_upper) / 2, parent.value) as parent_point,
        place.report_id as place_report_id,
        place.sentence_id as place_sentence_id,
        place.mention_id as place_mention_id,
        place.quote as place_quote,
        parent.report_id as parent_report_id,
        parent.sentence_id as parent_sentence_id,
        parent.mention_id as parent_mention_id,
        parent.quote as parent_quote
    from place_targets as place
    inner join parents on place.place_code = parents.place_code
    inner join targets as parent
        on parents.parent_code = parent.place_code
        and place.indicator_id = parent.indicator_id
        and place.reference_year = parent.reference_year
    inner join places as parent_place on parents.parent_code = parent_place.place_code
    inner join indicators on place.indicator_id = indicators.indicator_id
)

select
    paired.place_code,
    paired.place_name,
    paired.place_level,
    paired.parent_code,
    paired.parent_name,
    paired.parent_level,
    paired.indicator_id,
    paired.measure,
    paired.higher_is_better,
    paired.reference_year,
    paired.place_target_value,
    paired.place_target_value_upper,
    paired.place_target_bound,
    paired.place_unit,
    paired.parent_target_value,
    paired.parent_target_value_upper,
    paired.parent_target_bound,
    paired.parent_unit,
    -- In the indicator's unit: percentage points for rates and growth.
    paired.place_point - paired.parent_point as difference,
    -- More ambitious than the parent: above it where higher is better, below it where lower is
    -- (an unemployment ceiling, an energy-intensity cut). For amounts (GDP, jobs: measure
    -- 'level') a place's target is a part of its parent's, so this is false by construction.
    if(paired.higher_is_better, paired.place_point > paired.parent_point, paired.place_point < paired.parent_point)
        as adds_to_parent,
    outcomes.actual_value as place_actual_value,
    outcomes.status as place_outcome,
    paired.place_report_id,
    paired.place_sentence_id,
    paired.place_mention_id,
    paired.place_quote,
    paired.parent_report_id,
    paired.parent_sentence_id,
    paired.parent_mention_id,
    paired.parent_quote
from paired
left join outcomes
    on paired.place_code = outcomes.place_code
    and paired.indicator_id = outcomes.indicator_id
    and paired.reference_year = outcomes.reference_year
order by paired.place_code, paired.indicator_id, paired.reference_year
