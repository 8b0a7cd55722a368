{% macro keep_nearest_year(partition_by, year, wanted_year) %}
{#- Keep, per partition, the row whose year is nearest the wanted one; a tie goes to the later
    year (the more recent count). For "nearest census", "nearest statistic" joins. -#}
qualify row_number() over (
    partition by {{ partition_by }}
    order by abs({{ year }} - {{ wanted_year }}), {{ year }} desc
) = 1
{%- endmacro %}
