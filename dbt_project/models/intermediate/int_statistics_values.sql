-- One row per place × indicator × year from official statistics, in canonical units. Where
-- several files give one (the shipped panel and a panel loaded by `xianzhi stats load`), the
-- loaded one wins (the user chose it), then the file named first; n_sources counts them all.
with statistics as (
    select *
    from {{ ref('stg_landing__statistics') }}
    where place_code is not null and value is not null
)

select
    place_code,
    indicator_id,
    reference_year,
    value,
    unit,
    source_name,
    source_file,
    source_url,
    source_column,
    source_county,
    source_code,
    vintage,
    origin,
    count(*) over (partition by place_code, indicator_id, reference_year) as n_sources
from statistics
qualify row_number() over (
    partition by place_code, indicator_id, reference_year
    order by origin = 'stats load' desc, source_file, source_column
) = 1
