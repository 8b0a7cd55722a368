{{ config(materialized="incremental", incremental_strategy="append",
          pre_hook=["{{ keep_to_rebuild(places_rebuilt_in('fct_indicator_values')) }}",
                    "{{ delete_to_rebuild() }}"]) }}
-- Incremental by place (macros/changed_places.sql): a place's rows come from its own values alone.
-- One row per place × indicator × year × report, for actuals stated by more than one report
-- (a five-year review repeats earlier years; a later report revises a preliminary figure):
-- each statement against the preferred one in fct_indicator_values, disagreements flagged.
with statements as (
    select *
    from {{ ref('int_indicator_value_candidates') }}
    where value_kind = 'actual' and {{ only_to_rebuild() }}
    qualify row_number() over (
        partition by place_code, indicator_id, reference_year, report_id
        order by sentence_index, mention_index
    ) = 1
),

restated as (
    select *
    from statements
    qualify count(*) over (partition by place_code, indicator_id, reference_year) > 1
),

sentences as (
    select sentence_id, sentence_text from {{ ref('fct_report_sentences') }}
),

preferred as (
    select place_code, indicator_id, reference_year, value as preferred_value, report_id as preferred_report_id
    from {{ ref('fct_indicator_values') }}
    where value_kind = 'actual' and {{ only_to_rebuild() }}
)

select
    restated.place_code,
    restated.place_name,
    restated.indicator_id,
    restated.reference_year,
    restated.report_id,
    restated.report_year,
    restated.value,
    restated.bound,
    restated.unit,
    sentences.sentence_text as quote,
    preferred.preferred_value,
    preferred.preferred_report_id,
    restated.report_id = preferred.preferred_report_id as is_preferred,
    case when preferred.preferred_value <> 0
        then round((restated.value - preferred.preferred_value) / abs(preferred.preferred_value), 4)
    end as relative_difference,
    -- Same rule as the gold matching: more than 0.5% apart between exact statements.
    abs(restated.value - preferred.preferred_value) > 0.005 * abs(preferred.preferred_value)
        and restated.bound = 'eq' as disagrees
from restated
inner join preferred using (place_code, indicator_id, reference_year)
left join sentences using (sentence_id)
