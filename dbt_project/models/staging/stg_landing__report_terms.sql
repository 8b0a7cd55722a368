with source as (
    select * from {{ source('landing', 'report_terms') }}
),

renamed as (
    select
        report_id,
        term,
        cast(n as integer) as n_occurrences
    from source
)

select * from renamed
