"""The unit profile's what-if: tick items (or all zero O-items, or every item of an
indicator) and see the new item, indicator, tool and total scores and the level under that
year's rules (:mod:`ita_dash.whatif`), each tool against each level's condition. The ticked
items live in the URL (``whatif=O5,O15``); the result downloads as CSV or Excel."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ita_dash import tables
from ita_dash.escape import md
from ita_dash.i18n import pick, t
from ita_dash.ui import data
from ita_dash.ui.levels import why_table
from ita_dash.ui.nav import pages as nav_pages
from ita_dash.ui.render import table
from ita_dash.ui.state import Filters
from ita_dash.whatif import Scenario

PARAM = "whatif"
COLS = (tables.Col("code", "col.code"), tables.Col("label", "whatif.col_label", bilingual=True),
        tables.Col("kind_label", "whatif.col_kind", bilingual=True),
        tables.Col("points", "whatif.col_points", "num"), tables.Col("before", "whatif.col_before", "num"),
        tables.Col("after", "whatif.col_after", "num"),
        tables.Col("change", "whatif.col_change", "delta"))


def _from_url(options: list[str]) -> list[str]:
    raw = st.query_params.get(PARAM, "")
    wanted = [c.strip() for c in raw.split(",") if c.strip()]
    return [c for c in options if c in wanted]


def _to_url(codes: list[str]) -> None:
    value = ",".join(codes)
    if value and st.query_params.get(PARAM) != value:
        st.query_params[PARAM] = value
    elif not value and PARAM in st.query_params:
        del st.query_params[PARAM]


def _set(key: str, codes: list[str]) -> None:
    st.session_state[key] = codes


def section(filters: Filters, year: int, items: pd.DataFrame) -> None:
    """Pick items, see the recomputed scores and level (nothing when nothing is below 100)."""
    lang = filters.lang
    below = items[items["score"] < 100].sort_values("seq")
    if below.empty:
        return
    st.subheader(t("whatif.title", lang))
    st.caption(t("whatif.help", lang))
    options = list(below["code"])
    names = {r.code: f"{r.code} · {pick(r.label_th, r.label_en, lang)} ({r.score:.2f})"
             for r in below.itertuples()}
    key = f"whatif_{filters.unit}_{year}"
    if key not in st.session_state:
        st.session_state[key] = _from_url(options)
    zero_o = [c for c, s, tool in zip(below["code"], below["score"], below["tool"], strict=True)
              if s == 0 and tool == "OIT"]
    row = st.container(horizontal=True, vertical_alignment="bottom", gap="small")
    row.button(t("whatif.zero_o", lang, n=len(zero_o)), on_click=_set, args=(key, zero_o),
               disabled=not zero_o, key=f"{key}_zero", icon=":material/select_all:")
    indicators = list(dict.fromkeys(below["indicator"].dropna()))
    labels = data.registry().indicator_labels(lang)
    indicator = row.selectbox(t("whatif.indicator", lang), indicators, key=f"{key}_ind",
                              format_func=lambda i: f"{i} {labels.get(str(i), '')}", width=280)
    of_indicator = list(below.loc[below["indicator"] == indicator, "code"])
    row.button(t("whatif.all_of", lang, n=len(of_indicator)), key=f"{key}_all",
               on_click=_set, args=(key, sorted(set(st.session_state[key]) | set(of_indicator),
                                                key=options.index)),
               icon=":material/playlist_add:")
    row.button(t("whatif.clear", lang), on_click=_set, args=(key, []), key=f"{key}_clear",
               icon=":material/clear_all:")
    picked = st.multiselect(t("whatif.pick", lang), options, key=key,
                            format_func=lambda c: names.get(c, c),
                            placeholder=t("choose.placeholder", lang))
    _to_url(list(picked))
    if not picked:
        return
    result = data.whatif(dataset=filters.dataset, unit_id=filters.unit or "", year=year,
                         full_marks=tuple(picked))
    if result is None:
        return
    _summary(filters, result)
    nodes = result.nodes.assign(
        **{f"kind_label_{x}": [t(f"about.kind.{k}", x) for k in result.nodes["kind"]]
           for x in ("th", "en")})
    table(nodes, COLS, filters, "whatif")
    st.page_link(nav_pages()["presentation"], label=t("whatif.slides", lang),
                 icon=":material/slideshow:",
                 query_params={**filters.params(), "year": str(year), PARAM: ",".join(picked)})


def _level(row: pd.Series, lang: str) -> str:
    name = pick(row.get("level_th"), row.get("level_en"), lang)
    return name or t("profile.level_unknown", lang)


def _summary(filters: Filters, result: Scenario) -> None:
    lang = filters.lang
    before, after = result.before, result.after
    cols = st.columns(3)
    cols[0].metric(t("whatif.total", lang), f"{after['score']:.2f}",
                   f"{after['score'] - before['score']:+.2f} ({before['score']:.2f} →)")
    cols[1].metric(t("whatif.level", lang), _level(after, lang))
    cols[1].caption(md(t("whatif.was", lang, level=_level(before, lang))))
    cols[2].metric("IIT · EIT · OIT", " · ".join(
        "–" if pd.isna(after[c]) else f"{after[c]:.2f}" for c in ("iit", "eit", "oit")))
    st.caption(md(t("whatif.rules", lang)))
    st.dataframe(why_table(result.conditions, lang), hide_index=True, width="stretch")
