"""Compare units: two to five units side by side — totals, tools and the ten indicators over
the years, their radar overlaid, item scores where the frameworks agree."""

import streamlit as st

from ita_dash import ui
from ita_dash.scope import Scope
from ita_dash.ui import compare

f = ui.start("compare")
ui.page_title(f, "compare.title", show_scope=False)
units = compare.pick_units(f)
if len(units) < compare.MIN_UNITS:
    ui.message(f.t("compare.need_two"))
    st.stop()
scope = Scope.of_units(units)
compare.over_the_years(f, scope)
compare.radar_overlay(f, scope)
compare.items_side_by_side(f, scope)
compare.share_and_present(f, units)
