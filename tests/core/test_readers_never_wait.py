"""Readers never wait on a writer, and two identical imports at the same moment both succeed
(the second says nothing changed). Real processes, as users run them."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ita_dash.config import DEFAULT_DATA_DIR
from ita_dash.lock import WAIT_EN, writer_lock
from ita_dash.publish import Places, ensure_current
from tests.ui.browser import PROJECT_DIR

pytestmark = pytest.mark.e2e  # real processes

HEAD = "หน่วยงาน,ปีงบประมาณ,รหัส,คะแนน\n"
# an import whose build, once its log line is written, lasts until the test releases it (a
# national year takes about 30 s): at most 60 s
SLOW_IMPORT = """
import os, sys, time
import ita_dash.editing.imports as imports
real = imports.incremental_build
def slow(*args, **kwargs):
    deadline = time.monotonic() + 60
    while not os.path.exists(os.environ["ITA_TEST_RELEASE"]) and time.monotonic() < deadline:
        time.sleep(0.05)
    return real(*args, **kwargs)
imports.incremental_build = slow
from ita_dash.cli import main
sys.exit(main(sys.argv[1:]))
"""


def env_of(places: Places) -> dict[str, str]:
    return {**os.environ, "ITA_DB_PATH": str(places.db_path), "ITA_STORE_DIR": str(places.store),
            "ITA_TEST_RELEASE": str(places.store.parent / "release")}


def start(places: Places, *args: str, out: Path, code: str | None = None) -> subprocess.Popen:
    cmd = [sys.executable, "-c", code, *args] if code else \
        [sys.executable, "-m", "ita_dash", *args]
    with out.open("wb") as log:
        return subprocess.Popen(cmd, cwd=PROJECT_DIR, env=env_of(places), stdout=log,
                                stderr=subprocess.STDOUT)


def wait_for(check, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_an_export_reads_the_previous_build_while_an_import_publishes(tmp_path: Path) -> None:
    places = Places(tmp_path / "db" / "ita.duckdb", DEFAULT_DATA_DIR, tmp_path / "store")
    ensure_current(places)
    source = tmp_path / "one.csv"
    source.write_text(HEAD + "สัมพันธวงศ์,2566,ITA,81.5\n", encoding="utf-8")
    writer = start(places, "import", str(source), "--dataset", "real", code=SLOW_IMPORT,
                   out=tmp_path / "writer.log")
    log = places.store / "log.jsonl"
    try:  # the writer holds the lock and its log line is written: the build is now stale
        wait_for(lambda: log.exists() and b"imp-0001" in log.read_bytes())
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "ita_dash", "export", "--dataset", "real",
                               "--out", str(tmp_path / "during.csv")], cwd=PROJECT_DIR,
                              env=env_of(places), capture_output=True, text=True, timeout=120,
                              check=False)
        took = time.monotonic() - started
        assert done.returncode == 0, done.stderr
        assert writer.poll() is None, "the export waited for the writer to finish"
        assert WAIT_EN not in done.stdout + done.stderr
        print(f"export while an import publishes: {took:.1f} s")
        during = (tmp_path / "during.csv").read_text(encoding="utf-8")
        assert "81.5" not in during and "สัมพันธวงศ์" in during  # the previous build
    finally:
        (places.store.parent / "release").touch()  # the writer may finish now
        writer.wait(timeout=300)
    assert writer.returncode == 0, (tmp_path / "writer.log").read_text(encoding="utf-8")
    after = subprocess.run([sys.executable, "-m", "ita_dash", "export", "--dataset", "real",
                            "--out", str(tmp_path / "after.csv")], cwd=PROJECT_DIR,
                           env=env_of(places), capture_output=True, text=True, timeout=120,
                           check=False)
    assert after.returncode == 0, after.stderr
    assert "81.5" in (tmp_path / "after.csv").read_text(encoding="utf-8")


def test_two_identical_imports_at_the_same_moment(tmp_path: Path) -> None:
    places = Places(tmp_path / "db" / "ita.duckdb", DEFAULT_DATA_DIR, tmp_path / "store")
    ensure_current(places)
    source = tmp_path / "same.csv"
    source.write_text(HEAD + "สัมพันธวงศ์,2566,ITA,81.5\nบางรัก,2566,ITA,70.25\n",
                      encoding="utf-8")
    logs = [tmp_path / "first.log", tmp_path / "second.log"]
    with writer_lock(places.lock):  # both validate, then both wait for the lock
        runs = [start(places, "import", str(source), "--dataset", "real", out=log)
                for log in logs]
        wait_for(lambda: all(WAIT_EN in log.read_text(encoding="utf-8") for log in logs))
    for run in runs:
        run.wait(timeout=300)
    outputs = [log.read_text(encoding="utf-8") for log in logs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    imported = [o for o in outputs if "imported 2 figures as imp-0001" in o]
    unchanged = [o for o in outputs if "nothing to change" in o]
    assert len(imported) == 1 and len(unchanged) == 1, outputs
    assert "nothing changed: every figure of the file was stored meanwhile" in unchanged[0]
    assert "0 new, 0 replaced, 2 unchanged" in unchanged[0]
    events = (places.store / "log.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(events) == 1  # one import stored
