-- One row per build of this warehouse: its finished line where the log has one, else its started line.
with lines as (
    select * from {{ ref('stg_landing__build_runs') }}
),

last_line as (
    select *
    from lines
    qualify row_number() over (partition by run_id order by record = 'finished' desc) = 1
),

-- Builds are one at a time (the lock), so the newest build still without a finished line is the
-- one running now: the build that made this warehouse. An older one never finished (killed).
judged as (
    select
        *,
        record = 'started' and started_at = max(started_at) over () as is_this_warehouse
    from last_line
)

select
    run_id,
    case when record = 'started' and not is_this_warehouse then 'interrupted' else outcome end as outcome,
    * exclude (run_id, record, outcome)
from judged
