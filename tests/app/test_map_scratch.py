import json
from conftest import run_page, shown_text, table

def test_scratch(warehouse, read):
    at = run_page(warehouse, "map.py", query_params={"place": "330381"})
    print("EXC", at.exception)
    print(shown_text(at))
    print(table(at, "map_table").to_string())
    [chart] = at.get("vega_lite_chart")
    spec = json.loads(chart.proto.spec)
    print(list(spec), len(chart.proto.spec))
    print(dict(at.query_params))
    print(read("select table_schema, table_name from information_schema.tables where table_name like '%statistic%'"))
    print(read("select indicator_id, reference_year, value_kind, count(*) from fct_indicator_values where place_code like '3303%' group by all order by 4 desc limit 15"))
    assert False
