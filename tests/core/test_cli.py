"""The command line: build and export."""

from __future__ import annotations

import pandas as pd

from ita_dash.cli import main


def test_build_and_export(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ITA_DB_PATH", str(tmp_path / "cli.duckdb"))
    assert main(["build", "--dataset", "real"]) == 0
    out = tmp_path / "real.csv"
    assert main(["export", "--dataset", "real", "--out", str(out)]) == 0
    frame = pd.read_csv(out)
    assert list(frame.columns) == ["unit_name_th", "fiscal_year", "framework", "code", "score",
                                   "source"]
    top = frame[(frame["code"] == "ITA") & (frame["fiscal_year"] == 2564)]
    assert top.sort_values("score").iloc[-1][["unit_name_th", "score"]].tolist() == [
        "สำนักงานเขตบางซื่อ", 72.45]
    assert "wrote 181 scores" in capsys.readouterr().out
