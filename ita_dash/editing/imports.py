"""Commit, undo and list imports: the store's files first, then an incremental build.

Each write holds the writer lock, brings the current build up to date, re-checks
what it is about to write against it, writes the import's folder, appends the log
line (the commit point) and publishes a new build derived only for what changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import duckdb
import pandas as pd

from ita_dash.auth import Actor
from ita_dash.build import apply_import, rebuild_dataset
from ita_dash.editing.common import Committed, UndoError, now, reading, writing
from ita_dash.editing.frameworks import undo_framework
from ita_dash.publish import (
    Build,
    Places,
    ensure_current_locked,
    incremental_build,
    wanted_datasets,
)
from ita_dash.store.files import (
    Event,
    append_event,
    read_import_folder,
    read_import_levels,
    read_log,
    write_import_folder,
)
from ita_dash.store.replay import active_events, undone_ids

_ID = re.compile(r"^imp-(\d+)$")


def next_import_id(events: list[Event]) -> str:
    numbers = [int(m.group(1)) for e in events if (m := _ID.match(e.import_id))]
    return f"imp-{max(numbers, default=0) + 1:04d}"


def _unit_names(con: duckdb.DuckDBPyConnection, new_units: pd.DataFrame) -> dict[str, str]:
    names = dict(con.execute("SELECT unit_id, name_th FROM units").fetchall())
    if not new_units.empty:
        names.update(zip(new_units["unit_id"], new_units["name_th"], strict=True))
    return {str(k): str(v) for k, v in names.items()}


def commit_import(*, dataset: str, rows: pd.DataFrame, new_units: pd.DataFrame, file_name: str,
                  checksum: str, actor: Actor | None, note: str, counts: dict[str, int],
                  recheck: Callable[[duckdb.DuckDBPyConnection], None],
                  places: Places | None = None,
                  on_wait: Callable[[], None] | None = None,
                  levels: pd.DataFrame | None = None,
                  mapping: dict[str, object] | None = None) -> Committed:
    """Store one import as files and publish a build with it; return its id and the build."""
    with writing(actor, places, on_wait) as turn:
        actor, places = turn.actor, turn.places
        base, source = ensure_current_locked(places)
        with reading(base) as con:
            recheck(con)  # raises when the stored figures changed since the file was checked
            names = _unit_names(con, new_units)
        events = read_log(turn.store)
        import_id = next_import_id(events)
        scores = rows.assign(source_ref=rows["source_ref"].fillna(file_name),
                             unit_name_th=rows["unit_id"].map(names))
        at = now()
        level_rows = None
        if levels is not None and not levels.empty:
            level_rows = levels.assign(unit_name_th=levels["unit_id"].map(names),
                                       source_ref=file_name)
        years = set(rows["fiscal_year"].unique().tolist())
        if level_rows is not None:
            years |= set(level_rows["fiscal_year"].unique().tolist())
        meta = {"file_name": file_name, "checksum": checksum, "row_count": len(rows),
                "note": note, "counts": counts, "years": sorted(int(y) for y in years),
                **({"mapping": mapping} if mapping else {})}
        sums = write_import_folder(turn.store, import_id, scores=scores, units=new_units,
                                   meta={"import_id": import_id, "dataset": dataset,
                                         "imported_at": at, "imported_by": actor.name, **meta},
                                   levels=level_rows)
        append_event(turn.store, Event("import", import_id, at, actor.name, dataset,
                                       {**meta, "files_sha256": sums}))
        logged = read_log(turn.store)[-1]
        stored, units = read_import_folder(turn.store, logged)
        stored_levels = read_import_levels(turn.store, logged)
        datasets = wanted_datasets(source, base)

        def change(con: duckdb.DuckDBPyConnection) -> None:
            if dataset in datasets:
                apply_import(con, dataset=dataset, import_id=import_id, scores=stored,
                             units=units, levels=stored_levels)

        return Committed(import_id, incremental_build(places, base, datasets, change))


def _find(events: list[Event], import_id: str) -> Event:
    for event in events:
        if event.event == "import" and event.import_id == import_id:
            return event
    raise UndoError("ไม่พบรายการนำเข้านี้", f"no import {import_id!r}")


def undo_blockers(places: Places, import_id: str) -> list[str]:
    """Later imports in force whose figures use units that ``import_id`` added."""
    assert places.store is not None
    events = read_log(places.store)
    target = _find(events, import_id)
    _, units = read_import_folder(places.store, target, verify=False)
    added = set(units["unit_id"])
    if not added:
        return []
    blockers = []
    later = False
    for event in active_events(places.store):
        if event.import_id == import_id:
            later = True
            continue
        if later:
            scores, _ = read_import_folder(places.store, event)
            if added & set(scores["unit_id"]):
                blockers.append(event.import_id)
    return blockers


def undo_import(import_id: str, *, actor: Actor | None,
                places: Places | None = None) -> dict[str, int]:
    """Mark an import undone in the log and publish a build without it (a framework import
    ``fw-…``: :func:`ita_dash.editing.frameworks.undo_framework`)."""
    if import_id.startswith("fw-"):
        undo_framework(import_id, actor=actor, places=places)
        return {"removed": 0, "restored": 0, "units_removed": 0, "frameworks": 1}
    with writing(actor, places, undoing=import_id) as turn:  # a damaged one too
        actor, places = turn.actor, turn.places
        events = read_log(turn.store)
        event = _find(events, import_id)
        if import_id in undone_ids(events):
            at = next(e.at for e in events if e.event == "undo" and e.import_id == import_id)
            raise UndoError(f"ยกเลิกรายการนำเข้านี้ไปแล้วเมื่อ {at}",
                            f"import {import_id} was already undone at {at}")
        blockers = undo_blockers(places, import_id)
        if blockers:
            listed = ", ".join(blockers)
            raise UndoError(f"รายการนำเข้าภายหลังใช้หน่วยงานที่รายการนี้เพิ่มไว้ ให้ยกเลิก {listed} ก่อน",
                            f"later imports use units this import added: undo {listed} first")
        base, source = ensure_current_locked(places)
        before = _count(base, "SELECT count(*) FROM scores WHERE import_id = ?", import_id)
        append_event(turn.store, Event("undo", import_id, now(), actor.name, event.dataset,
                                         {}))
        datasets = wanted_datasets(source, base)

        def change(con: duckdb.DuckDBPyConnection) -> None:
            if event.dataset in datasets:
                rebuild_dataset(con, source, event.dataset, turn.store)

        build = incremental_build(places, base, datasets, change)
        scores, units = read_import_folder(turn.store, event, verify=False)
        keys = scores.assign(dataset=event.dataset)[
            ["dataset", "unit_id", "fiscal_year", "code"]]
        restored = _count_keys(build, keys)
        remaining = _count_units(build, list(units["unit_id"]))
    return {"removed": before, "restored": restored,
            "units_removed": len(units) - remaining}


def _count(build: Build, sql: str, *params: object) -> int:
    with reading(build) as con:
        row = con.execute(sql, list(params)).fetchone()
        return int(row[0]) if row else 0


def _count_keys(build: Build, keys: pd.DataFrame) -> int:
    with reading(build) as con:
        con.register("undone_keys", keys)
        row = con.execute("""SELECT count(*) FROM scores s JOIN undone_keys k
                             USING (dataset, unit_id, fiscal_year, code)""").fetchone()
        return int(row[0]) if row else 0


def _count_units(build: Build, unit_ids: list[str]) -> int:
    if not unit_ids:
        return 0
    return _count(build, "SELECT count(*) FROM units WHERE list_contains(?, unit_id)", unit_ids)


# ------------------------------------------------------------------------- history


HISTORY_COLUMNS = ["import_id", "kind", "dataset", "file_name", "checksum", "imported_at",
                   "imported_by", "row_count", "undone_at", "note", "rows_stored",
                   "rows_replaced"]


def import_history(con: duckdb.DuckDBPyConnection | None = None, *, dataset: str | None = None,
                   places: Places | None = None) -> pd.DataFrame:
    """Every import, newest first, read from the log; ``rows_stored`` from the build ``con``."""
    places = places or Places.default()
    events = read_log(places.store) if places.store is not None else []
    undone = {e.import_id: e.at for e in events if e.event == "undo"}
    stored: dict[str, int] = {}
    if con is not None:
        stored = {str(k): int(v) for k, v in con.execute(
            "SELECT import_id, count(*) FROM scores WHERE import_id IS NOT NULL "
            "GROUP BY ALL").fetchall()}
    rows = [{"import_id": e.import_id, "kind": "scores" if e.event == "import" else "framework",
             "dataset": e.dataset,
             "file_name": e.meta.get("file_name"), "checksum": e.meta.get("checksum"),
             "imported_at": pd.Timestamp(e.at), "imported_by": e.by,
             "row_count": e.meta.get("row_count"),
             "undone_at": pd.Timestamp(undone[e.import_id]) if e.import_id in undone else None,
             "note": e.meta.get("note"), "rows_stored": stored.get(e.import_id, 0),
             "rows_replaced": e.meta.get("counts", {}).get("replace", 0)}
            for e in events if (e.event == "import" and (dataset is None or e.dataset == dataset))
            or (e.event == "framework" and dataset is None)]
    frame = pd.DataFrame(rows, columns=HISTORY_COLUMNS)
    return frame.iloc[::-1].reset_index(drop=True)


def active_import_with_checksum(*, dataset: str, checksum: str,
                                places: Places | None = None) -> str | None:
    """The newest import in force of the same file into the same dataset, if any."""
    places = places or Places.default()
    if places.store is None:
        return None
    for event in reversed(active_events(places.store)):
        if event.dataset == dataset and event.meta.get("checksum") == checksum:
            return event.import_id
    return None
