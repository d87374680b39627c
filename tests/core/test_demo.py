"""The demo dataset: synthetic, seeded, reproducible, complete, and marked as such."""

from __future__ import annotations

import duckdb

from ita_dash import queries as q
from ita_dash.build import build_database
from ita_dash.config import DEFAULT_DATA_DIR


def test_demo_covers_50_districts_and_six_years(con):
    rows = con.execute("""SELECT fiscal_year, count(*) FROM unit_years WHERE dataset = 'demo'
                          GROUP BY ALL ORDER BY ALL""").fetchall()
    assert rows == [(y, 50) for y in range(2563, 2569)]
    assert con.execute("SELECT count(DISTINCT unit_id) FROM unit_years "
                       "WHERE dataset = 'demo'").fetchone() == (50,)


def test_demo_is_marked_synthetic_in_the_data(con):
    info = q.dataset_info(con, dataset="demo").iloc[0]
    assert bool(info["is_synthetic"]) is True
    sources = con.execute("SELECT DISTINCT source_id, note FROM scores "
                          "WHERE dataset = 'demo'").fetchall()
    assert sources == [("demo-synthetic", "synthetic (ข้อมูลสังเคราะห์)")]
    assert bool(q.dataset_info(con, dataset="real").iloc[0]["is_synthetic"]) is False


def test_demo_is_reproducible(con, tmp_path):
    other = duckdb.connect(str(build_database(tmp_path / "again.duckdb", DEFAULT_DATA_DIR)))
    sql = "SELECT * FROM scores WHERE dataset = 'demo' ORDER BY unit_id, fiscal_year, code"
    assert con.execute(sql).df().equals(other.execute(sql).df())


def test_demo_has_every_view_populated(con):
    from ita_dash.scope import Scope

    scope = Scope("group", "bkk-centralbangkok")
    assert len(q.rankings(con, dataset="demo", year=2568, scope=scope)) == 9
    assert not q.consecutive_zero_items(con, dataset="demo", year=2568, scope=Scope()).empty
    counts = q.rating_counts(con, dataset="demo", year=2567, scope=Scope())
    assert counts["n_units"].sum() == 50
    assert (counts["n_units"] > 0).sum() >= 3  # several levels are represented
