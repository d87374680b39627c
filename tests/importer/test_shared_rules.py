"""One validator: the same bad figure in ``data/`` and in an import gives the same problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from ita_dash.config import DEFAULT_DATA_DIR
from ita_dash.editing.pipeline import ImportOptions, prepare_import
from ita_dash.loader import load_source_data
from ita_dash.problems import DataError, Problem

HEADER = "unit,fiscal_year,framework_id,code,score\n"


def from_data(tmp_path: Path, row: str) -> tuple[Problem, int]:
    """The one problem of ``row`` appended to data/real/scores.csv, and its line."""
    root = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, root, ignore=shutil.ignore_patterns("*.duckdb*"))
    scores = root / "real" / "scores.csv"
    text = scores.read_text(encoding="utf-8")
    scores.write_text(text + row + ",seed000,x,\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_source_data(root)
    assert len(caught.value.problems) == 1, caught.value
    return caught.value.problems[0], text.count("\n") + 1


def from_import(con: duckdb.DuckDBPyConnection, row: str) -> Problem:
    """The one error of a file holding ``row`` under the same header, imported."""
    plan = prepare_import(con, (HEADER + row + "\n").encode(), "upload.csv", ImportOptions())
    errors = [p for p in plan.report.problems() if p.severity == "error"]
    assert len(errors) == 1, plan.report.lines()
    return errors[0]


@pytest.mark.parametrize(("row", "column", "value", "english"), [
    ("บางรัก,2564,nacc-2563,IIT_W,31", "score", "31", "the score must be between 0 and 30"),
    ("บางรัก,2564,nacc-2563,ITA,๑๐๑", "score", "101", "the score must be between 0 and 100"),
    ("บางรัก,2564,nacc-2563,ITA,62.19x", "score", "62.19x", "the score is not a number"),
    ("บางรัก,2567,nacc-2563,ITA,50", "fiscal_year", "2567",
     "year 2567 is outside framework nacc-2563 (2563-2565)"),
    ("บางรัก,2021,nacc-2563,ITA,50", "fiscal_year", "2021",
     "this looks like a C.E. year: use the Buddhist Era (C.E. + 543)"),
    ("บางรัก,2564,nacc-2563,o 99,50", "code", "o 99", "code is not in framework nacc-2563"),
    ("บางรัก,2564,nacc-9999,ITA,50", "framework_id", "nacc-9999",
     "unknown framework (known: nacc-2558, nacc-2561, nacc-2562, nacc-2563, nacc-2566, bma-2567, "
       "nacc-2567, nacc-2568, nacc-2569)"),
])
def test_same_rule_same_problem(tmp_path: Path, wcon: duckdb.DuckDBPyConnection, row: str,
                                column: str, value: str, english: str) -> None:
    in_data, line = from_data(tmp_path, row)
    in_import = from_import(wcon, row)
    assert (in_data.file, in_data.row) == ("data/real/scores.csv", line)
    assert (in_import.file, in_import.row) == ("upload.csv", 2)
    for problem in (in_data, in_import):
        assert (problem.severity, problem.column, problem.value, problem.en) == (
            "error", column, value, english)
    assert in_data.th == in_import.th
    assert str(in_data) == (f"[error] data/real/scores.csv, row {line}, column {column}, "
                            f"value {value!r}: {english} / {in_data.th}")


def test_codes_and_thai_digits_compare_alike(tmp_path: Path,
                                             wcon: duckdb.DuckDBPyConnection) -> None:
    """' iit_w ' with Thai digits is IIT_W 26.43 both in data/ and in an import."""
    root = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, root, ignore=shutil.ignore_patterns("*.duckdb*"))
    scores = root / "real" / "scores.csv"
    row = "สำนักงานเขตดุสิต,๒๕๖๕,nacc-2563, iit_w ,๒๖.๔๓"
    scores.write_text(scores.read_text(encoding="utf-8") + row + ",seed003,test,\n",
                      encoding="utf-8")
    stored = load_source_data(root).tables["scores"]
    got = stored[(stored["unit_id"] == "bkk-dusit") & (stored["fiscal_year"] == 2565)
                 & (stored["code"].str.upper() == "IIT_W")]
    assert got[["code", "score"]].values.tolist() == [["IIT_W", 26.43]]
    plan = prepare_import(wcon, (HEADER + row + "\n").encode(), "upload.csv", ImportOptions())
    assert plan.ok, plan.report.lines()
    assert plan.rows[["unit_id", "fiscal_year", "code", "score"]].values.tolist() == [
        ["bkk-dusit", 2565, "IIT_W", 26.43]]
