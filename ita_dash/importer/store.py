"""Writes: one transaction per import, the import history, and undo.

Every score an import writes carries its ``import_id``; the ``imports`` row
records the file name, its SHA-256, the time and who. A stored figure that an
import replaces is copied to ``replaced_scores`` first, so that undo can put
it back exactly. All values are bound parameters or registered DataFrames.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from ita_dash.derive import refresh_derived
from ita_dash.importer.auth import Actor, require_editor
from ita_dash.thai import name_key

Con = duckdb.DuckDBPyConnection
SCORE_COLUMNS = ["dataset", "unit_id", "fiscal_year", "framework_id", "code", "score",
                 "source_id", "source_ref", "note", "import_id"]


class UndoError(Exception):
    """An import cannot be undone (unknown, already undone, or overwritten since)."""

    def __init__(self, th: str, en: str):
        self.th, self.en = th, en
        super().__init__(f"{en} / {th}")


def next_import_id(con: Con) -> str:
    row = con.execute(r"""
        SELECT coalesce(max(TRY_CAST(regexp_extract(import_id, '^imp-(\d+)$', 1) AS INTEGER)), 0)
        FROM imports""").fetchone()
    return f"imp-{int(row[0]) + 1:04d}"


def write_import(con: Con, *, dataset: str, rows: pd.DataFrame, new_units: pd.DataFrame,
                 file_name: str, checksum: str, actor: Actor, note: str) -> str:
    """Insert one import inside the caller's transaction; return its id.

    ``rows`` holds the figures to write (status ``new`` or ``replace``); a figure without
    a source of its own gets the file name as its source.
    """
    require_editor(actor)
    import_id = next_import_id(con)
    con.execute("INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)",
                [import_id, dataset, file_name, checksum, dt.datetime.now().replace(microsecond=0),
                 actor.name, len(rows), note])
    add_units(con, new_units, import_id)
    incoming = rows.assign(dataset=dataset, source_id=None, import_id=import_id,
                           source_ref=rows["source_ref"].fillna(file_name))[SCORE_COLUMNS]
    con.register("incoming_scores", incoming)
    try:
        con.execute("""
            INSERT INTO replaced_scores
            SELECT $import_id, s.* FROM scores s JOIN incoming_scores i
              USING (dataset, unit_id, fiscal_year, code)""", {"import_id": import_id})
        con.execute("""
            DELETE FROM scores s USING incoming_scores i
            WHERE s.dataset = i.dataset AND s.unit_id = i.unit_id
              AND s.fiscal_year = i.fiscal_year AND s.code = i.code""")
        con.execute("INSERT INTO scores BY NAME SELECT * FROM incoming_scores")
    finally:
        con.unregister("incoming_scores")
    refresh_derived(con, dataset)
    return import_id


def add_units(con: Con, units: pd.DataFrame, import_id: str) -> None:
    """Add the units an import introduces, with their names as aliases."""
    if units.empty:
        return
    frame = units.assign(name_en=None, short_en=None, origin="import", source_id=import_id,
                         note=f"added by import {import_id}")
    aliases = pd.DataFrame({
        "alias_key": [name_key(n) for n in frame["name_th"]] + list(frame["unit_id"]),
        "alias": list(frame["name_th"]) + list(frame["unit_id"]),
        "unit_id": list(frame["unit_id"]) * 2, "source_id": import_id,
        "note": f"added by import {import_id}"}).drop_duplicates("alias_key")
    con.register("new_units", frame)
    con.register("new_aliases", aliases)
    try:
        con.execute("INSERT INTO units BY NAME SELECT * FROM new_units")
        con.execute("""
            INSERT INTO unit_aliases BY NAME SELECT * FROM new_aliases
            WHERE alias_key NOT IN (SELECT alias_key FROM unit_aliases)""")
    finally:
        con.unregister("new_units")
        con.unregister("new_aliases")


# ------------------------------------------------------------------------- history


def import_history(con: Con, *, dataset: str | None = None) -> pd.DataFrame:
    """Every import, newest first, with how many of its figures are still stored."""
    return con.execute("""
        SELECT i.import_id, i.dataset, i.file_name, i.checksum, i.imported_at, i.imported_by,
               i.row_count, i.undone_at, i.note,
               (SELECT count(*) FROM scores s WHERE s.import_id = i.import_id) AS rows_stored,
               (SELECT count(*) FROM replaced_scores r WHERE r.replaced_by = i.import_id)
                 AS rows_replaced
        FROM imports i
        WHERE $dataset IS NULL OR i.dataset = $dataset
        ORDER BY i.imported_at DESC, i.import_id DESC""", {"dataset": dataset}).df()


def active_import_with_checksum(con: Con, *, dataset: str, checksum: str) -> str | None:
    row = con.execute("""
        SELECT import_id FROM imports
        WHERE dataset = ? AND checksum = ? AND undone_at IS NULL
        ORDER BY imported_at DESC LIMIT 1""", [dataset, checksum]).fetchone()
    return None if row is None else str(row[0])


# ---------------------------------------------------------------------------- undo


def undo_blockers(con: Con, import_id: str) -> list[str]:
    """Later imports, still in force, that replaced figures of ``import_id``."""
    rows = con.execute("""
        SELECT DISTINCT r.replaced_by FROM replaced_scores r JOIN imports i
          ON i.import_id = r.replaced_by
        WHERE r.import_id = ? AND i.undone_at IS NULL ORDER BY 1""", [import_id]).fetchall()
    return [str(r[0]) for r in rows]


def check_undoable(con: Con, import_id: str) -> str:
    """The dataset of an import that can be undone, or :class:`UndoError`."""
    row = con.execute("SELECT dataset, undone_at FROM imports WHERE import_id = ?",
                      [import_id]).fetchone()
    if row is None:
        raise UndoError("ไม่พบรายการนำเข้านี้", f"no import {import_id!r}")
    if row[1] is not None:
        raise UndoError(f"ยกเลิกรายการนำเข้านี้ไปแล้วเมื่อ {row[1]}",
                        f"import {import_id} was already undone at {row[1]}")
    blockers = undo_blockers(con, import_id)
    if blockers:
        listed = ", ".join(blockers)
        raise UndoError(f"มีการนำเข้าภายหลังที่แทนที่คะแนนของรายการนี้ ให้ยกเลิก {listed} ก่อน",
                        f"later imports replaced some of its figures: undo {listed} first")
    return str(row[0])


def undo_import(con: Con, import_id: str, *, actor: Actor) -> dict[str, int]:
    """Remove what an import wrote and put back what it replaced, in one transaction."""
    require_editor(actor)
    con.execute("BEGIN")
    try:
        dataset = check_undoable(con, import_id)
        removed = con.execute("SELECT count(*) FROM scores WHERE import_id = ?",
                              [import_id]).fetchone()[0]
        restored = con.execute("SELECT count(*) FROM replaced_scores WHERE replaced_by = ?",
                               [import_id]).fetchone()[0]
        con.execute("DELETE FROM scores WHERE import_id = ?", [import_id])
        con.execute("""
            INSERT INTO scores BY NAME
            SELECT * EXCLUDE (replaced_by) FROM replaced_scores WHERE replaced_by = ?""",
                    [import_id])
        units = drop_orphan_units(con, import_id)
        con.execute("UPDATE imports SET undone_at = ? WHERE import_id = ?",
                    [dt.datetime.now().replace(microsecond=0), import_id])
        refresh_derived(con, dataset)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return {"removed": int(removed), "restored": int(restored), "units_removed": units}


def drop_orphan_units(con: Con, import_id: str) -> int:
    """Delete the units added by the import that no stored figure uses any more."""
    orphans = [r[0] for r in con.execute("""
        SELECT unit_id FROM units u
        WHERE origin = 'import' AND source_id = ?
          AND NOT EXISTS (SELECT 1 FROM scores s WHERE s.unit_id = u.unit_id)
          AND NOT EXISTS (SELECT 1 FROM replaced_scores r WHERE r.unit_id = u.unit_id
                          AND r.replaced_by <> ?)""", [import_id, import_id]).fetchall()]
    if orphans:
        con.execute("DELETE FROM unit_aliases WHERE list_contains(?, unit_id)", [orphans])
        con.execute("DELETE FROM group_members WHERE list_contains(?, unit_id)", [orphans])
        con.execute("DELETE FROM units WHERE list_contains(?, unit_id)", [orphans])
    return len(orphans)
