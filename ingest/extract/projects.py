"""Named projects (重点项目) and the stage a report puts them in: start, ongoing, completed, signed."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Stage words, longest first so 竣工投用 wins over 竣工.
STAGE_WORDS = {
    "开工建设": "started", "新开工": "started", "开工": "started", "启动建设": "started",
    "提速推进": "ongoing", "加快推进": "ongoing", "加快建设": "ongoing", "续建": "ongoing",
    "推进": "ongoing", "建设": "ongoing",
    "竣工投用": "completed", "建成投用": "completed", "建成投产": "completed", "竣工投产": "completed",
    "竣工": "completed", "建成": "completed", "投产": "completed",
    "签约落地": "signed", "签约": "signed", "引进": "signed", "落地": "signed",
}
_STAGE = "|".join(sorted(STAGE_WORDS, key=len, reverse=True))
# "开工建设智能车身控制系统总成等100个重点项目": names listed before 等N个…项目.
_LISTED = re.compile(
    rf"(?P<stage>{_STAGE})(?P<names>[^，。；：:]{{2,120}}?)等(?:[0-9一二三四五六七八九十百]+个)?[\u4e00-\u9fff]{{0,8}}项目"
)
# "华峰可降解新材料项目竣工投产" / "开工建设XX项目".
_NAMED_BEFORE = re.compile(rf"(?P<name>[\u4e00-\u9fffA-Za-z0-9（）()·]{{2,30}}?项目)(?P<stage>{_STAGE})")
_NAMED_AFTER = re.compile(rf"(?P<stage>{_STAGE})(?P<name>[\u4e00-\u9fffA-Za-z0-9（）()·]{{2,30}}?项目)")
# Names in a listing are separated by 、/和/及/与.
_LISTED_NAME = re.compile(r"[^、和及与]+")
# Generic phrases that are not a project's name.
_GENERIC = re.compile(r"^(一批|重点|重大|一批重点|省市重点|市重点|省重点|亿元以上|产业|招商|民生|政府投资|基础设施|续建|新建)")


@dataclass(frozen=True)
class ProjectMention:
    name: str
    stage: str  # started / ongoing / completed / signed
    stage_word: str
    start: int  # offsets of the name within the text given
    end: int


def _clean(name: str) -> str:
    return name.strip(" 　、，“”\"")


def find_projects(text: str) -> list[ProjectMention]:
    """Projects named in one sentence, each with the stage its verb gives it."""
    if "项目" not in text:
        return []  # every pattern ends its name with 项目; most sentences have none
    found: dict[tuple[str, str], ProjectMention] = {}
    for match in _LISTED.finditer(text):
        stage_word = match.group("stage")
        offset = match.start("names")
        for part in _LISTED_NAME.finditer(match.group("names")):
            name = _clean(part.group(0))
            if len(name) >= 3 and not _GENERIC.match(name):
                start = offset + part.start() + part.group(0).find(name)
                found.setdefault((name, stage_word), ProjectMention(name, STAGE_WORDS[stage_word], stage_word, start, start + len(name)))
    for pattern in (_NAMED_BEFORE, _NAMED_AFTER):
        for match in pattern.finditer(text):
            name = _clean(match.group("name"))
            if len(name) < 5 or _GENERIC.match(name) or "等" in name:
                continue
            stage_word = match.group("stage")
            start = match.start("name")
            found.setdefault((name, stage_word), ProjectMention(name, STAGE_WORDS[stage_word], stage_word, start, start + len(name)))
    return sorted(found.values(), key=lambda p: p.start)
