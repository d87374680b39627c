"""ITA Dashboard — run with ``streamlit run app.py``.

The list below is the whole app: each page is served at ``/<url path>`` and titled by the
i18n entry ``page.<url path>``; a new page is one more line (and its file in ``pages/``).
Filters, cached data and rendering live in :mod:`ita_dash.ui`.
"""

from ita_dash import ui

PAGES = [  # file, URL path, icon
    ui.page("pages/1_overview.py", "overview", ":material/leaderboard:"),
    ui.page("pages/2_groups.py", "groups", ":material/workspaces:"),
    ui.page("pages/3_unit_profile.py", "unit_profile", ":material/account_balance:"),
    ui.page("pages/4_weakest_indicators.py", "weakest_indicators", ":material/grid_on:"),
    ui.page("pages/5_zero_items.py", "zero_items", ":material/rule:"),
    ui.page("pages/6_about.py", "about", ":material/info:"),
    ui.page("pages/7_data.py", "data", ":material/upload_file:"),
    ui.page("pages/8_presentation.py", "presentation", ":material/slideshow:"),
    ui.page("pages/9_compare.py", "compare", ":material/compare_arrows:"),
]
try:
    ui.navigation(PAGES).run()
finally:  # also after st.stop(): a page that stops early keeps its sidebar
    ui.finish()
