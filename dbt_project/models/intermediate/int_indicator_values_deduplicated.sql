{{ config(materialized="incremental", incremental_strategy="append",
          pre_hook=["{{ keep_to_rebuild(places_of_changed_reports('int_indicator_value_statements')) }}",
                    "{{ delete_to_rebuild() }}"]) }}
-- depends_on: {{ ref('int_indicator_value_statements') }}
-- Incremental by place (macros/changed_places.sql): a build that changes a few reports ranks
-- again the statements about the places their statements were or are about.
-- A table, not a view: a dozen tests and several marts read it, and as a view each of them
-- computed it again (most of a build's test time). Small beside the tables of sentences.
-- One value per place × indicator × reference year × kind. Preference: the report whose own
-- year makes this its headline figure (last year's actual, this year's target), then the
-- earliest statement in that report (the main review or target paragraph comes first).
with candidates as (
    select * from {{ ref('int_indicator_value_candidates') }}
    where {{ only_to_rebuild() }}
),

ranked as (
    select
        *,
        row_number() over (
            partition by place_code, indicator_id, reference_year, value_kind
            order by
                abs(reference_year - expected_reference_year),
                report_year desc,
                sentence_index,
                mention_index,
                report_id
        ) as preference,
        count(distinct report_id) over (
            partition by place_code, indicator_id, reference_year, value_kind
        ) as n_reports_stating
    from candidates
)

select * exclude (preference)
from ranked
where preference = 1
