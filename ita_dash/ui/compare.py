"""The compare page's sections: two to five units side by side.

The units live in the URL as the scope ``units:a,b,c`` (so a copied link reopens the
comparison, and the presentation and downloads follow it); they are chosen in a
searchable multi-select.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode, urlsplit

import pandas as pd
import streamlit as st

from ita_dash import charts, tables
from ita_dash.i18n import pick, t, year_label
from ita_dash.scope import Scope
from ita_dash.ui import data
from ita_dash.ui.nav import pages
from ita_dash.ui.render import chart, has_rows, message, opened, shown, table
from ita_dash.ui.state import SEARCH_LIMIT, Filters, remember, unit_short_names

MIN_UNITS, MAX_UNITS = 2, 5
OPTIONS_MAX = 300  # above this many units the pick list holds the chosen ones and a search's
_KEY = "compare_units"


def _default_units(filters: Filters) -> list[str]:
    """The chosen unit and its nearest neighbours in the ranking of the scope-year."""
    if filters.scope.kind == "units" and len(filters.scope.units) >= MIN_UNITS:
        return list(filters.scope.units[:MAX_UNITS])
    ranking = (data.rankings(dataset=filters.dataset, year=filters.year, scope=filters.scope)
               if filters.year else pd.DataFrame())
    ids = list(ranking["unit_id"]) if not ranking.empty else []
    if filters.unit in ids:
        pos = ids.index(filters.unit)
        start = max(0, min(pos - 1, len(ids) - 3))
        return ids[start:start + 3]
    return ids[:3]


def _push() -> None:
    chosen = list(st.session_state.get(_KEY) or [])[:MAX_UNITS]
    if chosen:
        st.query_params["scope"] = Scope.of_units(chosen).token()
        if st.query_params.get("unit") not in chosen:
            st.query_params["unit"] = chosen[0]


def _searched(filters: Filters, names: dict[str, str], chosen: list[str]) -> list[str]:
    """The chosen units and the matches of a search (at most ``SEARCH_LIMIT``): a pick list
    of every unit of a national dataset would send 8,300 names with every run."""
    text = st.text_input(t("search.unit", filters.lang), key=f"{_KEY}_search").strip()
    found = data.search_units(dataset=filters.dataset, text=text, limit=SEARCH_LIMIT)
    return [u for u in dict.fromkeys([*chosen, *found["unit_id"]]) if u in names]


def pick_units(filters: Filters) -> list[str]:
    """The searchable choice of 2–5 units (kept in the URL as ``scope=units:…``)."""
    names = unit_short_names(dataset=filters.dataset, lang=filters.lang)
    chosen = [u for u in _default_units(filters) if u in names]
    st.session_state[_KEY] = chosen
    options = list(names) if len(names) <= OPTIONS_MAX else _searched(filters, names, chosen)
    st.multiselect(t("compare.pick", filters.lang), options, key=_KEY,
                   format_func=lambda u: names.get(u, u), max_selections=MAX_UNITS, on_change=_push,
                   placeholder=t("choose.placeholder", filters.lang))
    if filters.scope.kind == "units" and len(filters.scope.units) > MAX_UNITS:
        message(t("compare.too_many", filters.lang))
    if len(chosen) >= MIN_UNITS and filters.scope.units != tuple(chosen):
        unit = filters.unit if filters.unit in chosen else chosen[0]
        remember(replace(filters, scope=Scope.of_units(chosen), unit=unit))
    return chosen


def _measures(lang: str, history: pd.DataFrame, indicators: pd.DataFrame) -> dict[str, str]:
    """What the lines chart can show: the total, the tools, the ten indicators."""
    options = {"score": t("chart.total", lang), "iit": "IIT", "eit": "EIT", "oit": "OIT"}
    for code, part in indicators.groupby("indicator", sort=False):
        options[f"ind:{code}"] = f"{t('col.indicator_short', lang)} {code} " \
            f"{pick(part.iloc[0]['label_th'], part.iloc[0]['label_en'], lang)}"
    return options


def over_the_years(filters: Filters, scope: Scope) -> None:
    """Totals, tools and the ten indicators over the years: one chart, one measure chosen."""
    lang = filters.lang
    history = data.compare_history(dataset=filters.dataset, scope=scope)
    indicators = data.compare_indicators(dataset=filters.dataset, scope=scope)
    st.subheader(t("compare.over_years", lang))
    if not has_rows(history, t("no_data", lang)):
        return
    options = _measures(lang, history, indicators)
    shown = st.segmented_control(t("compare.show", lang), list(options),
                                 format_func=lambda o: options.get(o, o), default="score",
                                 key="compare_measure") or "score"
    if shown.startswith("ind:"):
        frame = indicators[indicators["indicator"] == shown[4:]]
        column = "value"
    else:
        frame, column = history, shown
    if history["fiscal_year"].nunique() == 1:
        message(t("compare.one_year", lang,
                  year=year_label(int(history["fiscal_year"].iloc[0]), lang)))
    if not frame.dropna(subset=[column]).empty:
        chart("compare-lines", charts.compare_lines, frame.dropna(subset=[column]), column, lang, options[shown])
    table(history, tables.COMPARE_HISTORY, filters, "compare-totals")
    if (box := opened(t("compare.indicators", lang), "compare-indicators")) is not None:
        with box:
            table(indicators, tables.COMPARE_INDICATORS, filters, "compare-indicators")


def radar_overlay(filters: Filters, scope: Scope) -> None:
    lang = filters.lang
    st.subheader(t("compare.radar", lang, year=filters.year_text))
    indicators = data.compare_indicators(dataset=filters.dataset, scope=scope)
    year = indicators[indicators["fiscal_year"] == filters.year]
    if has_rows(year, t("compare.no_radar", lang, year=filters.year_text)):
        chart("compare-radar", charts.compare_radar, year, lang)
        st.caption(" · ".join(f"**{c}** {pick(p.iloc[0]['label_th'], p.iloc[0]['label_en'], lang)}"
                              for c, p in year.groupby("indicator", sort=False)))


def items_side_by_side(filters: Filters, scope: Scope) -> None:
    """Item scores of the year, only where the units share a framework."""
    lang = filters.lang
    st.subheader(t("compare.items", lang, year=filters.year_text))
    st.caption(t("compare.items_note", lang))
    if not shown("compare-items", lang):  # below the fold: drawn when switched on
        return
    items = (data.compare_items(dataset=filters.dataset, year=filters.year, scope=scope)
             if filters.year else pd.DataFrame())
    if not has_rows(items, t("compare.no_items", lang, year=filters.year_text)):
        return
    names = {r.unit_id: pick(r.short_th, r.short_en, lang)
             for r in items.drop_duplicates("unit_id").itertuples()}
    wide = items.pivot_table(index=["seq", "code", "label_th", "label_en"], columns="unit_id",
                             values="score", aggfunc="first").reset_index()
    wide = wide.sort_values("seq")
    table(wide, tables.compare_items_cols(names), filters, "compare-items", height=420)


def share_and_present(filters: Filters, units: list[str]) -> None:
    """The link of this comparison, and the same units as presentation slides."""
    lang = filters.lang
    params = {**filters.params(), "scope": Scope.of_units(units).token()}
    params["unit"] = filters.unit if filters.unit in units else units[0]
    here = urlsplit(st.context.url or "")
    base = f"{here.scheme}://{here.netloc}" if here.netloc else ""
    st.caption(t("compare.share", lang))
    st.code(f"{base}/compare?{urlencode(params, safe=':,')}", language=None, wrap_lines=True)
    st.page_link(pages()["presentation"], label=t("compare.deck", lang),
                 icon=":material/slideshow:", query_params=params)
