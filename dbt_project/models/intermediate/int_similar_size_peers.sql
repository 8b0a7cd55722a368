{{ config(materialized="table") }}
-- A table, not a view: a dozen tests and several marts read it, and as a view each of them
-- computed it again (most of a build's test time). Small beside the tables of sentences.
-- For each place with a GDP actual: itself plus the 10 places of the same level class whose
-- GDP in that place's latest GDP year is nearest by ratio (|ln(gdp_peer / gdp_place)|).
with places as (
    select place_code, level_class from {{ ref('stg_landing__places') }}
),

gdp as (
    select values_.place_code, values_.reference_year, values_.value, places.level_class
    from {{ ref('int_comparable_values') }} as values_
    inner join places using (place_code)
    where values_.indicator_id = 'gdp' and values_.value_kind = 'actual' and values_.value > 0
),

subjects as (
    select place_code, arg_max(reference_year, reference_year) as reference_year, arg_max(value, reference_year) as value,
           any_value(level_class) as level_class
    from gdp
    group by place_code
),

candidates as (
    select
        subjects.place_code as subject_code,
        gdp.place_code,
        abs(ln(gdp.value / subjects.value)) as distance
    from subjects
    inner join gdp
        on gdp.reference_year = subjects.reference_year
        and gdp.level_class = subjects.level_class
        and gdp.place_code <> subjects.place_code
),

nearest as (
    select *
    from candidates
    qualify row_number() over (partition by subject_code order by distance, place_code) <= 10
)

select 'similar_size_gdp' as peer_group_id, place_code as group_key, place_code, true as is_subject
from subjects
union all
select 'similar_size_gdp' as peer_group_id, subject_code as group_key, place_code, false as is_subject
from nearest
