"""The benchmark runs end to end on a tiny dataset and prints its summary line (no timing asserted)."""

from __future__ import annotations

import re

from ita_dash.bench import run_bench


def test_bench_prints_every_query_and_the_summary_line(capsys, monkeypatch):
    monkeypatch.setattr("ita_dash.bench._bench_import_if_available", lambda units: None)
    assert run_bench(units=60, years=2, repeats=1) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("bench dataset: 60 units x 2 fiscal years")
    assert any(line.startswith("rankings (municipalities)") for line in lines)
    assert re.fullmatch(r"bench: slowest query \d+\.\d ms, worst ratio to bare DuckDB \d+\.\d",
                        lines[-1])
