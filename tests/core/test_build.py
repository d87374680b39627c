"""Building the database: bad data stops the build with file, line and problem; no half-built file."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import duckdb
import pytest

from ita_dash.build import build_database
from ita_dash.config import DEFAULT_DATA_DIR
from ita_dash.problems import DataError
from ita_dash.publish import Places, current_build, ensure_current

HEADER = "unit,fiscal_year,framework_id,code,score,source_id,source_ref,note\n"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target, ignore=shutil.ignore_patterns("*.duckdb*"))
    return target


def append_score_row(data_dir: Path, row: str) -> int:
    """Append a row to data/real/scores.csv; return its line number."""
    path = data_dir / "real" / "scores.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + row + "\n", encoding="utf-8")
    return text.count("\n") + 1


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(("row", "column", "english"), [
    ("สำนักงานเขตสัมพันธวงศ์,2567,bma-2567,O3,101,seed001,x,", "score",
     "score must be between 0 and 100"),
    ("สำนักงานเขตสัมพันธวงศ์,2567,bma-2567,O99,50,seed001,x,", "code",
     "code is not in framework bma-2567"),
    ("สำนักงานเขตสัมพันธ์วงศ์ใหม่,2567,bma-2567,O3,50,seed001,x,", "unit", "unknown unit"),
    ("สำนักงานเขตสัมพันธวงศ์,2567,bma-2567,O5,100,seed001,x,", "score",
     "duplicates row"),
    ("บางรัก,2564,nacc-2563,IIT_W,31,seed000,x,", "score", "score must be between 0 and 30"),
    ("บางรัก,2567,nacc-2563,ITA,50,seed000,x,", "fiscal_year", "year 2567 is outside framework nacc-2563"),
    ("บางรัก,2564,nacc-2563,ITA,๖๒.๑๙x,seed000,x,", "score", "not a number"),
])
def test_bad_rows_stop_the_build_naming_file_line_and_problem(data_dir, tmp_path, row, column,
                                                              english):
    db = tmp_path / "ita.duckdb"
    build_database(db, data_dir)
    before = digest(db)
    line = append_score_row(data_dir, row)
    with pytest.raises(DataError) as caught:
        build_database(db, data_dir)
    problems = caught.value.problems
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.file, problem.row, problem.column) == ("data/real/scores.csv", line, column)
    assert problem.value == row.split(",")[{"score": 4, "code": 3, "unit": 0,
                                            "fiscal_year": 1}[column]]
    assert english in problem.en
    assert problem.th  # Thai message too
    assert f"data/real/scores.csv, row {line}, column {column}, value " in str(caught.value)
    assert digest(db) == before  # the previous database is untouched
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("ita.duckdb")) == [
        "ita.duckdb"]


def test_unknown_unit_suggests_close_names(data_dir, tmp_path):
    append_score_row(data_dir, "เขตสัมพันธวง,2567,bma-2567,O3,50,seed001,x,")
    with pytest.raises(DataError) as caught:
        build_database(tmp_path / "x.duckdb", data_dir)
    assert "สัมพันธวงศ์" in caught.value.problems[0].en
    assert not (tmp_path / "x.duckdb").exists()


def test_thai_digits_are_read(data_dir, tmp_path):
    append_score_row(data_dir, "สำนักงานเขตดุสิต,๒๕๖๕,nacc-2563,IIT_W,๒๖.๔๓,seed003,test,")
    con = duckdb.connect(str(build_database(tmp_path / "t.duckdb", data_dir)), read_only=True)
    value = con.execute("SELECT score FROM scores WHERE unit_id = 'bkk-dusit' "
                        "AND code = 'IIT_W'").fetchone()
    assert value == (26.43,)


def test_ensure_current_rebuilds_only_when_files_change(data_dir, tmp_path):
    places = Places(tmp_path / "ita.duckdb", data_dir, tmp_path / "store")
    first = ensure_current(places)
    assert ensure_current(places) == first  # nothing changed: same build, nothing written
    reader = duckdb.connect(str(first.path), read_only=True)
    append_score_row(data_dir, "สำนักงานเขตดุสิต,2565,nacc-2563,IIT_W,26.43,seed003,test,")
    second = ensure_current(places)
    assert second != first and current_build(places.db_path) == second
    con = duckdb.connect(str(places.db_path), read_only=True)
    assert con.execute("SELECT count(*) FROM scores WHERE dataset = 'real'").fetchone() == (182,)
    # a reader of the previous build is not disturbed by the new one
    assert reader.execute("SELECT count(*) FROM scores WHERE dataset = 'real'").fetchone() == (
        181,)


def test_framework_points_must_add_up(data_dir, tmp_path):
    nodes = data_dir / "frameworks" / "bma-2567" / "nodes.csv"
    text = nodes.read_text(encoding="utf-8")
    assert "practice guidelines,2.5," in text
    nodes.write_text(text.replace("practice guidelines,2.5,", "practice guidelines,3.5,"),
                     encoding="utf-8")
    with pytest.raises(DataError) as caught:
        build_database(tmp_path / "t.duckdb", data_dir)
    assert "item points of IIT add up to 31" in str(caught.value)


def test_default_data_builds(con):
    counts = dict(con.execute("SELECT dataset, count(*) FROM unit_years GROUP BY ALL").fetchall())
    assert counts == {"real": 14, "demo": 300}


def test_a_path_to_a_build_file_is_read_as_it_is_never_rebuilt(tmp_path):
    """ITA_DB_PATH may name one build file (e.g. pinned by a deployment): it is read,
    never replaced by a link or rebuilt beside itself."""
    places = Places(tmp_path / "ita.duckdb", DEFAULT_DATA_DIR, tmp_path / "store")
    build = ensure_current(places)
    pinned = Places(build.path, DEFAULT_DATA_DIR, tmp_path / "store")
    before = digest(build.path)
    assert ensure_current(pinned) == current_build(build.path) == build
    assert digest(build.path) == before and not build.path.is_symlink()
    assert sorted(p.name for p in build.path.parent.iterdir() if p.suffix == ".duckdb") == [
        build.path.name]
