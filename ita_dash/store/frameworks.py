"""Frameworks entered by editors, kept in the store beside the score imports.

Layout (next to ``imports/``)::

    store/frameworks/fw-0001/import.json        who, when, the source file(s) and checksum
    store/frameworks/fw-0001/frameworks.csv     the framework's row (columns of data/frameworks/)
    store/frameworks/fw-0001/nodes.csv          its nodes
    store/frameworks/fw-0001/rating_levels.csv  its rating levels

and a ``framework`` line in ``log.jsonl`` (the commit point; undone by an ``undo`` line).
The build reads ``data/frameworks/`` and then the frameworks still in force, in log order
(:func:`ita_dash.loader.load_source_data`): a later import of the same framework id
replaces the earlier one, or the one of ``data/``.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from pathlib import Path
from typing import Any

from ita_dash.framework.model import (
    FRAMEWORK_COLUMNS,
    LEVEL_COLUMNS,
    NODE_COLUMNS,
    PART_FILES,
    FrameworkParts,
)
from ita_dash.loader import SourceData, load_source_data
from ita_dash.problems import Problems
from ita_dash.rows import read_rows
from ita_dash.store.files import (
    FOLDER_EVENTS,
    FRAMEWORKS_DIR,
    Event,
    read_log,
    read_verified,
    write_folder,
)
from ita_dash.store.replay import undone_ids

EVENT = FOLDER_EVENTS[FRAMEWORKS_DIR]
_ID = re.compile(r"^fw-(\d+)$")


def framework_dir(store: Path, import_id: str) -> Path:
    return store / FRAMEWORKS_DIR / import_id


def next_framework_id(events: list[Event]) -> str:
    numbers = [int(m.group(1)) for e in events if (m := _ID.match(e.import_id))]
    return f"fw-{max(numbers, default=0) + 1:04d}"


def active_framework_events(store: Path) -> list[Event]:
    """The framework imports not undone, in log order."""
    events = read_log(store)
    undone = undone_ids(events)
    return [e for e in events if e.event == EVENT and e.import_id not in undone]


def _csv_text(records: list[dict[str, str]], columns: list[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({c: record.get(c, "") or "" for c in columns})
    return buffer.getvalue().encode("utf-8")


def _write_rows(path: Path, *, records: list[dict[str, str]], columns: list[str]) -> None:
    path.write_bytes(_csv_text(records, columns))


def write_framework_folder(store: Path, import_id: str, parts: FrameworkParts,
                           meta: dict[str, Any]) -> dict[str, str]:
    """Write a framework's three files under a temporary name, then rename; return their
    checksums. The files hold the rows as the editor wrote them, in data/'s columns."""
    contents = {"frameworks.csv": [parts.row_written],
                "nodes.csv": parts.nodes.raw, "rating_levels.csv": parts.levels.raw}
    return write_folder(framework_dir(store, import_id), {
        name: functools.partial(_write_rows, records=records, columns=PART_FILES[name])
        for name, records in contents.items()}, meta)


def read_framework_folder(store: Path, event: Event, out: Problems) -> FrameworkParts | None:
    """One logged framework import as read rows (checked against the log's checksums)."""
    relative = f"{FRAMEWORKS_DIR}/{event.import_id}"
    for name in PART_FILES:
        read_verified(store / relative, name, event)
    fw = read_rows(store, f"{relative}/frameworks.csv", FRAMEWORK_COLUMNS, out, label="store")
    nodes = read_rows(store, f"{relative}/nodes.csv", NODE_COLUMNS, out, label="store")
    levels = read_rows(store, f"{relative}/rating_levels.csv", LEVEL_COLUMNS, out,
                       label="store")
    if len(fw.records) != 1:
        return None
    line, row = fw.records[0]
    return FrameworkParts(fw, line, row, nodes, levels)


def active_framework_parts(store: Path | None, out: Problems,
                           without: str | None = None) -> list[FrameworkParts]:
    """The frameworks in force in ``store``, oldest first (``without``: leave one out)."""
    if store is None:
        return []
    found = []
    for event in active_framework_events(store):
        if event.import_id == without:
            continue
        parts = read_framework_folder(store, event, out)
        if parts is not None:
            found.append(parts)
    return found


def load_with_store(root: Path, store: Path | None, *, extra: list[FrameworkParts] | None = None,
                    without: str | None = None) -> SourceData:
    """``data/`` read with the store's frameworks in force (in log order, ``without`` one left
    out) and ``extra`` ones after them (a framework being checked)."""
    out = Problems()
    later = active_framework_parts(store, out, without)
    out.raise_errors()
    return load_source_data(root, [*later, *(extra or [])])
