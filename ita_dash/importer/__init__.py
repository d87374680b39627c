"""Bring your own results: import scores from Excel and CSV files.

The pipeline is ``readers`` (bytes -> a raw table with its header found) ->
``validate`` (raw table -> rows to store and a row-by-row report, no writes) ->
``store`` (one transaction per import, history, undo). ``auth`` decides who may
write; ``cli`` and the Data page (:mod:`ita_dash.ui.import_page`) are the two ways in.
See docs/IMPORT.md.

The pipeline is imported on first use: the shared rules (:mod:`ita_dash.rules`,
used by the build) import :mod:`ita_dash.importer.parse` without pulling in the
pipeline, which itself imports the build.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ita_dash.importer.pipeline import ImportOptions, prepare_import, run_import

__all__ = ["ImportOptions", "prepare_import", "run_import"]


def __getattr__(name: str) -> object:
    if name in __all__:
        from ita_dash.importer import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
