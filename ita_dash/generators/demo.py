"""The ``demo`` dataset: the 50 Bangkok district offices on the years of ``data/demo/demo.csv``."""

from __future__ import annotations

import duckdb
import pandas as pd

from ita_dash.demo import DEMO_SEED, synthetic_scores


def generate(con: duckdb.DuckDBPyConnection, *, dataset: str) -> dict[str, pd.DataFrame]:
    unit_ids = [r[0] for r in con.execute(
        "SELECT unit_id FROM units WHERE unit_type = 'district_office' ORDER BY unit_id").fetchall()]
    year_frameworks = [(int(y), str(f)) for y, f in con.execute(
        "SELECT fiscal_year, framework_id FROM demo_years ORDER BY fiscal_year").fetchall()]
    return {"scores": synthetic_scores(con, dataset=dataset, unit_ids=unit_ids,
                                       year_frameworks=year_frameworks, seed=DEMO_SEED)}
