with source as (
    select * from {{ source('landing', 'place_changes') }}
),

renamed as (
    select * from source
)

select * from renamed
