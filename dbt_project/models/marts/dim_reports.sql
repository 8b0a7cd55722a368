-- One row per distinct report (a report found in two sources is one row).
with reports as (
    select * from {{ ref('stg_landing__reports') }}
),

sentence_counts as (
    select report_id, count(*) as n_sentences
    from {{ ref('stg_landing__sentences') }}
    group by report_id
),

mention_counts as (
    select report_id, count(*) as n_mentions, count(indicator_id) as n_indicator_mentions
    from {{ ref('stg_landing__metric_mentions') }}
    group by report_id
),

value_counts as (
    select report_id, count(*) as n_values
    from {{ ref('int_indicator_values_deduplicated') }}
    group by report_id
)

select
    reports.report_id,
    reports.place_code,
    reports.place_name,
    reports.report_year,
    reports.source_files,
    reports.is_work_report,
    reports.title,
    reports.session,
    reports.delivery_date,
    reports.speaker,
    reports.source_urls,
    reports.labelled_place,
    reports.labelled_year,
    reports.label_conflict,
    reports.identity_evidence,
    reports.place_confidence,
    reports.year_confidence,
    reports.functional_area,
    reports.non_report_reason,
    reports.char_count,
    reports.lost_char_runs,
    reports.is_truncated,
    reports.is_partial,
    reports.is_duplicate_source,
    coalesce(sentence_counts.n_sentences, 0) as n_sentences,
    coalesce(mention_counts.n_mentions, 0) as n_mentions,
    coalesce(mention_counts.n_indicator_mentions, 0) as n_indicator_mentions,
    coalesce(value_counts.n_values, 0) as n_values
from reports
left join sentence_counts using (report_id)
left join mention_counts using (report_id)
left join value_counts using (report_id)
