"""What the database already knows: units and their aliases, frameworks, codes and maxima."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from ita_dash.loader import UnitResolver
from ita_dash.thai import normalize_text


def code_key(code: str) -> str:
    """Codes compare without case, spaces or Thai digits ('o ๑๑' == 'O11')."""
    return normalize_text(code).replace(" ", "").upper()


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

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection) -> Catalog:
        aliases = con.execute("SELECT alias_key, alias, unit_id FROM unit_aliases").df()
        units = {r[0] for r in con.execute("SELECT unit_id FROM units").fetchall()}
        frameworks = con.execute(
            "SELECT framework_id, assessor, first_year, last_year FROM frameworks "
            "ORDER BY first_year, framework_id").df()
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
            datasets=datasets)

    def frameworks_for_year(self, year: int) -> list[str]:
        f = self.frameworks
        return list(f.loc[(f["first_year"] <= year) & (f["last_year"] >= year), "framework_id"])

    def years_known(self) -> str:
        return ", ".join(f"{r.first_year}-{r.last_year}" if r.first_year != r.last_year
                         else str(r.first_year) for r in self.frameworks.itertuples())
