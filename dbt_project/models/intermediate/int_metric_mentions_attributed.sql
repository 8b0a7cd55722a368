-- Every mention with the place and year of the report it came from and its sentence.
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
    sentences.sentence_index,
    sentences.section_role,
    sentences.sentence_text
from mentions
inner join reports using (report_id)
inner join sentences using (sentence_id)
