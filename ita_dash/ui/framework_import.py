"""The Data page's framework part: the framework template, upload, check, preview, confirm.

Drawn by :mod:`ita_dash.ui.import_page`; the work is done by
:mod:`ita_dash.ui.import_actions` (which calls :mod:`ita_dash.importer.frameworks` and
:mod:`ita_dash.editing.frameworks`). Text from files is shown in tables or escaped.
"""

from __future__ import annotations

import logging
from functools import partial

import pandas as pd
import streamlit as st

from ita_dash import i18n
from ita_dash.auth import NotAuthorized
from ita_dash.editing.frameworks import FrameworkStale
from ita_dash.importer.framework_files import framework_template
from ita_dash.importer.frameworks import FrameworkPlan
from ita_dash.ui import import_actions as actions
from ita_dash.ui.data import cursor, frameworks_overview, own_cursor
from ita_dash.ui.state import Filters, label_of

LOG = logging.getLogger(__name__)
PLAN_KEY = "_ita_framework_plan"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BLANK = ""


def _names(f: Filters) -> dict[str, str]:
    overview = frameworks_overview().sort_values(["last_year", "first_year"], ascending=False)
    return dict(zip(overview["framework_id"], overview["name_en" if f.lang == "en" else "name_th"],
                    strict=True))


def _template(framework_id: str, fmt: str) -> bytes:
    files = framework_template(own_cursor() if framework_id else None,
                               framework_id=framework_id or None, fmt=fmt)
    return next(iter(files.values()))


def templates(f: Filters) -> None:
    """The framework template, blank or pre-filled, as Excel or as CSVs in a ZIP (for all)."""
    st.markdown(f"**{f.t('data.fw.templates')}**")
    st.caption(f.t("data.fw.templates.help"))
    names = {BLANK: f.t("data.fw.template.blank"), **_names(f)}
    chosen = st.selectbox(f.t("data.fw.template.pick"), list(names), key="fw-template-pick",
                          format_func=label_of(names))
    row = st.container(horizontal=True, gap="small")
    stem = f"ita-framework-{chosen or 'new'}"
    for fmt, mime in (("xlsx", XLSX_MIME), ("zip", "application/zip")):
        row.download_button(f.t(f"data.fw.template.{fmt}"), data=partial(_template, chosen, fmt),
                            file_name=f"{stem}.{fmt}", mime=mime, on_click="ignore",
                            key=f"fw-template-{fmt}", icon=":material/download:")


def upload(f: Filters) -> None:
    """Editors: upload a filled template, check it, see what it holds, confirm."""
    files = st.file_uploader(f.t("data.fw.file"), type=["xlsx", "csv", "zip"],
                             accept_multiple_files=True, key="fw-files")
    if not files:
        st.session_state.pop(PLAN_KEY, None)
        return
    contents = [(file.name, file.getvalue()) for file in files]
    token = tuple(file.file_id for file in files)
    if st.button(f.t("data.fw.check"), type="primary", key="fw-check",
                 icon=":material/fact_check:"):
        st.session_state[PLAN_KEY] = (token, actions.check_framework(cursor(), contents))
    held = st.session_state.get(PLAN_KEY)
    if held and held[0] == token:
        pending(f, held[1], contents)


def pending(f: Filters, plan: FrameworkPlan, contents: list[tuple[str, bytes]]) -> None:
    counts = plan.counts()
    name = plan.parts.row.get("name_en" if f.lang == "en" else "name_th", "") if plan.parts \
        else ""
    st.markdown(actions.plain(f.t("data.fw.summary", file=plan.file_name, name=name, **counts)))
    if not plan.ok:
        st.error(f.t("data.has_errors"), icon=":material/error:")
        if not plan.broken.empty:
            st.markdown(f"**{f.t('data.fw.broken')}**")
            shown = plan.broken[list(i18n.columns("data.cols.broken"))]
            st.dataframe(shown.rename(columns=i18n.columns("data.cols.broken", f.lang)),
                         hide_index=True, width="stretch")
    else:
        st.info(f.t("data.fw.new" if plan.replaces is None else "data.fw.replaces"),
                icon=":material/info:")
        preview(f, plan)
    report(f, plan)
    if plan.ok:
        confirm(f, plan, contents)


def preview(f: Filters, plan: FrameworkPlan) -> None:
    st.markdown(f"**{f.t('data.fw.nodes')}**")
    nodes = plan.nodes.reindex(columns=list(i18n.columns("data.cols.node"))).copy()
    nodes["kind"] = [f.t(f"data.node.{k}") for k in nodes["kind"]]
    nodes["status"] = [i18n.status_label(s, f.lang) for s in nodes["status"]]
    st.dataframe(_shown(nodes, "data.cols.node", f.lang), hide_index=True, width="stretch",
                 height=260)
    if not plan.levels.empty:
        st.markdown(f"**{f.t('data.fw.levels')}**")
        levels = plan.levels.reindex(columns=list(i18n.columns("data.cols.level"))).copy()
        levels["status"] = [i18n.status_label(s, f.lang) for s in levels["status"]]
        st.dataframe(_shown(levels, "data.cols.level", f.lang), hide_index=True,
                     width="stretch")


def _shown(frame: pd.DataFrame, prefix: str, lang: str) -> pd.DataFrame:
    frame = frame.astype(object).where(frame.notna(), "")
    return frame.rename(columns=i18n.columns(prefix, lang))


def report(f: Filters, plan: FrameworkPlan) -> None:
    st.markdown(f"**{f.t('data.report')}**")
    frame = plan.report.frame()
    if frame.empty:
        st.caption(f.t("data.report.none"))
        return
    shown = frame.assign(
        problem=frame["problem_th" if f.lang == "th" else "problem_en"],
        severity=frame["severity"].map(lambda s: f.t(f"data.severity.{s}")))
    shown = shown[list(i18n.columns("data.cols.framework_report"))]
    st.dataframe(_shown(shown, "data.cols.framework_report", f.lang), hide_index=True,
                 width="stretch", height=220)
    st.download_button(f.t("data.report.xlsx"), data=plan.report.to_xlsx_bytes,
                       file_name="framework-report.xlsx", mime=XLSX_MIME, on_click="ignore",
                       key="fw-report-xlsx", icon=":material/table_view:")


def confirm(f: Filters, plan: FrameworkPlan, contents: list[tuple[str, bytes]]) -> None:
    if not st.button(f.t("data.fw.confirm"), type="primary", key="fw-confirm",
                     icon=":material/save:"):
        return
    try:
        import_id = actions.framework_for_session(plan, contents)
    except NotAuthorized:
        st.error(f.t("data.refused"))
        return
    except FrameworkStale as exc:
        st.session_state[PLAN_KEY] = (st.session_state[PLAN_KEY][0], exc.plan)
        st.error(f.t("data.fw.stale"))
        return
    except Exception:  # noqa: BLE001 - a message, never a trace
        LOG.exception("framework import failed")
        st.session_state.pop(PLAN_KEY, None)
        st.error(f.t("data.failed"))
        return
    st.session_state.pop(PLAN_KEY, None)
    st.session_state["_ita_import_flash"] = f.t("data.fw.done", id=import_id)
    st.rerun()
