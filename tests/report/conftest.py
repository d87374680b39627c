"""Reports built once per session from the real dataset (and the PDF once, when LibreOffice
is installed)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from docx import Document

from ita_dash.config import DEFAULT_DATA_DIR
from ita_dash.report.content import build_report
from ita_dash.report.docx_writer import write_docx
from ita_dash.report.model import Report
from ita_dash.report.pdf import soffice, write_pdf

SAM, SAM_TH = "bkk-samphanthawong", "สำนักงานเขตสัมพันธวงศ์"
TODAY = dt.date(2025, 3, 5)


@pytest.fixture(scope="session")
def sam_report(ro_con) -> Report:
    return build_report(ro_con, dataset="real", unit_id=SAM, year=2567, today=TODAY)


@pytest.fixture(scope="session")
def sam_docx(sam_report: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_docx(sam_report, tmp_path_factory.mktemp("report") / "sam.docx")


@pytest.fixture(scope="session")
def sam_pdf(sam_report: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: no PDF to check "
                    "(.ci/run installs libreoffice-writer)")
    out = tmp_path_factory.mktemp("report-pdf")
    return write_pdf(sam_report, out / "sam.docx", out / "sam.pdf")


def docx_text(path: Path) -> tuple[str, list[list[list[str]]]]:
    """Every paragraph's text (body, then table cells) and every table as rows of cell text."""
    doc = Document(str(path))
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    cells = "\n".join(c for t in tables for row in t for c in row)
    return "\n".join(p.text for p in doc.paragraphs) + "\n" + cells, tables


def printed_scores(unit: str, year: int) -> dict[str, str]:
    """The unit-year's scores as printed in ``data/real/scores.csv`` (code -> '99.84')."""
    with open(DEFAULT_DATA_DIR / "real" / "scores.csv", encoding="utf-8") as f:
        return {r["code"]: f"{float(r['score']):.2f}" for r in csv.DictReader(f)
                if r["unit"] == unit and int(r["fiscal_year"]) == year}


def printed_measures(unit: str, year: int) -> list[dict[str, str]]:
    with open(DEFAULT_DATA_DIR / "real" / "measures.csv", encoding="utf-8") as f:
        return [r for r in csv.DictReader(f)
                if r["unit"] == unit and int(r["fiscal_year"]) == year]
