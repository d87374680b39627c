"""My unit: the viewer's dataset, unit and group (scope) remembered in the browser (a
first-party cookie, no network), so that the next visit opens on them; the link carries
them too (``dataset``, ``unit``, ``scope`` in the URL). The overview then answers "where do
I stand" for that unit first."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ita_dash.escape import md
from ita_dash.i18n import pick, t
from ita_dash.ui.mine_cookie import _HELD, _SAFE, COOKIE, MAX_AGE, remembered
from ita_dash.ui.state import Filters


def _encode(filters: Filters) -> str | None:
    parts = [filters.dataset, filters.unit or "", filters.scope.token()]
    value = "~".join(parts)
    return value if all(_SAFE.fullmatch(p) for p in parts) else None


def is_mine(filters: Filters) -> bool:
    mine = remembered()
    return bool(mine) and mine.get("unit") == filters.unit and \
        mine.get("dataset") == filters.dataset


_PENDING = "_ita_mine_pending"  # the cookie value to write on this run ("" clears it)
PARAMS = ("dataset", "unit", "scope")


def _set(value: str) -> None:
    st.session_state[_HELD] = value
    st.session_state[_PENDING] = value


def cookie_script() -> str | None:
    """Once after a change: the script storing (or clearing) the cookie."""
    if _PENDING not in st.session_state:
        return None
    value = st.session_state.pop(_PENDING)
    assert value == "" or all(_SAFE.fullmatch(p) for p in value.split("~"))
    age = MAX_AGE if value else 0
    return ("<script>(function(){var d=window.parent?window.parent.document:document;"
            "var s=location.protocol==='https:'?';Secure':'';"
            f"d.cookie='{COOKIE}={value};Path=/;Max-Age={age};SameSite=Lax'+s;}})();</script>")


def sidebar_button(filters: Filters) -> None:
    """'This is my unit' (remember it) or 'forget my unit', in the sidebar."""
    script = cookie_script()
    if script:
        st.html(script, unsafe_allow_javascript=True)
    if not filters.unit:
        return
    lang = filters.lang
    if is_mine(filters):
        st.caption(md(t("mine.is", lang, unit=filters.unit_label)))
        st.button(t("mine.forget", lang), key="mine_forget", on_click=_set, args=("",),
                  icon=":material/bookmark_remove:")
        return
    value = _encode(filters)
    if value is not None:
        st.button(t("mine.set", lang, unit=filters.unit_label), key="mine_set",
                  on_click=_set, args=(value,), icon=":material/bookmark_add:",
                  help=t("mine.help", lang))


def where_i_stand(filters: Filters, ranking: pd.DataFrame) -> None:
    """The chosen (or my) unit's place in the scope first: rank of n, score, level, pass,
    change since its previous year."""
    if not filters.unit or "unit_id" not in ranking:
        return
    rows = ranking[ranking["unit_id"] == filters.unit]
    if rows.empty:
        return
    row = rows.iloc[0]
    lang = filters.lang
    n = int(row["n_in_type"]) if "n_in_type" in row else len(ranking)
    key = "mine.stand_mine" if is_mine(filters) else "mine.stand"
    level = pick(row.get("level_th"), row.get("level_en"), lang) or t("profile.level_unknown", lang)
    passed = (f"{t('col.passed', lang)}: {pick(row['passed_th'], row['passed_en'], lang)}"
              if "passed_th" in row else "")
    change = "" if pd.isna(row.get("delta_points")) else t(
        "mine.change", lang, delta=f"{row['delta_points']:+.2f}")
    text = t(key, lang, unit=md(filters.unit_label), rank=int(row["rank"]), n=f"{n:,}",
             score=f"{row['score']:.2f}", level=md(level), passed=md(passed), change=change)
    st.success(text, icon=":material/person_pin_circle:")
