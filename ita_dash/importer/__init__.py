"""Bring your own results: import scores from Excel and CSV files.

The pipeline is ``readers`` (bytes -> a raw table with its header found) ->
``validate`` (raw table -> rows to store and a row-by-row report, no writes) ->
``store`` (one transaction per import, history, undo). ``auth`` decides who may
write; ``cli`` and the Data page (:mod:`ita_dash.ui.import_page`) are the two ways in.
See docs/IMPORT.md.
"""

from __future__ import annotations

from ita_dash.importer.pipeline import ImportOptions, prepare_import, run_import

__all__ = ["ImportOptions", "prepare_import", "run_import"]
