"""A damaged or truncated published build is set aside and built again by the next command,
with the same figures and a message in Thai and English (real processes, as a user runs them)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ita_dash import build_check
from ita_dash.config import DEFAULT_DATA_DIR
from ita_dash.publish import Places, current_build, ensure_current, last_good_build
from tests.ui.browser import PROJECT_DIR

pytestmark = pytest.mark.e2e  # real processes


def run(places: Places, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ITA_DB_PATH": str(places.db_path), "ITA_STORE_DIR": str(places.store)}
    return subprocess.run([sys.executable, "-m", "ita_dash", *args], cwd=PROJECT_DIR, env=env,
                          capture_output=True, text=True, timeout=600, check=False)


def export(places: Places, out: Path) -> str:
    done = run(places, "export", "--dataset", "real", "--out", str(out))
    assert done.returncode == 0, done.stderr
    return done.stderr


def corrupt(path: Path) -> None:
    """Overwrite 4 KB in the middle of the file (a disk error, a bad copy)."""
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek(size // 2)
        f.write(b"\xde\xad\xbe\xef" * 1024)


def truncate(path: Path) -> None:
    """Cut the file to a third (a half-synced replica)."""
    with path.open("r+b") as f:
        f.truncate(path.stat().st_size // 3)


@pytest.mark.parametrize("damage", [corrupt, truncate])
def test_a_damaged_build_is_healed_by_the_next_export(tmp_path: Path, damage) -> None:
    places = Places(tmp_path / "db" / "ita.duckdb", DEFAULT_DATA_DIR, tmp_path / "store")
    export(places, tmp_path / "before.csv")
    build = current_build(places.db_path)
    assert build is not None and build_check.sidecar(build.path).exists()
    assert build_check.is_sound(build.path)
    damage(build.path)
    assert not build_check.is_sound(build.path)

    message = export(places, tmp_path / "after.csv")
    assert "damaged" in message and "เสียหาย" in message, message
    assert (tmp_path / "after.csv").read_bytes() == (tmp_path / "before.csv").read_bytes()
    healed = current_build(places.db_path)
    assert healed is not None and healed.fingerprint == build.fingerprint
    assert build_check.is_sound(healed.path)
    aside = list(places.builds.glob(f"{build.path.name}.damaged-*"))
    assert [p for p in aside if not p.name.endswith(".sha256")], "set aside, not deleted"
    lines = (tmp_path / "after.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) > 150  # every stored score of the real dataset (181 today), a header
    assert any("สัมพันธวงศ์" in line and ",2567," in line and "87.67" in line for line in lines)

    # the next command finds the build whole: no message, same figures
    assert export(places, tmp_path / "again.csv") == ""
    assert (tmp_path / "again.csv").read_bytes() == (tmp_path / "before.csv").read_bytes()


def test_import_and_undo_heal_before_they_copy_the_build(tmp_path: Path) -> None:
    """An import copies the published build: a damaged one is made again first."""
    places = Places(tmp_path / "db" / "ita.duckdb", DEFAULT_DATA_DIR, tmp_path / "store")
    export(places, tmp_path / "before.csv")
    build = current_build(places.db_path)
    assert build is not None
    corrupt(build.path)
    source = tmp_path / "one.csv"
    source.write_text("หน่วยงาน,ปีงบประมาณ,รหัส,คะแนน\nสัมพันธวงศ์,2566,ITA,81.5\n",
                      encoding="utf-8")
    done = run(places, "import", str(source), "--dataset", "real")
    assert done.returncode == 0, done.stderr + done.stdout
    assert "เสียหาย" in done.stderr
    export(places, tmp_path / "after.csv")
    after = (tmp_path / "after.csv").read_text(encoding="utf-8")
    assert "81.5" in after
    undone = run(places, "undo", "imp-0001")
    assert undone.returncode == 0, undone.stderr
    export(places, tmp_path / "undone.csv")
    assert (tmp_path / "undone.csv").read_bytes() == (tmp_path / "before.csv").read_bytes()


def test_the_last_good_build_is_the_newest_whole_one_kept(tmp_path: Path) -> None:
    places = Places(tmp_path / "db" / "ita.duckdb", DEFAULT_DATA_DIR, tmp_path / "store")
    first = ensure_current(places)
    assert last_good_build(places) is None  # nothing kept besides the published build
    kept = places.builds / "0000older.duckdb"
    kept.write_bytes(first.path.read_bytes())
    build_check.record(kept)
    assert last_good_build(places) == type(first)(kept, "0000older")
    corrupt(kept)
    assert last_good_build(places) is None


def test_the_dashboard_serves_the_last_good_build_while_it_heals(places: Places,
                                                                 tmp_path: Path) -> None:
    import threading
    import time

    from ita_dash.cli import main
    from ita_dash.i18n import t
    from tests.ui.conftest import run_page

    assert not run_page("overview", dataset="real", year="2567").exception
    good = current_build(places.db_path)
    source = tmp_path / "one.csv"
    source.write_text("หน่วยงาน,ปีงบประมาณ,รหัส,คะแนน\nสัมพันธวงศ์,2566,ITA,81.5\n",
                      encoding="utf-8")
    assert main(["import", str(source), "--dataset", "real"]) == 0
    published = current_build(places.db_path)
    assert published is not None and published != good
    time.sleep(0.1)  # damaged later than written (verdicts are kept per state of the file)
    corrupt(published.path)

    at = run_page("overview", dataset="real", year="2567", lang="en")
    assert not at.exception, [e.value for e in at.exception]
    assert any(t("build.healing", "en") in str(w.value) for w in at.warning), at.warning
    assert at.session_state["_ita_build"] == good  # the last good build, served at once
    for thread in threading.enumerate():
        if thread.name == "ita-heal-build":
            thread.join(timeout=120)
    deadline = time.monotonic() + 60
    while not build_check.is_sound(published.path) and time.monotonic() < deadline:
        time.sleep(0.2)
    at = run_page("overview", dataset="real", year="2567", lang="en")
    assert not at.exception
    assert not any(t("build.healing", "en") in str(w.value) for w in at.warning)
    assert at.session_state["_ita_build"] == published  # made again: same fingerprint
    assert build_check.is_sound(published.path)
