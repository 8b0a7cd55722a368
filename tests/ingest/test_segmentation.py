"""Segmentation: section roles from headings and target paragraphs; sentence offsets."""

import pytest

from ingest.segment import heading_role, is_targets_sentence, segment_report

TEXT = (
    "网页导航 首页\n"
    "政府工作报告\n"
    "一、2022年主要工作回顾\n"
    "全年实现地区生产总值183.7亿元、增长3.8%。一般公共预算收入8.9亿元！\n"
    "二、2023年主要目标任务和重点工作\n"
    "2023年经济社会发展主要预期目标是：地区生产总值增长6.5%；规上工业增加值增长8%左右。\n"
    "（一）大抓稳进提质。新增高新技术企业120家。\n"
    "名词解释\n"
    "1.“三稳”：稳增长。\n"
)


@pytest.mark.parametrize(
    ("title", "report_year", "role"),
    [
        ("2022年主要工作回顾", 2023, "review"),
        ("过去五年工作回顾", 2023, "review"),
        ("2025年主要工作和“十四五”发展成就", 2026, "review"),
        ("2023年工作总体要求和主要预期目标", 2023, "targets"),
        ("2023年主要目标任务和重点工作", 2023, "tasks"),
        ("2023年目标任务和主要工作", 2023, "tasks"),
        ("“十五五”时期的主要目标任务", 2026, "other"),
        ("“十一五”时期的指导思想和目标任务", 2006, "other"),  # 深圳 2006: goals for 2010
        ("2024年重点工作", 2024, "tasks"),
        ("2026年主要工作", 2026, "tasks"),
        ("全面加强政府自身建设", 2024, "other"),
        ("名词解释", 2024, "glossary"),
    ],
)
def test_heading_role(title: str, report_year: int, role: str):
    assert heading_role(title, report_year) == role


def test_sentences_keep_offsets_into_the_full_text():
    body_start = TEXT.index("政府工作报告")
    report = segment_report("r1", TEXT, 2023, (body_start, len(TEXT)))
    for sentence in report.sentences:
        assert TEXT[sentence.char_start : sentence.char_end] == sentence.text
        assert sentence.char_start >= body_start
    assert not any("网页导航" in s.text for s in report.sentences)
    assert [s.index for s in report.sentences] == list(range(len(report.sentences)))
    assert report.sentences[0].sentence_id == "r1:00000"


def test_roles_follow_headings_and_the_targets_paragraph():
    report = segment_report("r1", TEXT, 2023)
    role_of = {s.text: s.section_role for s in report.sentences}
    assert role_of["全年实现地区生产总值183.7亿元、增长3.8%。"] == "review"
    assert role_of["一般公共预算收入8.9亿元！"] == "review"
    assert role_of["2023年经济社会发展主要预期目标是：地区生产总值增长6.5%；规上工业增加值增长8%左右。"] == "targets"
    assert role_of["新增高新技术企业120家。"] == "tasks"
    assert role_of["1.“三稳”：稳增长。"] == "glossary"


def test_empty_body_gives_no_sentences():
    assert segment_report("r", "   \n\n", 2023).sentences == ()


def test_an_unheaded_review_and_thematic_task_headings_get_their_roles():
    text = (
        "各位代表：\n"
        "过去一年，全省地区生产总值增长5%。\n"
        "一般公共预算收入增长3%。\n"
        "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n"
        "一、聚焦产业兴县，坚定不移培育壮大优强企业\n"
        "新增高新技术企业20家。\n"
        "二、全面加强政府自身建设\n"
        "坚持依法行政。\n"
    )
    roles = [(s.text, s.section_role) for s in segment_report("r", text, 2026).sentences]
    assert roles == [
        ("各位代表：", "preamble"),
        ("过去一年，全省地区生产总值增长5%。", "review"),
        ("一般公共预算收入增长3%。", "review"),
        ("今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。", "targets"),
        ("一、聚焦产业兴县，坚定不移培育壮大优强企业", "tasks"),
        ("新增高新技术企业20家。", "tasks"),
        ("二、全面加强政府自身建设", "other"),
        ("坚持依法行政。", "other"),
    ]


def test_a_five_year_plan_paragraph_is_not_this_years_targets():
    text = "二、“十五五”时期的主要目标任务\n“十五五”发展的主要目标是：经济增长5%左右。\n"
    assert {s.section_role for s in segment_report("r", text, 2026).sentences} == {"other"}


def test_a_sentence_announcing_targets_states_targets_wherever_it_sits():
    text = (
        "一、2022年工作回顾\n"
        "全年实现地区生产总值183.7亿元。今年经济社会发展的主要预期目标是：地区生产总值增长5%以上。"
        "一般公共预算收入增长6%。\n"
        "三、2023年主要工作\n"
        "城镇新增就业86万人。\n"
    )
    roles = [(s.text, s.section_role) for s in segment_report("r", text, 2023).sentences]
    assert roles[1:] == [
        ("全年实现地区生产总值183.7亿元。", "review"),
        ("今年经济社会发展的主要预期目标是：地区生产总值增长5%以上。", "targets"),
        ("一般公共预算收入增长6%。", "targets"),
        ("三、2023年主要工作", "tasks"),
        ("城镇新增就业86万人。", "tasks"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("2023年经济社会发展主要预期目标是：地区生产总值增长6.5%", True),
        ("今年经济社会发展的主要目标是：全县生产总值增长9%左右", True),
        ("主要指标确定为：生产总值增长7%", True),
        ("“十五五”发展的主要目标是：经济增长5%左右", False),
        ("“十五五”开局之年，今年经济社会发展的主要预期目标是：增长5%左右", True),
        ("我们的目标是建设现代化强县", False),
        # 宝安 2017: targets and tasks announced together
        ("今年工作的主要目标和任务是：地区生产总值增长8.5%左右", True),
        ("今后五年的主要目标和任务是：地区生产总值年均增长8%", False),
        # 河北 2006: the plan's goals for 2010, not 2006's
        ("《纲要(草案)》提出了“十一五”时期全省经济社会发展的主要目标：生产总值年均增长11%左右", False),
    ],
)
def test_is_targets_sentence(sentence: str, expected: bool):
    assert is_targets_sentence(sentence, 2026 if "十五五" in sentence else 2023) is expected


def test_the_items_of_a_targets_list_opened_by_a_colon_state_targets():
    # 南山 2014/2015 open each item with a dash, 高阳县 2020 chains bare items with semicolons;
    # the list ends at the first line that is neither an item nor chained to one.
    dashes = (
        "一、2014年工作回顾\n"
        "全年实现本地生产总值3464亿元。\n"
        "今年全区经济社会发展主要目标是：\n"
        "——本地生产总值3800亿元，增长9.5%左右；\n"
        "\n"
        "——居民登记失业率控制在3%以内。\n"
        "我们将重点抓好以下六方面工作：\n"
        "新增高新技术企业120家。\n"
    )
    roles = [(s.text, s.section_role) for s in segment_report("r", dashes, 2015).sentences]
    assert roles[2:] == [
        ("今年全区经济社会发展主要目标是：", "targets"),
        ("——本地生产总值3800亿元，增长9.5%左右；", "targets"),
        ("——居民登记失业率控制在3%以内。", "targets"),
        ("我们将重点抓好以下六方面工作：", "review"),
        ("新增高新技术企业120家。", "review"),
    ]
    chained = (
        "各位代表：\n"
        "全县经济社会发展主要预期目标是：\n"
        "地区生产总值增长7%；\n"
        "城镇新增就业2500人，城镇登记失业率控制在3%以内。\n"
        "全年实现公共财政预算收入8亿元。\n"
    )
    roles = [(s.text, s.section_role) for s in segment_report("r", chained, 2020).sentences]
    assert roles[1:] == [
        ("全县经济社会发展主要预期目标是：", "targets"),
        ("地区生产总值增长7%；", "targets"),
        ("城镇新增就业2500人，城镇登记失业率控制在3%以内。", "targets"),
        # The list has ended; in a body without headings, what follows the targets is this year's work.
        ("全年实现公共财政预算收入8亿元。", "tasks"),
    ]


def test_an_unnumbered_review_heading_keeps_its_thematic_headings_in_the_review():
    # 光明 2022: "2021年工作回顾", then "一、坚持创新驱动发展战略…" (task words) recounting 2021,
    # then "2022年工作安排"; 宝安 2017 likewise.
    text = (
        "各位代表：\n"
        "2021年工作回顾\n"
        "一、坚持创新驱动发展战略，加快构建科学城创新生态\n"
        "全年地区生产总值1285.3亿元，增长12.9%。\n"
        "2022年工作安排\n"
        "党的十八大以来，地区生产总值从300亿元增长到1285亿元。\n"
        "今年经济社会发展的主要预期目标是：地区生产总值增长6%。\n"
        "一、坚持创新驱动发展战略，建设世界一流科学城\n"
        "新增国家高新技术企业200家。\n"
    )
    roles = [(s.text, s.section_role) for s in segment_report("r", text, 2022).sentences]
    assert roles[1:] == [
        ("2021年工作回顾", "review"),
        ("一、坚持创新驱动发展战略，加快构建科学城创新生态", "review"),
        ("全年地区生产总值1285.3亿元，增长12.9%。", "review"),
        # The plan's opening looks back (南山 2023: 经济总量从2836亿元增长到8036亿元): not this year's targets.
        ("2022年工作安排", "other"),
        ("党的十八大以来，地区生产总值从300亿元增长到1285亿元。", "other"),
        ("今年经济社会发展的主要预期目标是：地区生产总值增长6%。", "targets"),
        ("一、坚持创新驱动发展战略，建设世界一流科学城", "tasks"),
        ("新增国家高新技术企业200家。", "tasks"),
    ]


def test_a_numbered_heading_with_this_years_date_ends_an_unnumbered_review():
    text = ("2021年工作回顾\n一、经济稳中向好\n全年增长5%。\n二、2022年主要目标任务\n"
            "地区生产总值增长6%。\n三、坚持创新驱动\n新增企业20家。\n")
    roles = {s.text: s.section_role for s in segment_report("r", text, 2022).sentences}
    assert roles["全年增长5%。"] == "review"
    assert roles["新增企业20家。"] == "tasks"


# --- the outline: parts and sections from heading numbering ------------------------------------

from ingest.segment.headings import numeral_value, parse_heading  # noqa: E402
from ingest.segment.tree import outline  # noqa: E402


@pytest.mark.parametrize("numeral, value", [("一", 1), ("九", 9), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23)])
def test_numeral_value(numeral: str, value: int):
    assert numeral_value(numeral) == value


@pytest.mark.parametrize(
    "line, kind, number, words",
    [
        ("一、2022年主要工作回顾", "numbered", 1, "2022年主要工作回顾"),
        ("十二、加强政府自身建设", "numbered", 12, "加强政府自身建设"),
        ("2021年工作回顾", "part", None, "2021年工作回顾"),
        # Years written in Chinese numerals (易县 2025) open parts too, and read as years.
        ("二〇二四年工作回顾", "part", None, "2024年工作回顾"),
        ("二○二五年主要目标任务", "part", None, "2025年主要目标任务"),
        ("一、二〇二二年工作回顾", "numbered", 1, "2022年工作回顾"),
        ("名词解释", "glossary", None, "名词解释"),
        ("全年实现地区生产总值183.7亿元。", None, None, None),
        ("2022年全县地区生产总值增长5%，一般公共预算收入增长8%，完成了全年目标任务", None, None, None),
    ],
)
def test_parse_heading(line: str, kind, number, words):
    heading = parse_heading(line)
    if kind is None:
        assert heading is None
    else:
        assert (heading.kind, heading.number, heading.words) == (kind, number, words)


def _outline(lines: list[str], year: int = 2021) -> list[str]:
    places = outline([parse_heading(line) for line in lines], year)
    return [("R " if p.review_series else "") + p.path for p in places]


def test_a_thematic_series_that_restarts_opens_the_next_part_and_was_the_review():
    # 保定 2021 (a county, row 85): results told as headings, then the tasks from 一 again.
    lines = ["一、防疫情稳增长，经济运行持续向好", "二、提质量增效益，产业发展稳步提升",
             "一、坚定不移抓高效投入，进一步增强经济发展后劲", "二、坚定不移抓新动能培育，进一步发展壮大实体经济",
             "三、坚定不移抓乡村振兴"]
    assert _outline(lines) == ["R 1/1", "R 1/2", "2/1", "2/2", "2/3"]


def test_a_thematic_series_before_an_unnumbered_plan_heading_was_the_review():
    # 光明 2021 and 2023: no review heading, the review's headings, then "2021年工作安排".
    lines = ["一、统筹疫情防控和经济社会发展，在抵御下行压力中打开高质量发展新局面", "二、以主阵地的作为加快建设科学中心",
             "2021年工作安排", "一、加快大湾区综合性国家科学中心先行启动区建设", "二、围绕产业链部署创新链"]
    assert _outline(lines) == ["R 1/1", "R 1/2", "2/0", "2/1", "2/2"]


def test_a_series_under_headings_that_name_parts_is_their_sections():
    # 河北 2000, 罗湖 2015: "二、2015年发展目标和主要任务" then "一、本区生产总值 …": sections of part 2.
    lines = ["一、2014年工作回顾", "二、2015年发展目标和主要任务", "一、本区生产总值", "二、商贸业增加值"]
    assert _outline(lines, 2015) == ["1/0", "2/0", "2/1", "2/2"]


def test_a_single_thematic_series_is_not_taken_for_a_review():
    # Nothing restarts and no part heading follows: no evidence the series is last year's.
    lines = ["一、坚持创新驱动", "二、坚持改革开放", "三、加强政府自身建设"]
    assert _outline(lines) == ["1/1", "1/2", "1/3"]


def test_unnumbered_part_headings_each_open_a_part_and_a_file_holding_its_report_twice_goes_on_counting():
    lines = ["2020年工作回顾", "一、经济发展", "二、民生事务", "2021年工作安排", "一、深化改革", "二、加快发展"]
    assert _outline(lines) == ["1/0", "1/1", "1/2", "2/0", "2/1", "2/2"]
    twice = ["一、2023年工作回顾", "二、2024年政府工作任务"] * 2
    assert _outline(twice, 2024) == ["1/0", "2/0", "3/0", "4/0"]


def test_a_review_told_as_thematic_headings_keeps_its_actuals():
    # The failure of issue 12: "一、坚持…，…加快起势" read as this year's tasks lost every actual.
    text = (
        "各位代表：\n"
        "过去一年，我们攻坚克难。\n"
        "一、坚持稳中求进，经济发展加快起势\n"
        "全年地区生产总值增长6.5%。\n"
        "二、坚持改革创新，发展活力持续释放\n"
        "新增市场主体5000户。\n"
        "今年是“十四五”开局之年。\n"
        "今年经济社会发展的主要预期目标是：地区生产总值增长7%左右。\n"
        "一、坚定不移抓项目建设，进一步增强发展后劲\n"
        "固定资产投资增长8%。\n"
    )
    sentences = segment_report("r", text, 2021).sentences
    roles = [(s.text, s.section_role, s.section_path) for s in sentences]
    assert roles[1:] == [
        ("过去一年，我们攻坚克难。", "review", "0/0"),
        ("一、坚持稳中求进，经济发展加快起势", "review", "1/1"),
        ("全年地区生产总值增长6.5%。", "review", "1/1"),
        ("二、坚持改革创新，发展活力持续释放", "review", "1/2"),
        ("新增市场主体5000户。", "review", "1/2"),
        # The review runs on, unheaded, into this year's situation: that line ends it.
        ("今年是“十四五”开局之年。", "other", "1/2"),
        ("今年经济社会发展的主要预期目标是：地区生产总值增长7%左右。", "targets", "1/2"),
        ("一、坚定不移抓项目建设，进一步增强发展后劲", "tasks", "2/1"),
        ("固定资产投资增长8%。", "tasks", "2/1"),
    ]


def test_a_chinese_numeral_year_heading_opens_the_review_part():
    text = "各位代表：\n二〇二四年工作回顾\n粮食总产量19.34万吨。\n二〇二五年主要目标任务\n今年是收官之年。\n"
    roles = [(s.text, s.section_role, s.section_path) for s in segment_report("r", text, 2025).sentences]
    assert roles == [
        ("各位代表：", "preamble", "0/0"),
        ("二〇二四年工作回顾", "review", "1/0"),
        ("粮食总产量19.34万吨。", "review", "1/0"),
        ("二〇二五年主要目标任务", "other", "2/0"),
        ("今年是收官之年。", "other", "2/0"),
    ]


def test_a_body_without_headings_is_this_years_work_after_its_targets():
    text = (
        "各位代表：\n"
        "过去一年，全县地区生产总值增长6%。\n"
        "今年经济社会发展的主要预期目标是：地区生产总值增长7%。\n"
        "抓项目建设，力争固定资产投资增长10%。\n"
    )
    roles = [s.section_role for s in segment_report("r", text, 2021).sentences]
    assert roles == ["preamble", "review", "targets", "tasks"]
