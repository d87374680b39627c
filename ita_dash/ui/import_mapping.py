"""The Import page's column mapping: what each column became and why, a select per column to
change it, and the year / unit fields for a file without them.

The editor's choices are overrides (header -> target) kept in the session for the file; a
change checks the file again (``RECHECK_KEY``). Headers and reasons come from files and are
shown in a table or as select options (never rendered as Markdown or HTML).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from ita_dash import i18n
from ita_dash.importer.mapping import FIELDS, Mapped
from ita_dash.thailand import UNIT_TYPES
from ita_dash.ui.state import Filters

OVERRIDES_KEY = "_ita_import_overrides"
TYPES_KEY = "_ita_import_unit_types"
RECHECK_KEY = "_ita_import_recheck"
MAX_SELECTS = 40  # a select per column up to this many columns (a national file has 125)


CHOICES = ("unit", "year", "level", "ITA", "IIT", "IIT_W", "EIT", "EIT_W", "OIT", "OIT_W",
           *[str(n) for n in range(1, 11)], "province", "unit_type", "parent", "source",
           "note", "framework", "code", "score", "ignore")


def given(f: Filters, cols: Sequence[DeltaGenerator]) -> tuple[int | None, str | None]:
    """The year and unit fields (for a file without those columns)."""
    text = cols[0].text_input(f.t("data.upload.year"), max_chars=4, key="import-year",
                              placeholder="2566")
    unit = cols[1].text_input(f.t("data.upload.unit"), max_chars=300, key="import-unit")
    digits = text.strip()
    year = int(digits) if digits.isdigit() and len(digits) == 4 else None
    return year, unit.strip() or None


def _of_file(key: str, file_id: str) -> dict[str, str]:
    """The editor's choices under ``key`` for this file (those of another file are dropped)."""
    held = st.session_state.get(key)
    if not held or held[0] != file_id:
        st.session_state[key] = (file_id, {})
        return {}
    return dict(held[1])


def overrides(file_id: str) -> dict[str, str]:
    """The editor's overrides for this file (column -> target)."""
    return _of_file(OVERRIDES_KEY, file_id)


def label(target: str, lang: str) -> str:
    if target.startswith("?") or target == "":
        return i18n.t("data.mapping.choose", lang) if target else "-"
    key = f"target.{target}"
    if i18n.has(key):
        return f"{i18n.t(key, lang)} · {target}"
    if target.isdigit():
        return ("ตัวชี้วัดที่ " if lang == "th" else "indicator ") + target
    return target


def table(f: Filters, mapped: Mapped) -> pd.DataFrame:
    why = "why_th" if f.lang == "th" else "why_en"
    return pd.DataFrame({
        f.t("data.mapping.header"): [c.header or "-" for c in mapped.columns],
        f.t("data.mapping.target"): [label(c.target, f.lang) for c in mapped.columns],
        f.t("data.mapping.why"): [getattr(c, why) for c in mapped.columns]})


def _changed(file_id: str, header: str, key: str) -> None:
    held = overrides(file_id)
    chosen = str(st.session_state[key])
    if chosen.startswith("?"):  # "to choose" again: no override
        held.pop(header, None)
    else:
        held[header] = chosen
    st.session_state[OVERRIDES_KEY] = (file_id, held)
    st.session_state[RECHECK_KEY] = True


def _reset(file_id: str) -> None:
    st.session_state[OVERRIDES_KEY] = (file_id, {})
    st.session_state[RECHECK_KEY] = True


def editor(f: Filters, mapped: Mapped, file_id: str) -> None:
    """The mapping table and a select per column."""
    st.markdown(f"**{f.t('data.mapping')}**")
    st.caption(f.t("data.mapping.help") + " " + f.t(f"data.mapping.layout.{mapped.layout}"))
    st.dataframe(table(f, mapped), hide_index=True, width="stretch")
    held = overrides(file_id)
    with st.expander(f.t("data.mapping.change"), expanded=bool(held) or not mapped.ok):
        columns = [c for c in mapped.columns if c.header and not c.header.startswith(
            ("ปีงบประมาณ ", "หน่วยงาน "))][:MAX_SELECTS]
        for n, c in enumerate(columns):
            if n % 2 == 0:  # a row of two selects (in file order on a phone too)
                grid = st.columns(2)
            current = held.get(c.header, c.target)
            options = list(dict.fromkeys([current, *CHOICES]))
            if c.target not in FIELDS and c.target not in options:
                options.append(c.target)
            key = f"import-map-{file_id}-{n}"  # fresh selects for another file
            grid[n % 2].selectbox(
                c.header, options, index=options.index(current), key=key,
                format_func=lambda t: label(t, f.lang), on_change=_changed,
                args=(file_id, c.header, key))
        if held:
            st.button(f.t("data.mapping.reset"), key="import-map-reset", on_click=_reset,
                      args=(file_id,))



def unit_types(file_id: str) -> dict[str, str]:
    """The editor's types for new units of this file (name -> type)."""
    return _of_file(TYPES_KEY, file_id)


def _type_changed(file_id: str, name: str, key: str) -> None:
    held = unit_types(file_id)
    held[name] = str(st.session_state[key])
    st.session_state[TYPES_KEY] = (file_id, held)
    st.session_state[RECHECK_KEY] = True


def type_editor(f: Filters, new_units: pd.DataFrame, file_id: str) -> None:
    """A select per new unit (the first ``MAX_SELECTS``) to change the type its name says."""
    choices = ["unknown", *UNIT_TYPES]
    with st.expander(f.t("data.new_units.change")):
        for n, (name, current) in enumerate(zip(new_units["name_th"], new_units["unit_type"],
                                                strict=True)):
            if n >= MAX_SELECTS:
                break
            if n % 2 == 0:  # a row of two selects (in order on a phone too)
                grid = st.columns(2)
            key = f"import-type-{file_id}-{n}"
            shown = current if current in choices else "unknown"
            grid[n % 2].selectbox(str(name), choices, index=choices.index(shown), key=key,
                                  format_func=lambda t: _type_label(t, f.lang),
                                  on_change=_type_changed, args=(file_id, str(name), key))


def _type_label(code: str, lang: str) -> str:
    key = f"unit_type.{code}"
    return i18n.t(key, lang) if i18n.has(key) else i18n.t("data.new_units.unknown", lang)


def extras(f: Filters, levels: pd.DataFrame, new_units: pd.DataFrame,
           names: dict[str, str], file_id: str = "") -> None:
    """The printed levels and the new units (with their type) the import will store."""
    if not levels.empty:
        st.markdown(f"**{f.t('data.levels')}**")
        st.dataframe(pd.DataFrame({
            f.t("col.unit_name"): levels["unit_id"].map(lambda u: names.get(u, u)),
            f.t("col.fiscal_year") if i18n.has("col.fiscal_year") else "ปี": levels["fiscal_year"],
            f.t("col.level_printed"): levels["label_printed"],
            f.t("col.level_code"): levels["level_code"]}), hide_index=True, width="stretch")
    if not new_units.empty:
        st.markdown(f"**{f.t('data.new_units')}**")
        st.dataframe(pd.DataFrame({
            f.t("col.unit_name"): new_units["name_th"],
            f.t("col.new_unit_type"): [i18n.t(f"unit_type.{t}", f.lang)
                                       if i18n.has(f"unit_type.{t}") else t
                                       for t in new_units["unit_type"]]}),
            hide_index=True, width="stretch")
        if file_id:
            type_editor(f, new_units, file_id)
