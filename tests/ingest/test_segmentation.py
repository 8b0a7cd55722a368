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
