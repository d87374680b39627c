"""``python -m ita_dash deck``: one unit by Thai alias, errors, a deck per unit of a scope
(on a private published build, :func:`tests.conftest.places`)."""

from __future__ import annotations

import openpyxl
from pptx import Presentation

from ita_dash.cli import main


def test_deck_by_thai_alias(places, tmp_path, capsys):
    out, xlsx = tmp_path / "deck" / "s.pptx", tmp_path / "s.xlsx"
    assert main(["deck", "--dataset", "real", "--unit", "เขตสัมพันธวงศ์", "--year", "2567",
                 "--out", str(out), "--xlsx", str(xlsx)]) == 0
    prs = Presentation(str(out))
    assert len(prs.slides) == 6  # 8 less the two with nothing to show (issue 19)
    assert prs.slides[0].shapes[0].text_frame.text == "สำนักงานเขตสัมพันธวงศ์"
    assert "ตัวชี้วัด" in openpyxl.load_workbook(xlsx).sheetnames
    assert "wrote" in capsys.readouterr().out


def test_unknown_unit_and_year_exit_non_zero(places, tmp_path, capsys):
    out = tmp_path / "x.pptx"
    assert main(["deck", "--dataset", "real", "--unit", "เขตไม่มีจริง", "--year", "2567",
                 "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "ไม่พบหน่วยงาน 'เขตไม่มีจริง'" in err and "unknown unit 'เขตไม่มีจริง'" in err
    assert main(["deck", "--dataset", "real", "--unit", "สัมพันธวงศ์", "--year", "2599",
                 "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "ไม่มีข้อมูลปี 2599" in err and "years with data: 2567" in err
    assert not out.exists()


def test_one_deck_per_unit_of_a_scope(places, tmp_path, capsys):
    out_dir = tmp_path / "decks"
    assert main(["deck", "--dataset", "demo", "--scope", "group:bkk-centralbangkok", "--year",
                 "2567", "--out-dir", str(out_dir)]) == 0
    decks = sorted(p.name for p in out_dir.glob("*.pptx"))
    assert len(decks) == 9 and "ita-bkk-samphanthawong-2567-demo.pptx" in decks
    assert main(["deck", "--dataset", "demo", "--scope", "group:", "--year", "2567",
                 "--out-dir", str(out_dir)]) == 2
    assert "bad scope" in capsys.readouterr().err


def test_needs_unit_or_out_dir(capsys):
    assert main(["deck", "--dataset", "real", "--year", "2567"]) == 2
    assert "--out-dir" in capsys.readouterr().err
