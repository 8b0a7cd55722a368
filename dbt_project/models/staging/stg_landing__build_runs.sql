with source as (
    select * from {{ source('landing', 'build_runs') }}
),

renamed as (
    select
        -- ids
        run_id,
        -- strings
        record,
        outcome,
        command,
        host,
        -- numerics
        pid,
        exit_code,
        seconds,
        documents_added,
        documents_changed,
        documents_removed,
        documents_unchanged,
        documents_failed,
        reports_landed,
        dbt_tests_passed,
        dbt_tests_warned,
        dbt_tests_failed,
        -- dates (UTC)
        cast(started_at as timestamp) as started_at,
        cast(finished_at as timestamp) as finished_at
    from source
)

select * from renamed
