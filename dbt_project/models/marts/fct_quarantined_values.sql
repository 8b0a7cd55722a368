-- One row per statement kept out of fct_indicator_values because it breaks a value rule
-- (macros/value_rules.sql), with the rule and its provenance: a misread sentence waits here for
-- a look instead of refusing the whole build.
with quarantined as (
    select *
    from {{ ref('int_indicator_value_statements') }}
    where failed_value_rule is not null
),

sentences as (
    select sentence_id, sentence_text from {{ ref('fct_report_sentences') }}
)

select
    quarantined.failed_value_rule,
    quarantined.report_id,
    quarantined.place_code,
    quarantined.place_name,
    quarantined.report_year,
    quarantined.indicator_id,
    quarantined.reference_year,
    quarantined.value_kind,
    quarantined.value,
    quarantined.value_upper,
    quarantined.bound,
    quarantined.unit,
    quarantined.surface,
    sentences.sentence_text as quote,
    quarantined.sentence_id,
    quarantined.mention_id,
    quarantined.char_start,
    quarantined.char_end
from quarantined
left join sentences using (sentence_id)
order by quarantined.report_id, quarantined.char_start
