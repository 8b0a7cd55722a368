"""`xianzhi audit`: core indicators named beside a number that no mention carries, found without gold.

A *candidate miss* is a catalogue alias (or a near variant of it, see `find_variants`) in a
sentence of last year's review or this year's targets, followed in the same clause by a number,
while no metric mention of that sentence carries the indicator the number would be. Each
candidate is *explained* by a reason code (`REASONS`) when the extractor left it out on purpose,
else it is *unexplained*: a place to look. *Stretched values* are mentions whose subject matched
an alias only after scope or place words were stripped (landed column `subject_stripped`).

Load (read-only SQL) → audit each sentence (pure functions) → AuditResult → format_report.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import duckdb

from ingest import catalogue
from ingest.extract.subjects import SUB_AREA, AliasRow, alias_catalogue, trim_scope

AUDITED_ROLES = ("review", "targets")  # ingest/segment/: last year's account, this year's targets

# Why a candidate is not a miss after all: the first that applies wins, in this order.
REASONS = {
    "rank": "the number is a rank (第一, 第3位, 前列)",
    "year": "the number is a year (2022年)",
    "years_count": "the number counts years (连续3年), or a figure held for years (连续13年稳定在…)",
    "change_base": "the starting point of 从…提高到…",
    "sub_area": "the mention is a park's, district's or sector's (is_sub_area)",
    "multi_year": "a multi-year figure (年均, 累计, five-year totals: is_multi_year)",
    "base_year": "a change since a year before last year (比2005年, 比“八五”)",
    "share": "a share of the indicator (占…比重), not its value",
    "proportion_of": "a percentage of another figure (全国平均的70%)",
    "of_indicator": "the number measures something of the indicator (对经济增长的贡献率)",
    "per_unit": "a figure per unit of the indicator (单位GDP二氧化碳排放, 万元生产总值用水量)",
    "unit_mismatch": "no indicator of the alias has the number's unit (亿美元 for a CNY total, 个百分点, 家)",
    "attributive": "the number describes the noun after it (10亿元的县)",
    "other_indicator": "the mention carries another core indicator",
    "sector_subset": "what is measured is narrower than the alias (海洋生产总值, 对东盟进出口, 限上…)",
    "increment": "an amount added (增收5636万元, 净流入4.5万人), not the level",
    "ambiguous_pair": "城乡居民… with one figure and no 分别/均: urban or rural is not said",
    "no_growth_word": "a percentage after a level-and-growth alias without a growth word",
}

# Near variants, kept small on purpose. Scope words (or the place's own name) in front of an
# alias say "the whole place" or a measurement scope; they never make it another indicator.
SCOPE_WORDS = (
    "全县", "全市", "全区", "全省", "全州", "全旗", "我县", "我市", "我区", "我省", "本县", "本市", "本区", "县域", "市域",
    "规模以上", "规上", "限额以上", "限上", "户籍", "常住", "同口径",
)
# The head noun of an alias: the alias without a leading scope word (规模以上工业增加值 →
# 工业增加值, 地区生产总值 → 生产总值). Only heads of three characters or more.
HEAD_STRIPPED = ("地区", "规模以上", "规上", "限额以上", "限上", "全社会", "户籍", "常住")
# Words before an alias that make it narrower than the place's own figure: the extractor's
# sector and sub-area words (ingest/extract/subjects.py), measurement scopes, and a few more.
_NARROWING = re.compile(
    SUB_AREA.pattern + r"|规模以上|规上|限额以上|限上|户籍|^对|海洋|城镇|城市|货物|服务|区域|地区|都市圈|经济区|经济圈|城市群|脱贫"
)

# A number in the same clause: the window after the alias runs up to the next ，；。
_WINDOW_END = re.compile(r"[，,；;。！？!?]")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?=\s*年)")
# Rank words the number grammar has no number for (it reads 第一, 第3位 itself).
_RANK_WORDS = re.compile(r"前列|前茅|首位|榜首")
_SHARE = re.compile(r"占|比重|占比")
_GROWTH_WORD = re.compile(r"增长|增速|增幅|涨幅|上涨|下降|回落|提高|提升|上升|降低|减少")
_CHANGE_BASE = re.compile(r"(?:从|由)(?:上年|去年|(?:19|20)\d{2}年(?:末|底)?的?)?\s*$")
_BASE_YEAR = re.compile(r"(?:比|较|与)\s*(?:(?P<year>(?:19|20)\d{2})年|“?(?:[七八九]五|十[一二三四五]五))")
_INCREMENT = re.compile(r"增收|净增|净流入|多收|(?:增加|增长|减少|下降)(?![到至])")
_IN_A_ROW = re.compile(r"连续\s*$")
_PROPORTION_OF = re.compile(r"的\s*(?:约|近|大约)?\s*$")  # as in the extractor: 约为全国平均的70%
_OF_INDICATOR = re.compile(r"\s*的\s*[^\d\s]")  # 经济增长的贡献率: a noun of the alias is measured
_PER_UNIT = re.compile(r"(?:单位|万元|每万|每)\s*$")
_CLAUSE_BREAK = re.compile(r"[，,；;。！？!?：:]")


# ---------------------------------------------------------------- variants (pure)

@dataclass(frozen=True)
class ReportContext:
    """What the audit knows of the report a sentence comes from."""

    place_names: tuple[str, ...] = ()  # its own place: 瑞安市, 瑞安
    report_year: int | None = None
    other_places: frozenset[str] = frozenset()  # names of every other place (a figure of theirs is not ours)


@dataclass(frozen=True)
class VariantHit:
    """A core indicator named in a sentence: the catalogue alias, or a near variant of it."""

    start: int  # in the sentence, scope/place words included
    end: int
    written: str  # as in the sentence: 全县规上工业增加值
    alias: str  # the catalogue alias it stands for: 规上工业增加值
    prefix: str  # scope or place words in front ('' when none)
    variant: str  # 'alias', 'scoped' (words in front) or 'head' (the alias's head noun)
    rows: tuple[AliasRow, ...]


@dataclass(frozen=True)
class _Name:
    alias: str  # the catalogue alias (or indicator name) it stands for
    is_head: bool
    rows: tuple[AliasRow, ...]


@lru_cache(maxsize=1)
def _names() -> dict[str, _Name]:
    """Every name the audit looks for: the aliases, the indicators' own names, the aliases' heads."""
    aliases = alias_catalogue()
    names = {alias: _Name(alias, False, rows) for alias, rows in aliases.items()}
    for indicator_id, row in catalogue.indicators().items():  # 社会消费品零售总额增速 …
        if row["name_zh"] not in names:
            rows = (AliasRow(indicator_id, row["name_zh"], None, None, row["unit"], row["measure"]),)
            names[row["name_zh"]] = _Name(row["name_zh"], False, rows)
    for alias, rows in aliases.items():
        for word in HEAD_STRIPPED:
            head = alias[len(word):]
            if alias.startswith(word) and len(head) >= 3 and head not in names:
                names[head] = _Name(alias, True, rows)
    return names


def _alternation(words) -> str:
    # Longest first, so the leftmost match is the longest word there.
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern[str]:
    return re.compile(_alternation(_names()))


def _own_names(place_names: tuple[str, ...]) -> set[str]:
    return {name for name in place_names if len(name) >= 2}  # 易县's short name 易 is too short to tell


@lru_cache(maxsize=256)
def _prefix_pattern(place_names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?:{_alternation({*SCOPE_WORDS, *_own_names(place_names)})})+$")


def find_variants(text: str, context: ReportContext = ReportContext()) -> list[VariantHit]:
    """The core indicators a sentence names, in reading order."""
    prefix_pattern = _prefix_pattern(context.place_names)
    hits: list[VariantHit] = []
    for match in _name_pattern().finditer(text):
        name = _names()[match.group(0)]
        # An alias that needs a word before it (产量 after 粮食) needs it in the same clause here:
        # 粮食生产稳定增长，…果品产量突破100万吨 is not grain.
        clause_start = _clause_start(text, match.start())
        rows = tuple(r for r in name.rows
                     if r.requires_before is None or r.requires_before.search(text, clause_start, match.start()))
        if not rows:
            continue
        before = prefix_pattern.search(text, hits[-1].end if hits else 0, match.start())
        prefix = before.group(0) if before else ""
        start = match.start() - len(prefix)
        variant = "head" if name.is_head else "scoped" if prefix else "alias"
        hits.append(VariantHit(start, match.end(), text[start:match.end()], name.alias, prefix, variant, rows))
    return hits


def _clause_start(text: str, position: int) -> int:
    return max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, position)), default=0)


# ---------------------------------------------------------------- candidates (pure)

@dataclass(frozen=True)
class AuditMention:
    """What the audit needs of a landed metric mention; offsets index the sentence."""

    start: int
    end: int
    surface: str
    subject: str
    indicator_id: str | None
    unit: str
    value_kind: str = "actual"
    is_rank: bool = False
    is_sub_area: bool = False
    is_multi_year: bool = False


@dataclass(frozen=True)
class Candidate:
    """A core indicator beside a number that no mention of the sentence carries."""

    hit: VariantHit
    number: str  # the number as written
    indicator_id: str  # the indicator suspected (the alias's row that fits the number's unit)
    reason: str | None  # a REASONS code, or None: unexplained


@dataclass(frozen=True)
class _Number:
    start: int
    end: int
    surface: str
    unit: str  # the mention's unit, 'year' or 'rank' for numbers the grammar leaves out
    mention: AuditMention | None


def _numbers_in(text: str, start: int, end: int, mentions: list[AuditMention]) -> list[_Number]:
    """The numbers in text[start:end]: the sentence's mentions, and years and rank words."""
    found = [_Number(m.start, m.end, m.surface, m.unit, m) for m in mentions if start <= m.start < end]
    for pattern, unit in ((_YEAR, "year"), (_RANK_WORDS, "rank")):
        for match in pattern.finditer(text, start, end):
            if not any(m.start <= match.start() < m.end for m in mentions):
                found.append(_Number(match.start(), match.end(), match.group(0), unit, None))
    return sorted(found, key=lambda n: n.start)


def _fitting_rows(rows: tuple[AliasRow, ...], unit: str) -> tuple[AliasRow, ...]:
    return tuple(r for r in rows if r.unit == unit or (r.unit == "ratio" and unit in ("", "ratio", "times")))


def find_candidates(text: str, mentions: list[AuditMention], context: ReportContext = ReportContext()) -> list[Candidate]:
    """Candidate misses of one sentence, each with its reason (None when unexplained)."""
    carried = {m.indicator_id for m in mentions if m.indicator_id}
    candidates: list[Candidate] = []
    for hit in find_variants(text, context):
        window = _WINDOW_END.search(text, hit.end)
        numbers = _numbers_in(text, hit.end, window.start() if window else len(text), mentions)
        if not numbers:
            continue  # named, but not beside a number
        # Years, counts of years and the base of 从…到… frame a figure; the next number is the figure.
        framing = [_framing(text, n) for n in numbers]
        number = next((n for n, why in zip(numbers, framing) if why is None), numbers[0])
        fitting = _fitting_rows(hit.rows, number.unit)
        if carried & {r.indicator_id for r in (fitting or hit.rows)}:
            continue  # a mention carries it: not a miss
        suspected = (fitting or hit.rows)[0].indicator_id
        if number is numbers[0] and framing[0]:
            reason = framing[0]
        else:
            reason = _reason(text, hit, number, fitting, numbers, context)
        candidates.append(Candidate(hit, number.surface, suspected, reason))
    return candidates


def _framing(text: str, number: _Number) -> str | None:
    """The reason a number only frames the figure that follows it (None for a figure)."""
    if number.unit == "year":
        return "year"
    if number.unit == "years":
        return "years_count"
    if _CHANGE_BASE.search(text, 0, number.start):
        return "change_base"
    return None


def _reason(text: str, hit: VariantHit, number: _Number, fitting: tuple[AliasRow, ...], numbers: list[_Number],
            context: ReportContext) -> str | None:
    """Why the extractor left this number out of the indicator, or None when nothing explains it."""
    mention = number.mention
    gap = text[hit.end:number.start]
    if number.unit == "rank" or (mention and mention.is_rank):
        return "rank"
    if mention is None:
        return None
    if mention.is_sub_area:
        return "sub_area"
    if mention.is_multi_year:
        return "multi_year"
    if any(n.unit == "years" and n.start < number.start and _IN_A_ROW.search(text, 0, n.start) for n in numbers):
        return "years_count"  # 连续13年稳定在430亿斤以上: a floor held for years
    base = _BASE_YEAR.search(gap)
    if base and not (base.group("year") and context.report_year
                     and int(base.group("year")) >= context.report_year - 1):
        return "base_year"
    if _SHARE.search(text, max(0, hit.start - 1), number.start):
        return "share"
    if _PROPORTION_OF.search(gap):
        return "proportion_of"
    if _OF_INDICATOR.match(gap):
        return "of_indicator"
    if _PER_UNIT.search(text, _clause_start(text, hit.start), hit.start):
        return "per_unit"
    if not fitting:
        return "unit_mismatch"
    if text[number.end:number.end + 1] == "的":
        return "attributive"
    if mention.indicator_id:
        return "other_indicator"
    if _narrower(text, hit, mention, context):
        return "sector_subset"
    if all(r.measure != "growth" for r in fitting) and _INCREMENT.search(gap):
        return "increment"
    if all(r.slot for r in hit.rows) and sum(bool(_fitting_rows(hit.rows, n.unit)) for n in numbers) == 1:
        return "ambiguous_pair"
    growth = [r for r in fitting if r.measure == "growth"]
    if growth and len(growth) < len(hit.rows) and not _GROWTH_WORD.search(gap):
        return "no_growth_word"
    return None


def _narrower(text: str, hit: VariantHit, mention: AuditMention, context: ReportContext) -> bool:
    """Whether the words before the alias (in the mention's subject, or in its clause) narrow it:
    a sector, a part of the place, a measurement scope, a trade partner, another place."""
    subject = mention.subject
    prefixes = [text[_clause_start(text, hit.start):hit.start]]
    if hit.alias in subject:
        prefixes.append(subject[:subject.rfind(hit.alias)])
    for prefix in prefixes:
        words = trim_scope(prefix)
        if not words:
            continue
        if _NARROWING.search(words):
            return True
        others = [m.group(0) for m in _place_pattern(context.other_places).finditer(words)] if context.other_places else []
        if any(name not in context.place_names for name in others):
            return True
    return False


@lru_cache(maxsize=4)
def _place_pattern(names: frozenset[str]) -> re.Pattern[str]:
    return re.compile(_alternation(names))


# ---------------------------------------------------------------- results

@dataclass(frozen=True)
class Miss:
    """A candidate miss with the sentence it was found in."""

    report_id: str
    sentence_id: str
    sentence_text: str
    candidate: Candidate

    @property
    def reason(self) -> str | None:
        return self.candidate.reason


@dataclass(frozen=True)
class Stretched:
    """A mention whose subject matched its alias only after words were stripped."""

    report_id: str
    mention_id: str
    subject: str
    subject_stripped: str
    indicator_id: str


@dataclass
class ReportAudit:
    report_id: str
    place_code: str | None
    place_name: str | None
    report_year: int | None
    misses: list[Miss] = field(default_factory=list)
    stretched: list[Stretched] = field(default_factory=list)

    @property
    def unexplained(self) -> list[Miss]:
        return [m for m in self.misses if m.reason is None]

    @property
    def explained(self) -> Counter:
        return Counter(m.reason for m in self.misses if m.reason is not None)


@dataclass
class AuditResult:
    reports: list[ReportAudit]
    has_subject_stripped: bool  # whether the warehouse has the column (stretched values are listed)

    @property
    def unexplained(self) -> list[Miss]:
        return [m for r in self.reports for m in r.unexplained]

    @property
    def explained(self) -> Counter:
        return sum((r.explained for r in self.reports), Counter())

    @property
    def n_stretched(self) -> int:
        return sum(len(r.stretched) for r in self.reports)

    @property
    def unexplained_per_report(self) -> float:
        return len(self.unexplained) / len(self.reports) if self.reports else 0.0

    @property
    def median_unexplained(self) -> float:
        return statistics.median(len(r.unexplained) for r in self.reports) if self.reports else 0.0

    def summary(self) -> str:
        stretched = f"{self.n_stretched} stretched values" if self.has_subject_stripped else "stretched values: n/a (no subject_stripped column)"
        return (
            f"audit: {len(self.reports)} work reports, {len(self.unexplained)} unexplained misses "
            f"({self.unexplained_per_report:.2f} per report, median {self.median_unexplained:g}), {stretched}"
        )


def audit_reports(reports: list[ReportAudit], sentences: list[dict], mentions: list[dict],
                  place_names: dict[str, tuple[str, ...]]) -> None:
    """`place_names`: place_code → its names (full and short), for every place of the gazetteer."""
    """Fill each report's misses from its audited sentences and their mentions (dict rows as loaded)."""
    every_name = frozenset(name for names in place_names.values() for name in _own_names(names))
    by_sentence: dict[str, list[AuditMention]] = {}
    for row in mentions:
        by_sentence.setdefault(row["sentence_id"], []).append(AuditMention(
            start=row["start"], end=row["end"], surface=row["surface"], subject=row["subject"] or "",
            indicator_id=row["indicator_id"], unit=row["unit"] or "", value_kind=row["value_kind"],
            is_rank=bool(row["is_rank"]), is_sub_area=bool(row["is_sub_area"]),
            is_multi_year=bool(row["is_multi_year"]),
        ))
    by_report = {r.report_id: r for r in reports}
    for row in sentences:
        report = by_report[row["report_id"]]
        context = ReportContext(place_names.get(report.place_code or "", ()), report.report_year, every_name)
        for candidate in find_candidates(row["sentence_text"], by_sentence.get(row["sentence_id"], []), context):
            report.misses.append(Miss(report.report_id, row["sentence_id"], row["sentence_text"], candidate))


# ---------------------------------------------------------------- load (read-only)

_REPORTS_SQL = """
    select report_id, place_code, place_name, report_year from dim_reports
    where is_work_report order by place_code, report_year, report_id
"""
_SENTENCES_SQL = f"""
    select s.report_id, s.sentence_id, s.sentence_text
    from fct_report_sentences s join dim_reports r using (report_id)
    where r.is_work_report and s.section_role in {AUDITED_ROLES}
    order by s.sentence_id
"""
_MENTIONS_SQL = f"""
    select m.sentence_id, m.char_start - s.char_start as start, m.char_end - s.char_start as "end",
           m.surface, m.subject, m.indicator_id, m.unit, m.value_kind, m.is_rank, m.is_sub_area, m.is_multi_year
    from fct_metric_mentions m join fct_report_sentences s using (sentence_id) join dim_reports r on r.report_id = s.report_id
    where r.is_work_report and s.section_role in {AUDITED_ROLES}
    order by m.sentence_id, m.char_start
"""
_STRETCHED_SQL = """
    select m.report_id, m.mention_id, m.subject, m.subject_stripped, m.indicator_id
    from fct_metric_mentions m join dim_reports r using (report_id)
    where r.is_work_report and m.indicator_id is not null and coalesce(m.subject_stripped, '') <> ''
    order by m.mention_id
"""
_PLACES_SQL = "select place_code, place_name, short_name from dim_places"


def _rows(connection: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    cursor = connection.execute(sql)
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def run_audit(warehouse: Path) -> AuditResult:
    """Audit every work report of the warehouse (opened read-only)."""
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        reports = [ReportAudit(**row) for row in _rows(connection, _REPORTS_SQL)]
        sentences = _rows(connection, _SENTENCES_SQL)
        mentions = _rows(connection, _MENTIONS_SQL)
        place_names = {row["place_code"]: tuple(n for n in (row["place_name"], row["short_name"]) if n)
                       for row in _rows(connection, _PLACES_SQL)}
        # The column is new (another change adds it); older warehouses lack it.
        has_stripped = bool(connection.execute(
            "select count(*) from information_schema.columns "
            "where table_schema = 'main' and table_name = 'fct_metric_mentions' "
            "and column_name = 'subject_stripped'").fetchone()[0])
        stretched = _rows(connection, _STRETCHED_SQL) if has_stripped else []
    audit_reports(reports, sentences, mentions, place_names)
    by_report = {r.report_id: r for r in reports}
    for row in stretched:
        by_report[row["report_id"]].stretched.append(Stretched(**row))
    return AuditResult(reports, has_stripped)


# ---------------------------------------------------------------- report

def _trimmed(text: str, start: int, end: int, width: int = 40) -> str:
    """The sentence around text[start:end], at most `width` characters each side."""
    left, right = max(0, start - width), min(len(text), end + width)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")


def format_report(result: AuditResult, show: int = 20) -> str:
    """The per-report table, up to `show` unexplained misses with their sentence, the summary line."""
    lines = ["report_id\tplace\tyear\tunexplained\texplained\tstretched"]
    for report in result.reports:
        explained = " ".join(f"{reason}:{n}" for reason, n in sorted(report.explained.items())) or "-"
        stretched = str(len(report.stretched)) if result.has_subject_stripped else "-"
        lines.append(f"{report.report_id}\t{report.place_name or '?'}\t{report.report_year or '?'}\t"
                     f"{len(report.unexplained)}\t{explained}\t{stretched}")
    places = {r.report_id: f"{r.place_name or '?'} {r.report_year or '?'}" for r in result.reports}
    unexplained = result.unexplained
    if unexplained and show > 0:
        lines += ["", f"unexplained misses (first {min(show, len(unexplained))} of {len(unexplained)}):"]
        for miss in unexplained[:show]:
            hit, candidate = miss.candidate.hit, miss.candidate
            lines.append(f"  {places[miss.report_id]} {miss.sentence_id}: {candidate.indicator_id} suspected in "
                         f"{hit.written} … {candidate.number} ({hit.variant}): "
                         f"{_trimmed(miss.sentence_text, hit.start, hit.end)}")
    if result.explained:
        lines += ["", "explained misses by reason: "
                  + ", ".join(f"{reason} {n}" for reason, n in result.explained.most_common())]
    stripped = Counter(s.subject_stripped for r in result.reports for s in r.stretched)
    if stripped:
        lines.append("stretched values by words stripped: "
                     + ", ".join(f"{words} {n}" for words, n in stripped.most_common(10)))
    lines.append(result.summary())
    return "\n".join(lines)
