"""The shared filters: dataset, year, scope, unit and language.

They live in the URL (``st.query_params``) and in the sidebar. Each run reads the
URL first, then the session's last values (the URL is cleared when the user
switches pages), then defaults; anything unknown or malformed falls back to a
default with a note in the current language. The canonical values are written
back to the URL, so a copied link reopens the same view.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import TypeVar

import pandas as pd
import streamlit as st

from ita_dash.i18n import DEFAULT_LANG, LANGS, pick, t, year_label
from ita_dash.scope import Scope
from ita_dash.thai import to_arabic_digits
from ita_dash.ui import data
from ita_dash.ui.mine_cookie import remembered

PARAMS = ("dataset", "year", "scope", "unit", "lang")
DEFAULT_DATASET = "real"
_LAST = "_ita_last_"
_WIDGET = "w_"
T = TypeVar("T")
_QUIET = "_ita_quiet"
_CURRENT = "_ita_filters"  # the filters of this run (set by ui.start)


@dataclass(frozen=True)
class Filters:
    dataset: str
    year: int | None
    scope: Scope
    unit: str | None
    lang: str = DEFAULT_LANG
    years: tuple[int, ...] = ()
    scope_label: str = ""
    unit_label: str = ""
    is_synthetic: bool = False
    notes: tuple[str, ...] = field(default=())

    def params(self) -> dict[str, str]:
        """The filters as URL query parameters."""
        values = {"dataset": self.dataset, "year": self.year, "scope": self.scope.token(),
                  "unit": self.unit, "lang": self.lang}
        return {k: str(v) for k, v in values.items() if v is not None}

    @property
    def year_text(self) -> str:
        return year_label(self.year, self.lang) if self.year is not None else "–"

    def t(self, key: str, **values: object) -> str:
        """A UI string in this view's language."""
        return t(key, self.lang, **values)


# ------------------------------------------------------------------- resolving


def _incoming(param: str) -> str | None:
    """The URL's value, else this session's, else (a first visit without one) the viewer's
    remembered unit, group and dataset (:mod:`ita_dash.ui.mine_cookie`)."""
    if param in st.query_params:
        return st.query_params[param]
    held = st.session_state.get(_LAST + param)
    if held is not None:
        return held
    mine = remembered()
    if mine.get(param) and st.query_params.get("dataset", mine["dataset"]) == mine["dataset"]:
        return mine[param]
    return None


def resolve_lang(raw: str | None) -> tuple[str, str | None]:
    if raw is None or raw in LANGS:
        return raw or DEFAULT_LANG, None
    return DEFAULT_LANG, t("note.lang", DEFAULT_LANG, value=raw)


def incoming_lang() -> str:
    """The language asked for by the URL or this session, before the filters are resolved."""
    return resolve_lang(_incoming("lang"))[0]


def dataset_label(dataset: str, lang: str) -> str:
    info = data.dataset_info(dataset=dataset)
    if info.empty:
        return dataset
    return pick(info.iloc[0]["label_th"], info.iloc[0]["label_en"], lang)


def resolve_dataset(raw: str | None, lang: str) -> tuple[str, str | None]:
    if raw is None or raw in data.built_datasets():
        return raw or DEFAULT_DATASET, None
    fallback = DEFAULT_DATASET
    return fallback, t("note.dataset", lang, value=raw, fallback=dataset_label(fallback, lang))


def parse_year(raw: str) -> int | None:
    text = to_arabic_digits(raw).replace("พ.ศ.", "").replace("B.E.", "").strip()
    return int(text) if text.isdigit() else None


def default_year(dataset: str, years: list[int]) -> int:
    """The dataset's declared default year (``datasets.csv``), else the year with the most
    scored units (the latest of those): the fullest comparison."""
    info = data.dataset_info(dataset=dataset)
    if not info.empty and pd.notna(info.iloc[0].get("default_year")):
        declared = int(info.iloc[0]["default_year"])
        if declared in years:
            return declared
    counts = data.units_per_year(dataset=dataset)
    if counts.empty:
        return years[-1]
    best = counts.sort_values(["n_units", "fiscal_year"]).iloc[-1]
    return int(best["fiscal_year"])


def resolve_year(raw: str | None, years: list[int], lang: str,
                 dataset: str) -> tuple[int | None, str | None]:
    if not years:
        return None, None
    fallback = default_year(dataset, years)
    if raw is None:
        return fallback, None
    year = parse_year(raw)
    if year in years:
        return year, None
    return fallback, t("note.year", lang, value=raw, fallback=year_label(fallback, lang))


def scope_labels(dataset: str, lang: str) -> dict[str, str]:
    """Every scope token of the dataset with its label in ``lang`` ('all' first)."""
    return _scope_labels(dataset=dataset, lang=lang)


@data.per_build  # asked for several times per run
def _scope_labels(*, dataset: str, lang: str) -> dict[str, str]:
    labels = {"all": t("scope.all", lang)}
    for row in data.scope_options(dataset=dataset).itertuples():
        token = Scope(row.kind, row.value).token()
        n = t("n_units_short", lang, n=row.n_units)
        if row.kind == "group":
            name = pick(row.name_th, row.name_en, lang)
        elif row.kind == "unit_type":
            key = f"unit_type.{row.value}"
            name = t(key, lang) if t(key, lang) != key else str(row.value)
        else:
            name = f"{t('scope.kind.' + row.kind, lang)}: {row.value}"
        labels[token] = f"{name} ({n})"
    return labels


def resolve_scope(raw: str | None, dataset: str, lang: str) -> tuple[Scope, str | None]:
    if raw is None:
        return Scope(), None
    try:
        scope = Scope.parse(raw)
    except ValueError:
        scope = None
    if scope is not None and scope.kind == "units":
        scored = scored_unit_ids(dataset=dataset)
        known = tuple(u for u in scope.units if u in scored)
        scope = Scope.of_units(known) if known else None
    elif scope is not None and scope.token() not in scope_labels(dataset, lang):
        scope = None
    if scope is None:
        return Scope(), t("note.scope", lang, value=raw, fallback=t("scope.all", lang))
    return scope, None


@data.per_build
def scored_unit_ids(*, dataset: str) -> frozenset[str]:
    """The ids of the dataset's units with scores (once per build: 8,300 nationally)."""
    return frozenset(data.units_with_scores(dataset=dataset)["unit_id"])


@data.per_build
def unit_short_names(*, dataset: str, lang: str) -> dict[str, str]:
    """Short name of every scored unit of the dataset in ``lang`` (Thai where no English)."""
    units = data.units_with_scores(dataset=dataset)
    column = units["short_en" if lang == "en" else "short_th"].fillna(units["short_th"])
    return dict(zip(units["unit_id"], column, strict=True))


def _default_unit(dataset: str, year: int | None, scope: Scope,
                  units: pd.DataFrame) -> str | None:
    """The unit of the scope-year with the most figures (its views have the most to show;
    ties go to the better total), else the first unit of the scope or dataset."""
    in_scope = set(data.units_in_scope(dataset=dataset, scope=scope)["unit_id"])
    if year is not None:
        rich = data.richest_units(dataset=dataset, year=year)
        rich = rich[rich["unit_id"].isin(in_scope)]
        if not rich.empty:
            return str(rich.iloc[0]["unit_id"])
    for pool in (data.units_in_scope(dataset=dataset, scope=scope), units):
        if pool is not None and not pool.empty:
            return str(pool.iloc[0]["unit_id"])
    return None


def unit_label(dataset: str, unit_id: str | None, lang: str) -> str:
    """The short name of one unit of the dataset ('' when it has none there)."""
    if not unit_id:
        return ""
    card = data.unit_card(dataset=dataset, unit_id=unit_id)
    return "" if card.empty else pick(card.iloc[0]["short_th"], card.iloc[0]["short_en"], lang)


def _scored(dataset: str, unit_id: str | None) -> bool:
    return unit_id is not None and bool(unit_id) and not data.unit_card(
        dataset=dataset, unit_id=unit_id).empty


def label_of(labels: Mapping[T, str]) -> Callable[[T], str]:
    """``format_func`` of a select box whose options are the keys of ``labels``."""
    return lambda value: labels.get(value, str(value))



def resolve_unit(raw: str | None, dataset: str, year: int | None, scope: Scope,
                 units: pd.DataFrame, lang: str) -> tuple[str | None, str | None]:
    if _scored(dataset, raw):
        return raw, None
    if raw:
        found = data.find_unit(name=raw)
        if _scored(dataset, found):
            return found, None
    default = _default_unit(dataset, year, scope, units)
    if raw is None or default is None:
        return default, None
    return default, t("note.unit", lang, value=raw,
                      fallback=unit_label(dataset, default, lang) or default)


def resolve() -> Filters:
    """The filters of this run, from the URL, the session or the defaults (with notes)."""
    quiet = st.session_state.pop(_QUIET, False)
    lang, n_lang = resolve_lang(_incoming("lang"))
    dataset, n_dataset = resolve_dataset(_incoming("dataset"), lang)
    years = data.available_years(dataset=dataset)
    units = data.units_with_scores(dataset=dataset)
    year, n_year = resolve_year(_incoming("year"), years, lang, dataset)
    scope, n_scope = resolve_scope(_incoming("scope"), dataset, lang)
    unit, n_unit = resolve_unit(_incoming("unit"), dataset, year, scope, units, lang)
    dependents = () if quiet else (n_year, n_scope, n_unit)
    notes = tuple(n for n in (n_lang, n_dataset, *dependents) if n)
    info = data.dataset_info(dataset=dataset)
    return Filters(
        dataset=dataset, year=year, scope=scope, unit=unit, lang=lang, years=tuple(years),
        scope_label=_scope_label(scope, dataset, lang),
        unit_label=unit_label(dataset, unit, lang),
        is_synthetic=bool(not info.empty and info.iloc[0]["is_synthetic"]), notes=notes)


def _scope_label(scope: Scope, dataset: str, lang: str) -> str:
    if scope.kind == "units":
        return t("scope.units", lang, n=len(scope.units))
    return scope_labels(dataset, lang).get(scope.token(), scope.token())


def remember(filters: Filters) -> None:
    """Keep the filters for this run (:func:`current`), the next page and the URL."""
    st.session_state[_CURRENT] = filters
    for param, value in filters.params().items():
        st.session_state[_LAST + param] = value
        if st.query_params.get(param) != value:
            st.query_params[param] = value
    for param in PARAMS:
        if param not in filters.params() and param in st.query_params:
            del st.query_params[param]


def current() -> Filters | None:
    """The filters of this run, once the page has started (``ui.start``)."""
    held = st.session_state.get(_CURRENT)
    return held if isinstance(held, Filters) else None


def with_unit(filters: Filters, unit: str) -> Filters:
    return replace(filters, unit=unit)


# ----------------------------------------------------------------- the sidebar


def _push(param: str, key: str | None = None) -> None:
    """Widget callback: the new value goes to the URL before the rerun reads it."""
    value = st.session_state.get(key or _WIDGET + param)
    if value is None:
        return
    st.query_params[param] = str(value)
    if param == "dataset":
        # the new dataset opens on its own default year (and scope, unit when unknown there)
        for dependent in ("year", "scope"):
            st.session_state.pop(_LAST + dependent, None)
            if dependent in st.query_params:
                del st.query_params[dependent]
        st.session_state[_QUIET] = True


def sidebar(filters: Filters) -> None:
    """The filter widgets, showing the resolved values; changes go to the URL."""
    with st.sidebar:
        filter_widgets(filters, ("lang", "dataset", "year", "scope", "unit"))
        st.caption(t("filter.link", filters.lang))


def filter_widgets(filters: Filters, params: tuple[str, ...], prefix: str = _WIDGET) -> None:
    """Widgets for ``params`` in the current container (keys ``prefix + param``), showing
    the resolved values; a change goes to the URL. The sidebar uses every filter; the
    presentation page puts year, scope and unit in a popover."""
    lang = filters.lang
    values = {"lang": filters.lang, "dataset": filters.dataset, "year": filters.year,
              "scope": filters.scope.token(), "unit": filters.unit}
    for param in params:
        st.session_state[prefix + param] = values[param]
    scopes = scope_labels(filters.dataset, lang)
    if filters.scope.token() not in scopes:
        scopes[filters.scope.token()] = filters.scope_label
    datasets = {d: dataset_label(d, lang) for d in data.built_datasets()}
    years = {y: year_label(y, lang) for y in filters.years}
    widgets = {
        "lang": lambda key: st.radio(
            t("filter.lang", lang), LANGS, key=key, horizontal=True,
            format_func=label_of({"th": "ไทย", "en": "English"}), on_change=_push,
            args=("lang", key)),
        "dataset": lambda key: st.selectbox(
            t("filter.dataset", lang), list(datasets), key=key,
            format_func=label_of(datasets), on_change=_push, args=("dataset", key)),
        "year": lambda key: st.selectbox(
            t("filter.year", lang), filters.years, key=key, format_func=label_of(years),
            on_change=_push, args=("year", key), disabled=not filters.years),
        "scope": lambda key: st.selectbox(
            t("filter.scope", lang), list(scopes), key=key, format_func=label_of(scopes),
            on_change=_push, args=("scope", key)),
        "unit": lambda key: unit_search(filters, key),
    }
    for param in params:
        widgets[param](prefix + param)


SEARCH_LIMIT = 60


def unit_search(filters: Filters, key: str) -> None:
    """Find a unit by typing part of its name: the database filters (bounded to
    ``SEARCH_LIMIT`` matches), the pick list holds the chosen unit and the matches."""
    lang = filters.lang
    text = st.text_input(t("search.unit", lang), key=key + "_search").strip()
    found = data.search_units(dataset=filters.dataset, text=text, limit=SEARCH_LIMIT)
    names = {r.unit_id: pick(r.short_th, r.short_en, lang) for r in found.itertuples()}
    if filters.unit:
        names = {filters.unit: filters.unit_label or filters.unit, **names}
    if text:
        st.caption(t("search.results", lang, n=len(found), limit=SEARCH_LIMIT) if len(found)
                   else t("search.none", lang, text=text))
    st.selectbox(t("filter.unit", lang), list(names), key=key,
                 format_func=label_of(names), on_change=_push, args=("unit", key),
                 disabled=not names)
