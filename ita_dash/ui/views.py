"""Small page sections shared by the pages: metrics, pickers and headers."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import pandas as pd
import streamlit as st

from ita_dash import charts, palette, tables
from ita_dash.escape import md
from ita_dash.i18n import pick, t, year_label
from ita_dash.scope import Scope
from ita_dash.ui import data
from ita_dash.ui.nav import open_profile
from ita_dash.ui.nav import pages as nav_pages
from ita_dash.ui.render import chart, has_rows, message, opened, shown, table
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


def _url_pick(param: str, options: list[str], default: str, label: str,
              format_func: Callable[[str], str], key: str) -> str:
    """A selectbox whose choice lives in the URL (``param``), so a shared link reopens it."""
    raw = st.query_params.get(param)
    value = raw if raw in options else default

    def push() -> None:
        st.query_params[param] = str(st.session_state[key])

    st.session_state[key] = value
    chosen = st.selectbox(label, options, key=key, format_func=format_func, on_change=push)
    if st.query_params.get(param) != chosen:
        st.query_params[param] = chosen
    return str(chosen)


def _unit_group_in(filters: Filters, group_set: str) -> str | None:
    """The chosen unit's group in ``group_set`` (a group token), if it belongs to one."""
    if not filters.unit:
        return None
    groups = data.unit_groups_of(unit_id=filters.unit)
    groups = groups[groups["group_set"] == group_set]
    return Scope("group", groups.iloc[0]["group_id"]).token() if not groups.empty else None


def group_set_picker(filters: Filters) -> str | None:
    """Choose a grouping (the unit's district groups first); None when there is none.

    The choice is kept in the URL as ``groups=<group set>``.
    """
    sets = list(dict.fromkeys(_group_options(filters)["group_set"]))
    if not sets:
        return None
    sets.sort(key=lambda s: s != DISTRICT_GROUPS)
    return _url_pick("groups", [str(x) for x in sets], str(sets[0]),
                     t("groups.group_set", filters.lang),
                     lambda s: group_set_label(s, filters.lang), "groups_group_set")


def group_picker(filters: Filters, group_set: str) -> tuple[Scope, str]:
    """Choose one group of ``group_set`` and return it with its name.

    Default: the sidebar scope when it is one of the groups, else the chosen unit's group,
    else the first; the choice is kept in the URL as ``group=group:<id>``.
    """
    groups = _group_options(filters)
    groups = groups[groups["group_set"] == group_set]
    tokens = [Scope("group", v).token() for v in groups["value"]]
    names = {Scope("group", r.value).token(): pick(r.name_th, r.name_en, filters.lang)
             for r in groups.itertuples()}
    default = (filters.scope.token() if filters.scope.token() in tokens
               else _unit_group_in(filters, group_set) or tokens[0])
    token = _url_pick("group", tokens, default, t("groups.pick_group", filters.lang),
                      label_of(names), f"groups_pick_{group_set}")
    return Scope.parse(token), names[token]


def present_link(filters: Filters, scope: Scope, ranking: pd.DataFrame) -> None:
    """Open the meeting slides of this group (the chosen unit when it is in the group)."""
    units = list(ranking["unit_id"])
    unit = filters.unit if filters.unit in units else units[0]
    params = {**filters.params(), "scope": scope.token(), "unit": str(unit)}
    st.page_link(nav_pages()["presentation"], label=t("groups.present", filters.lang),
                 icon=":material/slideshow:", query_params=params)


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
    if delta is not None and int(row["prev_year"]) != year - 1:  # not the year before
        delta += " " + t("metric.vs_year", filters.lang,
                         year=year_label(int(row["prev_year"]), filters.lang))
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


def recoverable_summary(filters: Filters, year: int) -> None:
    """Total points recoverable and what reaching them would mean for the rating."""
    outlook = data.recoverable_outlook(dataset=filters.dataset, year=year,
                                       unit_id=filters.unit or "")
    if outlook.empty:
        return
    row = outlook.iloc[0]
    lang = filters.lang
    now_level = pick(row["level_th"], row["level_en"], lang) or "–"
    new_level = pick(row["projected_level_th"], row["projected_level_en"], lang) or \
        t("profile.level_unknown", lang)
    cols = st.columns(3)
    cols[0].metric(t("profile.recoverable_total", lang), f"{row['recoverable']:.2f}",
                   help=t("profile.recoverable_total_help", lang, n=int(row["n_items"])))
    cols[1].metric(t("profile.now", lang, year=year_label(year, lang)),
                   f"{row['score']:.2f}", now_level, delta_color="off", delta_arrow="off")
    cols[2].metric(t("profile.if_full", lang), f"{row['projected']:.2f}", new_level, delta_arrow="off",
                   delta_color="off")
    st.success(t("profile.outlook", lang, n=int(row["n_items"]),
                 points=f"{row['recoverable']:.2f}", score=f"{row['score']:.2f}",
                 level=now_level, projected=f"{row['projected']:.2f}", new_level=new_level),
               icon=":material/trending_up:")


def _score_text(value: object) -> str:
    return "–" if value is None or pd.isna(value) else f"{float(str(value)):.2f}"


def _next_text(row: pd.Series, lang: str) -> str:
    """'next year: 92.00 (+4.00)' or a clear 'no score for the next year yet'."""
    next_year = year_label(int(row["fiscal_year"]) + 1, lang)
    if pd.isna(row["next_score"]):
        key = "measure.next_missing" if bool(row["next_year_scored"]) else "measure.next_none"
        return t(key, lang, year=next_year)
    delta = "" if pd.isna(row["next_delta"]) else f" ({row['next_delta']:+.2f})"
    return t("measure.next", lang, year=next_year, score=_score_text(row["next_score"])) + delta


def measure_card_html(row: pd.Series, lang: str) -> str:
    """One measure as a readable card: what it addresses, its scores, measure, who, when."""
    label = pick(row["label_th"], row["label_en"], lang) or ""
    head = escape(f"{row['code']} {label}" if str(row["code"]) != str(row["indicator"])
                  else t("measure.whole_indicator", lang))
    score = t("measure.score", lang, year=year_label(int(row["fiscal_year"]), lang),
              score=_score_text(row["score"]))
    low = pd.notna(row["score"]) and float(row["score"]) < 100
    fields = [(t("col.measure", lang), row["measure"]),
              (t("col.responsible", lang), row["responsible"]),
              (t("col.schedule", lang), row["schedule"]),
              (t("col.status", lang), row["status"] if pd.notna(row["status"]) else row["result"])]
    body = "".join(f"<div class='mc-f'><b>{escape(name)}</b> {escape(str(value))}</div>"
                   for name, value in fields if value is not None and pd.notna(value)
                   and str(value).strip())
    return (f"<div class='mc{' low' if low else ''}'><div class='mc-h'>{head}</div>"
            f"<div class='mc-s'>{escape(score)} · {escape(_next_text(row, lang))}</div>"
            f"{body}</div>")


MEASURE_CSS = f"""<style>
.mc {{ border: 1px solid {palette.GRID}; border-left: 6px solid {palette.STATUS["full"]};
  border-radius: 8px; padding: .6rem .9rem; margin: 0 0 .6rem;
  background: {palette.BACKGROUND}; }}
.mc.low {{ border-left-color: {palette.STATUS["zero"]}; }}
.mc-h {{ font-weight: 700; font-size: 1.05rem; }}
.mc-s {{ color: {palette.PRIMARY}; margin: .15rem 0 .35rem; }}
.mc-f {{ margin: .1rem 0; line-height: 1.45; }}
</style>"""


def measure_cards(filters: Filters, year: int) -> None:
    """The year's measures grouped by the indicator they serve (weakest indicator first),
    as cards; the full table (with sources) in an expander with downloads."""
    lang = filters.lang
    unit = filters.unit or ""
    with_measures = data.units_with_measures(dataset=filters.dataset)  # one read per dataset
    if filters.is_synthetic and unit not in set(with_measures["unit_id"]):
        return
    st.subheader(t("profile.measures", lang))
    st.caption(t("profile.measures_help", lang))
    if not shown("measures", lang):
        return
    every = data.unit_measures(dataset=filters.dataset, unit_id=unit)
    measures = data.measures_by_indicator(dataset=filters.dataset, unit_id=filters.unit or "",
                                          year=year)
    if measures.empty:
        message(t("profile.no_measures_year", lang, year=year_label(year, lang))
                if not every.empty else t("profile.no_measures", lang))
    else:
        st.html(MEASURE_CSS)
        groups = list(dict.fromkeys(measures["indicator"]))
        names = {code: t("measure.indicator", lang, code=code,
                         label=pick(part.iloc[0]["indicator_th"], part.iloc[0]["indicator_en"],
                                    lang) or "",
                         score=_score_text(part.iloc[0]["indicator_score"]), n=len(part))
                 for code, part in measures.groupby("indicator", sort=False)}
        chosen = st.selectbox(t("measure.pick_indicator", lang), groups,
                              format_func=lambda code: names.get(code, str(code)),
                              key=f"measures_indicator_{filters.unit}_{year}")
        part = measures[measures["indicator"] == chosen]
        cols = st.columns(2)
        for i, (_, row) in enumerate(part.iterrows()):
            cols[i % 2].html(measure_card_html(row, lang))
    if not every.empty and (box := opened(t("profile.measures_table", lang), "measures")) is not None:
        with box:
            titles = data.source_titles().set_index("source_id")["title_th"]
            table(every.assign(source_id=every["source_id"].map(titles)), tables.MEASURES,
                  filters, "measures")


def with_framework_names(frame: pd.DataFrame) -> pd.DataFrame:
    """``framework_th`` / ``framework_en``: the framework of each row by its name, not its id."""
    frameworks = data.registry().frameworks.set_index("framework_id")
    return frame.assign(
        framework_th=frame["framework_id"].map(frameworks["name_th"]),
        framework_en=frame["framework_id"].map(frameworks["name_en"]))


def profile_radar(filters: Filters, history: pd.DataFrame, year: int) -> None:
    """The ten indicators against the unit's group and against its previous scored year."""
    unit, lang = filters.unit or "", filters.lang
    shown_year = year_label(year, lang)
    group, group_name = comparison_group(filters)
    vs_group = data.radar(dataset=filters.dataset, year=year, unit_id=unit,
                          compare="group_mean", scope=group)
    vs_previous = data.radar(dataset=filters.dataset, year=year, unit_id=unit,
                             compare="previous_year")
    if not has_rows(vs_group.dropna(subset=["value"]),
                    t("profile.no_indicators", lang, year=shown_year)):
        return
    if vs_group["n_units"].fillna(0).max() <= 1:
        message(t("profile.no_group_values", lang, year=shown_year))
    if vs_previous["comparison"].isna().all():
        message(t("profile.no_previous", lang))
    prev = history.loc[history["fiscal_year"] == year, "prev_year"]
    previous = int(prev.iloc[0]) if not prev.empty and pd.notna(prev.iloc[0]) else year - 1
    series = charts.radar_series(vs_group, vs_previous, lang, group_name, previous)
    chart("radar", charts.radar_chart, vs_group, series, lang)
    indicator_legend(filters)
