{{ config(materialized="incremental", incremental_strategy="append",
          pre_hook=["{{ keep_to_rebuild(places_rebuilt_in('int_indicator_values_deduplicated') ~ ' union ' ~ places_renamed()) }}",
                    "{{ delete_to_rebuild() }}"]) }}
-- Incremental by place (macros/changed_places.sql): a build that changes a few reports replaces
-- the rows of the places whose values were ranked again, or whose names changed.
-- One row per place × indicator × reference year × value kind (the public contract).
with values_ as (
    select * from {{ ref('int_indicator_values_deduplicated') }}
    where {{ only_to_rebuild() }}
),

places as (
    select * from {{ ref('dim_places') }}
),

sentences as (
    select sentence_id, sentence_text from {{ ref('fct_report_sentences') }}
)

select
    values_.place_code,
    coalesce(places.place_name, values_.place_name) as place_name,
    values_.indicator_id,
    values_.reference_year,
    values_.value_kind,
    values_.value,
    values_.value_upper,
    values_.bound,
    values_.unit,
    values_.report_id,
    sentences.sentence_text as quote,
    values_.report_year,
    values_.sentence_id,
    values_.mention_id,
    values_.char_start,
    values_.char_end,
    values_.surface,
    values_.subject,
    values_.n_reports_stating
from values_
left join places using (place_code)
left join sentences using (sentence_id)
-- Stored in place order: the app filters on places, and DuckDB then skips the other row groups.
order by values_.place_code, values_.indicator_id, values_.reference_year, values_.value_kind
