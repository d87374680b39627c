"""Meeting outputs: one slide model, an editable PowerPoint deck, Excel workbooks, images.

- :mod:`ita_dash.deck.slides` — :func:`~ita_dash.deck.slides.build_deck` builds the slides of a
  unit, year, scope and dataset from the query layer (:mod:`ita_dash.deck.model` holds the
  plain data types, :mod:`ita_dash.deck.context` the request checks and the source line).
- :mod:`ita_dash.deck.pptx_deck` — the 16:9 deck with native PowerPoint charts and Thai fonts.
- :mod:`ita_dash.deck.excel` — any ``{sheet: DataFrame}`` as an .xlsx (numbers stay numbers).
- :mod:`ita_dash.deck.figures` — Plotly figures of the presentation page
  (:mod:`ita_dash.ui.presentation`); :mod:`ita_dash.images` — ``plotly_config()`` for PNG
  downloads. The deck's words are in :mod:`ita_dash.i18n` (``deck.*``), its colours in
  :mod:`ita_dash.palette`.
- :mod:`ita_dash.deck.render` — PPTX -> PDF -> PNG with LibreOffice, to check by eye.
- :mod:`ita_dash.deck.cli` — ``python -m ita_dash deck``.

Nothing here imports Streamlit.
"""
