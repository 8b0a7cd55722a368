with source as (
    select * from {{ source('landing', 'statistics') }}
),

renamed as (
    select
        -- ids
        place_code,
        indicator_id,
        source_code,
        -- strings
        unit,
        source_county,
        source_province,
        source_column,
        source_file,
        source_name,
        source_url,
        vintage,
        origin,
        -- numerics
        cast(reference_year as integer) as reference_year,
        value
    from source
)

select * from renamed
