"""Levels explained: why a unit-year has its level (the total and each tool against the
year's conditions, as printed or computed by the build) and a legend of the year's levels
and pass mark — all from ``rating_levels`` and ``frameworks`` (data), nothing hard-coded."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ita_dash.escape import md
from ita_dash.i18n import pick, t, year_label
from ita_dash.ui import data
from ita_dash.ui.render import opened
from ita_dash.ui.state import Filters


def _num(value: object) -> str:
    return "–" if value is None or pd.isna(value) else f"{float(value):.2f}"  # type: ignore[arg-type]


def _holds(value: object, lang: str) -> str:
    if value is None or pd.isna(value):
        return t("level.unknown", lang)
    return t("level.yes" if bool(value) else "level.no", lang)


def why_table(conditions: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Each level of the year: the total needed, the floor of each tool, whether each
    holds for this unit-year, and which level it got."""
    rows = []
    for r in conditions.itertuples():
        rows.append({
            t("level.col_level", lang): pick(r.label_th, r.label_en, lang),
            t("level.col_total", lang): f"{r.min_total:.2f}–{r.max_total:.2f}",
            t("level.col_total_ok", lang): _holds(r.total_ok, lang),
            t("level.col_tools", lang): t("level.none", lang) if pd.isna(r.min_each_tool)
            else f"{r.min_each_tool:.0f}",
            t("level.col_tools_ok", lang): _holds(r.tools_ok, lang),
            t("level.col_result", lang): t("level.this", lang)
            if pd.notna(r.chosen) and bool(r.chosen) else "",
        })
    return pd.DataFrame(rows)


def pass_sentence(first: pd.Series, lang: str) -> str:
    if pd.isna(first["pass_mark"]) or pd.isna(first["score"]):
        return t("level.why_no_mark", lang)
    passed = bool(first["passed"])
    return t("level.why_pass", lang, score=_num(first["score"]),
             cmp="≥" if passed else "<", mark=f"{first['pass_mark']:.0f}",
             verdict=t("pass.yes" if passed else "pass.no", lang))


def level_sentence(conditions: pd.DataFrame, lang: str) -> str:
    chosen = conditions[conditions["chosen"].fillna(False).astype(bool)]
    if not chosen.empty:
        row = chosen.iloc[0]
        key = "level.why_printed" if row["level_source"] == "printed" else "level.why_chosen"
        return t(key, lang, level=md(pick(row["label_th"], row["label_en"], lang)))
    blocked = conditions[conditions["total_ok"].fillna(False).astype(bool)
                         & conditions["tools_ok"].isna()]
    if not blocked.empty:
        row = blocked.iloc[0]
        return t("level.why_unknown", lang,
                 level=md(pick(row["label_th"], row["label_en"], lang)))
    return ""


def rated(history: pd.DataFrame, scale: pd.DataFrame, year: int) -> bool:
    """Whether the unit-year of ``history`` (:func:`ita_dash.queries.unit_history`) has a
    total and levels to rate it against (``scale``: :func:`ita_dash.queries.year_scale` of
    the year): exactly when its :func:`ita_dash.queries.level_conditions` have rows and a
    score, without reading them."""
    row = history[history["fiscal_year"] == year]
    if row.empty or pd.isna(row.iloc[0]["score"]):
        return False
    levels = scale[(scale["framework_id"] == row.iloc[0]["framework_id"]) & scale["seq"].notna()]
    return not levels.empty


def why(filters: Filters, year: int, history: pd.DataFrame) -> None:
    """'Why this level': the pass, the level and each level's conditions for the unit-year
    (read when the expander is opened; shown when the unit-year is :func:`rated`)."""
    if not rated(history, data.year_scale(dataset=filters.dataset, year=year), year):
        return  # no total: nothing to rate
    lang = filters.lang
    box = opened(t("level.why", lang), "why", icon=":material/help:")
    if box is None:
        return
    conditions = data.level_conditions(dataset=filters.dataset, unit_id=filters.unit or "",
                                       year=year)
    with box:
        first = conditions.iloc[0]
        st.markdown(pass_sentence(first, lang))  # numbers and our words only
        sentence = level_sentence(conditions, lang)
        if sentence:
            st.markdown(sentence)
        st.caption(f"IIT {_num(first['iit'])} · EIT {_num(first['eit'])} · "
                   f"OIT {_num(first['oit'])}")
        st.dataframe(why_table(conditions, lang), hide_index=True, width="stretch")


def legend(filters: Filters) -> None:
    """The year's rating levels (total range, floor of each tool) and pass mark."""
    if filters.year is None:
        return
    scale = data.year_scale(dataset=filters.dataset, year=filters.year)
    if scale.empty:
        return
    lang = filters.lang
    with st.expander(t("level.legend", lang, year=year_label(filters.year, lang)),
                     icon=":material/rule:"):
        for _, part in scale.groupby("framework_id", sort=False):
            head = part.iloc[0]
            mark = "–" if pd.isna(head["pass_mark"]) else f"{head['pass_mark']:.0f}"
            st.markdown(md(t("level.legend_mark", lang, framework=pick(
                head["framework_th"], head["framework_en"], lang), mark=mark)))
            levels = part.dropna(subset=["seq"])
            if levels.empty:
                continue
            if (levels["status"] != "printed").any():
                st.caption(t("level.legend_unconfirmed", lang))
            st.dataframe(pd.DataFrame({
                t("level.col_level", lang): [pick(a, b, lang) for a, b in
                                             zip(levels["label_th"], levels["label_en"],
                                                 strict=True)],
                t("level.col_total", lang): [f"{a:.2f}–{b:.2f}" for a, b in
                                             zip(levels["min_total"], levels["max_total"],
                                                 strict=True)],
                t("level.col_tools", lang): [t("level.none", lang) if pd.isna(v) else f"{v:.0f}"
                                             for v in levels["min_each_tool"]],
            }), hide_index=True, width="stretch")
