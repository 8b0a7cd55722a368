with source as (
    select * from {{ source('landing', 'places') }}
),

renamed as (
    select
        -- ids
        place_code,
        parent_code,
        prefecture_code,
        province_code,
        -- strings
        place_name,
        short_name,
        level,
        level_class,
        prefecture_name,
        province_name
    from source
)

select * from renamed
