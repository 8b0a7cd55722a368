with source as (
    select * from {{ source('landing', 'reports') }}
),

renamed as (
    select
        -- ids
        report_id,
        content_hash,
        place_code,
        -- strings
        place_name,
        source_files,
        source_urls,
        labelled_place,
        label_conflict,
        title,
        session,
        delivery_date,
        speaker,
        identity_evidence,
        place_confidence,
        year_confidence,
        functional_area,
        non_report_reason,
        report_text,
        -- numerics
        cast(report_year as integer) as report_year,
        cast(labelled_year as integer) as labelled_year,
        cast(body_start as integer) as body_start,
        cast(body_end as integer) as body_end,
        cast(char_count as integer) as char_count,
        cast(lost_char_runs as integer) as lost_char_runs,
        -- booleans
        is_truncated,
        is_partial,
        is_work_report,
        is_duplicate_source
    from source
)

select * from renamed
