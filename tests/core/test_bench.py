"""The benchmark runs end to end on a tiny dataset: every query equals its reference."""

from __future__ import annotations

import re

import pytest

from ita_dash.bench import run_bench
from ita_dash.bench_reference import REFERENCES

pytestmark = pytest.mark.e2e  # a benchmark database built and every query timed


def test_bench_checks_every_query_against_its_reference(capsys):
    assert run_bench(units=60, years=3, repeats=1, with_import=False) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("bench dataset: 60 units x 3 fiscal years")
    rows = {line.split("  ")[0]: line for line in lines[2:-1]}
    assert re.search(r"\d+\.\d \(\d+\.\d-\d+\.\d\) .* equal", rows["rankings (municipalities)"])
    assert rows["find_unit"].endswith("no reference")
    checked = [line for line in lines if " equal" in line and not line.startswith("bench:")]
    assert len(checked) >= len(REFERENCES)
    assert re.fullmatch(rf"bench: slowest query \d+\.\d ms \(.+\); {len(checked)}/{len(checked)} "
                        r"equal to their reference; slower than the reference beyond noise: .+",
                        lines[-1])
