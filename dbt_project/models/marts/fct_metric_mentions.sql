{{ config(materialized="incremental", incremental_strategy="append",
          pre_hook="{{ delete_changed_reports() }}") }}
-- Incremental by report (macros/report_increments.sql): a build that changes a few reports
-- deletes their rows and inserts their new ones.
-- One row per quantity found in any sentence (core indicator or not), with its provenance.
select
    mention_id,
    report_id,
    sentence_id,
    place_code,
    report_year,
    char_start,
    char_end,
    surface,
    subject,
    subject_stripped,
    verb,
    indicator_id,
    value,
    value_upper,
    bound,
    unit,
    unit_raw,
    value_kind,
    reference_year,
    is_multi_year,
    is_rank,
    rank_scope,
    is_sub_area,
    is_estimate,
    section_role,
    section_path
from {{ ref('int_metric_mentions_attributed') }}
where {{ only_changed_reports() }}
