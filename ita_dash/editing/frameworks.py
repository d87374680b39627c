"""Commit and undo framework imports: the store's files first, then a full build.

A framework changes what every dataset derives (points, totals, levels), so each commit
or undo publishes a complete build from ``data/`` and the store, under the writer lock.
An undo is refused while score imports made after it use the framework (they are named),
and whenever ``data/`` and the store would not build without it.
"""

from __future__ import annotations

from collections.abc import Callable

from ita_dash.auth import Actor
from ita_dash.editing.common import Committed, UndoError, now, reading, writing
from ita_dash.importer.frameworks import FrameworkPlan, prepare_framework_import
from ita_dash.loader import load_source_data
from ita_dash.problems import DataError, Problems
from ita_dash.publish import (
    Build,
    Places,
    ensure_current_locked,
    full_build,
    wanted_datasets,
)
from ita_dash.store.files import Event, append_event, read_import_folder, read_log
from ita_dash.store.frameworks import (
    EVENT,
    active_framework_parts,
    load_with_store,
    next_framework_id,
    write_framework_folder,
)
from ita_dash.store.replay import active_events, undone_ids


class FrameworkStale(Exception):
    """The framework no longer passes its checks against the newest data (checked under
    the writer lock): the new report is attached."""

    def __init__(self, plan: FrameworkPlan):
        self.plan = plan
        super().__init__("the data changed since the framework was checked: check it again / "
                         "ข้อมูลเปลี่ยนไประหว่างตรวจสอบ กรุณาตรวจสอบไฟล์อีกครั้ง")


def commit_framework(plan: FrameworkPlan, files: list[tuple[str, bytes]], *,
                     actor: Actor | None, places: Places | None = None,
                     on_wait: Callable[[], None] | None = None) -> Committed:
    """Store a checked framework (checked again under the lock) and publish a full build."""
    if not plan.ok or plan.parts is None:
        raise ValueError("the framework has errors: nothing was written")
    with writing(actor, places, on_wait) as turn:
        actor, places = turn.actor, turn.places
        base, _ = ensure_current_locked(places)
        with reading(base) as con:
            again = prepare_framework_import(con, files, places)
        if not again.ok or again.parts is None:
            raise FrameworkStale(again)
        import_id = next_framework_id(read_log(turn.store))
        at = now()
        meta = {"file_name": plan.file_name, "checksum": plan.checksum,
                "framework_id": again.framework_id, "replaces": again.replaces,
                "row_count": len(again.nodes) + len(again.levels) + 1,
                "note": f"framework {again.framework_id}: {len(again.nodes)} nodes, "
                        f"{len(again.levels)} levels"}
        sums = write_framework_folder(turn.store, import_id, again.parts,
                                      {"import_id": import_id, "imported_at": at,
                                       "imported_by": actor.name, **meta})
        append_event(turn.store, Event(EVENT, import_id, at, actor.name, "",
                                         {**meta, "files_sha256": sums}))
        source = load_with_store(places.data_dir, turn.store)
        build = full_build(places, source, wanted_datasets(source, base))
    return Committed(import_id, build)


def framework_undo_blockers(places: Places, import_id: str) -> list[str]:
    """Score imports in force, logged after ``import_id``, whose scores use its framework."""
    assert places.store is not None
    events = read_log(places.store)
    target = next(e for e in events if e.import_id == import_id)
    framework_id = target.meta.get("framework_id")
    position = events.index(target)
    later = {e.import_id for e in events[position + 1:] if e.event == "import"}
    blockers = []
    for event in active_events(places.store):
        if event.import_id not in later:
            continue
        scores, _ = read_import_folder(places.store, event)
        if (scores["framework_id"] == framework_id).any():
            blockers.append(event.import_id)
    return blockers


def undo_framework(import_id: str, *, actor: Actor | None,
                   places: Places | None = None) -> Build:
    """Mark a framework import undone and publish a build without it (the framework of
    ``data/``, or of an earlier import, is back); refused while scores use it."""
    with writing(actor, places, undoing=import_id) as turn:
        actor, places = turn.actor, turn.places
        events = read_log(turn.store)
        found = [e for e in events if e.event == EVENT and e.import_id == import_id]
        if not found:
            raise UndoError("ไม่พบรายการนำเข้านี้", f"no import {import_id!r}")
        framework_id = found[0].meta.get("framework_id")
        if import_id in undone_ids(events):
            raise UndoError("ยกเลิกรายการนำเข้านี้ไปแล้ว", f"import {import_id} was already undone")
        blockers = framework_undo_blockers(places, import_id)
        if blockers:
            listed = ", ".join(blockers)
            raise UndoError(
                f"ยกเลิกกรอบการประเมิน {framework_id} ไม่ได้ เพราะคะแนนที่นำเข้าภายหลังใช้กรอบนี้อยู่ "
                f"({listed}) ให้ยกเลิกรายการเหล่านั้นก่อน แล้วจึงยกเลิก {import_id}",
                f"cannot undo framework {framework_id}: scores imported later use it "
                f"({listed}); undo those imports first, then {import_id}")
        _check_builds_without(places, import_id, str(framework_id))
        base, _ = ensure_current_locked(places)
        append_event(turn.store, Event("undo", import_id, now(), actor.name, "", {}))
        source = load_with_store(places.data_dir, turn.store)
        return full_build(places, source, wanted_datasets(source, base))


def _check_builds_without(places: Places, import_id: str, framework_id: str) -> None:
    """``data/`` and the other imports must still be valid without this framework."""
    scratch = Problems()
    rest = active_framework_parts(places.store, scratch, without=import_id)
    try:
        load_source_data(places.data_dir, rest)
    except DataError as exc:
        first = exc.problems[0]
        raise UndoError(
            f"ยกเลิกกรอบการประเมิน {framework_id} ไม่ได้ เพราะข้อมูลใน data/ ใช้กรอบนี้: "
            f"{first.where()} {first.th}",
            f"cannot undo framework {framework_id}: data/ uses it: {first.where()}: "
            f"{first.en}") from exc
