"""What commits and undos of scores and frameworks share: an editor's turn at writing, the
result, the refusal, the time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ita_dash.auth import Actor, require_editor
from ita_dash.config import open_duckdb
from ita_dash.lock import writer_lock
from ita_dash.problems import Bilingual
from ita_dash.publish import Build, Places, clean_up


class UndoError(Bilingual):
    """An import cannot be undone (unknown, already undone, or needed by a later one)."""


@dataclass(frozen=True)
class Committed:
    import_id: str
    build: Build


def now() -> str:
    return dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")


@dataclass(frozen=True)
class Turn:
    """A signed-in editor holding the writer lock on ``places`` and its ``store``."""

    actor: Actor
    places: Places
    store: Path


@contextmanager
def writing(actor: Actor | None, places: Places | None = None,
            on_wait: Callable[[], None] | None = None, *,
            undoing: str | None = None) -> Iterator[Turn]:
    """An editor's turn to write: refused unless signed in as an editor; the writer lock held
    (``on_wait`` told when it must wait) and what killed writers left removed first; every
    stored file in force checked (but those of ``undoing``: a damaged import can be undone)."""
    require_editor(actor)
    assert actor is not None
    places = places or Places.default()
    assert places.store is not None
    with writer_lock(places.lock, on_wait=on_wait):
        clean_up(places, skip=undoing)
        yield Turn(actor, places, places.store)


@contextmanager
def reading(build: Build) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to ``build``, closed afterwards."""
    con = open_duckdb(build.path, read_only=True)
    try:
        yield con
    finally:
        con.close()
