"""The import benchmark runs (at a small scale here; national scale by hand)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ita_dash.bench_import import bench_import

pytestmark = pytest.mark.e2e  # national-style files generated and imported


def test_bench_import_small(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    results = bench_import(units=40, formats=("csv", "csv-long", "xlsx"), workdir=tmp_path)
    assert set(results) == {"csv", "csv-long", "xlsx"}
    out = capsys.readouterr().out.splitlines()
    assert [line.split(" in ")[0] for line in out] == [
        "import csv: 40 units, 2400 scores", "import csv-long: 40 units, 2400 scores",
        "import xlsx: 40 units, 2400 scores"]


def test_bench_import_command(cli) -> None:
    code, out = cli("bench-import", "--units", "20", "--formats", "csv")
    assert code == 0
    assert out.startswith("import csv: 20 units, 1200 scores in ")
