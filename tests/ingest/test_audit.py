"""`xianzhi audit`: misses found without gold, explained or not, on hand-written sentences and real builds."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from ingest.cli import main
from ingest.tools.audit import (
    REASONS,
    AuditMention,
    AuditResult,
    Miss,
    ReportAudit,
    ReportContext,
    find_candidates,
    find_variants,
    format_report,
    run_audit,
)

RUIAN = ReportContext(place_names=("瑞安市", "瑞安"), report_year=2023)


def mention(text: str, surface: str, unit: str, subject: str = "", indicator_id: str | None = None, **flags) -> AuditMention:
    """A mention of `surface` as the extractor lands it (offsets in the sentence)."""
    start = text.index(surface)
    return AuditMention(start, start + len(surface), surface, subject, indicator_id, unit, **flags)


def only_candidate(text: str, mentions: list[AuditMention], context: ReportContext = RUIAN):
    (candidate,) = find_candidates(text, mentions, context)
    return candidate


# ---------------------------------------------------------------- misses and non-misses

def test_an_indicator_beside_a_number_no_mention_carries_is_an_unexplained_miss():
    text = "粮食总产量可达到29.1万吨，增长2.2%。"
    candidate = only_candidate(text, [mention(text, "29.1万吨", "tonnes"), mention(text, "2.2%", "percent")])
    assert (candidate.indicator_id, candidate.number, candidate.reason) == ("grain_output", "29.1万吨", None)
    assert (candidate.hit.written, candidate.hit.variant) == ("粮食总产量", "alias")


def test_no_miss_when_a_mention_of_the_sentence_carries_the_indicator():
    text = "地区生产总值1197.9亿元，增长3.8%。"
    mentions = [mention(text, "1197.9亿元", "CNY", "地区生产总值", "gdp"),
                mention(text, "3.8%", "percent", "地区生产总值", "gdp_growth")]
    assert find_candidates(text, mentions, RUIAN) == []


def test_the_suspected_indicator_follows_the_unit_of_the_number():
    # The level is carried; the growth beside the same alias in the next clause is another matter.
    text = "地区生产总值增长3.8%，总量居全省第一。"
    carried_level = [mention(text, "3.8%", "percent", "地区生产总值", None), mention(text, "第一", "rank", is_rank=True)]
    assert only_candidate(text, carried_level).indicator_id == "gdp_growth"


def test_an_alias_with_no_number_in_its_clause_is_not_a_candidate():
    text = "地区生产总值稳步增长，财政收入增长8%。"
    assert find_candidates(text, [mention(text, "8%", "percent", "财政收入")], RUIAN) == []


def test_years_and_the_base_of_a_change_frame_the_figure_that_follows():
    text = "常住人口由上年72.9万人增加到73.2万人。"
    mentions = [mention(text, "72.9万人", "persons", "常住人口", value_kind="other"), mention(text, "73.2万人", "persons")]
    candidate = only_candidate(text, mentions)
    assert (candidate.number, candidate.reason) == ("73.2万人", None)


# ---------------------------------------------------------------- near variants

def test_the_place_s_own_name_in_front_is_a_near_variant():
    text = "瑞安市地区生产总值1197.9亿元。"
    (hit,) = find_variants(text, RUIAN)
    assert (hit.written, hit.alias, hit.prefix, hit.variant) == ("瑞安市地区生产总值", "地区生产总值", "瑞安市", "scoped")
    # The extractor leaves the place-prefixed subject unmapped: nothing explains that.
    candidate = only_candidate(text, [mention(text, "1197.9亿元", "CNY", "瑞安市地区生产总值")])
    assert (candidate.indicator_id, candidate.reason) == ("gdp", None)


@pytest.mark.parametrize("text, written, prefix", [
    ("全县规上工业增加值增长6.5%。", "全县规上工业增加值", "全县"),
    ("县域生产总值增长6%。", "县域生产总值", "县域"),
    ("限上社会消费品零售额增长9%。", "限上社会消费品零售额", "限上"),
])
def test_scope_words_in_front_are_near_variants(text, written, prefix):
    (hit,) = find_variants(text, RUIAN)
    assert (hit.written, hit.prefix, hit.variant) == (written, prefix, "scoped")


def test_the_head_noun_of_an_alias_is_a_near_variant():
    (hit,) = find_variants("工业增加值增长8%。")
    assert (hit.written, hit.variant) == ("工业增加值", "head")
    assert {row.indicator_id for row in hit.rows} == {"industrial_va_growth"}


def test_an_alias_that_needs_a_word_before_it_needs_it_in_the_same_clause():
    assert find_variants("粮食生产稳定增长，果品产量突破100万吨。") == []
    assert [h.written for h in find_variants("粮食播种面积稳定、产量突破100万吨。")] == ["粮食播种面积", "产量"]


# ---------------------------------------------------------------- explained misses

def _m(surface, unit, subject="", indicator_id=None, **flags):
    return surface, unit, subject, indicator_id, flags


EXPLAINED = [
    ("rank", "地区生产总值居全省第3位。", [_m("第3位", "rank", is_rank=True)]),
    ("rank", "地区生产总值增速位居全省前列。", []),
    ("year", "国内生产总值比2000年翻一番。", []),
    ("years_count", "城镇调查失业率连续5年低于全国水平。", [_m("5年", "years")]),
    ("years_count", "粮食产量连续13年稳定在430亿斤以上。", [_m("13年", "years"), _m("430亿斤以上", "tonnes")]),
    ("change_base", "城乡居民收入比值由3.27缩小。", [_m("3.27", "", value_kind="other")]),
    ("sub_area", "开发区地区生产总值增长8%。", [_m("8%", "percent", "开发区地区生产总值", is_sub_area=True)]),
    ("multi_year", "全社会固定资产投资五年累计完成1.4万亿元。", [_m("1.4万亿元", "CNY", is_multi_year=True)]),
    ("base_year", "单位生产总值能耗比2005年下降20%。", [_m("20%", "percent")]),
    ("share", "全部财政收入占GDP比重达到11%。", [_m("11%", "percent", "全部财政收入")]),
    ("proportion_of", "单位地区生产总值能耗约为全国平均的70%。", [_m("70%", "percent")]),
    ("of_indicator", "服务业对经济增长的贡献率达到60%。", [_m("60%", "percent")]),
    ("per_unit", "单位GDP二氧化碳排放下降3%。", [_m("3%", "percent", "单位GDP二氧化碳排放")]),
    ("unit_mismatch", "进出口总额达到160.7亿美元。", [_m("160.7亿美元", "USD", "进出口总额")]),
    ("attributive", "全部财政收入超10亿元的县达到52个。", [_m("10亿元", "CNY"), _m("52个", "count")]),
    ("other_indicator", "地区生产总值、人均生产总值达到8万元。", [_m("8万元", "CNY", "人均生产总值", "gdp_per_capita")]),
    ("sector_subset", "海洋生产总值增长6%左右。", [_m("6%左右", "percent", "海洋生产总值")]),
    ("sector_subset", "对东盟进出口增长8%。", [_m("8%", "percent", "对东盟进出口")]),
    ("sector_subset", "泸州经济总量突破3000亿元。", [_m("3000亿元", "CNY", "泸州经济总量")]),
    ("increment", "其中一般预算收入增收5636万元。", [_m("5636万元", "CNY")]),
    ("ambiguous_pair", "城乡居民人均可支配收入增长8.5%。", [_m("8.5%", "percent", "城乡居民人均可支配收入")]),
    ("no_growth_word", "地区生产总值6.5%。", [_m("6.5%", "percent", "地区生产总值")]),
]


@pytest.mark.parametrize("reason, text, specs", EXPLAINED, ids=[f"{r}-{i}" for i, (r, _, _) in enumerate(EXPLAINED)])
def test_a_miss_the_extractor_meant_is_explained(reason, text, specs):
    context = ReportContext(place_names=("四川省", "四川"), report_year=2011, other_places=frozenset({"泸州", "四川"}))
    mentions = [mention(text, surface, unit, subject, indicator_id, **flags) for surface, unit, subject, indicator_id, flags in specs]
    candidates = find_candidates(text, mentions, context)
    assert candidates and {c.reason for c in candidates} == {reason}


def test_every_reason_is_tested_and_described():
    assert {reason for reason, _, _ in EXPLAINED} == set(REASONS)


def test_two_figures_after_a_pair_alias_are_not_ambiguous():
    text = "城乡居民人均可支配收入达到2.36万元和1.53万元。"
    candidate = only_candidate(text, [mention(text, "2.36万元", "CNY", "城乡居民人均可支配收入"), mention(text, "1.53万元", "CNY")])
    assert candidate.reason is None


def test_a_change_since_last_year_is_not_a_base_year():
    text = "地区生产总值比2022年增长6%。"
    assert only_candidate(text, [mention(text, "6%", "percent")]).reason is None


# ---------------------------------------------------------------- results and report

def _report(report_id, reasons, stretched=0):
    from ingest.tools.audit import Candidate, Stretched

    text = "地区生产总值增长6%。"
    (hit,) = find_variants(text)
    report = ReportAudit(report_id, "330381", "瑞安市", 2023)
    report.misses = [Miss(report_id, f"{report_id}:{i:05d}", text, Candidate(hit, "6%", "gdp_growth", reason))
                     for i, reason in enumerate(reasons)]
    report.stretched = [Stretched(report_id, f"m{i}", "瑞安市地区生产总值", "瑞安市", "gdp") for i in range(stretched)]
    return report


def test_the_result_counts_misses_per_report_and_the_summary_says_so():
    result = AuditResult([_report("a", [None, None, "rank"], stretched=2), _report("b", []), _report("c", [None])],
                         has_subject_stripped=True)
    assert (len(result.unexplained), result.median_unexplained, result.n_stretched) == (3, 1, 2)
    assert result.explained == Counter({"rank": 1})
    assert result.summary() == "audit: 3 work reports, 3 unexplained misses (1.00 per report, median 1), 2 stretched values"
    shown = format_report(result, show=2)
    assert "unexplained misses (first 2 of 3):" in shown
    assert "瑞安市 2023 a:00000: gdp_growth suspected in 地区生产总值 … 6% (alias): 地区生产总值增长6%。" in shown
    assert "a\t瑞安市\t2023\t2\trank:1\t2" in shown.splitlines()
    assert "stretched values by words stripped: 瑞安市 2" in shown
    assert shown.splitlines()[-1] == result.summary()


def test_without_the_subject_stripped_column_stretched_values_are_not_counted():
    result = AuditResult([_report("a", [])], has_subject_stripped=False)
    assert result.summary().endswith("stretched values: n/a (no subject_stripped column)")


# ---------------------------------------------------------------- a real build

SEED_GDP_SENTENCE = "地区生产总值"  # the seed report's review states 2022's GDP (1197.9亿元)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The app tests' documents (the seed report and synthetic 温州 reports) through the real pipeline and dbt."""
    from ingest.run.build import build_warehouse
    from tests.app.conftest import write_documents

    root = tmp_path_factory.mktemp("audit")
    messages: list[str] = []
    result = build_warehouse([write_documents(root / "documents")], root / "warehouse.duckdb", log=messages.append)
    assert result.success, "\n".join(messages)
    return result.warehouse


@pytest.fixture
def built_copy(built, tmp_path) -> Path:
    return Path(shutil.copy(built, tmp_path / "warehouse.duckdb"))


def _work_reports(warehouse: Path) -> int:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return connection.execute("select count(*) from dim_reports where is_work_report").fetchone()[0]


def test_the_audit_reads_every_work_report_and_its_command_prints_the_summary(built, capsys):
    result = run_audit(built)
    assert len(result.reports) == _work_reports(built) > 0
    # The fixture reports are the seed (gold-perfect) and generated ones: nothing is left unexplained.
    assert result.unexplained == []
    assert main(["audit", "--warehouse", str(built), "--show", "5"]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert shown[0] == "report_id\tplace\tyear\tunexplained\texplained\tstretched"
    assert shown[-1] == result.summary()


def test_an_analyst_sees_the_sentence_whose_gdp_the_extractor_lost(built_copy):
    """Take the seed report's 2022 GDP away from its mention: the audit names the sentence."""
    with duckdb.connect(str(built_copy)) as connection:
        sentence_id, text = connection.execute(
            "select m.sentence_id, s.sentence_text from fct_metric_mentions m join fct_report_sentences s using (sentence_id) "
            "where m.indicator_id = 'gdp' and m.value_kind = 'actual' and s.section_role = 'review' "
            "order by m.mention_id limit 1").fetchone()
        connection.execute("update fct_metric_mentions set indicator_id = null "
                           "where sentence_id = ? and indicator_id = 'gdp'", [sentence_id])
    (miss,) = [m for m in run_audit(built_copy).unexplained if m.sentence_id == sentence_id]
    assert miss.candidate.indicator_id == "gdp" and SEED_GDP_SENTENCE in text


def test_stretched_values_are_listed_when_the_warehouse_has_subject_stripped(built_copy):
    with duckdb.connect(str(built_copy)) as connection:
        columns = {row[0] for row in connection.execute(
            "select column_name from information_schema.columns where table_name = 'fct_metric_mentions'").fetchall()}
        if "subject_stripped" not in columns:
            connection.execute("alter table fct_metric_mentions add column subject_stripped varchar")
        connection.execute("update fct_metric_mentions set subject_stripped = null")
        connection.execute("update fct_metric_mentions set subject_stripped = '瑞安市' "
                           "where mention_id = (select min(mention_id) from fct_metric_mentions where indicator_id = 'gdp')")
    result = run_audit(built_copy)
    assert result.has_subject_stripped and result.n_stretched == 1
    (stretched,) = [s for r in result.reports for s in r.stretched]
    assert (stretched.subject_stripped, stretched.indicator_id) == ("瑞安市", "gdp")


# ---------------------------------------------------------------- the corpus

# Measured on ../shared/corpus + seeds/ with shenzhen_chain (289 work reports): 173 unexplained
# misses, 0.60 per report (median 0); without the 深圳 chain it was 0.41. The ceiling sits a
# little above that so a change that loses values in many reports fails here, while a handful
# of new phrasings does not.
UNEXPLAINED_PER_REPORT_CEILING = 0.7


@pytest.mark.integration
def test_the_corpus_has_few_unexplained_misses_per_report(corpus_warehouse):
    result = run_audit(corpus_warehouse)
    assert len(result.reports) == _work_reports(corpus_warehouse)
    assert result.unexplained_per_report <= UNEXPLAINED_PER_REPORT_CEILING, format_report(result, show=50)
