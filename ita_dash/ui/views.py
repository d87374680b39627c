"""Small page sections shared by the pages: metrics, pickers and headers."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ita_dash import tables
from ita_dash.escape import md
from ita_dash.i18n import pick, t, year_label
from ita_dash.scope import Scope
from ita_dash.ui import data
from ita_dash.ui.nav import open_profile
from ita_dash.ui.render import has_rows, message, table
from ita_dash.ui.state import Filters, label_of

DISTRICT_GROUPS = "bkk_district_group"


def summary_metrics(summary: pd.DataFrame, ranking: pd.DataFrame, filters: Filters) -> None:
    """Units, mean, median and pass rate of a scope-year."""
    row = summary.iloc[0]
    mark = ranking["pass_mark"].dropna()
    mark_text = f"{mark.iloc[0]:.0f}" if not mark.empty else "–"
    cols = st.columns(4)
    cols[0].metric(t("metric.n_units", filters.lang), int(row["n_units"]))
    cols[1].metric(t("metric.mean", filters.lang), f"{row['mean']:.2f}")
    cols[2].metric(t("metric.median", filters.lang), f"{row['median']:.2f}")
    rate = ("–" if pd.isna(row["pass_rate"]) else
            f"{row['pass_rate']:.1f}% ({int(row['n_pass'])}/{int(row['n_units'])})")
    cols[3].metric(t("metric.pass_rate", filters.lang, mark=mark_text), rate)


def _group_options(filters: Filters) -> pd.DataFrame:
    options = data.scope_options(dataset=filters.dataset)
    return options[options["kind"] == "group"]


def group_set_label(group_set: str, lang: str) -> str:
    key = f"group_set.{group_set}"
    return t(key, lang) if t(key, lang) != key else group_set


def group_set_picker(filters: Filters) -> str | None:
    """Choose a grouping (Bangkok district groups first); None when there is none."""
    sets = list(dict.fromkeys(_group_options(filters)["group_set"]))
    if not sets:
        return None
    sets.sort(key=lambda s: s != DISTRICT_GROUPS)
    return st.selectbox(t("groups.group_set", filters.lang), sets, key="groups_group_set",
                        format_func=lambda s: group_set_label(s, filters.lang))


def group_picker(filters: Filters, group_set: str) -> Scope:
    """Choose one group of ``group_set`` (the sidebar scope when it is one of them)."""
    groups = _group_options(filters)
    groups = groups[groups["group_set"] == group_set]
    tokens = [Scope("group", v).token() for v in groups["value"]]
    names = {Scope("group", r.value).token(): pick(r.name_th, r.name_en, filters.lang)
             for r in groups.itertuples()}
    index = tokens.index(filters.scope.token()) if filters.scope.token() in tokens else 0
    token = st.selectbox(t("groups.pick_group", filters.lang), tokens, index=index,
                         format_func=label_of(names), key=f"groups_pick_{group_set}")
    return Scope.parse(token)


def profile_opener(filters: Filters, ranking: pd.DataFrame, key: str) -> None:
    """Pick a unit of ``ranking`` and open its profile."""
    names = {r.unit_id: pick(r.short_th, r.short_en, filters.lang) for r in ranking.itertuples()}
    left, right = st.columns([3, 2], vertical_alignment="bottom")
    unit = left.selectbox(t("groups.pick_unit", filters.lang), list(names),
                          format_func=label_of(names), key=f"{key}_unit")
    if right.button(t("groups.open_profile", filters.lang), key=f"{key}_open",
                    icon=":material/open_in_new:", type="primary"):
        open_profile(filters, unit)


def profile_year(filters: Filters, history: pd.DataFrame) -> int:
    """The chosen year when the unit has it, else its latest year (with a note)."""
    years = [int(y) for y in history["fiscal_year"]]
    if filters.year is not None and filters.year in years:
        return filters.year
    shown = years[-1]
    message(t("profile.year_note", filters.lang, unit=filters.unit_label,
              year=filters.year_text, shown=year_label(shown, filters.lang)))
    return shown


def unit_header(filters: Filters, history: pd.DataFrame, year: int) -> None:
    """The unit's name, groups and the chosen year's score, rating and change."""
    row = history[history["fiscal_year"] == year].iloc[0]
    groups = data.unit_groups_of(unit_id=filters.unit or "")
    st.subheader(md(f"{filters.unit_label} · {year_label(year, filters.lang)}"))
    if not groups.empty:
        names = ", ".join(pick(r.name_th, r.name_en, filters.lang) for r in groups.itertuples())
        st.caption(md(t("profile.groups_of", filters.lang, groups=names)))
    cols = st.columns(3)
    delta = None if pd.isna(row["delta_points"]) else f"{row['delta_points']:+.2f}"
    score = "–" if pd.isna(row["score"]) else f"{row['score']:.2f}"
    cols[0].metric(t("metric.score", filters.lang), score, delta)
    cols[1].metric(t("metric.level", filters.lang),
                   pick(row["level_th"], row["level_en"], filters.lang) or "–")
    cols[2].metric("IIT · EIT · OIT", " · ".join(
        "–" if pd.isna(row[c]) else f"{row[c]:.2f}" for c in ("iit", "eit", "oit")))


def indicator_legend(filters: Filters) -> None:
    """'1 การปฏิบัติหน้าที่ · 2 …': what the indicator numbers of a chart stand for."""
    labels = data.registry().indicator_labels(filters.lang)
    st.caption(" · ".join(f"**{md(code)}** {md(label)}" for code, label in labels.items()))


def comparison_group(filters: Filters) -> tuple[Scope, str]:
    """The group to compare the unit with: its district group first, or the sidebar scope."""
    groups = data.unit_groups_of(unit_id=filters.unit or "")
    groups = groups.sort_values("group_set", key=lambda s: s != DISTRICT_GROUPS, kind="stable")
    options = {Scope("group", r.group_id).token(): pick(r.name_th, r.name_en, filters.lang)
               for r in groups.itertuples()}
    if filters.scope.kind != "units" or filters.unit in filters.scope.units:
        options.setdefault(filters.scope.token(), filters.scope_label)
    token = st.selectbox(t("profile.compare_group", filters.lang), list(options),
                         format_func=label_of(options), key=f"profile_compare_{filters.unit}")
    return Scope.parse(token), options[token]


def measures_section(filters: Filters) -> None:
    """The unit's improvement measures with the score before and after (if the reports list any)."""
    measures = data.unit_measures(dataset=filters.dataset, unit_id=filters.unit or "")
    if filters.is_synthetic and measures.empty:
        return
    st.subheader(t("profile.measures", filters.lang))
    st.caption(t("profile.measures_help", filters.lang))
    if has_rows(measures, t("profile.no_measures", filters.lang)):
        table(measures, tables.MEASURES, filters, "measures")


def unconfirmed_notes(filters: Filters, provenance: pd.DataFrame, *, per_year: bool) -> None:
    """Say which totals and levels are computed under unconfirmed weights or an unconfirmed
    scale (``provenance``: :func:`ita_dash.queries.rating_provenance`); nothing when none is.

    ``per_year``: list the years (a unit's profile); otherwise count the units of the year.
    """
    if provenance.empty:
        return
    lang = filters.lang
    for column, key in (("level_unconfirmed", "scale"), ("score_unconfirmed", "weights")):
        hit = provenance[provenance[column].astype(bool)]
        if hit.empty:
            continue
        if per_year:
            years = ", ".join(year_label(y, lang) for y in sorted(set(hit["fiscal_year"])))
            st.caption(t(f"rating.{key}_unconfirmed_years", lang, years=years))
        else:
            st.caption(t(f"rating.{key}_unconfirmed_units", lang, n=len(hit),
                         year=filters.year_text))
