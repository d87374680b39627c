"""What the store holds now: the imports still in force, oldest first."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ita_dash.store.files import Event, read_import_folder, read_log


def undone_ids(events: list[Event]) -> set[str]:
    return {e.import_id for e in events if e.event == "undo"}


def active_events(store: Path) -> list[Event]:
    """The import events not undone, in log order."""
    events = read_log(store)
    undone = undone_ids(events)
    return [e for e in events if e.event == "import" and e.import_id not in undone]


def active_imports(store: Path) -> list[tuple[Event, pd.DataFrame, pd.DataFrame]]:
    """Each import in force with its scores and units, oldest first (later ones win)."""
    return [(event, *read_import_folder(store, event)) for event in active_events(store)]
