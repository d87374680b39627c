"""Is a build file whole? A checksum recorded when it is published, checked when it is opened.

Publishing writes ``<fingerprint>.duckdb.sha256`` beside the build (its SHA-256 and size).
:func:`is_sound` compares the file with it: the size first (a truncated copy fails at once),
then the SHA-256, computed once per process for each state of the file (path, size,
modification time, inode) and cached, so a page rerun costs one ``stat``. A build published
before checksums were recorded is checked by DuckDB itself (it opens and reads its metadata).

A damaged build is :func:`set_aside` (renamed, never deleted) so that it can be looked at;
the publisher then builds it again from ``data/`` and the store.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import duckdb

from ita_dash.config import open_duckdb

SUFFIX = ".sha256"
_VERDICTS: dict[tuple[str, int, int, int], bool] = {}  # by file_state(path)

DAMAGED_TH = ("ไฟล์ฐานข้อมูลที่เผยแพร่อยู่เสียหาย ({name}) ได้ย้ายไปเก็บไว้ที่ {aside} "
              "และกำลังสร้างใหม่จากไฟล์ใน data/ และคลังข้อมูลนำเข้า")
DAMAGED_EN = ("the published database file is damaged ({name}); it was set aside as {aside} "
              "and is being built again from data/ and the import store")


def sidecar(path: Path) -> Path:
    return path.with_name(path.name + SUFFIX)


def file_sha256(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def record(path: Path) -> None:
    """Write the checksum of a finished build (before it is published)."""
    tmp = sidecar(path).with_name(f"tmp-{os.getpid()}-{sidecar(path).name}")
    tmp.write_text(f"{file_sha256(path)} {path.stat().st_size}\n", encoding="ascii")
    os.replace(tmp, sidecar(path))


def _recorded(path: Path) -> tuple[str, int] | None:
    try:
        digest, size = sidecar(path).read_text(encoding="ascii").split()
        return digest, int(size)
    except (OSError, ValueError):
        return None


def _opens(path: Path) -> bool:
    """An unrecorded build: DuckDB opens it and reads its fingerprint."""
    try:
        con = open_duckdb(path, read_only=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
            con.execute("SELECT count(*) FROM scores").fetchone()
        finally:
            con.close()
    except duckdb.Error:
        return False
    return row is not None


FileState = tuple[str, int, int, int]


def file_state(path: Path) -> FileState:
    """What identifies one state of a build file (its path, size, change time and inode):
    what is read from a build is read once per state (OSError when the file is gone)."""
    stat = path.stat()
    return (str(path), stat.st_size, stat.st_mtime_ns, stat.st_ino)


def is_sound(path: Path) -> bool:
    """The build file is the one that was published (checked once per state of the file)."""
    try:
        key = file_state(path)
    except OSError:
        return False
    verdict = _VERDICTS.get(key)
    if verdict is None:
        recorded = _recorded(path)
        if recorded is None:
            verdict = _opens(path)
        else:
            verdict = recorded[1] == key[1] and recorded[0] == file_sha256(path)
        _VERDICTS[key] = verdict
    return verdict


def set_aside(path: Path) -> Path:
    """Rename a damaged build (and its checksum) out of the way; the new name."""
    aside = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}")
    os.replace(path, aside)
    if sidecar(path).exists():
        os.replace(sidecar(path), aside.with_name(aside.name + SUFFIX))
    return aside


def damaged_message(path: Path, aside: Path) -> str:
    return (f"{DAMAGED_EN.format(name=path.name, aside=aside.name)} / "
            f"{DAMAGED_TH.format(name=path.name, aside=aside.name)}")
