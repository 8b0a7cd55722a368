-- One row per place × indicator × reference year from official statistics (county panels and
-- census population), in canonical units, with the source each value came from and its vintage:
-- statistics are kept apart from what the reports claim (fct_indicator_values).
with statistics as (
    select * from {{ ref('int_statistics_values') }}
),

places as (
    select place_code, place_name from {{ ref('dim_places') }}
)

select
    statistics.place_code,
    places.place_name,
    statistics.indicator_id,
    statistics.reference_year,
    statistics.value,
    statistics.unit,
    statistics.source_name,
    statistics.source_file,
    statistics.source_url,
    statistics.source_column,
    statistics.source_county,
    statistics.source_code,
    statistics.vintage,
    statistics.origin,
    statistics.n_sources
from statistics
left join places using (place_code)
