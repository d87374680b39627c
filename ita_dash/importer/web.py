"""Server-side actions of the Data page, bound to the Streamlit session.

The page calls these; each write checks, itself, that the session belongs to an
editor (:func:`ita_dash.importer.auth.session_actor`), whatever the page showed.
Nothing here draws widgets.
"""

from __future__ import annotations

import duckdb

from ita_dash.escape import md
from ita_dash.importer import auth
from ita_dash.importer.pipeline import (
    ImportOptions,
    Outcome,
    Plan,
    Progress,
    prepare_import,
    preview_warnings,
    run_import,
)
from ita_dash.importer.readers import max_upload_bytes
from ita_dash.importer.store import undo_import


def plain(text: object) -> str:
    """Text from a file made safe for ``st.markdown`` and friends (shown as typed)."""
    return md(text)


def upload_limit_mb() -> int:
    """The upload limit in whole MB: ``[import] max_mb`` in secrets, else ITA_IMPORT_MAX_MB."""
    configured = auth.secrets_section("import").get("max_mb")
    try:
        return max(1, int(float(configured))) if configured else max_upload_bytes() // 2**20
    except (TypeError, ValueError):
        return max_upload_bytes() // 2**20


def check_file(con: duckdb.DuckDBPyConnection, data: bytes, file_name: str,
               options: ImportOptions, progress: Progress) -> Plan:
    """Validate an upload and preview inconsistent totals; writes nothing."""
    options.max_bytes = upload_limit_mb() * 2**20
    plan = prepare_import(con, data, file_name, options, progress)
    if plan.ok:
        progress(0.85, "preview")
        preview_warnings(con, plan)
    progress(1.0, "done")
    return plan


def import_for_session(con: duckdb.DuckDBPyConnection, plan: Plan,
                       progress: Progress) -> Outcome:
    """Write a checked plan as the signed-in editor (refused for anyone else)."""
    actor = auth.session_actor()
    auth.require_editor(actor)
    return run_import(con, plan, actor=actor, progress=progress)


def undo_for_session(con: duckdb.DuckDBPyConnection, import_id: str) -> dict[str, int]:
    """Undo an import as the signed-in editor (refused for anyone else)."""
    actor = auth.session_actor()
    auth.require_editor(actor)
    return undo_import(con, import_id, actor=actor)
