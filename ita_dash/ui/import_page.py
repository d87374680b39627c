"""The Data page: templates, editor sign-in, upload, check, preview, confirm, history, undo.

Thai by default, English with ``?lang=en`` (the shared filters of :mod:`ita_dash.ui`).
Every text that comes from a file is shown in tables (``st.dataframe``) or
escaped with :func:`ita_dash.ui.import_actions.plain`; nothing is rendered as HTML.
Write controls are drawn only for editors, and the write functions
(:mod:`ita_dash.ui.import_actions`) check again.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import partial

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from ita_dash import i18n
from ita_dash.auth import Actor, NotAuthorized, password_configured
from ita_dash.editing.imports import UndoError
from ita_dash.editing.pipeline import ImportOptions, Plan, Progress, StaleError
from ita_dash.importer.templates import template_bytes
from ita_dash.safe_files import csv_bytes, xlsx_bytes
from ita_dash.store.files import StoreError
from ita_dash.ui import auth, framework_import
from ita_dash.ui import import_actions as actions
from ita_dash.ui import import_mapping as mapping_ui
from ita_dash.ui.data import built_datasets, cursor, frameworks_overview, own_cursor
from ita_dash.ui.render import readable_stem
from ita_dash.ui.state import Filters, dataset_label, label_of

LOG = logging.getLogger(__name__)


PLAN_KEY = "_ita_import_plan"
FLASH_KEY = "_ita_import_flash"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PREVIEW_ROWS = 500


def render(f: Filters) -> None:
    st.title(f.t("data.title"))
    st.caption(f.t("data.intro"))
    flash()
    actor = auth.session_actor()
    script = auth.pending_cookie_script()
    if script:
        st.html(script, unsafe_allow_javascript=True)
    sign_in(f, actor)
    if actor.is_editor:
        upload(f)
    templates(f)
    history(f, actor)


def flash() -> None:
    message = st.session_state.pop(FLASH_KEY, None)
    if message:
        st.success(actions.plain(message), icon=":material/check_circle:")


# ------------------------------------------------------------------------ sign-in


def sign_in(f: Filters, actor: Actor) -> None:
    st.subheader(f.t("data.signin"))
    if actor.is_editor:
        row = st.container(horizontal=True, vertical_alignment="center")
        who = actor.name.split(":", 1)[-1]  # the name, not the sign-in method
        row.caption(actions.plain(f.t("data.signed_in", who=who)))
        row.button(f.t("data.signout"), on_click=auth.sign_out, key="import-signout")
        return
    st.caption(f.t("data.signin.why"))
    editors = auth.secrets_section("editors")
    if auth.oidc_configured():
        oidc_sign_in(f, editors)
    elif password_configured(editors):
        password_sign_in(f)
    else:
        st.info(f.t("data.signin.none"), icon=":material/lock:")


def oidc_sign_in(f: Filters, editors: Mapping[str, object]) -> None:
    if getattr(st.user, "is_logged_in", False):
        who = str(st.user.get("email") or "?")
        st.warning(actions.plain(f.t("data.signin.not_editor", who=who)))
        st.button(f.t("data.signout"), on_click=auth.sign_out, key="import-signout")
        return
    provider = editors.get("provider")
    st.button(f.t("data.signin.oidc"), on_click=st.login, args=(provider,) if provider else (),
              type="primary", key="import-login", icon=":material/login:")


def password_sign_in(f: Filters) -> None:
    with st.form("import-signin", clear_on_submit=True):
        name = st.text_input(f.t("data.signin.name"), max_chars=60)
        password = st.text_input(f.t("data.signin.password"), type="password", max_chars=200)
        if st.form_submit_button(f.t("data.signin.submit"), type="primary"):
            if auth.sign_in_with_password(password, name):
                st.rerun()
            st.error(f.t("data.signin.failed"))


# ------------------------------------------------------------------------- upload


def uploader_css(f: Filters, limit: int) -> str:
    """The uploader's own English texts replaced by the app's labels (Thai or English)."""
    def css(text: str) -> str:
        return '"' + text.replace("\\", "").replace('"', "'") + '"'

    drop, limit_text, browse = (f.t("data.upload.drop"), f.t("data.upload.limit", mb=limit),
                                f.t("data.upload.browse"))
    return f"""<style>
[data-testid="stFileUploaderDropzoneInstructions"] span,
[data-testid="stFileUploaderDropzoneInstructions"] small {{ display: none; }}
[data-testid="stFileUploaderDropzoneInstructions"] > div::after {{
  content: {css(drop)} "\\A" {css(limit_text)}; white-space: pre; }}
[data-testid="stFileUploaderDropzone"] button {{ font-size: 0; }}
[data-testid="stFileUploaderDropzone"] button > * {{ display: none; }}
[data-testid="stFileUploaderDropzone"] button::after {{ content: {css(browse)};
  font-size: 1rem; }}
</style>"""


def wording(text: object, lang: str) -> str:
    """A validation message for the page: options by their labels, not command-line flags."""
    if text is None or (isinstance(text, float) and text != text):
        return ""
    shown = str(text)
    for flag, key in (("--add-units", "data.upload.add_units"),
                      ("--replace", "data.upload.replace")):
        shown = shown.replace(flag, "“" + i18n.t(key, lang) + "”")
    return shown


def upload(f: Filters) -> None:
    st.subheader(f.t("data.upload"))
    kinds = {"scores": f.t("data.kind.scores"), "framework": f.t("data.kind.framework")}
    kind = st.radio(f.t("data.kind"), list(kinds), format_func=label_of(kinds), horizontal=True,
                    key="import-kind")
    if kind == "framework":
        framework_import.upload(f)
        return
    limit = actions.upload_limit_mb()
    st.html(uploader_css(f, limit))
    file = st.file_uploader(f.t("data.upload.file", mb=limit), type=["xlsx", "csv"],
                            max_upload_size=limit, key="import-file")
    cols = st.columns(3)
    dataset = cols[0].selectbox(f.t("data.upload.dataset"), built_datasets(), key="import-dataset",
                                format_func=lambda d: dataset_label(d, f.lang))
    add_units = cols[1].checkbox(f.t("data.upload.add_units"), key="import-add-units")
    replace = cols[2].checkbox(f.t("data.upload.replace"), key="import-replace")
    year, unit = mapping_ui.given(f, st.columns(2))
    if file is None:
        st.session_state.pop(PLAN_KEY, None)
        return
    overrides = mapping_ui.overrides(file.file_id)
    types = mapping_ui.unit_types(file.file_id)
    options = ImportOptions(dataset=dataset, add_units=add_units, replace=replace, year=year,
                            unit=unit, overrides=overrides, unit_types=types)
    token = (file.file_id, dataset, add_units, replace, year, unit,
             tuple(sorted(overrides.items())), tuple(sorted(types.items())))
    if st.button(f.t("data.upload.check"), type="primary", key="import-check",
                 icon=":material/fact_check:") or st.session_state.pop(mapping_ui.RECHECK_KEY,
                                                                         False):
        bar = st.progress(0.0)
        plan = actions.check_file(cursor(), file.getvalue(), file.name, options, progress(bar, f))
        st.session_state[PLAN_KEY] = (token, plan)
    held = st.session_state.get(PLAN_KEY)
    if held and held[0] == token:
        pending(f, held[1], file.file_id)


def progress(bar: DeltaGenerator, f: Filters) -> Progress:
    def update(fraction: float, stage: str) -> None:
        bar.progress(min(max(fraction, 0.0), 1.0), text=f.t(f"data.progress.{stage}"))

    return update


def pending(f: Filters, plan: Plan, file_id: str) -> None:
    counts = plan.counts()
    st.markdown(actions.plain(f.t("data.summary", file=plan.file_name, **counts)))
    if plan.mapping is not None:
        mapping_ui.editor(f, plan.mapping, file_id)
    if not plan.ok:
        st.error(f.t("data.has_errors"), icon=":material/error:")
    elif plan.to_write.empty and plan.levels.empty:
        st.info(f.t("data.nothing"), icon=":material/info:")
    else:
        preview(f, plan, file_id)
    report(f, plan)
    if plan.ok and not (plan.to_write.empty and plan.levels.empty):
        confirm(f, plan)


def preview(f: Filters, plan: Plan, file_id: str = "") -> None:
    st.markdown(f"**{f.t('data.preview')}**")
    shown = plan.to_write.head(PREVIEW_ROWS)[list(i18n.columns("data.cols.preview"))].copy()
    shown["status"] = shown["status"].map(lambda s: f.t(f"data.status.{s}"))
    names = framework_names(f.lang)  # frameworks by their names, not their ids
    shown["framework_id"] = shown["framework_id"].map(lambda x: names.get(x, x))
    shown = shown.astype(object).where(shown.notna(), "")  # a blank, never "None"
    st.dataframe(shown.rename(columns=i18n.columns("data.cols.preview", f.lang)),
                 hide_index=True, width="stretch", height=260)
    names = dict(zip(plan.rows["unit_id"], plan.rows["unit_name"], strict=False)) \
        if not plan.rows.empty else {}
    mapping_ui.extras(f, plan.levels, plan.new_units, names, file_id)


def report(f: Filters, plan: Plan) -> None:
    st.markdown(f"**{f.t('data.report')}**")
    frame = plan.report.frame()
    if frame.empty:
        st.caption(f.t("data.report.none"))
        return
    problems = frame["problem_th" if f.lang == "th" else "problem_en"]
    shown = frame.assign(problem=[wording(p, f.lang) for p in problems],
                         column=[i18n.column_label("data.cols.file", c, f.lang) for c in frame["column"]],
                         severity=frame["severity"].map(lambda s: f.t(f"data.severity.{s}")))
    shown = shown[list(i18n.columns("data.cols.report"))].astype(object).where(shown.notna(), "")
    st.dataframe(shown.rename(columns=i18n.columns("data.cols.report", f.lang)),
                 hide_index=True, width="stretch", height=260)
    worded = frame.assign(**{c: [wording(p, c[-2:]) for p in frame[c]]
                             for c in ("problem_th", "problem_en") if c in frame})
    stem = readable_stem(f.t("data.report"), plan.file_name)
    row = st.container(horizontal=True, gap="small")
    row.download_button(f.t("data.report.csv"), data=lambda: csv_bytes(worded),
                        file_name=f"{stem}.csv", mime="text/csv", on_click="ignore",
                        key="import-report-csv", icon=":material/download:")
    row.download_button(f.t("data.report.xlsx"), data=lambda: xlsx_bytes({"report": worded}),
                        file_name=f"{stem}.xlsx", mime=XLSX_MIME, on_click="ignore",
                        key="import-report-xlsx", icon=":material/table_view:")


def confirm(f: Filters, plan: Plan) -> None:
    n = len(plan.to_write)
    if not st.button(f.t("data.confirm", n=n), type="primary", key="import-confirm",
                     icon=":material/save:"):
        return
    bar = st.progress(0.0)
    try:
        outcome = actions.import_for_session(cursor(), plan, progress(bar, f))
    except NotAuthorized:
        st.error(f.t("data.refused"))
        return
    except StaleError:
        st.session_state.pop(PLAN_KEY, None)
        st.error(f.t("data.stale"))
        return
    except StoreError as exc:  # a stored import damaged: named, with what to do
        st.error(actions.plain(exc.th if f.lang == "th" else exc.en))
        return
    except Exception:  # noqa: BLE001 - e.g. two confirms at once: a message, never a trace
        LOG.exception("import failed")
        st.session_state.pop(PLAN_KEY, None)
        st.error(f.t("data.failed"))
        return
    st.session_state.pop(PLAN_KEY, None)
    st.session_state[FLASH_KEY] = f.t("data.nothing") if outcome.import_id is None else \
        f.t("data.done", n=outcome.written, id=outcome.import_id)
    st.rerun()


# ----------------------------------------------------------------------- templates


def templates(f: Filters) -> None:
    st.subheader(f.t("data.templates"))
    st.caption(f.t("data.templates.help"))
    overview = frameworks_overview().sort_values(["last_year", "first_year"], ascending=False)
    frameworks = list(overview["framework_id"])
    names = dict(zip(overview["framework_id"],
                     overview["name_en" if f.lang == "en" else "name_th"], strict=True))
    framework = st.selectbox(f.t("data.template.framework"), frameworks, key="import-template-fw",
                             format_func=label_of(names))
    row = st.container(horizontal=True, gap="small")
    for layout in ("long", "wide"):
        for fmt, mime in (("xlsx", XLSX_MIME), ("csv", "text/csv")):
            label = f"{f.t(f'data.template.{layout}')} ({fmt.upper()})"
            row.download_button(
                label, data=partial(template_bytes, own_cursor(), layout=layout, fmt=fmt,
                                    framework_id=framework),
                file_name=readable_stem(f.t("data.template.file"), f.t(f"data.template.{layout}"),
                                        names[framework] if layout == "wide" else "") + f".{fmt}",
                mime=mime, on_click="ignore",
                key=f"import-template-{layout}-{fmt}", icon=":material/download:")
    framework_import.templates(f)


# ------------------------------------------------------------------ history, undo


def history(f: Filters, actor: Actor) -> None:
    st.subheader(f.t("data.history"))
    frame = actions.history(cursor())
    if frame.empty:
        st.caption(f.t("data.history.none"))
        return
    columns = [c for c in i18n.columns("data.cols.history") if actor.is_editor or c != "imported_by"]
    shown = frame[columns].astype(object).where(frame[columns].notna(), "")
    shown["kind"] = [f.t(f"data.kind.value.{k}") for k in shown["kind"]]
    if "imported_by" in shown:  # the person, not how they signed in ("password:ผู้ทดสอบ")
        shown["imported_by"] = [str(w).split(":", 1)[-1] for w in shown["imported_by"]]
    if "dataset" in shown:
        shown["dataset"] = [dataset_label(d, f.lang) for d in shown["dataset"]]
    shown = shown.rename(columns=i18n.columns("data.cols.history", f.lang))
    st.dataframe(shown, hide_index=True, width="stretch")
    if actor.is_editor:
        undo(f, frame)


def undo(f: Filters, frame: pd.DataFrame) -> None:
    st.markdown(f"**{f.t('data.undo')}**")
    active = frame[frame["undone_at"].isna()]
    if active.empty:
        st.caption(f.t("data.undo.none"))
        return
    names = {r.import_id: f"{r.import_id} · {r.file_name} · {r.imported_at:%Y-%m-%d %H:%M}"
             for r in active.itertuples()}
    import_id = st.selectbox(f.t("data.undo.pick"), list(names), format_func=label_of(names),
                             key="import-undo-pick")
    sure = st.checkbox(f.t("data.undo.sure"), key="import-undo-sure")
    if not st.button(f.t("data.undo.button"), disabled=not sure, key="import-undo",
                     icon=":material/undo:"):
        return
    try:
        done = actions.undo_for_session(import_id)
    except NotAuthorized:
        st.error(f.t("data.refused"))
        return
    except (UndoError, StoreError) as exc:
        st.error(actions.plain(exc.th if f.lang == "th" else exc.en))
        return
    except Exception:  # noqa: BLE001 - a message, never a trace
        LOG.exception("undo failed")
        st.error(f.t("data.failed"))
        return
    key = "data.fw.undo.done" if done.get("frameworks") else "data.undo.done"
    st.session_state[FLASH_KEY] = f.t(key, id=import_id, **done)
    st.rerun()


def framework_names(lang: str) -> dict[str, str]:
    overview = frameworks_overview()
    return dict(zip(overview["framework_id"],
                    overview["name_en" if lang == "en" else "name_th"], strict=True))
