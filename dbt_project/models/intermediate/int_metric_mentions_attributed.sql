-- Every mention with the place and year of the report it came from and its sentence's place in
-- the report. Not the sentence's text: this view is evaluated by several models and tests, and
-- reading every sentence's text each time would be the largest cost of a build; marts that
-- quote the sentence join fct_report_sentences once.
with mentions as (
    select * from {{ ref('stg_landing__metric_mentions') }}
),

reports as (
    select * from {{ ref('stg_landing__reports') }}
),

sentences as (
    select * from {{ ref('stg_landing__sentences') }}
)

select
    mentions.*,
    reports.place_code,
    reports.place_name,
    reports.report_year,
    reports.is_work_report,
    reports.place_confidence,
    sentences.sentence_index,
    sentences.section_role,
    sentences.section_path
from mentions
inner join reports using (report_id)
-- report_id too (a sentence is its report's): a filter on report_id then reaches the sentences scan
inner join sentences using (report_id, sentence_id)
