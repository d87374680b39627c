"""``data/`` read once per process while unchanged: the same tables as a fresh read, a
changed file read again, and a caller's change to its copy never seen by the next."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from ita_dash import loader
from ita_dash.config import DEFAULT_DATA_DIR


def test_an_unchanged_folder_gives_what_a_fresh_read_gives(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, root, ignore=shutil.ignore_patterns("ita.*"))
    fresh = loader._read_source_data(root, [])
    first, second = loader.load_source_data(root), loader.load_source_data(root)
    assert first.fingerprint == second.fingerprint == fresh.fingerprint
    assert first.tables.keys() == fresh.tables.keys()
    for name, frame in fresh.tables.items():
        pd.testing.assert_frame_equal(first.tables[name], frame)
        pd.testing.assert_frame_equal(second.tables[name], frame)
    # a caller that changes its tables does not change the next caller's
    second.tables["scores"].loc[:, "score"] = -1.0
    third = loader.load_source_data(root)
    pd.testing.assert_frame_equal(third.tables["scores"], fresh.tables["scores"])


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, root, ignore=shutil.ignore_patterns("ita.*"))
    before = loader.load_source_data(root)
    units = root / "units" / "bangkok_districts.csv"
    text = units.read_text(encoding="utf-8")
    assert ",Samphanthawong," in text
    units.write_text(text.replace(",Samphanthawong,", ",Samphanthawong Office,"),
                     encoding="utf-8")
    after = loader.load_source_data(root)
    assert after.fingerprint != before.fingerprint
    names = set(after.tables["units"]["short_en"])
    assert "Samphanthawong Office" in names and "Samphanthawong" not in names
    assert "Samphanthawong" in set(before.tables["units"]["short_en"])
