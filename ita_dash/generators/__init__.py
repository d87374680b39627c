"""Generated (synthetic) datasets, by the name in ``data/datasets.csv``'s ``generator`` column.

A generator takes the build's connection (base tables loaded: units, frameworks,
framework_nodes, demo_years…) and returns frames to insert, keyed by table name
(``units``, ``unit_aliases``, ``unit_groups``, ``group_members``, ``scores``).
Units and groups it adds are marked ``origin`` / ``source_id`` = ``generated:<dataset>``
by the build, so a dataset can be rebuilt alone.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import pandas as pd

from ita_dash import demo

Generator = Callable[..., dict[str, pd.DataFrame]]

GENERATORS: dict[str, Generator] = {"demo": demo.generate}


def generate(con: duckdb.DuckDBPyConnection, name: str, *, dataset: str) -> dict[str, pd.DataFrame]:
    return GENERATORS[name](con, dataset=dataset)
