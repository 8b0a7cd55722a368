{{ config(materialized="incremental", incremental_strategy="append",
          pre_hook=["{{ keep_to_rebuild(places_rebuilt_in('fct_indicator_values')) }}",
                    "{{ delete_to_rebuild() }}"]) }}
-- Incremental by place (macros/changed_places.sql): a place's rows come from its own values alone.
-- How much each place's reports yielded per reference year and kind: the coverage page's grid,
-- aggregated once here rather than over every value on each visit.
select
    place_code,
    any_value(place_name) as place_name,
    reference_year,
    value_kind,
    count(*) as n_values,
    count(distinct indicator_id) as n_indicators
from {{ ref('fct_indicator_values') }}
where {{ only_to_rebuild() }}
group by place_code, reference_year, value_kind
order by place_code, reference_year, value_kind
