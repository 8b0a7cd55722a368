with source as (
    select * from {{ source('landing', 'ingest_errors') }}
),

renamed as (
    select
        source as source_ref,
        reason
    from source
)

select * from renamed
