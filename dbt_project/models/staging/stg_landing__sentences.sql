with source as (
    select * from {{ source('landing', 'sentences') }}
),

renamed as (
    select
        -- ids
        sentence_id,
        report_id,
        -- strings
        section_role,
        section_title,
        section_path,
        sentence_text,
        -- numerics
        cast(sentence_index as integer) as sentence_index,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end
    from source
)

select * from renamed
