-- One row per indicator of the catalogue (dbt seed `indicators`).
select
    indicator_id,
    name_zh,
    name_en,
    measure,
    unit,
    higher_is_better
from {{ ref('indicators') }}
