"""The what-if as a slide: the unit-year with some items at full marks, recomputed by
:func:`ita_dash.whatif.scenario` — the new total and level, and each node that moves."""

from __future__ import annotations

import duckdb
import pandas as pd

from ita_dash.deck import model as m
from ita_dash.deck.context import Context, Read, reader
from ita_dash.deck.text import shorten
from ita_dash.whatif import scenario

MAX_ROWS = 8


def _level(row: pd.Series, ctx: Context) -> str:
    name = row.get(ctx.col("level")) or row.get("level_th")
    return str(name) if isinstance(name, str) and name else ctx.t("whatif_level_unknown")


def whatif_slide(con: duckdb.DuckDBPyConnection, ctx: Context,
                 full_marks: tuple[str, ...], read: Read | None = None) -> m.Slide | None:
    """None when nothing is ticked or the unit-year has no scores."""
    if not full_marks:
        return None
    result = reader(con, read)(scenario, dataset=ctx.dataset, unit_id=ctx.unit_id,
                               year=ctx.year, full_marks=tuple(full_marks))
    if result is None or result.nodes.empty:
        return None
    before, after = result.before, result.after
    nodes = result.nodes[result.nodes["kind"] != "item"].head(MAX_ROWS)
    rows = tuple((str(r.code), shorten(str(getattr(r, ctx.col("label")) or r.label_th), 40),
                  f"{r.before:.2f}", f"{r.after:.2f}", f"{r.change:+.2f}")
                 for r in nodes.itertuples())
    table = m.Table(columns=(ctx.t("col_item"), ctx.t("col_name"), ctx.t("whatif_before"),
                             ctx.t("whatif_after"), ctx.t("whatif_change")),
                    rows=rows, widths=(0.1, 0.5, 0.13, 0.13, 0.14),
                    numeric=(False, False, True, True, True))
    line = ctx.t("whatif_line", before=f"{before['score']:.2f}", after=f"{after['score']:.2f}",
                 was=_level(before, ctx), now=_level(after, ctx))
    return m.Slide(key="whatif", title=ctx.t("whatif_title"),
                   subtitle=ctx.t("whatif_sub", codes=", ".join(full_marks)), lines=(line,),
                   table=table, source=ctx.source)
