"""What a report is made from: the deck's context and query results, plus the report's own.

Every figure comes from :mod:`ita_dash.queries` (through the deck's
:func:`~ita_dash.deck.slides.gather` where the deck already needs it) and the
framework from the registry tables; nothing is recomputed here.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from ita_dash import queries
from ita_dash.deck.context import Context
from ita_dash.deck.slides import DeckData, gather
from ita_dash.framework.model import Registry
from ita_dash.i18n import t
from ita_dash.scope import Scope

Con = duckdb.DuckDBPyConnection


@dataclass(frozen=True)
class ReportData:
    deck: DeckData  # ranking, history, radar (group, previous year), items, zero, recoverable
    this_year: pd.Series  # the unit-year's row of ``unit_history``
    prev_row: pd.Series | None  # the previous scored year's row, when there is one
    framework: pd.Series  # the framework's row (registry)
    parts: pd.DataFrame  # total, tools, tool parts, indicators with points
    scale: pd.DataFrame  # the rating levels
    outlook: pd.DataFrame  # points recoverable and the projected total (one row or empty)
    measures: pd.DataFrame  # the unit's measures of the year, by indicator
    others: pd.DataFrame  # other units' measures (suggestions)
    recomputed: pd.DataFrame  # printed and recomputed value of every non-item node
    from_items: pd.DataFrame  # ITA points rebuilt from the items, per tool
    sources: pd.DataFrame  # source documents of the unit-year's figures
    references: pd.DataFrame  # figures printed beside the unit's own (Bangkok-wide means)
    conflicts: pd.DataFrame  # the reports' contradictions for this unit-year
    checks: pd.DataFrame  # printed figures that differ from their recomputation
    provenance: pd.DataFrame  # where the total and the level come from

    @property
    def has_indicators(self) -> bool:
        return bool(self.deck.radar_group["value"].notna().any())

    @property
    def has_items(self) -> bool:
        return not self.deck.items.empty

    @property
    def is_short(self) -> bool:
        """Totals only: no indicator and no item score for this unit-year."""
        return not self.has_indicators and not self.has_items

    def tr(self, row: pd.Series, base: str, lang: str) -> str:
        """A label column in ``lang`` (Thai when the English one is empty)."""
        value = row.get(f"{base}_{'th' if lang == 'th' else 'en'}")
        if value is None or pd.isna(value) or not str(value).strip():
            value = row.get(f"{base}_th")
        return "" if value is None or pd.isna(value) else str(value)


def report_data(con: Con, ctx: Context) -> ReportData:
    unit: dict[str, object] = {"dataset": ctx.dataset, "year": ctx.year, "unit_id": ctx.unit_id}
    deck = gather(con, ctx)
    history = deck.history
    this_year = history[history["fiscal_year"] == ctx.year].iloc[0]
    prev = history[history["fiscal_year"] == ctx.prev_year] if ctx.prev_year else history[:0]
    registry = Registry(con)
    frameworks = registry.frameworks
    framework = frameworks[frameworks["framework_id"] == ctx.framework_id].iloc[0]
    conflicts = queries.conflicts(con, dataset=ctx.dataset)
    checks = queries.consistency_checks(con, dataset=ctx.dataset, year=ctx.year)
    return ReportData(
        deck=deck, this_year=this_year, prev_row=None if prev.empty else prev.iloc[0],
        framework=framework,
        parts=queries.framework_parts(con, framework_id=ctx.framework_id),
        scale=queries.rating_scale(con, framework_id=ctx.framework_id),
        outlook=queries.recoverable_outlook(con, dataset=ctx.dataset, year=ctx.year,
                                           unit_id=ctx.unit_id),
        measures=queries.measures_by_indicator(con, dataset=ctx.dataset, unit_id=ctx.unit_id,
                                               year=ctx.year),
        others=queries.measures_of_others(con, dataset=ctx.dataset, unit_id=ctx.unit_id),
        recomputed=queries.recomputed_values(con, **unit),  # type: ignore[arg-type]
        from_items=queries.total_from_items(con, **unit),  # type: ignore[arg-type]
        sources=queries.year_sources(con, dataset=ctx.dataset, year=ctx.year,
                                     scope=Scope.of_units([ctx.unit_id])),
        references=queries.reference_scores(con, **unit),  # type: ignore[arg-type]
        conflicts=conflicts[(conflicts["fiscal_year"] == ctx.year)
                            & (conflicts["short_th"] == ctx.unit_short)],
        checks=checks[checks["unit_id"] == ctx.unit_id],
        provenance=queries.rating_provenance(con, dataset=ctx.dataset, year=ctx.year,
                                             unit_id=ctx.unit_id),
    )


def rt(ctx: Context, key: str, **values: object) -> str:
    """A report string (``report.<key>``) in the report's language."""
    return t(f"report.{key}", ctx.lang, **values)
