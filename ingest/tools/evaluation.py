"""`xianzhi eval`: builds the documents a gold folder names and scores the warehouse against it
(precision, recall, F1 and bounds per document, CONTRACT.md's matching rules)."""

from __future__ import annotations

import csv
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ingest import paths
from ingest.run.build import build_warehouse

# CONTRACT.md: a value counts as found when the key matches and it is within 0.5% of the gold value.
RELATIVE_TOLERANCE = 0.005
KEY_COLUMNS = ("place_code", "indicator_id", "reference_year", "value_kind")


@dataclass(frozen=True)
class Issue:
    """A gold value not found (miss) or a value not in the gold (false value)."""

    key: tuple
    expected: float | None  # the gold value (None for a key the gold does not list)
    found: float | None  # the warehouse value (None when nothing was found for the key)
    quote: str


@dataclass
class DocumentScore:
    doc: str
    gold_count: int = 0
    value_count: int = 0  # values in the gold's scope (its place, last year's actuals, this year's targets)
    correct: int = 0  # values that match a gold row
    bounds_right: int = 0  # of the correct ones, those whose bound (and range end) match too
    misses: list[Issue] = field(default_factory=list)
    false_values: list[Issue] = field(default_factory=list)
    wrong_bounds: list[Issue] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.value_count if self.value_count else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold_count if self.gold_count else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def bounds_rate(self) -> float:
        return self.bounds_right / self.correct if self.correct else 0.0


@dataclass
class EvalResult:
    documents: list[DocumentScore]

    @property
    def overall(self) -> DocumentScore:
        total = DocumentScore(doc="overall")
        for doc in self.documents:
            total.gold_count += doc.gold_count
            total.value_count += doc.value_count
            total.correct += doc.correct
            total.bounds_right += doc.bounds_right
        return total


def _number(value) -> float | None:
    if value is None or value == "":
        return None
    return float(value)


def _key(row: dict) -> tuple:
    return (str(row["place_code"]), row["indicator_id"], int(row["reference_year"]), row["value_kind"])


def values_match(found: float | None, expected: float | None) -> bool:
    """Within 0.5% (relative) of the expected value; both missing also matches."""
    if found is None or expected is None:
        return found is None and expected is None
    if expected == 0:
        return found == 0
    return abs(found - expected) <= RELATIVE_TOLERANCE * abs(expected)


def _bound_right(value: dict, gold: dict) -> bool:
    if (value.get("bound") or "eq") != (gold.get("bound") or "eq"):
        return False
    return values_match(_number(value.get("value_upper")), _number(gold.get("value_upper")))


def _document_year(gold_rows: list[dict]) -> int:
    """The report's year: its targets' year, or the year after its actuals."""
    years = [int(r["reference_year"]) + (0 if r["value_kind"] == "target" else 1) for r in gold_rows]
    return max(set(years), key=years.count)


def _in_scope(value: dict, place_code: str, report_year: int) -> bool:
    if str(value.get("place_code")) != place_code:
        return False
    if value.get("report_year") not in (None, "") and int(value["report_year"]) != report_year:
        return False
    expected_year = report_year - 1 if value.get("value_kind") == "actual" else report_year
    return value.get("value_kind") in ("actual", "target") and int(value["reference_year"]) == expected_year


def _score_document(doc: str, gold_rows: list[dict], values: list[dict]) -> DocumentScore:
    score = DocumentScore(doc=doc, gold_count=len(gold_rows))
    place_code = str(gold_rows[0]["place_code"])
    report_year = _document_year(gold_rows)
    gold_by_key: dict[tuple, list[dict]] = {}
    for row in gold_rows:
        gold_by_key.setdefault(_key(row), []).append(row)
    scoped = [v for v in values if _in_scope(v, place_code, report_year)]
    score.value_count = len(scoped)
    matched_gold: set[int] = set()
    for value in scoped:
        candidates = gold_by_key.get(_key(value), [])
        match = next((g for g in candidates if id(g) not in matched_gold
                      and values_match(_number(value["value"]), _number(g["value"]))), None)
        if match is None:
            expected = _number(candidates[0]["value"]) if candidates else None
            score.false_values.append(Issue(_key(value), expected, _number(value["value"]), value.get("quote") or ""))
            continue
        matched_gold.add(id(match))
        score.correct += 1
        if _bound_right(value, match):
            score.bounds_right += 1
        else:
            score.wrong_bounds.append(Issue(_key(value), _number(match["value"]), _number(value["value"]),
                                            f"bound {value.get('bound')} (gold {match.get('bound')}): {match['quote']}"))
    found_by_key = {_key(v): _number(v["value"]) for v in scoped}
    for row in gold_rows:
        if id(row) not in matched_gold:
            score.misses.append(Issue(_key(row), _number(row["value"]), found_by_key.get(_key(row)), row["quote"]))
    return score


def evaluate(values: list[dict], gold_rows: list[dict]) -> EvalResult:
    """Compare fct_indicator_values-like rows with gold rows (CONTRACT.md matching), per gold document."""
    by_doc: dict[str, list[dict]] = {}
    for row in gold_rows:
        by_doc.setdefault(row["doc"], []).append(row)
    return EvalResult([_score_document(doc, rows, values) for doc, rows in sorted(by_doc.items())])


def _line(score: DocumentScore) -> str:
    return (f"{score.doc}: gold {score.gold_count}, values {score.value_count}, correct {score.correct} | "
            f"P {score.precision:.3f} R {score.recall:.3f} F1 {score.f1:.3f} | "
            f"bounds right {score.bounds_right}/{score.correct} ({score.bounds_rate:.3f})")


def _issue_line(label: str, issue: Issue) -> str:
    _, indicator, year, kind = issue.key
    return f"    {label} {indicator} {year} {kind}: expected {issue.expected}, found {issue.found} — {issue.quote}"


def format_report(result: EvalResult) -> str:
    """Per document and overall scores, then every miss, false value and wrong bound with its quote."""
    lines = []
    for score in result.documents:
        lines.append(_line(score))
        lines.extend(_issue_line("MISS ", issue) for issue in score.misses)
        lines.extend(_issue_line("FALSE", issue) for issue in score.false_values)
        lines.extend(_issue_line("BOUND", issue) for issue in score.wrong_bounds)
    lines.append(_line(result.overall))
    return "\n".join(lines)


# --- building the gold's documents and scoring the warehouse -------------------------------


def read_gold(gold_dir: Path) -> list[dict]:
    """Every gold row under the folder and its subfolders, with the file it came from."""
    rows: list[dict] = []
    for file in sorted(Path(gold_dir).rglob("*.csv")):
        with open(file, encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                row["gold_file"] = str(file.relative_to(gold_dir))
                rows.append(row)
    return rows


def document_path(doc: str) -> Path:
    """Where a gold `doc` lives: seeds/ for the seed, else ../shared/corpus (a container row's
    '#label' suffix names a row of the file; the whole file is built)."""
    relative = doc.split("#", 1)[0]
    if relative.startswith("seeds/"):
        return paths.PROJECT_ROOT / relative
    return paths.CORPUS_DIR / relative


def gold_indicator_ids() -> set[str] | None:
    """The core indicators gold sets annotate (CONTRACT.md), or None when the list is not there.

    Gold lists every value of these and no other: a value of another catalogue indicator
    (rural_net_income, the pre-2014 农民人均纯收入) can be neither right nor wrong against it."""
    if not paths.CORE_INDICATORS_FILE.is_file():
        return None
    with paths.CORE_INDICATORS_FILE.open(encoding="utf-8", newline="") as handle:
        return {row["indicator_id"] for row in csv.DictReader(handle)}


def warehouse_values(warehouse: Path) -> list[dict]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        cursor = connection.execute(
            "select place_code, place_name, indicator_id, reference_year, value_kind, value, "
            "value_upper, bound, unit, report_id, quote, report_year from fct_indicator_values"
        )
        columns = [column[0] for column in cursor.description]
        values = [dict(zip(columns, row)) for row in cursor.fetchall()]
    scored = gold_indicator_ids()
    return values if scored is None else [v for v in values if v["indicator_id"] in scored]


def run_evaluation(gold_dir: Path, warehouse: Path) -> tuple[str, bool]:
    """(printed report, whether the build itself succeeded)."""
    gold_rows = read_gold(gold_dir)
    if not gold_rows:
        return f"no gold rows under {gold_dir}", False
    files = sorted({document_path(row["doc"]) for row in gold_rows})
    missing = [str(file) for file in files if not file.exists()]
    if missing:
        return f"gold documents not found: {', '.join(missing)}", False
    # Link each document into one folder so a single build sees exactly these files.
    documents_dir = paths.eval_documents_dir(warehouse)
    shutil.rmtree(documents_dir, ignore_errors=True)
    documents_dir.mkdir(parents=True)
    for number, file in enumerate(files):
        (documents_dir / f"{number:02d}_{file.name}").symlink_to(file)
    build = build_warehouse([documents_dir], Path(warehouse), log=lambda message: None)
    if not build.success:
        return "build failed: " + "; ".join(build.dbt.failures[:5]), False
    result = evaluate(warehouse_values(Path(warehouse)), gold_rows)
    return format_report(result), True
