"""Sections showing what the reports print beside the scores (the Bangkok-wide average of a
question, figures not placed in the framework) and whether items compare across years."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ita_dash import tables
from ita_dash.escape import md
from ita_dash.i18n import pick, t, year_label
from ita_dash.scope import Scope
from ita_dash.ui import data, scale
from ita_dash.ui.render import message, opened, table
from ita_dash.ui.state import Filters


def _reference_caption(filters: Filters, refs: pd.DataFrame) -> None:
    titles = data.source_titles().set_index("source_id")["title_th"]
    sources = ", ".join(str(titles.get(s, s)) for s in dict.fromkeys(refs["source_id"].dropna()))
    st.caption(md(t("ref.caption", filters.lang, n=refs["code"].nunique(), source=sources)))


def unit_item_table(filters: Filters, year: int, items: pd.DataFrame, name: str, *,
                    only_weakest: bool = False) -> bool:
    """The unit's items with the reference figures printed beside them (e.g. the Bangkok
    average and the difference); questions that only have a reference are listed too.
    ``only_weakest``: the lowest item of each indicator. False when there is nothing."""
    unit = filters.unit or ""
    refs = data.reference_scores(dataset=filters.dataset, year=year, unit_id=unit)
    if only_weakest and not items.empty:
        items = items[items["is_weakest"].astype(bool)]
    merged, kinds = tables.with_references(items, refs, keep_unscored=items.empty
                                           or not only_weakest)
    if merged.empty:
        return False
    if kinds:
        _reference_caption(filters, refs)
        if items.empty:
            message(t("ref.no_own_scores", filters.lang))
    weakest = merged["is_weakest"] if "is_weakest" in merged else None
    table(merged, tables.unit_items_cols(kinds), filters, name,
          highlight=None if weakest is None else weakest.astype("boolean").fillna(False))
    return True


def profile_items(filters: Filters, year: int) -> None:
    """The unit profile's items: whether they compare with the previous year's, the item
    table with its references, and the figures not placed in the framework."""
    profile_comparability(filters)
    items = data.unit_items(dataset=filters.dataset, year=year, unit_id=filters.unit or "")
    if not unit_item_table(filters, year, items, "items"):
        message(t("profile.no_items", filters.lang, year=year_label(year, filters.lang)))
    unplaced_section(filters, year)


def zero_items_table(filters: Filters, zero: pd.DataFrame, year: int, scope: Scope) -> None:
    """The O-items at zero, with the reference printed beside each where there is one."""
    refs = data.scope_reference_scores(dataset=filters.dataset, year=year, scope=scope)
    merged, kinds = tables.with_references(zero, refs, on=("unit_id", "code"))
    scale.paged_table(merged, tables.zero_items_cols(kinds), filters, "zero-items",
                      focus_unit=filters.unit)


def unplaced_section(filters: Filters, year: int) -> None:
    """Figures printed without a readable question code, labelled as not placed."""
    figures = data.unplaced_figures(dataset=filters.dataset, year=year, unit_id=filters.unit or "")
    if figures.empty:
        return
    st.subheader(t("unplaced.title", filters.lang))
    st.caption(t("unplaced.help", filters.lang))
    table(figures, tables.UNPLACED, filters, "unplaced")


def _framework_name(row: pd.Series, prefix: str, lang: str) -> str:
    return pick(row[f"{prefix}_th"], row[f"{prefix}_en"], lang)


def profile_comparability(filters: Filters) -> None:
    """Say which of the unit's years have items not comparable with the previous year's
    (another framework without crosswalk pairs), and list each year's framework."""
    rows = data.item_comparability(dataset=filters.dataset,
                                   scope=Scope.of_units([filters.unit or ""]))
    changed = rows[~rows["same_framework"].astype(bool)]
    if changed.empty:
        return
    lang = filters.lang
    for _, row in changed.iterrows():
        key = "compare.items_crosswalk" if bool(row["comparable"]) \
            else "compare.items_not_comparable"
        st.warning(md(t(key, lang, year=year_label(row["fiscal_year"], lang),
                        framework=_framework_name(row, "framework", lang),
                        prev=year_label(row["prev_year"], lang),
                        prev_framework=_framework_name(row, "prev_framework", lang),
                        n=int(row["n_pairs"]))), icon=":material/compare_arrows:")
    st.caption(t("compare.items_tools", lang))
    if (box := opened(t("compare.items_table", lang), "item-comparability")) is not None:
        with box:
            table(with_comparable_labels(rows), tables.ITEM_COMPARABILITY, filters,
                  "item-comparability")


def with_comparable_labels(rows: pd.DataFrame) -> pd.DataFrame:
    """``comparable_label_th`` / ``_en``: same framework, through the crosswalk, or not."""
    def label(row: pd.Series, lang: str) -> str:
        if bool(row["same_framework"]):
            return t("compare.yes", lang)
        if bool(row["comparable"]):
            return t("compare.crosswalk", lang, n=int(row["n_pairs"]))
        return t("compare.no", lang)

    return rows.assign(**{f"comparable_label_{lang}": rows.apply(label, axis=1, lang=lang)
                          for lang in ("th", "en")})


def zero_comparability(filters: Filters, year: int, scope: Scope) -> None:
    """On the zero-items page: units whose O-items of ``year`` do not compare with their
    previous year's (so their zero streaks start in ``year``), by framework pair."""
    rows = data.item_comparability(dataset=filters.dataset, scope=scope, year=year)
    blocked = rows[~rows["comparable"].astype(bool)]
    lang = filters.lang
    keys = ["prev_year", "framework_th", "framework_en", "prev_framework_th",
            "prev_framework_en"]
    for values, part in blocked.groupby(keys, sort=True, dropna=False):
        row = pd.Series(dict(zip(keys, values, strict=True)))
        st.info(md(t("compare.zero_not_comparable", lang, n=len(part),
                     year=year_label(year, lang), framework=_framework_name(row, "framework", lang),
                     prev=year_label(int(row["prev_year"]), lang),
                     prev_framework=_framework_name(row, "prev_framework", lang))),
                icon=":material/compare_arrows:")


def streaks_table(filters: Filters, streaks: pd.DataFrame) -> None:
    """Zero streaks; the first year's code is shown only when the crosswalk changed one."""
    if "first_code" in streaks and (streaks["first_code"] == streaks["code"]).all():
        streaks = streaks.drop(columns="first_code")
    scale.paged_table(streaks, tables.CONSECUTIVE_ZERO, filters, "zero-streaks",
                      focus_unit=filters.unit)
