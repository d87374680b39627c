"""The unit profile's download of the analysis report (Word), built only when clicked."""

from __future__ import annotations

import streamlit as st

from ita_dash.i18n import t
from ita_dash.report.content import build_report, failure_report
from ita_dash.report.docx_writer import DOCX_MIME, docx_bytes
from ita_dash.ui.data import cursor
from ita_dash.ui.state import Filters


def _report_bytes(dataset: str, unit_id: str, year: int, lang: str) -> bytes:
    try:
        return docx_bytes(build_report(cursor(), dataset=dataset, unit_id=unit_id, year=year,
                                       lang=lang))
    except Exception as exc:  # never a raw exception on the page: the file says what failed
        reason = getattr(exc, "th" if lang == "th" else "en", None) or type(exc).__name__
        return docx_bytes(failure_report(dataset=dataset, unit_id=unit_id, year=year,
                                         lang=lang, reason=str(reason)))


def report_button(filters: Filters, year: int) -> None:
    """A download button for the unit-year's analysis report (the unit's default comparison
    group, as the ``report`` command)."""
    unit = filters.unit or ""
    st.download_button(
        t("report.download", filters.lang), on_click="ignore", mime=DOCX_MIME,
        data=lambda: _report_bytes(filters.dataset, unit, year, filters.lang),
        file_name=f"ita-report-{unit}-{year}-{filters.dataset}.docx",
        help=t("report.download_help", filters.lang), icon=":material/description:",
        key=f"report_docx_{unit}_{year}")
