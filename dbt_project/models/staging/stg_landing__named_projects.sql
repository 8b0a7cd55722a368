with source as (
    select * from {{ source('landing', 'named_projects') }}
),

renamed as (
    select
        -- ids
        report_id,
        sentence_id,
        -- strings
        project_name,
        stage,
        stage_word,
        -- numerics
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end
    from source
)

select * from renamed
