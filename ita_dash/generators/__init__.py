"""Dataset generators by name: ``data/datasets.csv``'s ``generator`` column names one.

A generator is ``generate(con, *, dataset) -> {table: frame}``: ``con`` holds the loaded
base tables (frameworks, framework_nodes, datasets, demo_years, units…) and the frames
are inserted into the tables they name (``units``, ``unit_aliases``, ``unit_groups``,
``group_members``, ``scores``), before the derived tables are computed.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import pandas as pd

from ita_dash.generators import demo, national

Generator = Callable[..., dict[str, pd.DataFrame]]

GENERATORS: dict[str, Generator] = {
    "demo": demo.generate,
    "national-demo": national.generate,
}

# the tables a generator may fill, in insertion order
GENERATED_TABLES = ("units", "unit_aliases", "unit_groups", "group_members", "scores")


def generate(con: duckdb.DuckDBPyConnection, *, generator: str,
             dataset: str) -> dict[str, pd.DataFrame]:
    """Run the generator named ``generator`` for ``dataset`` (KeyError when unknown)."""
    frames = GENERATORS[generator](con, dataset=dataset)
    unknown = set(frames) - set(GENERATED_TABLES)
    if unknown:
        raise ValueError(f"generator {generator!r} returned unknown tables {sorted(unknown)}")
    return frames
