with source as (
    select * from {{ source('landing', 'metric_mentions') }}
),

renamed as (
    select
        -- ids
        mention_id,
        report_id,
        sentence_id,
        indicator_id,
        -- strings
        surface,
        subject,
        subject_stripped,
        verb,
        bound,
        unit,
        unit_raw,
        value_kind,
        rank_scope,
        -- numerics
        cast(mention_index as integer) as mention_index,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        value,
        value_upper,
        cast(reference_year as integer) as reference_year,
        -- booleans
        is_multi_year,
        is_rank,
        is_sub_area,
        is_estimate
    from source
)

select * from renamed
