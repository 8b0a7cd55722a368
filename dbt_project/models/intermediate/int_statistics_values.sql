-- One row per place × indicator × year from official statistics, in canonical units
-- (the loader maps columns and units; several panel rows for one key keep the first).
select place_code, indicator_id, reference_year, first(value order by source_column) as value, any_value(unit) as unit
from {{ ref('stg_landing__statistics') }}
where place_code is not null and value is not null
group by place_code, indicator_id, reference_year
