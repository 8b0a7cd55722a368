-- One row per administrative change event (rename, 县→区, 县→市, new unit, …) from the
-- gazetteer: old code and name, new code and name, and the place that carries it today, so a
-- panel can follow a place across a code change (徐水县 130625 → 徐水区 130609 in 2015).
select
    cast(change_year as integer) as change_year,
    change_type,
    old_code,
    old_name,
    new_code,
    new_name,
    current_code,
    current_name,
    old_code is distinct from new_code as code_changed
from {{ ref('stg_landing__place_changes') }}
