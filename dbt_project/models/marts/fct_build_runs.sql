-- One row per build of this warehouse: its last line (finished, else landed, else started).
with lines as (
    select * from {{ ref('stg_landing__build_runs') }}
),

last_line as (
    select *
    from lines
    qualify row_number() over (
        partition by run_id order by case record when 'finished' then 2 when 'landed' then 1 else 0 end desc
    ) = 1
),

-- Builds are one at a time (the lock), so the newest build still without a finished line is the
-- one running now: the build that made this warehouse. An older one never finished (killed).
judged as (
    select
        *,
        record != 'finished' and started_at = max(started_at) over () as is_this_warehouse
    from last_line
)

select
    run_id,
    case when record != 'finished' and not is_this_warehouse then 'interrupted' else outcome end as outcome,
    * exclude (run_id, record, outcome)
from judged
