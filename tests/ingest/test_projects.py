"""Named projects: the names a sentence lists and the stage its verb puts them in."""

import pytest

from ingest.extract.projects import find_projects


def _found(sentence: str) -> list[tuple[str, str, str]]:
    projects = find_projects(sentence)
    for project in projects:  # offsets point at the name in the sentence
        assert sentence[project.start:project.end] == project.name
    return [(p.name, p.stage, p.stage_word) for p in projects]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("开工建设智能车身控制系统总成、新能源汽车电机等100个重点项目",
     [("智能车身控制系统总成", "started", "开工建设"), ("新能源汽车电机", "started", "开工建设")]),
    ("华峰可降解新材料项目竣工投产，瑞安高铁站综合交通枢纽项目加快建设",
     [("华峰可降解新材料项目", "completed", "竣工投产"), ("瑞安高铁站综合交通枢纽项目", "ongoing", "加快建设")]),
    ("签约落地浙江大学温州研究院项目", [("浙江大学温州研究院项目", "signed", "签约落地")]),
    ("新开工京雄高速保定段项目", [("京雄高速保定段项目", "started", "新开工")]),
])
def test_projects_and_their_stage(sentence, expected):
    assert _found(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "加快推进一批重点项目",  # no name, only a kind of project
    "亿元以上产业项目开工建设",  # a class of projects
    "完成投资120亿元，同比增长10%",  # no 项目 at all
    "开工建设等5个项目",  # nothing listed before 等
])
def test_generic_phrases_are_not_projects(sentence):
    assert _found(sentence) == []


def test_the_longest_stage_word_wins():
    [(name, stage, word)] = _found("城市书房项目建成投用")
    assert (name, stage, word) == ("城市书房项目", "completed", "建成投用")
