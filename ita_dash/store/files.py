"""The import store on disk: one folder per accepted import and an append-only log.

Layout (``ITA_STORE_DIR``, default ``store/`` in the project folder, ignored by git)::

    store/log.jsonl                  one JSON line per event: an import or an undo
    store/imports/imp-0001/import.json   who, when, source file name and checksum, counts
    store/imports/imp-0001/scores.csv    the figures it wrote (plain CSV, UTF-8)
    store/imports/imp-0001/units.csv     the units it added (may be empty)
    store/frameworks/fw-0001/…           a framework entered from the template
                                         (:mod:`ita_dash.store.frameworks`)

A folder is written under a temporary name and renamed into place
(:func:`write_folder`); the log line, appended and flushed to disk afterwards, is what
makes it count, and holds the files' checksums, checked on reading (:func:`read_verified`).
A folder without a log line (a writer killed in between) is removed by the next writer
(:func:`unlogged`).
These files are the only copy of what editors entered: every database build reads
them, none writes them.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ita_dash.config import memory_duckdb
from ita_dash.problems import Bilingual

LOG_NAME = "log.jsonl"
IMPORTS_DIR = "imports"
FRAMEWORKS_DIR = "frameworks"
# each kind of folder and the log event that commits one
FOLDER_EVENTS = {IMPORTS_DIR: "import", FRAMEWORKS_DIR: "framework"}
META_NAME = "import.json"
TMP_PREFIX = ".tmp-"
SCORE_FILE_COLUMNS = ["unit_id", "unit_name_th", "fiscal_year", "framework_id", "code", "score",
                      "source_ref", "note"]
UNIT_FILE_COLUMNS = ["unit_id", "name_th", "short_th", "unit_type", "parent_org", "province"]
# printed levels (optional file; the rows of the build's printed_ratings)
LEVEL_FILE_COLUMNS = ["unit_id", "unit_name_th", "fiscal_year", "framework_id", "level_code",
                      "label_printed", "source_ref"]


class StoreError(Bilingual):
    """The store's files are damaged (a checksum or a line does not match)."""


@dataclass(frozen=True)
class Event:
    """One line of the log."""

    event: str  # "import" or "undo"
    import_id: str
    at: str
    by: str
    dataset: str
    meta: dict[str, Any]


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def log_path(store: Path) -> Path:
    return store / LOG_NAME


def import_dir(store: Path, import_id: str) -> Path:
    return store / IMPORTS_DIR / import_id


def read_log(store: Path) -> list[Event]:
    """Every event, oldest first (a torn last line from a killed writer is ignored)."""
    path = log_path(store)
    if not path.exists():
        return []
    events = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            if number == len(lines):  # torn last line: the write never completed
                break
            raise StoreError(f"บันทึกการนำเข้า {path} บรรทัด {number} เสียหาย",
                             f"import log {path} line {number} is damaged") from exc
        events.append(Event(raw["event"], raw["import_id"], raw["at"], raw["by"],
                            raw["dataset"], raw.get("meta", {})))
    return events


def log_fingerprint(store: Path | None) -> str:
    """A hash of the log: it changes with every import and undo."""
    if store is None or not log_path(store).exists():
        return "empty"
    return sha256_bytes(log_path(store).read_bytes())[:16]


def append_event(store: Path, event: Event) -> None:
    """Append one line and flush it to disk (the commit point of an import or undo)."""
    line = json.dumps({"event": event.event, "import_id": event.import_id, "at": event.at,
                       "by": event.by, "dataset": event.dataset, "meta": event.meta},
                      ensure_ascii=False)
    path = log_path(store)
    path.parent.mkdir(parents=True, exist_ok=True)
    _repair_torn_tail(path)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, (line + "\n").encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)


def _repair_torn_tail(path: Path) -> None:
    """Drop a partial last line left by a writer killed mid-append."""
    if not path.exists():
        return
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        keep = data[: data.rfind(b"\n") + 1]
        tmp = path.with_name(TMP_PREFIX + path.name)
        tmp.write_bytes(keep)
        os.replace(tmp, path)


def write_csv(path: Path, frame: pd.DataFrame, columns: list[str]) -> str:
    """Write a frame as UTF-8 CSV with exactly ``columns`` (numbers written to round-trip,
    text quoted where needed); return the file's SHA-256. DuckDB writes 500,000 rows in a
    fraction of a second."""
    con = memory_duckdb()
    try:
        con.register("frame", frame.reindex(columns=columns))
        con.execute("COPY frame TO ? (FORMAT csv, HEADER true)", [str(path)])
    finally:
        con.close()
    return sha256_bytes(path.read_bytes())


def write_folder(final: Path, files: dict[str, Callable[[Path], object]],
                 meta: dict[str, Any]) -> dict[str, str]:
    """Write a store folder atomically: each file by its writer under a temporary folder,
    then ``import.json`` (``meta`` and the files' checksums), everything flushed to disk,
    then one rename into place. Return the checksums (for the log line)."""
    tmp = final.with_name(f"{TMP_PREFIX}{final.name}-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    sums = {}
    for name, write in files.items():
        write(tmp / name)
        sums[name] = sha256_bytes((tmp / name).read_bytes())
    (tmp / META_NAME).write_text(
        json.dumps({**meta, "files_sha256": sums}, ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8")
    for name in (*files, META_NAME):
        with open(tmp / name, "rb") as handle:
            os.fsync(handle.fileno())
    if final.exists():  # a folder left by a killed writer, never logged
        shutil.rmtree(final)
    os.replace(tmp, final)
    return sums


def read_verified(folder: Path, name: str, event: Event) -> bytes:
    """THE one place a stored file is read: its bytes, checked against the checksum of its log
    line and of its folder's ``import.json``. A missing or changed file raises
    :class:`StoreError` naming the import and what to do (restore the file, or undo it)."""
    path = folder / name
    expected = event.meta.get("files_sha256", {}).get(name)
    if not path.exists():
        raise damaged(event, path, "ไม่พบไฟล์", "is missing")
    data = path.read_bytes()
    if expected and not (folder / META_NAME).exists():
        raise damaged(event, folder / META_NAME, "ไม่พบไฟล์", "is missing")
    if expected and (sha256_bytes(data) != expected or _folder_sums(folder).get(name) != expected):
        where = path if sha256_bytes(data) != expected else folder / META_NAME
        raise damaged(event, where, "ถูกแก้ไขหลังนำเข้า (checksum ไม่ตรง)",
                      "was changed after the import (checksum mismatch)")
    return data


def _folder_sums(folder: Path) -> dict[str, str]:
    """The checksums a folder's ``import.json`` records (none when it is missing or damaged)."""
    try:
        sums = json.loads((folder / META_NAME).read_text(encoding="utf-8"))["files_sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return sums if isinstance(sums, dict) else {}


def damaged(event: Event, path: Path, th: str, en: str) -> StoreError:
    """A stored file of ``event`` is missing or changed: nothing is written or built."""
    iid = event.import_id
    return StoreError(
        f"ไฟล์ {path} ของรายการนำเข้า {iid} {th} จึงไม่บันทึกและไม่สร้างฐานข้อมูลใด ๆ "
        f"ให้นำไฟล์เดิมกลับมาจากสำเนาสำรอง หรือยกเลิกรายการนำเข้านี้: python -m ita_dash undo {iid}",
        f"file {path} of import {iid} {en}; nothing was written or built: restore the file "
        f"from a backup, or undo the import: python -m ita_dash undo {iid}")


def verify_store(store: Path | None, *, skip: str | None = None) -> None:
    """Every file of every import and framework import in force, checked (writers call this
    before they write; ``skip``: the import being undone)."""
    if store is None:
        return
    events = read_log(store)
    undone = {e.import_id for e in events if e.event == "undo"}
    folders = {kind: folder for folder, kind in FOLDER_EVENTS.items()}
    for event in events:
        if event.event in folders and event.import_id not in undone | {skip}:
            folder = store / folders[event.event] / event.import_id
            for name in event.meta.get("files_sha256", {}):
                read_verified(folder, name, event)


def write_import_folder(store: Path, import_id: str, *, scores: pd.DataFrame,
                        units: pd.DataFrame, meta: dict[str, Any],
                        levels: pd.DataFrame | None = None) -> dict[str, str]:
    """Write an import's files under a temporary name, then rename; return their checksums
    (``levels.csv``, the printed levels, only when there are some)."""
    files: dict[str, Callable[[Path], object]] = {
        "scores.csv": lambda path: write_csv(path, scores, SCORE_FILE_COLUMNS),
        "units.csv": lambda path: write_csv(path, units, UNIT_FILE_COLUMNS)}
    if levels is not None and not levels.empty:
        files["levels.csv"] = lambda path: write_csv(path, levels, LEVEL_FILE_COLUMNS)
    return write_folder(import_dir(store, import_id), files, meta)


def read_import_folder(store: Path, event: Event,
                       verify: bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The scores and units of one logged import, checked against the log's checksums
    (``verify=False``: an import being undone, read as well as it can be, never served)."""
    folder = import_dir(store, event.import_id)
    frames = []
    for name, columns in (("scores.csv", SCORE_FILE_COLUMNS), ("units.csv", UNIT_FILE_COLUMNS)):
        try:
            data = read_verified(folder, name, event) if verify else (folder / name).read_bytes()
            frame = pd.read_csv(io.BytesIO(data), dtype={c: str for c in columns
                                                          if c not in ("score", "fiscal_year")},
                                keep_default_na=False, na_values={"score": [""]})
            frame = frame.reindex(columns=columns)
        except (OSError, ValueError, pd.errors.ParserError):
            if verify:
                raise
            frame = pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
        frames.append(frame)
    scores, units = frames
    scores = scores.assign(fiscal_year=scores["fiscal_year"].astype("int64"),
                           score=scores["score"].astype("float64"))
    for column in ("source_ref", "note"):
        scores[column] = scores[column].replace("", None)
    for column in ("parent_org", "province"):
        if column in units:
            units[column] = units[column].replace("", None)
    return scores, units


def read_import_levels(store: Path, event: Event) -> pd.DataFrame:
    """The printed levels of one logged import (none when it stored no levels.csv)."""
    if not event.meta.get("files_sha256", {}).get("levels.csv"):
        return pd.DataFrame(columns=LEVEL_FILE_COLUMNS)
    data = read_verified(import_dir(store, event.import_id), "levels.csv", event)
    frame = pd.read_csv(io.BytesIO(data), dtype={c: str for c in LEVEL_FILE_COLUMNS
                                                  if c != "fiscal_year"},
                        keep_default_na=False)
    frame["fiscal_year"] = frame["fiscal_year"].astype("int64")
    frame["source_ref"] = frame["source_ref"].replace("", None)
    return frame


def unlogged(store: Path) -> list[Path]:
    """What a writer killed before its log line left: temporary folders and files, and
    folders (of imports and frameworks) that no log line of their kind names."""
    found = [p for p in store.glob(TMP_PREFIX + "*") if not p.is_dir()]
    roots = [(store / folder, event) for folder, event in FOLDER_EVENTS.items()
             if (store / folder).exists()]
    if not roots:
        return found
    events = read_log(store)
    for root, kind in roots:
        logged = {e.import_id for e in events if e.event == kind}
        found += [p for p in root.iterdir()
                  if p.name.startswith(TMP_PREFIX) or p.name not in logged]
    return found


def remove_unlogged(store: Path) -> list[str]:
    """Delete what :func:`unlogged` finds; return the names of the folders removed."""
    removed = []
    for path in unlogged(store):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path.name)
        else:
            path.unlink(missing_ok=True)
    return removed
