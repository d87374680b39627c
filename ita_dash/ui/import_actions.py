"""What the Data page does to the data: check a file, import it, undo, read the history.

The one place where the page reaches the importer's write side, so that the storage
behind it can change here alone. Each write checks, itself, that the session belongs
to an editor (:func:`ita_dash.ui.auth.session_actor`), whatever the page showed.
Nothing here draws widgets.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from ita_dash.auth import require_editor
from ita_dash.editing.imports import import_history, undo_import
from ita_dash.editing.pipeline import (
    ImportOptions,
    Outcome,
    Plan,
    Progress,
    prepare_import,
    preview_warnings,
    run_import,
)
from ita_dash.escape import md
from ita_dash.importer.frameworks import FrameworkPlan, prepare_framework_import
from ita_dash.importer.readers import max_upload_bytes
from ita_dash.ui.auth import secrets_section, session_actor


def plain(text: object) -> str:
    """Text from a file made safe for ``st.markdown`` and friends (shown as typed)."""
    return md(text)


def upload_limit_mb() -> int:
    """The upload limit in whole MB: ``[import] max_mb`` in secrets, else ITA_IMPORT_MAX_MB."""
    configured = secrets_section("import").get("max_mb")
    try:
        return max(1, int(float(str(configured)))) if configured else max_upload_bytes() // 2**20
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
    actor = session_actor()
    require_editor(actor)
    return run_import(con, plan, actor=actor, progress=progress)


def undo_for_session(import_id: str) -> dict[str, int]:
    """Undo an import as the signed-in editor (refused for anyone else)."""
    actor = session_actor()
    require_editor(actor)
    return undo_import(import_id, actor=actor)


def history(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every import, newest first."""
    return import_history(con)


def check_framework(con: duckdb.DuckDBPyConnection,
                    files: list[tuple[str, bytes]]) -> FrameworkPlan:
    """Check a framework template (one XLSX or ZIP, or CSV parts); writes nothing."""
    return prepare_framework_import(con, files)


def framework_for_session(plan: FrameworkPlan, files: list[tuple[str, bytes]]) -> str:
    """Store a checked framework as the signed-in editor (refused for anyone else)."""
    from ita_dash.editing.frameworks import commit_framework

    actor = session_actor()
    require_editor(actor)
    return commit_framework(plan, files, actor=actor).import_id
