"""The coordinator's analysis report of a unit-year, drafted from the data (issue 20).

- :mod:`ita_dash.report.content` — :func:`~ita_dash.report.content.build_report`: the
  document's content (:mod:`ita_dash.report.model`) from the query layer and the registry,
  in the structure of the units' own reports: 1 ความเป็นมา, 2 ผลการประเมิน
  (:mod:`~ita_dash.report.results`), 3 มาตรการ (:mod:`~ita_dash.report.actions`), 4 sources;
  :mod:`ita_dash.report.data` gathers the query results (the deck's and its own).
- :mod:`ita_dash.report.charts` — PNG charts (matplotlib, 200 dpi, Sarabun).
- :mod:`ita_dash.report.docx_writer` — the Word document (python-docx; Thai font XML and
  fields in :mod:`ita_dash.report.docx_xml`).
- :mod:`ita_dash.report.pdf` — DOCX -> PDF through LibreOffice.
- :mod:`ita_dash.report.cli` — ``python -m ita_dash report``.

The words are in :mod:`ita_dash.i18n` (``report.*``). Nothing here imports Streamlit.
"""
