"""Hostile input, one test per category: bounded parsing, nothing wrong accepted,
escaping, formula-safe exports (access: tests/importer/test_auth.py)."""

from __future__ import annotations

import io
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest

from ita_dash import escape, safe_files, tables
from ita_dash.editing.pipeline import ImportOptions, prepare_import, run_import
from ita_dash.importer import limits
from ita_dash.importer.limits import Limit
from tests.importer.conftest import EDITOR, assert_same, snapshot
from tests.importer.hostile_cases import (
    BOUNDED,
    HIDDEN_NUMBER,
    LONG,
    WRONG,
    hidden_first_sheet,
    past_the_sniff,
    percent_workbook,
)
from tests.importer.xlsx_cases import HEADER, UNIT, workbook

PAYLOADS = ('=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1")
HOSTILE_NAME = '**bold** [link](http://x) <b>b</b> =HYPERLINK("http://x")'


def refused(cli: Callable[..., tuple[int, str]], db: Path, path: Path, expected: str,
            *extra: str) -> str:
    """Import ``path``: refused with ``expected`` (English and Thai), nothing changed."""
    before = snapshot(db)
    code, out = cli("import", str(path), "--dataset", "real", *extra)
    assert code == 1, out
    assert expected in out, out
    error = next(line for line in out.splitlines() if expected in line)
    assert " / " in error and any("\u0e00" <= ch <= "\u0e7f" for ch in error.split(" / ")[-1])
    assert "Traceback" not in out and "nothing was written" in out
    assert_same(before, snapshot(db))
    return out


@pytest.mark.e2e  # every exhausting file read to its bound, each in a child process
def test_bounded_parsing_refuses_each_exhausting_file_by_its_limit(
        cli, db_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, (make, expected) in BOUNDED.items():
        path = tmp_path / name
        path.write_bytes(make())
        refused(cli, db_env, path, expected)
    # the bounds on rows, cells and time, lowered so that small files pass them
    rows = tmp_path / "rows.csv"
    rows.write_text(LONG + f"{UNIT},2567,ITA,80\n" * 200, encoding="utf-8")
    monkeypatch.setattr(limits, "ROWS", Limit(100, limits.ROWS.th, limits.ROWS.en))
    refused(cli, db_env, rows, "the file has more than 100 rows")
    monkeypatch.undo()
    cells = tmp_path / "cells.xlsx"
    cells.write_bytes(workbook([HEADER] + [[UNIT, 2567, "ITA", 80]] * 300))
    monkeypatch.setattr(limits, "CELLS", Limit(1000, limits.CELLS.th, limits.CELLS.en))
    refused(cli, db_env, cells, "the file has more than 1,000 cells")
    monkeypatch.undo()
    slow = tmp_path / "slow.csv"
    slow.write_text(LONG + f"{UNIT},2567,ITA,80\n" * 20_000, encoding="utf-8")
    monkeypatch.setenv("ITA_IMPORT_READ_SECONDS", "0")
    refused(cli, db_env, slow, "reading the file takes more than 0 seconds")


def test_nothing_wrong_is_accepted(cli, db_env: Path, tmp_path: Path) -> None:
    for name, (make, expected) in WRONG.items():
        path = tmp_path / name
        path.write_bytes(make())
        refused(cli, db_env, path, expected, "--add-units")
    con = duckdb.connect(str(db_env))
    try:
        def plan(data: bytes, name: str, **options: object):
            done = prepare_import(con, data, name, ImportOptions(**options))
            assert done.ok, "\n".join(done.report.lines())
            return done

        # a cell shown as 87.67 % is 87.67, whatever the number of decimals shown
        assert plan(percent_workbook(), "p.xlsx").rows["score"].tolist() == [87.67]
        assert plan(percent_workbook("0%"), "p.xlsx").rows["score"].tolist() == [87.67]
        # the visible sheet, a note naming the hidden one; a named sheet is read on request
        shown = plan(hidden_first_sheet(), "h.xlsx")
        assert shown.rows["score"].tolist() == [80.0]
        assert any("hidden sheets were not read" in line and "เก่า" in line
                   for line in shown.report.lines())
        assert plan(hidden_first_sheet(), "h.xlsx", sheet="เก่า").rows["score"].tolist() == [10.0]
        # a zero-width space does not make a look-alike unit: the known unit, with a warning
        sneaky = (LONG + "สำนักงานเขต\u200bบาง\u200dรัก\u0007,2567,ITA,80\n").encode()
        found = plan(sneaky, "z.csv", add_units=True)
        assert found.new_units.empty
        assert found.rows["unit_id"].tolist() == ["bkk-bangrak"]
        assert any("invisible (zero-width or control) characters were removed" in line
                   for line in found.report.lines())
        # a new unit is added under its cleaned name
        added = plan((LONG + "เทศบาล\u200bตำบลทดสอบ\u2066,2567,ITA,80\n").encode(), "n.csv",
                     add_units=True)
        assert added.new_units["name_th"].tolist() == ["เทศบาลตำบลทดสอบ"]
    finally:
        con.close()


def test_an_invisible_character_inside_a_number_refuses_that_row_anywhere(db_env: Path) -> None:
    """Past the 64 KB sniff too: the row of the number is named, with a message about the
    number (not about names); the 1,100 good rows before it hold no error."""
    con = duckdb.connect(str(db_env), read_only=True)
    try:
        for bad in ("7\x000", "7\u200b5", "7\ufeff5", "7\u00ad5", "7\u2060"):
            data = past_the_sniff(f"{UNIT},2565,ITA,{bad}\n")
            plan = prepare_import(con, data, "n.csv", ImportOptions())
            assert not plan.ok
            assert plan.report.count("error") == 1, plan.report.lines()
            line = [s for s in plan.report.lines() if HIDDEN_NUMBER in s]
            assert len(line) == 1 and "row 1102" in line[0] and "คะแนน" in line[0], line
            assert "ตัวเลขมีอักขระที่มองไม่เห็น" in line[0]
            assert not any("check the name" in s for s in plan.report.lines())
    finally:
        con.close()


def test_an_array_formula_is_shown_once_with_its_equals_sign(db_env: Path) -> None:
    from tests.importer.hostile_cases import array_formula_unit

    con = duckdb.connect(str(db_env), read_only=True)
    try:
        plan = prepare_import(con, array_formula_unit(), "k03.xlsx", ImportOptions())
    finally:
        con.close()
    line = next(s for s in plan.report.lines() if "the cell holds a formula" in s)
    assert "value '=UPPER(\"x\")'" in line and "==" not in line, line


def test_escaping_of_text_from_data_and_the_url(db_env: Path) -> None:
    from tests.ui.conftest import run_page

    for payload, shown in (("[เข้าสู่ระบบ](https://evil.example/login)",
                            "\\[เข้าสู่ระบบ\\]\\(https\\:\u200b\\/\\/evil\\.example\\/login\\)"),
                           ("![t](http://127.0.0.1:9/track.png)",
                            "\\!\\[t\\]\\(http\\:\u200b\\/\\/127\\.0\\.0\\.1\\:9\\/track\\.png\\)"),
                           ("<b>b</b> **x** $x$ :red[x] www.evil.example a@b.co",
                            r"\<b\>b\<\/b\> \*\*x\*\* \$x\$ \:red\[x\] "
                            "www\u200b\\.evil\\.example a\\@\u200bb\\.co")):
        assert escape.md(payload) == shown
    assert escape.md("a\nb\r\nc") == "a b c"
    assert escape.plotly("<b>x</b> & <a href='y'>") == "&lt;b&gt;x&lt;/b&gt; &amp; &lt;a href='y'&gt;"
    assert escape.html("<img src=x onerror=alert(1)>") == \
        "&lt;img src=x onerror=alert(1)&gt;"
    for lang in ("th", "en"):
        for page, params in (("overview", {"year": "[x](https://evil.example/login)"}),
                             ("unit_profile", {"unit": "![t](http://127.0.0.1:9/track.png)"}),
                             ("overview", {"scope": "group:[a](http://x)", "dataset": "**d**"})):
            at = run_page(page, lang=lang, **params)
            assert not at.exception
            sources = [str(e.value) for kind in ("markdown", "caption", "info", "warning",
                                                 "error", "title", "subheader")
                       for e in getattr(at, kind)]
            for value in params.values():
                assert not any(value in s for s in sources), (value, sources)
                assert any(escape.md(value) in s for s in sources), (value, sources)


def test_hostile_unit_name_is_shown_as_text(db_copy: Path, monkeypatch) -> None:
    from streamlit.testing.v1 import AppTest

    from tests.ui.conftest import APP, PAGES

    con = duckdb.connect(str(db_copy))
    data = pd.DataFrame({"หน่วยงาน": [HOSTILE_NAME] * 2, "ปีงบประมาณ": [2565, 2567],
                         "รหัส": "ITA", "คะแนน": [70, 80]}).to_csv(index=False).encode()
    plan = prepare_import(con, data, "h.csv", ImportOptions(add_units=True))
    assert plan.ok, plan.report.lines()
    run_import(con, plan, actor=EDITOR)
    unit_id = plan.new_units["unit_id"].iloc[0]
    con.close()
    monkeypatch.setenv("ITA_DB_PATH", str(db_copy))
    for lang in ("th", "en"):
        at = AppTest.from_file(str(APP), default_timeout=60)
        at.query_params.update(unit=unit_id, year="2567", lang=lang, dataset="real")
        at.switch_page(PAGES["unit_profile"])
        at.run()
        assert not at.exception, [e.stack_trace for e in at.exception]
        heading = [str(e.value) for e in at.subheader]
        assert any(escape.md(HOSTILE_NAME) in h for h in heading), heading
        assert not any(HOSTILE_NAME in h for h in heading)
        charts = [e.proto.spec for e in at.get("plotly_chart")]
        assert charts and not any("<b>b</b>" in c for c in charts)


def test_formula_safe_exports(db_copy: Path, tmp_path: Path, monkeypatch) -> None:
    frame = pd.DataFrame({"unit": list(PAYLOADS) + ["สำนักงานเขตบางรัก", "-5"],
                          "score": [1.5, -2.0, 3.0, 4.0, 5.0, 6.0, -7.25, 8.0]})
    frame[PAYLOADS[0]] = "x"  # a header from the data too

    def csv_cells(data: bytes) -> list[str]:
        text = data.decode("utf-8-sig")
        return [c for row in pd.read_csv(io.StringIO(text), dtype=str, header=None,
                                         keep_default_na=False).to_numpy() for c in row]

    def assert_inert(cells: list[str]) -> None:
        risky = [c for c in cells if isinstance(c, str) and c.startswith(safe_files.RISKY_START)
                 and c not in ("-5", "-2.0", "-7.25")]
        assert not risky, risky

    def xlsx_cells(data: bytes) -> list[object]:
        book = openpyxl.load_workbook(io.BytesIO(data))
        cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
        assert not [c.coordinate for c in cells if c.data_type == "f"]
        return [c.value for c in cells]

    # table downloads
    cells = csv_cells(tables.to_csv_bytes(frame))
    assert_inert(cells)
    assert "'" + PAYLOADS[0] in cells and "-5" in cells and "-7.25" in cells
    values = xlsx_cells(tables.to_xlsx_bytes(frame, "t"))
    assert_inert(values)
    assert -7.25 in values and 1.5 in values  # numbers stay numbers
    # the deck's workbook and the PPTX's embedded chart workbook
    from ita_dash.deck import model as m
    from ita_dash.deck.excel import workbook_bytes
    from ita_dash.deck.pptx_deck import _chart_data

    assert_inert(xlsx_cells(workbook_bytes({"s": frame})))
    chart = m.Chart("bar", tuple(PAYLOADS), (m.Series(PAYLOADS[0], (1.0,) * len(PAYLOADS)),))
    embedded = _chart_data(chart).xlsx_blob
    assert_inert(xlsx_cells(embedded))
    with zipfile.ZipFile(io.BytesIO(embedded)) as z:
        assert not any(b"<f>" in z.read(n) for n in z.namelist() if n.endswith(".xml"))
    # the command line export, the import report and the templates
    con = duckdb.connect(str(db_copy))
    data = pd.DataFrame({"หน่วยงาน": PAYLOADS, "ปีงบประมาณ": 2567, "รหัส": "ITA", "คะแนน": 80})
    plan = prepare_import(con, data.to_csv(index=False, lineterminator="\r\n").encode(), "p.csv",
                          ImportOptions(add_units=True))
    assert plan.ok, plan.report.lines()
    run_import(con, plan, actor=EDITOR)
    assert_inert(csv_cells(plan.report.to_csv_bytes()))
    assert_inert(xlsx_cells(plan.report.to_xlsx_bytes()))
    from ita_dash.importer.templates import template_bytes

    for layout in ("long", "wide"):
        assert_inert(csv_cells(template_bytes(con, layout=layout, fmt="csv")))
        assert_inert(xlsx_cells(template_bytes(con, layout=layout, fmt="xlsx")))
    con.close()
    from ita_dash.cli import main

    monkeypatch.setenv("ITA_DB_PATH", str(db_copy))
    out = tmp_path / "export.csv"
    assert main(["export", "--dataset", "real", "--out", str(out)]) == 0
    exported = csv_cells(out.read_bytes())
    assert_inert(exported)
    assert "'" + PAYLOADS[0] in exported


def test_secrets_are_ignored_by_git() -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(["git", "check-ignore", "-q", ".streamlit/secrets.toml"], cwd=root,
                          check=False)
    assert done.returncode == 0
