"""``python -m ita_dash report``: one unit, bad requests, a report per unit of a scope with
progress, and a clear message (no traceback) when LibreOffice is missing (on a private
published build, :func:`tests.conftest.places`)."""

from __future__ import annotations

from docx import Document

from ita_dash.cli import main
from ita_dash.report import pdf


def test_report_by_thai_alias(places, tmp_path, capsys):
    out = tmp_path / "r" / "s.docx"
    assert main(["report", "--dataset", "real", "--unit", "เขตสัมพันธวงศ์", "--year", "2567",
                 "--out", str(out)]) == 0
    doc = Document(str(out))
    assert any(p.text == "สำนักงานเขตสัมพันธวงศ์" for p in doc.paragraphs)  # title page
    assert "wrote" in capsys.readouterr().out
    assert not list(out.parent.glob(".*.tmp"))  # written whole


def test_bad_requests_exit_2(places, tmp_path, capsys):
    out = tmp_path / "x.docx"
    assert main(["report", "--dataset", "real", "--unit", "เขตไม่มีจริง", "--year", "2567",
                 "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "ไม่พบหน่วยงาน 'เขตไม่มีจริง'" in err and "unknown unit 'เขตไม่มีจริง'" in err
    assert main(["report", "--dataset", "real", "--unit", "สัมพันธวงศ์", "--year", "2599",
                 "--out", str(out)]) == 2
    assert "ไม่มีข้อมูลปี 2599" in capsys.readouterr().err
    assert main(["report", "--dataset", "real", "--year", "2567"]) == 2
    assert "--out-dir" in capsys.readouterr().err
    assert not out.exists()


def test_no_libreoffice_is_said_in_thai_and_english(places, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(pdf, "soffice", lambda: None)
    out, out_pdf = tmp_path / "s.docx", tmp_path / "s.pdf"
    assert main(["report", "--dataset", "real", "--unit", "bkk-bangrak", "--year", "2564",
                 "--out", str(out), "--pdf", str(out_pdf)]) == 5
    captured = capsys.readouterr()
    assert "ไม่พบ LibreOffice" in captured.err and "LibreOffice (soffice) is not installed" \
        in captured.err
    assert "Traceback" not in captured.err
    assert out.exists() and not out_pdf.exists()  # the Word file is kept


def test_one_report_per_unit_of_a_scope_with_progress(places, tmp_path, capsys):
    out_dir = tmp_path / "reports"
    assert main(["report", "--dataset", "real", "--scope",
                 "units:bkk-samphanthawong,bkk-bangrak,bkk-khlongsamwa", "--year", "2564",
                 "--out-dir", str(out_dir)]) == 0
    printed = capsys.readouterr().out
    assert "/2] ita-report-bkk-bangrak-2564-real.docx (ฉบับย่อ" in printed
    assert "/2] ita-report-bkk-khlongsamwa-2564-real.docx\n" in printed
    assert "[1/2]" in printed and "[2/2]" in printed
    assert "skipped" in printed and "bkk-samphanthawong" in printed
    assert sorted(p.name for p in out_dir.glob("*.docx")) == [
        "ita-report-bkk-bangrak-2564-real.docx", "ita-report-bkk-khlongsamwa-2564-real.docx"]
    assert main(["report", "--dataset", "demo", "--scope", "group:", "--year", "2567",
                 "--out-dir", str(out_dir)]) == 2
    assert "bad scope" in capsys.readouterr().err
