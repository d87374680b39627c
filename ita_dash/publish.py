"""Publishing builds: immutable files, swapped in atomically, one writer at a time.

Every build is a new file ``<db>.builds/<fingerprint>.duckdb``; the published
database ``data/ita.duckdb`` (``ITA_DB_PATH``) is a symbolic link to the current one,
replaced with one atomic ``rename``. Readers open the link's target read-only, so any
number of processes (the dashboard, ``export``, ``deck``) read while a writer builds
the next file; a reader notices a new build when the link's target (its fingerprint)
changes. Writers (build, import, undo) hold :func:`ita_dash.lock.writer_lock`. A
writer killed at any moment leaves the last good build published; its temporary
files are removed by the next writer.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ita_dash import build_check, config
from ita_dash.build import (
    build_fingerprint,
    default_datasets,
    rebuild_dataset,
    set_meta,
    write_build,
)
from ita_dash.config import open_duckdb
from ita_dash.loader import SourceData, fingerprint_files
from ita_dash.lock import try_writer_lock, writer_lock
from ita_dash.store.files import log_fingerprint, remove_unlogged, unlogged, verify_store
from ita_dash.store.frameworks import load_with_store

KEEP_BUILDS = 3  # the current build and the two before it (readers may still hold them)


@dataclass(frozen=True)
class Build:
    """One published, immutable database file and its fingerprint."""

    path: Path
    fingerprint: str


@dataclass(frozen=True)
class Places:
    """Where a build comes from and where it goes."""

    db_path: Path
    data_dir: Path
    store: Path | None

    @classmethod
    def default(cls, db_path: Path | None = None, data_dir: Path | None = None,
                store: Path | None = None) -> Places:
        return cls(db_path or config.db_path(), data_dir or config.data_dir(),
                   store or config.store_dir())

    @property
    def builds(self) -> Path:
        return self.db_path.with_name(self.db_path.stem + ".builds")

    @property
    def lock(self) -> Path:
        return self.builds / ".lock"


def is_build_file(path: Path) -> bool:
    """A build file itself (``…/ita.builds/<fingerprint>.duckdb``), not a published link."""
    return path.parent.name.endswith(".builds") and path.is_file() and not path.is_symlink()


def current_build(db_path: Path | None = None) -> Build | None:
    """The published build (a cheap ``readlink``), or None before the first build. A path
    to a build file itself is that build, read as it is (never rebuilt or replaced)."""
    link = db_path or config.db_path()
    if is_build_file(link):
        return Build(link, link.stem)
    try:
        target = os.readlink(link)
    except OSError:
        return None
    path = link.parent / target
    return Build(path, path.stem) if path.exists() else None


_DATASETS: dict[build_check.FileState, list[str]] = {}


def built_datasets(build: Build | None) -> list[str]:
    """The datasets a build holds: read once per state of its file (a build is never written
    after it is published; opening a DuckDB file takes about 15 ms, asked on every command
    and page run)."""
    if build is None:
        return []
    key = build_check.file_state(build.path)
    if key not in _DATASETS:
        con = open_duckdb(build.path, read_only=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'datasets'").fetchone()
        finally:
            con.close()
        _DATASETS[key] = [d for d in (row[0] if row else "").split(",") if d]
    return list(_DATASETS[key])


def wanted_datasets(source: SourceData, build: Build | None,
                    extra: Iterable[str] = ()) -> list[str]:
    """The default datasets, those already in the current build, and ``extra``."""
    declared = set(source.tables["datasets"]["dataset"])
    chosen = set(default_datasets(source)) | set(built_datasets(build)) | set(extra)
    return sorted(chosen & declared)


def expected_fingerprint(places: Places, datasets: Iterable[str]) -> str:
    return build_fingerprint(fingerprint_files(places.data_dir), log_fingerprint(places.store),
                             datasets)


def clean_up(places: Places, *, skip: str | None = None) -> None:
    """Under the lock: remove temporary files of killed writers and old builds; check every
    stored file in force (a damaged one stops the writer, :class:`StoreError`), but ``skip``
    (an import being undone)."""
    places.builds.mkdir(parents=True, exist_ok=True)
    for path in places.builds.glob("tmp-*"):
        path.unlink(missing_ok=True)
    for path in places.db_path.parent.glob(f".{places.db_path.name}.tmp-*"):
        path.unlink(missing_ok=True)
    if places.store is not None:
        remove_unlogged(places.store)
        verify_store(places.store, skip=skip)
    current = current_build(places.db_path)
    builds = sorted((p for p in places.builds.glob("*.duckdb")
                     if current is None or p != current.path),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    for path in builds[KEEP_BUILDS - 1:]:
        path.unlink(missing_ok=True)  # open readers keep their file until they close it
        build_check.sidecar(path).unlink(missing_ok=True)


def leftovers(places: Places) -> bool:
    """Temporary files of a killed writer are lying around."""
    if any(places.builds.glob("tmp-*")):
        return True
    return places.store is not None and bool(unlogged(places.store))


def tidy_if_idle(places: Places) -> None:
    """Any command: remove a killed writer's leftovers when no writer is running now."""
    if not leftovers(places):
        return
    with try_writer_lock(places.lock) as taken:
        if taken:
            clean_up(places)


def swap_in(places: Places, built: Path, fingerprint: str) -> Build:
    """Move a finished build into place and point the published link at it, atomically."""
    final = places.builds / f"{fingerprint}.duckdb"
    os.replace(built, final)
    build_check.record(final)  # checked whenever the build is opened (build_check.is_sound)
    link_tmp = places.db_path.with_name(f".{places.db_path.name}.tmp-{os.getpid()}")
    link_tmp.unlink(missing_ok=True)
    os.symlink(os.path.relpath(final, places.db_path.parent), link_tmp)
    os.replace(link_tmp, places.db_path)
    return Build(final, fingerprint)


def full_build(places: Places, source: SourceData, datasets: Iterable[str]) -> Build:
    """Under the lock: a complete build from the files, published."""
    chosen = sorted(set(datasets))
    fingerprint = expected_fingerprint(places, chosen)
    tmp = places.builds / f"tmp-{os.getpid()}-{fingerprint}.duckdb"
    write_build(tmp, source, datasets=chosen, store=places.store, fingerprint=fingerprint)
    return swap_in(places, tmp, fingerprint)


def incremental_build(places: Places, base: Build, datasets: Iterable[str],
                      change: Callable[[duckdb.DuckDBPyConnection], None]) -> Build:
    """Under the lock: copy ``base``, apply ``change`` to the copy, publish it."""
    chosen = sorted(set(datasets))
    fingerprint = expected_fingerprint(places, chosen)
    tmp = places.builds / f"tmp-{os.getpid()}-{fingerprint}.duckdb"
    try:
        shutil.copyfile(base.path, tmp)
        con = open_duckdb(tmp)
        try:
            con.execute("BEGIN")
            change(con)
            set_meta(con, {"fingerprint": fingerprint, "datasets": ",".join(chosen)})
            con.execute("COMMIT")
            con.execute("CHECKPOINT")
        finally:
            con.close()
        return swap_in(places, tmp, fingerprint)
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.wal").unlink(missing_ok=True)


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def sound_current(places: Places, notify: Callable[[str], None] | None = None) -> Build | None:
    """Under the lock: the published build, or None when there is none or it was damaged
    (a damaged one is set aside, with a Thai and English message, to be built again)."""
    current = current_build(places.db_path)
    if current is None or build_check.is_sound(current.path):
        return current
    aside = build_check.set_aside(current.path)
    (notify or _say)(build_check.damaged_message(current.path, aside))
    return None


def last_good_build(places: Places) -> Build | None:
    """The newest kept build that is whole, other than the published one (served while a
    damaged published build is made again)."""
    current = current_build(places.db_path)
    kept = sorted((p for p in places.builds.glob("*.duckdb")
                   if current is None or p != current.path),
                  key=lambda p: p.stat().st_mtime, reverse=True)
    return next((Build(p, p.stem) for p in kept if build_check.is_sound(p)), None)


def ensure_current_locked(places: Places) -> tuple[Build, SourceData]:
    """Under the lock: the current build, rebuilt first when data, store or code changed
    or when it is damaged."""
    source = load_with_store(places.data_dir, places.store)
    current = sound_current(places)
    datasets = wanted_datasets(source, current)
    if current is not None and current.fingerprint == expected_fingerprint(places, datasets):
        return current, source
    return full_build(places, source, datasets), source


def ensure_current(places: Places | None = None) -> Build:
    """The current build; built first (under the lock) when it is missing or stale."""
    places = places or Places.default()
    if is_build_file(places.db_path):  # pinned to one build: read it, never replace it
        return Build(places.db_path, places.db_path.stem)
    tidy_if_idle(places)
    current = current_build(places.db_path)
    if current is not None and build_check.is_sound(current.path):
        source_fp = fingerprint_files(places.data_dir)
        datasets = built_datasets(current)
        if current.fingerprint == build_fingerprint(source_fp, log_fingerprint(places.store),
                                                    datasets):
            return current
        with try_writer_lock(places.lock) as taken:
            if not taken:  # a writer is publishing: read the last build now, never wait
                return current
            clean_up(places)
            build, _ = ensure_current_locked(places)
            return build
    with writer_lock(places.lock):
        clean_up(places)
        build, _ = ensure_current_locked(places)
        return build


def rebuild(places: Places | None = None, *, datasets: Iterable[str] = (),
            full: bool = False) -> Build:
    """``python -m ita_dash build``: rebuild ``datasets`` (added if new), or everything."""
    places = places or Places.default()
    with writer_lock(places.lock):
        clean_up(places)
        source = load_with_store(places.data_dir, places.store)
        current = sound_current(places)
        chosen = wanted_datasets(source, current, datasets)
        if full or current is None or not datasets:
            return full_build(places, source, chosen)
        base, source = ensure_current_locked(places)

        def change(con: duckdb.DuckDBPyConnection) -> None:
            for dataset in datasets:
                rebuild_dataset(con, source, dataset, places.store)

        return incremental_build(places, base, chosen, change)
