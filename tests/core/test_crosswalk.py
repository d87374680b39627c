"""The item crosswalk (data/frameworks/crosswalk.csv): validated with the shared rules, and
used by the zero streaks and by item comparability across frameworks."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from ita_dash import queries as q
from ita_dash import tables
from ita_dash.build import insert_frame
from ita_dash.config import DEFAULT_DATA_DIR
from ita_dash.loader import load_source_data
from ita_dash.page_tables import refresh_page_tables
from ita_dash.problems import DataError
from ita_dash.scope import Scope

HEADER = "from_framework,from_code,to_framework,to_code,status,source_id,note\n"


def test_the_crosswalk_holds_only_sourced_pairs_and_none_is_sourced_yet() -> None:
    # FRAMEWORKS.md gives the 2566 O-ranges per sub-indicator, not which item became which
    text = (DEFAULT_DATA_DIR / "frameworks" / "crosswalk.csv").read_text(encoding="utf-8")
    assert text == HEADER
    assert load_source_data(DEFAULT_DATA_DIR).tables["item_crosswalk"].empty


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, root, ignore=shutil.ignore_patterns("*.duckdb*"))
    return root


def test_bad_crosswalk_rows_are_refused_naming_row_column_and_value(data_copy: Path) -> None:
    (data_copy / "frameworks" / "crosswalk.csv").write_text(HEADER + "\n".join([
        "nacc-2563,O1,nacc-2566,O1,unconfirmed,fw-notes,ok",        # line 2: accepted
        "nacc-2563,O99,nacc-2566,O1,unconfirmed,fw-notes,",         # 3: no such code
        "nacc-2563,O1,nacc-2599,O1,unconfirmed,fw-notes,",          # 4: no such framework
        "nacc-2563,9.1,nacc-2566,9.1,unconfirmed,fw-notes,",        # 5: not items
        "nacc-2563,O1,nacc-2563,O2,unconfirmed,fw-notes,",          # 6: one framework
        "nacc-2563,O1,nacc-2566,O1,guessed,nowhere,",               # 7: status, source, twice
    ]) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_source_data(data_copy)
    found = [(p.file, p.row, p.column, p.value, p.en) for p in caught.value.problems]
    file = "data/frameworks/crosswalk.csv"
    assert found == [
        (file, 3, "from_code", "O99", "code is not in framework nacc-2563"),
        (file, 4, "to_framework", "nacc-2599", found[1][4]),
        (file, 5, "from_code", "9.1", "9.1 is not an item of framework nacc-2563"),
        (file, 5, "to_code", "9.1", "9.1 is not an item of framework nacc-2566"),
        (file, 6, "to_framework", "nacc-2563",
         "a crosswalk pairs items of two different frameworks"),
        (file, 7, "status", "guessed", found[5][4]),
        (file, 7, "source_id", "nowhere", "unknown source (see data/sources.csv)"),
        (file, 7, "to_code", "O1", "duplicate pair")]
    assert found[1][4].startswith("unknown framework (known: ")
    assert all(p.th for p in caught.value.problems)


def _pair_every_o_item(con: duckdb.DuckDBPyConnection) -> None:
    """A test-only crosswalk: demo's nacc-2563 O-k <-> bma-2567 O-k (k = 1..22)."""
    insert_frame(con, "item_crosswalk", pd.DataFrame([{
        "from_framework": "nacc-2563", "from_code": f"O{k}", "to_framework": "bma-2567",
        "to_code": f"O{k}", "status": "unconfirmed", "source_id": None, "note": "test"}
        for k in range(1, 23)]))
    refresh_page_tables(con, "demo")  # what the build derives from the crosswalk, as a build would


def test_zero_streaks_cross_frameworks_only_through_the_crosswalk(db_copy: Path) -> None:
    con = duckdb.connect(str(db_copy))
    before = q.consecutive_zero_items(con, dataset="demo", year=2566, scope=Scope())
    assert before.empty  # 2566 is bma-2567, 2565 nacc-2563: nothing pairs them
    blocked = q.item_comparability(con, dataset="demo", scope=Scope(), year=2566)
    assert len(blocked) == 50 and not blocked["comparable"].any()
    _pair_every_o_item(con)
    after = q.consecutive_zero_items(con, dataset="demo", year=2566, scope=Scope())
    zero = con.execute("""
        SELECT v.unit_id, v.fiscal_year, v.code FROM node_values v
        WHERE v.dataset = 'demo' AND v.kind = 'item' AND v.code LIKE 'O%' AND v.value <= 0
          AND v.fiscal_year IN (2565, 2566)""").df()
    at = {y: set(zip(z["unit_id"], z["code"], strict=True))
          for y, z in zero.groupby("fiscal_year")}
    expected = {(u, c) for u, c in at[2566] if (u, c) in at[2565]}
    assert expected and set(zip(after["unit_id"], after["code"], strict=True)) == expected
    assert (after["zero_streak"] >= 2).all() and (after["first_year"] <= 2565).all()
    paired = q.item_comparability(con, dataset="demo", scope=Scope(), year=2566)
    assert paired["comparable"].all() and set(paired["n_pairs"]) == {22}
    con.close()


def test_references_sit_beside_the_items_with_the_difference() -> None:
    items = pd.DataFrame({"code": ["I1", "I2"], "score": [90.0, 70.5], "seq": [1, 2],
                          "label_th": ["ก", "ข"]})
    refs = pd.DataFrame({"code": ["I2", "I3"], "ref_kind": ["bangkok_mean"] * 2,
                         "score": [81.47, 82.09], "seq": [2, 3], "label_th": ["ข", "ค"]})
    merged, kinds = tables.with_references(items, refs, keep_unscored=True)
    assert kinds == ["bangkok_mean"]
    assert merged[["code", "score", "ref__bangkok_mean", "refdiff__bangkok_mean"]].astype(
        object).where(merged.notna(), None).values.tolist() == [
        ["I1", 90.0, None, None], ["I2", 70.5, 81.47, -10.97], ["I3", None, 82.09, None]]
    assert merged["label_th"].tolist() == ["ก", "ข", "ค"]
    left, _ = tables.with_references(items, refs)
    assert left["code"].tolist() == ["I1", "I2"]
    headers = [c.header for c in tables.reference_cols(["bangkok_mean", "other"])]
    assert headers == ["col.ref.bangkok_mean", "col.refdiff.bangkok_mean", "col.reference",
                       "col.reference_diff"]
