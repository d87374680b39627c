"""What the database already knows: units and their aliases, frameworks, codes and maxima."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from ita_dash.loader import UnitResolver
from ita_dash.registry import default_frameworks
from ita_dash.thai import normalize_text

ITEM_CODE = re.compile(r"([IEO])(\d+)")
ITEM_TOOL = {"I": "IIT", "E": "EIT", "O": "OIT"}


def code_key(code: str) -> str:
    """Codes compare without case, spaces, brackets or Thai digits ('o ๑๑' == 'O11',
    'EIT (1)' as printed in seed 001 == 'EIT1')."""
    return normalize_text(code).replace(" ", "").replace("(", "").replace(")", "").upper()


@dataclass
class Catalog:
    """Reference data for validating one import."""

    resolver: UnitResolver
    unit_ids: set[str]
    frameworks: pd.DataFrame
    codes: dict[tuple[str, str], str]  # (framework_id, code_key) -> code
    maxima: dict[tuple[str, str], float]  # (framework_id, code) -> highest score
    kinds: dict[tuple[str, str], str]
    datasets: set[str]
    unit_types: dict[str, str] = field(default_factory=dict)  # unit_id -> unit_type
    # (framework_id, tool) whose items are numbered 1..N without a gap: a known item list
    item_lists: set[tuple[str, str]] = field(default_factory=set)

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection) -> Catalog:
        aliases = con.execute("SELECT alias_key, alias, unit_id FROM unit_aliases").df()
        units = {r[0] for r in con.execute("SELECT unit_id FROM units").fetchall()}
        frameworks = con.execute(
            "SELECT framework_id, assessor, first_year, last_year, unit_types FROM frameworks "
            "ORDER BY first_year, framework_id").df()
        unit_types = dict(con.execute("SELECT unit_id, unit_type FROM units").fetchall())
        items = con.execute("SELECT framework_id, tool, code FROM framework_nodes "
                            "WHERE kind = 'item'").fetchall()
        nodes = con.execute("""
            SELECT n.framework_id, n.code, n.kind,
                   CASE WHEN n.kind = 'tool_points' THEN coalesce(p.points, 100) ELSE 100 END
                     AS max_score
            FROM framework_nodes n
            LEFT JOIN framework_nodes p
              ON p.framework_id = n.framework_id AND p.code = n.parent_code""").df()
        datasets = {r[0] for r in con.execute("SELECT dataset FROM datasets").fetchall()}
        return cls(
            resolver=UnitResolver(aliases), unit_ids=units, frameworks=frameworks,
            codes={(r.framework_id, code_key(r.code)): r.code for r in nodes.itertuples()},
            maxima={(r.framework_id, r.code): float(r.max_score) for r in nodes.itertuples()},
            kinds={(r.framework_id, r.code): r.kind for r in nodes.itertuples()},
            datasets=datasets, unit_types=unit_types, item_lists=complete_item_lists(items))

    def frameworks_for_year(self, year: int) -> list[str]:
        f = self.frameworks
        return list(f.loc[(f["first_year"] <= year) & (f["last_year"] >= year), "framework_id"])

    def default_frameworks(self, year: int, unit_type: str) -> list[str]:
        """The framework(s) a unit of this type takes in ``year`` when the file names none."""
        return default_frameworks(self.frameworks.to_dict("records"), year, unit_type)

    def years_known(self) -> str:
        spans = [f"{r.first_year}-{r.last_year}" if r.first_year != r.last_year
                 else str(r.first_year) for r in self.frameworks.itertuples()]
        return ", ".join(dict.fromkeys(spans))

    def unknown_item_list(self, framework_id: object, code: object) -> tuple[str, str] | None:
        """Why an item-like code (I5, e3, O12) cannot be imported when the framework does not
        know the item list of its tool (Thai, English); None when the list is known or the
        code is not an item code."""
        match = ITEM_CODE.fullmatch(code_key(str(code)))
        if match is None:
            return None
        tool = ITEM_TOOL[match.group(1)]
        if (framework_id, tool) in self.item_lists:
            return None
        where = f"data/frameworks/{framework_id}/nodes.csv"
        return (f"ไม่ทราบรายการข้อของ {tool} ในกรอบการประเมิน {framework_id} จึงนำเข้าคะแนนรายข้อไม่ได้ "
                f"(ไม่เดารหัสข้อ) ให้เพิ่มข้อในกรอบการประเมินก่อน ตามแม่แบบกรอบการประเมิน {where} "
                "(ดู docs/FRAMEWORKS.md)",
                f"the item list of {tool} in framework {framework_id} is unknown, so item rows "
                f"cannot be imported (codes are never guessed): add the items to the framework "
                f"first, following the framework template {where} (see docs/FRAMEWORKS.md)")


def complete_item_lists(items: list[tuple[str, str | None, str]]) -> set[tuple[str, str]]:
    """(framework, tool) pairs whose item codes run 1..N without a gap (I1-I30, O1-O43)."""
    numbers: dict[tuple[str, str], set[int]] = {}
    for framework_id, tool, code in items:
        match = ITEM_CODE.fullmatch(code_key(code))
        if match and tool:
            numbers.setdefault((framework_id, tool), set()).add(int(match.group(2)))
    return {key for key, found in numbers.items() if found == set(range(1, max(found) + 1))}
