"""Deterministic synthetic corpora of work reports (N places × Y years) for benchmarks and tests."""

from __future__ import annotations

import csv
import io
import json
import random
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ingest.sources.gazetteer import Place, load_gazetteer

# Bump when the templates change: a corpus on disk written by another version is regenerated.
GENERATOR_VERSION = 6

_CN = "零一二三四五六七八九"
_SESSIONS = ["十四", "十五", "十六", "十七", "十八", "十九"]
_MEETING = ["一", "二", "三", "四", "五"]
_SURNAMES = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢"
_GIVEN = "建国华明军平志伟海东晓红立新永强文斌俊峰雪梅玉春秋宏亮德胜光辉庆云涛"


# --- vocabulary -------------------------------------------------------------------------------
# Varied, report-like vocabulary so that a tokenizer sees realistic text, not one line repeated.

_VERBS = ["深入实施", "扎实推进", "加快建设", "全面落实", "持续深化", "大力发展", "统筹推进", "积极培育",
          "着力打造", "稳步推进", "纵深推进", "系统谋划", "高标准建设", "全力攻坚", "有序推进", "巩固拓展"]
_OBJECTS = ["乡村振兴战略", "创新驱动发展战略", "营商环境优化提升行动", "新型城镇化建设", "生态文明建设",
            "数字经济核心产业", "先进制造业集群", "现代服务业体系", "农业农村现代化", "城市更新行动",
            "重大项目攻坚", "国资国企改革", "对外开放平台", "民生实事工程", "基层治理体系", "文旅融合发展",
            "县域商业体系", "高标准农田建设", "新质生产力培育", "共同富裕示范区建设", "科技成果转化",
            "人才强县工程", "产业链供应链", "开发区体制改革", "农村人居环境整治", "智慧城市建设"]
_RESULTS = ["取得明显成效", "迈出坚实步伐", "实现重大突破", "走在全省前列", "获得群众广泛好评",
            "形成一批可复制可推广的经验", "呈现良好发展态势", "发展质效稳步提升", "基础更加坚实"]
_AREAS = ["工业园区", "经济开发区", "高新区", "物流园区", "文旅小镇", "现代农业产业园", "科创走廊", "临港片区"]
_THINGS = ["标准厂房", "污水处理厂", "人才公寓", "智慧停车场", "乡镇卫生院", "中小学校舍", "农贸市场",
           "城乡供水一体化工程", "农村公路", "充电桩", "养老服务中心", "托育机构", "5G基站", "冷链物流中心"]
_INDUSTRIES = ["新能源汽车", "生物医药", "高端装备", "新材料", "电子信息", "绿色建材", "食品加工", "纺织服装",
               "光伏", "锂电池", "文化旅游", "现代物流", "跨境电商", "预制菜"]
_PROJECT_WORDS = ["开工建设", "建成投用", "竣工投产", "签约落地", "加快推进"]
_PEOPLE = ["企业", "群众", "市场主体", "农户", "高校毕业生", "退役军人", "困难群众", "老年人"]
_ADVERBS = ["坚定不移", "持之以恒", "扎扎实实", "一以贯之", "久久为功"]

_FILLER_TEMPLATES = [
    # Most sentences of a real report carry no number (about one quantity per 100 characters).
    "{verb}{obj}，{verb2}{obj2}，推动{industry}产业提质增效，{result}。",
    "坚持以人民为中心的发展思想，{verb}{obj}，让{people}共享发展成果。",
    "{adverb}抓好{obj}，健全{area}运营管理机制，{verb2}{obj2}。",
    "深化{obj}改革，完善{thing}建设运营机制，{people}办事更加便捷高效。",
    "统筹推进{obj}和{obj2}，加快{industry}、{industry2}等产业集聚发展，{result}。",
    "牢固树立绿水青山就是金山银山理念，{verb}{obj}，{area}生态环境持续改善。",
    "{verb}{thing}提档升级，{verb2}{obj}，城市功能品质不断提升。",
    "强化要素保障，{verb}{obj}，全力服务{people}，营造公平竞争的市场环境。",
    "{adverb}{verb}{obj}，把{people}的期盼作为工作方向，{result}。",
    "守住不发生规模性返贫底线，{verb}{obj}，{people}收入稳步增长。",
    "{verb}{obj}，{verb2}{obj2}，{result}。",
    "围绕{industry}、{industry2}等重点产业，{verb}{obj}，新引进亿元以上项目{n}个。",
    "{proj}{area}{thing}等{n}个项目，{verb}{obj}。",
    "{adverb}{verb}{obj}，着力解决{people}急难愁盼问题，{result}。",
    "新建改造{thing}{n}处，{thing2}{n2}个，{people}获得感、幸福感、安全感持续增强。",
    "聚焦{industry}产业链，{verb}{area}建设，规上工业企业新增{n}家。",
    "坚持把{obj}作为“一号工程”，出台支持政策{n}条，为{people}减负{m}亿元。",
    "实施{obj}三年行动，{verb}{thing}，累计完成投资{m}亿元。",
    "{verb}{obj}，深化“放管服”改革，政务服务事项“一网通办”率达到{p}%。",
    "统筹发展和安全，{verb}{obj}，守牢安全生产底线，全年未发生较大以上安全事故。",
    "{area}综合实力跻身全省第{n}位，{industry}产业集群入选省级特色产业集群。",
    "新增就业{n}人，城镇登记失业率控制在{q}%以内，{people}就业保持总体稳定。",
    "深化“{obj}”改革，{proj}{thing}{n}个，{verb2}{obj2}。",
    "开展{obj}专项行动，整治问题隐患{n}处，{result}。",
]

_REVIEW_OPENINGS = [
    "过去一年，面对复杂严峻的外部环境和艰巨繁重的改革发展稳定任务，我们在{party}的坚强领导下，"
    "坚持稳中求进工作总基调，全力以赴稳增长、调结构、惠民生、防风险，较好完成了{place}{n_session}届人大{meeting}次会议确定的目标任务。",
    "{prev}年是全面贯彻党的二十大精神的开局之年，也是本届政府依法履职的关键之年。我们坚持以习近平新时代中国特色社会主义思想为指导，"
    "团结带领全{suffix}人民砥砺奋进，经济社会发展取得新的成绩。",
    "一年来，我们始终把发展作为第一要务，{verb}{obj}，{result}，全{suffix}经济运行总体平稳、稳中有进。",
]

_CLUTTER_HEAD = [
    "首页 > 政务公开 > 政府工作报告\n字号：大 中 小 打印本页 关闭窗口\n",
    "当前位置：首页 > 信息公开 > 规划计划\n发布时间：{date} 来源：{place}人民政府办公室 浏览次数：{n}\n",
]
_CLUTTER_TAIL = [
    "\n阅读排行\n{other}{year2}年政府工作报告\n{other2}召开政府常务会议\n扫一扫在手机打开当前页\n",
    "\n【打印本页】【关闭窗口】\n主办单位：{place}人民政府办公室  网站标识码：{n}\n",
]


@dataclass(frozen=True)
class SyntheticReport:
    """What the generator meant to write: the truth a benchmark or test can check against."""

    place_code: str
    place_name: str
    year: int
    file: str
    row: int | None = None


def _cn_year(year: int) -> str:
    return "".join(_CN[int(d)] for d in str(year))


def _cn_small(n: int) -> str:
    """Chinese numeral for 0 < n < 10000 (the forms reports write out: 一百二十, 三千零五)."""
    out, zero = "", False
    for scale, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // scale % 10
        if digit:
            out += ("零" if zero and out else "") + _CN[digit] + name
            zero = False
        else:
            zero = True
    return out[1:] if out.startswith("一十") else out


def _grouped(value: float, decimals: int) -> str:
    return f"{value:,.{decimals}f}"


def _full_width(text: str) -> str:
    return text.translate(str.maketrans("0123456789.%", "０１２３４５６７８９．％"))


class _Writer:
    """One report's text from one seeded random stream."""

    def __init__(self, rng: random.Random, place: Place, year: int, others: list[Place]):
        self.rng, self.place, self.year, self.others = rng, place, year, others
        level = place.level
        self.suffix = {"province": "省", "prefecture": "市", "county_level_city": "市", "district": "区"}.get(level, "县")
        if place.name.endswith(("自治区", "市")) and level == "province":
            self.suffix = "区" if place.name.endswith("自治区") else "市"
        self.head_title = {"province": "省长", "prefecture": "市长", "county_level_city": "市长", "district": "区长"}.get(level, "县长")
        # Scale of the economy: provinces ≫ prefectures ≫ counties.
        self.scale = {"province": 30000.0, "prefecture": 2500.0}.get(level, 300.0) * rng.uniform(0.3, 2.5)

    def pick(self, items):
        return items[self.rng.randrange(len(items))]

    def percent(self, low: float, high: float) -> str:
        """A percentage in one of the grammar's forms."""
        value = round(self.rng.uniform(low, high), 1)
        if value < 0:
            return "-" + self.percent(-value, -value)
        form = self.rng.random()
        if form < 0.08:
            whole, _, tenth = f"{value:.1f}".partition(".")
            spoken = _cn_small(int(whole)) if int(whole) else "零"
            return f"百分之{spoken}点{_CN[int(tenth)]}" if tenth != "0" else f"百分之{spoken}"
        if form < 0.13:
            return _full_width(f"{value}%")
        return f"{value}%"

    def change(self, low: float, high: float) -> str:
        """增长 x% or 下降 x%: a fall is written as a fall, never as negative growth."""
        text = self.percent(low, high)
        return f"下降{text[1:]}" if text.startswith("-") else f"增长{text}"

    def money(self, base: float) -> str:
        """A money amount: 亿元 with or without thousands separators, 万元, or 千亿-style words."""
        value = base * self.rng.uniform(0.7, 1.3)
        form = self.rng.random()
        if form < 0.1 and value >= 1000:
            return f"{_grouped(value, 1)}亿元"
        if form < 0.2 and value < 50:
            return f"{value * 10000:.0f}万元"
        if form < 0.25 and value >= 1000:
            return f"{value / 1000:.2f}千亿元"
        return f"{value:.1f}亿元"

    def filler(self, n_sentences: int) -> str:
        rng = self.rng
        parts = []
        for _ in range(n_sentences):
            template = self.pick(_FILLER_TEMPLATES)
            parts.append(template.format(
                verb=self.pick(_VERBS), verb2=self.pick(_VERBS), obj=self.pick(_OBJECTS), obj2=self.pick(_OBJECTS),
                result=self.pick(_RESULTS), area=self.pick(_AREAS), thing=self.pick(_THINGS), thing2=self.pick(_THINGS),
                industry=self.pick(_INDUSTRIES), industry2=self.pick(_INDUSTRIES), proj=self.pick(_PROJECT_WORDS),
                people=self.pick(_PEOPLE), adverb=self.pick(_ADVERBS),
                n=rng.randint(2, 120), n2=rng.randint(2, 60), m=round(rng.uniform(0.5, 30), 1), p=round(rng.uniform(80, 99.9), 1), q=round(rng.uniform(2.5, 4.5), 1),
            ))
        return "".join(parts)

    def review_figures(self) -> list[str]:
        prev = self.year - 1
        gdp = self.scale
        lines = [
            f"实现地区生产总值{self.money(gdp)}，增长{self.percent(2, 9)}",
            f"一般公共预算收入{self.money(gdp * 0.07)}，同比增长{self.percent(1, 12)}",
            f"规模以上工业增加值增长{self.percent(3, 12)}",
            f"固定资产投资{self.change(-5, 15)}",
            f"社会消费品零售总额{self.money(gdp * 0.4)}，增长{self.percent(2, 10)}",
            f"城镇居民人均可支配收入{self.rng.randint(25000, 70000)}元、农村居民人均可支配收入{self.rng.randint(12000, 35000)}元，"
            f"分别增长{self.percent(4, 8)}和{self.percent(5, 9)}",
            f"进出口总额{self.money(gdp * 0.15)}，{self.change(-8, 20)}",
            f"单位地区生产总值能耗下降{self.percent(1, 4)}",
            f"居民消费价格涨幅控制在{self.percent(0.5, 3)}以内",
        ]
        self.rng.shuffle(lines)
        keep = lines[: self.rng.randint(5, len(lines))]
        opening = self.pick(["过去一年，", f"{prev}年，", "全年", "初步核算，全年"])
        return [opening + "，".join(keep) + "。"]

    def target_figures(self) -> str:
        rng = self.rng
        growth = round(rng.uniform(4, 8), 1)
        items = [
            self.pick([f"地区生产总值增长{growth}%左右", f"地区生产总值增长{growth}%以上",
                       f"地区生产总值增长{growth}%—{growth + 0.5}%", f"生产总值增长百分之{_cn_small(int(growth))}左右"]),
            f"一般公共预算收入增长{self.percent(3, 8)}",
            f"规模以上工业增加值增长{round(rng.uniform(5, 10), 1)}%以上",
            f"固定资产投资增长{round(rng.uniform(5, 12), 1)}%",
            f"社会消费品零售总额增长{round(rng.uniform(4, 8), 1)}%左右",
            f"城乡居民人均可支配收入增长与经济增长基本同步",
            f"城镇新增就业{rng.randint(2, 60) * 1000}人以上",
            f"城镇调查失业率控制在{round(rng.uniform(4.5, 5.5), 1)}%以内",
            f"居民消费价格涨幅{self.pick(['3%左右', '控制在3%以内', '3%以内'])}",
            f"单位地区生产总值能耗下降{round(rng.uniform(2, 3.5), 1)}%",
        ]
        rng.shuffle(items)
        keep = items[: rng.randint(5, len(items))]
        lead = self.pick(["今年经济社会发展的主要预期目标是：", f"{self.year}年全{self.suffix}经济社会发展的主要预期目标是：",
                          "综合考虑各方面因素，今年主要预期目标是："])
        return lead + "；".join(keep) + "。"

    def section(self, title: str, paragraphs: int) -> list[str]:
        out = [title]
        headings = ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）"]
        for i in range(paragraphs):
            sub = f"{headings[i % len(headings)]}{self.pick(_VERBS)}{self.pick(_OBJECTS)}。" if i < 8 else ""
            out.append(sub + self.filler(self.rng.randint(4, 9)))
        return out

    def report(self, size: float) -> str:
        rng, place, year = self.rng, self.place, self.year
        prev = year - 1
        month, day = rng.randint(1, 2), rng.randint(5, 28)
        session, meeting = self.pick(_SESSIONS), self.pick(_MEETING)
        speaker = self.pick(_SURNAMES) + self.pick(_GIVEN) + (self.pick(_GIVEN) if rng.random() < 0.6 else "")
        name = place.name
        lines = []
        if rng.random() < 0.15:
            lines.append(self.pick(_CLUTTER_HEAD).format(date=f"{year}-0{month}-{day:02d}", place=name, n=rng.randint(100, 9999)))
        lines.append(self.pick([f"{name}{year}年政府工作报告", "政府工作报告", f"{year}年{name}人民政府工作报告"]))
        date = f"{year}年{month}月{day}日" if rng.random() < 0.85 else f"{_cn_year(year)}年{_CN[month]}月{_cn_small(day)}日"
        lines.append(f"——{date}在{name}第{session}届人民代表大会第{meeting}次会议上")
        lines.append(f"{name}人民政府{self.head_title}  {speaker}")
        lines.append("各位代表：")
        lines.append(f"现在，我代表{name}人民政府，向大会报告政府工作，请予审议，并请政协委员和其他列席人员提出意见。")
        parent = place.prefecture_name if place.prefecture_name and place.prefecture_name != name else place.province_name
        party = f"中共{parent}委和{name}委" if place.level != "province" else f"中共{name}委"
        lines.append(f"一、{prev}年工作回顾")
        lines.append(self.pick(_REVIEW_OPENINGS).format(
            party=party, place=name, n_session=session, meeting=meeting, prev=prev, suffix=self.suffix,
            verb=self.pick(_VERBS), obj=self.pick(_OBJECTS), result=self.pick(_RESULTS)))
        lines += self.review_figures()
        # size scales the number of filler paragraphs so lengths follow the real spread.
        n_review = max(4, int(19 * size))
        lines += self.section("", n_review)[1:]
        lines.append(f"在肯定成绩的同时，我们也清醒看到，经济持续回升向好的基础还不稳固，{self.pick(_OBJECTS)}任务艰巨，"
                     f"一些{self.pick(_PEOPLE)}反映的问题还没有得到很好解决。我们将采取有力措施，切实加以解决。")
        lines.append(f"二、{year}年工作安排")
        lines.append(f"今年是{self.pick(['“十四五”规划实施的关键之年', '全面贯彻党的二十大精神的重要一年', '实施“十五五”规划的开局之年'])}。"
                     f"政府工作的总体要求是：{self.filler(2)}")
        lines.append(self.target_figures())
        lines += self.section("", 1)[1:]
        lines += self.section(f"三、{self.pick(['全力以赴抓好重点工作', '扎实做好今年重点工作', '突出抓好以下几个方面工作'])}", max(4, int(23 * size)))
        lines.append("四、全面加强政府自身建设")
        lines.append(self.filler(rng.randint(5, 10)))
        lines.append(f"各位代表！{self.pick(_ADVERBS)}，团结奋斗。让我们更加紧密地团结在以习近平同志为核心的党中央周围，"
                     f"为奋力谱写{name}高质量发展新篇章而不懈奋斗！")
        if rng.random() < 0.1:
            lines.append("名词解释\n1.“放管服”：简政放权、放管结合、优化服务。\n2.规上工业：年主营业务收入2000万元及以上的工业企业。")
        if rng.random() < 0.15:
            other, other2 = self.pick(self.others), self.pick(self.others)
            lines.append(self.pick(_CLUTTER_TAIL).format(other=other.name, other2=other2.name, year2=year - rng.randint(1, 3),
                                                         place=name, n=rng.randint(10000, 99999)))
        return "\n".join(lines) + "\n"


def _size_factor(rng: random.Random, place: Place) -> float:
    """Report length relative to a typical county report (about 12,000 characters)."""
    base = {"province": 2.2, "prefecture": 1.6}.get(place.level, 1.0)
    return base * rng.lognormvariate(0, 0.3)


def choose_places(n_places: int, seed: int) -> list[Place]:
    """n distinct places from the gazetteer, every level in its real proportion, deterministically."""
    places = sorted(load_gazetteer().places.values(), key=lambda p: p.code)
    rng = random.Random(f"places:{seed}")
    if n_places <= len(places):
        return sorted(rng.sample(places, n_places), key=lambda p: p.code)
    raise ValueError(f"asked for {n_places} places; the gazetteer has {len(places)}")


def report_text(place: Place, year: int, seed: int, others: list[Place]) -> str:
    """One report's text; the same (place, year, seed) always gives the same text."""
    rng = random.Random(f"report:{seed}:{place.code}:{year}")
    return _Writer(rng, place, year, others).report(_size_factor(rng, place))


def _xlsx_bytes(header: list[str], rows: list[list]) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.properties.created = workbook.properties.modified = datetime(2020, 1, 1)
    buffer = io.BytesIO()
    workbook.save(buffer)
    # Zip members carry the time they were written: fix it, so the same seed gives the same bytes.
    fixed = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(member.filename))
    return fixed.getvalue()


def _broken_files(rng: random.Random, sample_text: str) -> dict[str, bytes]:
    """A few files every real collection has: empty, junk, truncated, not a report at all."""
    xlsx = _xlsx_bytes(["年份", "区县名称", "报告全文"], [[2020, "某县", sample_text]])
    return {
        "broken/empty.txt": b"",
        "broken/junk.txt": bytes(rng.randrange(256) for _ in range(4096)),
        "broken/truncated.xlsx": xlsx[: len(xlsx) // 2],
        "broken/corrupt.pdf": b"%PDF-1.4\n" + bytes(rng.randrange(256) for _ in range(2048)),
        "broken/notice.txt": "关于做好春节期间安全生产工作的通知\n各单位：请认真做好值班值守工作。\n".encode("utf-8"),
    }


def generate_corpus(folder: Path, n_places: int, n_years: int, seed: int = 0, first_year: int = 2015) -> list[SyntheticReport]:
    """Write n_places × n_years reports under folder: mostly .txt, some .csv/.xlsx containers,
    some GB18030, a report duplicated under a second name, and a few broken files."""
    folder = Path(folder)
    manifest_file = folder / "MANIFEST.json"
    wanted = {"version": GENERATOR_VERSION, "places": n_places, "years": n_years, "seed": seed, "first_year": first_year}
    if manifest_file.exists():
        stored = json.loads(manifest_file.read_text(encoding="utf-8"))
        if stored.get("spec") == wanted:
            return [SyntheticReport(**r) for r in stored["reports"]]
    if folder.exists():
        import shutil

        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    rng = random.Random(f"corpus:{seed}")
    places = choose_places(n_places, seed)
    truth: list[SyntheticReport] = []
    containers: dict[str, list[tuple[Place, int, str]]] = {}
    sample_text = ""
    for place in places:
        province = place.province_name
        for year in range(first_year, first_year + n_years):
            text = report_text(place, year, seed, places)
            sample_text = sample_text or text
            draw = rng.random()
            if draw < 0.02:  # one report a row in a province's yearly table
                kind = "xlsx" if rng.random() < 0.3 else "csv"
                containers.setdefault(f"tables/{province}_{year}.{kind}", []).append((place, year, text))
                continue
            name = f"{province}/{place.code}_{place.name}_{year}.txt"
            if draw < 0.05:
                data = text.encode("gb18030")
            elif draw < 0.08:
                data = "\ufeff".encode("utf-8") + text.encode("utf-8")
            else:
                data = text.encode("utf-8")
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            truth.append(SyntheticReport(place.code, place.name, year, name))
    for name, rows in sorted(containers.items()):
        header = ["年份", "区县代码", "区县名称", "报告标题", "报告全文"]
        data_rows = [[year, place.code, place.name, f"{place.name}{year}年政府工作报告", text] for place, year, text in rows]
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".xlsx"):
            path.write_bytes(_xlsx_bytes(header, data_rows))
        else:
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerow(header)
            writer.writerows(data_rows)
            path.write_text(buffer.getvalue(), encoding="utf-8-sig")
        truth += [SyntheticReport(place.code, place.name, year, name, row) for row, (place, year, _) in enumerate(rows, 1)]
    if truth:  # the same report under a second name, as mirrors of one source do
        first = next(r for r in truth if r.row is None)
        (folder / "duplicates").mkdir(exist_ok=True)
        (folder / "duplicates" / Path(first.file).name).write_bytes((folder / first.file).read_bytes())
    for name, data in _broken_files(rng, sample_text).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    manifest = {"spec": wanted, "reports": [r.__dict__ for r in truth]}
    manifest_file.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return truth


def extra_report(folder: Path, seed: int, year: int = 2030) -> Path:
    """One more report for a place outside the corpus's years: what an incremental rebuild adds."""
    place = choose_places(1, seed + 1)[0]
    text = report_text(place, year, seed, [place])
    path = Path(folder) / "added" / f"{place.code}_{year}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path

