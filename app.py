"""ITA Dashboard — run with ``streamlit run app.py``.

The pages are the files in ``pages/`` (Streamlit serves each at ``/<name>``);
filters, caching and rendering live in :mod:`ita_dash.ui`. This entry page
opens the first page, keeping the filters given in the URL.
"""

from ita_dash import ui

ui.home()
