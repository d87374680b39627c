"""The store is checked on every read: a stored import changed or removed by hand stops
the next import and build with a message naming it and what to do; its figures are never
served; undoing it still works. The commands run as the command line's ``main`` in this
process; the first refusal of each case also runs in a process of its own, as a user runs
it (its exit code and message are the same)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

from ita_dash.cli import main
from ita_dash.config import DEFAULT_DATA_DIR
from ita_dash.publish import Places, current_build
from tests.ui.browser import PROJECT_DIR

pytestmark = pytest.mark.e2e  # real processes

HEAD = "หน่วยงาน,ปีงบประมาณ,รหัส,คะแนน\n"


class Done(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


def run(places: Places, *args: str, process: bool = False) -> Done:
    """One command on ``places``: ``main`` in this process, or (``process``) a new one."""
    env = {"ITA_DB_PATH": str(places.db_path), "ITA_STORE_DIR": str(places.store)}
    if process:
        done = subprocess.run([sys.executable, "-m", "ita_dash", *args], cwd=PROJECT_DIR,
                              env={**os.environ, **env}, capture_output=True, text=True,
                              timeout=600, check=False)
        return Done(done.returncode, done.stdout, done.stderr)
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        for key, value in env.items():
            patch.setenv(key, value)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    return Done(code, out.getvalue(), err.getvalue())


def exported(places: Places, tmp_path: Path) -> str:
    out = tmp_path / "out.csv"
    done = run(places, "export", "--dataset", "real", "--out", str(out))
    assert done.returncode == 0, done.stderr
    return out.read_text(encoding="utf-8")


def import_file(places: Places, path: Path, text: str) -> Done:
    path.write_text(HEAD + text, encoding="utf-8")
    return run(places, "import", str(path), "--dataset", "real", "--replace")


def change_figure(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace("81.5", "18.5"), encoding="utf-8")


def remove(path: Path) -> None:
    path.unlink()


@pytest.mark.parametrize(("damage", "file", "says"), [
    (change_figure, "scores.csv", "checksum mismatch"),
    (remove, "units.csv", "is missing"),
])
def test_a_damaged_import_stops_writes_and_builds_and_is_never_served(tmp_path: Path, damage,
                                                                       file, says) -> None:
    places = Places(tmp_path / "db" / "ita.duckdb", DEFAULT_DATA_DIR, tmp_path / "store")
    done = import_file(places, tmp_path / "a.csv", "สัมพันธวงศ์,2566,ITA,81.5\n")
    assert done.returncode == 0, done.stderr
    assert "81.5" in exported(places, tmp_path)
    folder = places.store / "imports" / "imp-0001"
    damage(folder / file)
    log = (places.store / "log.jsonl").read_bytes()
    build = current_build(places.db_path)

    commands = [(("import", str(tmp_path / "b.csv"), "--dataset", "real", "--replace"), True),
                (("import", str(tmp_path / "b.csv"), "--dataset", "real", "--replace"), False),
                (("build",), False), (("build", "--dataset", "real"), False)]
    for args, process in commands:
        (tmp_path / "b.csv").write_text(HEAD + "บางรัก,2567,ITA,70.25\n", encoding="utf-8")
        refused = run(places, *args, process=process)
        assert refused.returncode == 3, (args, process, refused.stdout, refused.stderr)
        message = refused.stderr
        assert "imp-0001" in message and says in message, message
        assert "python -m ita_dash undo imp-0001" in message and "ยกเลิก" in message
        assert "unexpected" not in message
        assert (places.store / "log.jsonl").read_bytes() == log  # nothing written
        assert current_build(places.db_path) == build

    shown = exported(places, tmp_path)
    assert "18.5" not in shown  # the changed figure is never served
    assert "70.25" not in shown

    undone = run(places, "undo", "imp-0001")
    assert undone.returncode == 0, undone.stderr
    again = run(places, "import", str(tmp_path / "b.csv"), "--dataset", "real", "--replace")
    assert again.returncode == 0, again.stderr
    shown = exported(places, tmp_path)
    assert "70.25" in shown and "81.5" not in shown and "18.5" not in shown


def test_import_json_changed_by_hand_is_named_too(tmp_path: Path) -> None:
    places = Places(tmp_path / "db" / "ita.duckdb", DEFAULT_DATA_DIR, tmp_path / "store")
    assert import_file(places, tmp_path / "a.csv", "สัมพันธวงศ์,2566,ITA,81.5\n").returncode == 0
    meta_path = places.store / "imports" / "imp-0001" / "import.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["files_sha256"]["scores.csv"] = "0" * 64
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    refused = import_file(places, tmp_path / "b.csv", "บางรัก,2567,ITA,70.25\n")
    assert refused.returncode == 3
    assert "import.json" in refused.stderr and "imp-0001" in refused.stderr


def test_the_dashboard_names_a_damaged_store_and_serves_the_last_build(places: Places,
                                                                       tmp_path: Path) -> None:
    from tests.ui.conftest import run_page, texts

    source = tmp_path / "one.csv"
    source.write_text(HEAD + "สัมพันธวงศ์,2566,ITA,81.5\n", encoding="utf-8")
    assert main(["import", str(source), "--dataset", "real"]) == 0
    change_figure(places.store / "imports" / "imp-0001" / "scores.csv")
    places.db_path.unlink()  # no published build: the page must build, and cannot
    for lang, text in (("th", "ยกเลิกรายการนำเข้านี้: python -m ita_dash undo imp-0001"),
                       ("en", "undo the import: python -m ita_dash undo imp-0001")):
        at = run_page("overview", dataset="real", year="2566", lang=lang)
        assert not at.exception, [e.value for e in at.exception]
        errors = texts(at.error)
        assert any("imports/imp-0001/scores.csv" in e and text in e for e in errors), errors
        assert at.session_state["_ita_build"] is not None  # the last whole build, served
    assert current_build(places.db_path) is None  # nothing was built from the damaged file
