"""Readers and writers at once, writers serialised, kill -9 at any moment: real processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from ita_dash.config import PROJECT_DIR
from ita_dash.publish import Places, current_build
from ita_dash.store.files import read_log

LONG = "หน่วยงาน,ปีงบประมาณ,รหัส,คะแนน\n"


pytestmark = pytest.mark.e2e  # subprocesses, kill -9, waiting for locks


def env_for(places: Places) -> dict[str, str]:
    return {**os.environ, "ITA_DB_PATH": str(places.db_path),
            "ITA_STORE_DIR": str(places.store), "PYTHONPATH": str(PROJECT_DIR)}


def start(places: Places, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "ita_dash", *args], env=env_for(places),
                            cwd=PROJECT_DIR, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)


def run(places: Places, *args: str) -> tuple[int, str]:
    proc = start(places, *args)
    out, _ = proc.communicate(timeout=240)
    return proc.returncode, out


def score_file(tmp_path: Path, name: str, rows: str) -> Path:
    path = tmp_path / name
    path.write_text(LONG + rows, encoding="utf-8")
    return path


def wait_for(condition: Callable[[], bool], timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.005)
    return False


def leftovers(places: Places) -> list[str]:
    found = [p.name for p in places.builds.glob("tmp-*")]
    imports = places.store / "imports"
    if imports.exists():
        logged = {e.import_id for e in read_log(places.store)}
        found += [p.name for p in imports.iterdir() if p.name not in logged]
    found += [p.name for p in places.db_path.parent.glob(".*tmp*")]
    return found


def test_export_deck_and_import_run_while_the_dashboard_reads(places: Places,
                                                              tmp_path: Path) -> None:
    dashboard = duckdb.connect(str(places.db_path), read_only=True)  # as a serving app holds it
    before = current_build(places.db_path)
    code, out = run(places, "export", "--dataset", "real", "--out", str(tmp_path / "x.csv"))
    assert code == 0, out
    code, out = run(places, "deck", "--dataset", "real", "--unit", "เขตสัมพันธวงศ์",
                    "--year", "2567", "--out", str(tmp_path / "d.pptx"))
    assert code == 0 and (tmp_path / "d.pptx").stat().st_size > 10_000, out
    path = score_file(tmp_path, "a.csv", "สำนักงานเขตบางรัก,2567,ITA,80\n")
    code, out = run(places, "import", str(path), "--dataset", "real")
    assert code == 0 and "imported 1 figures as imp-0001" in out, out
    after = current_build(places.db_path)
    assert after is not None and after != before
    # the open reader keeps its build; a new reader sees the import
    assert dashboard.execute("SELECT count(*) FROM scores WHERE import_id IS NOT NULL"
                             ).fetchone() == (0,)
    fresh = duckdb.connect(str(places.db_path), read_only=True)
    assert fresh.execute("SELECT score FROM scores WHERE import_id = 'imp-0001'").fetchone() \
        == (80.0,)


def test_two_imports_at_the_same_instant_are_both_applied(places: Places,
                                                          tmp_path: Path) -> None:
    a = score_file(tmp_path, "a.csv", "สำนักงานเขตบางรัก,2567,ITA,80\n")
    b = score_file(tmp_path, "b.csv", "สำนักงานเขตดุสิต,2567,ITA,70\n")
    procs = [start(places, "import", str(p), "--dataset", "real") for p in (a, b)]
    outs = [p.communicate(timeout=240)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert not any("Traceback" in o for o in outs)
    assert sorted(e.meta["file_name"] for e in read_log(places.store)) == ["a.csv", "b.csv"]
    con = duckdb.connect(str(places.db_path), read_only=True)
    rows = con.execute("SELECT unit_id, score FROM scores WHERE import_id IS NOT NULL "
                       "ORDER BY unit_id").fetchall()
    assert rows == [("bkk-bangrak", 80.0), ("bkk-dusit", 70.0)]


def test_conflicting_imports_at_once_one_applied_one_told(places: Places,
                                                          tmp_path: Path) -> None:
    a = score_file(tmp_path, "a.csv", "สำนักงานเขตบางรัก,2567,ITA,80\n")
    b = score_file(tmp_path, "b.csv", "สำนักงานเขตบางรัก,2567,ITA,81\n")
    procs = [start(places, "import", str(p), "--dataset", "real") for p in (a, b)]
    outs = [p.communicate(timeout=240)[0] for p in procs]
    codes = sorted(p.returncode for p in procs)
    assert not any("Traceback" in o for o in outs), outs
    # both were checked against a build without the figure; the second to write finds it
    # stored (stale) or, if it started after the first had finished, a different value
    assert codes == [0, 1], outs
    loser = outs[[p.returncode for p in procs].index(1)]
    assert ("changed since the file was checked" in loser and "เปลี่ยนไประหว่างตรวจสอบ" in loser) \
        or ("differs from the stored figure" in loser and "ต่างจากคะแนนที่บันทึกไว้" in loser), loser
    [event] = read_log(places.store)
    con = duckdb.connect(str(places.db_path), read_only=True)
    assert con.execute("SELECT count(*) FROM scores WHERE import_id IS NOT NULL").fetchone() \
        == (1,)
    assert event.import_id == "imp-0001"


@pytest.mark.parametrize("moment", ["building", "publishing"])
def test_kill_9_during_a_build_keeps_the_last_good_build(places: Places, moment: str) -> None:
    good = current_build(places.db_path)
    assert good is not None
    proc = start(places, "build")
    if moment == "building":
        assert wait_for(lambda: any(places.builds.glob("tmp-*")))
    else:
        assert wait_for(lambda: any(p.stat().st_size > 1_000_000
                                    for p in places.builds.glob("tmp-*")))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    now = current_build(places.db_path)
    assert now is not None
    con = duckdb.connect(str(places.db_path), read_only=True)
    assert con.execute("SELECT count(*) FROM scores WHERE dataset = 'real'").fetchone() == (181,)
    code, out = run(places, "export", "--dataset", "real", "--out", os.devnull)
    assert code == 0, out
    assert leftovers(places) == []


def test_kill_9_during_an_import_leaves_all_or_nothing(places: Places, tmp_path: Path) -> None:
    path = score_file(tmp_path, "a.csv", "สำนักงานเขตบางรัก,2567,ITA,80\n")
    proc = start(places, "import", str(path), "--dataset", "real")
    # kill once the import is under way: its folder or its new build is being written
    assert wait_for(lambda: (places.store / "imports").exists() or any(
        places.builds.glob("tmp-*")))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    con = duckdb.connect(str(places.db_path), read_only=True)  # the last good build serves
    assert con.execute("SELECT count(*) FROM scores WHERE dataset = 'real'").fetchone()[0] in (
        181, 182)
    code, out = run(places, "export", "--dataset", "real", "--out", str(tmp_path / "x.csv"))
    assert code == 0, out
    assert leftovers(places) == []
    logged = [e.import_id for e in read_log(places.store)]
    exported = (tmp_path / "x.csv").read_text(encoding="utf-8")
    # all or nothing: logged -> in the build; not logged -> nowhere
    assert ("a.csv" in exported) == (logged == ["imp-0001"])
