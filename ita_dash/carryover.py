"""Carry imported figures from an existing database into a rebuilt one."""

from __future__ import annotations

from pathlib import Path

import duckdb

from ita_dash.derive import refresh_derived


def carry_over_imports(old_db: Path, con: duckdb.DuckDBPyConnection) -> None:
    """Copy imports, imported units and imported scores from ``old_db`` into ``con``."""
    con.execute("ATTACH ? AS old (READ_ONLY)", [str(old_db)])
    try:
        con.execute("BEGIN")
        _copy_imports(con)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        con.execute("DETACH old")


def _copy_imports(con: duckdb.DuckDBPyConnection) -> None:
    tables = {r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = 'old'").fetchall()}
    if "imports" not in tables:
        return
    con.execute("INSERT INTO imports SELECT * FROM old.imports")
    if "replaced_scores" in tables:  # what each import replaced, kept for undo
        con.execute("INSERT INTO replaced_scores SELECT * FROM old.replaced_scores")
    con.execute("""
        INSERT INTO units BY NAME SELECT * FROM old.units
        WHERE origin = 'import' AND unit_id NOT IN (SELECT unit_id FROM units)""")
    con.execute("""
        INSERT INTO unit_aliases SELECT * FROM old.unit_aliases a
        WHERE a.unit_id IN (SELECT unit_id FROM old.units WHERE origin = 'import')
          AND a.alias_key NOT IN (SELECT alias_key FROM unit_aliases)""")
    datasets = [r[0] for r in con.execute(
        "SELECT DISTINCT dataset FROM old.scores WHERE import_id IS NOT NULL").fetchall()]
    con.execute("""
        INSERT OR REPLACE INTO scores SELECT * FROM old.scores
        WHERE import_id IS NOT NULL""")
    for dataset in datasets:
        refresh_derived(con, dataset)
