"""The national demo generator: 8,300 agencies of the NACC's types x 10 fiscal years,
synthetic, seeded and reproducible, registered by name (data/datasets.csv)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from ita_dash import config
from ita_dash.generators import GENERATORS, national
from ita_dash.loader import load_source_data
from ita_dash.thailand import PROVINCES, REGIONS

DATASET = "national-demo"

pytestmark = pytest.mark.e2e  # 8,300 units x 10 years generated


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory,
              built_db: Path) -> Iterator[tuple[duckdb.DuckDBPyConnection, dict]]:
    """The frames generated on a copy of the built database (base tables loaded)."""
    con = duckdb.connect(str(built_db), read_only=True)
    yield con, national.generate(con, dataset=DATASET)
    con.close()


def test_registered_by_name_and_declared_synthetic_not_built_by_default():
    assert set(GENERATORS) == {"demo", "national-demo"}
    datasets = load_source_data(config.DEFAULT_DATA_DIR).tables["datasets"].set_index("dataset")
    row = datasets.loc[DATASET]
    assert (row["generator"], bool(row["is_synthetic"]), bool(row["build_by_default"])) == \
        ("national-demo", True, False)
    assert DATASET in config.dataset_names() and DATASET not in config.default_datasets()


def test_8300_units_of_the_nacc_types_over_ten_years(generated):
    con, frames = generated
    units, scores = frames["units"], frames["scores"]
    assert scores["unit_id"].nunique() == 8300
    districts = set(scores["unit_id"]) - set(units["unit_id"])
    assert len(districts) == 50 and all(u.startswith("bkk-") for u in districts)
    counts = units["unit_type"].value_counts().to_dict()
    assert {k: counts[k] for k in ("ministry", "province", "pao", "city_municipality",
                                   "town_municipality", "subdistrict_municipality",
                                   "special_local", "court", "prosecutor")} == {
        "ministry": 20, "province": 76, "pao": 76, "city_municipality": 30,
        "town_municipality": 195, "subdistrict_municipality": 2247, "special_local": 2,
        "court": 3, "prosecutor": 1}
    assert set(counts) >= {"independent_org", "parliament", "department", "state_enterprise",
                           "other_state_agency", "sao"}
    assert counts["sao"] == 8300 - 50 - sum(v for k, v in counts.items() if k != "sao")
    assert sorted(scores["fiscal_year"].unique()) == list(range(2559, 2569))


def test_parents_provinces_and_regions(generated):
    _, frames = generated
    units = frames["units"]
    assert set(units["province"]) <= {p for p, _, _ in PROVINCES}
    assert units["province"].nunique() == 77
    assert set(units["region"]) == set(REGIONS)
    local = units[units["unit_type"].isin(["sao", "pao", "province"])]
    assert set(local["parent_org"]) == {"กระทรวงมหาดไทย"}
    departments = units[units["unit_type"] == "department"]
    assert departments["parent_org"].str.startswith(("กระทรวง", "สำนักนายก")).all()
    assert units["unit_id"].is_unique and units["name_th"].is_unique
    aliases = frames["unit_aliases"]
    assert aliases["alias_key"].is_unique and set(aliases["unit_id"]) == set(units["unit_id"])


def test_marked_synthetic_with_the_framework_used_for_each_year(generated):
    con, frames = generated
    scores = frames["scores"]
    assert set(scores["source_id"]) == {"demo-synthetic"}
    assert set(scores["note"]) == {"synthetic (ข้อมูลสังเคราะห์)"}
    assert set(frames["units"]["origin"]) == {"synthetic"}
    plan = national.year_plan(con)
    assert [(y, f) for y, f, _ in plan] == [
        *[(y, "nacc-2563") for y in range(2559, 2566)], *[(y, "bma-2567") for y in (2566, 2567, 2568)]]
    refs = scores.drop_duplicates("fiscal_year").set_index("fiscal_year")["source_ref"]
    assert refs[2564] == "seed=8300"
    assert refs[2559] == "seed=8300; no framework with known points for 2559: nearest nacc-2563 reused"
    assert refs[2568] == "seed=8300; no framework with known points for 2568: nearest bma-2567 reused"


def test_some_units_miss_some_years_but_each_has_one(generated):
    _, frames = generated
    years = frames["scores"].drop_duplicates(["unit_id", "fiscal_year"])
    per_unit = years.groupby("unit_id", observed=True).size()
    assert per_unit.min() >= 1 and (per_unit < 10).sum() > 500
    assert 0.9 * 83000 < len(years) < 83000


def test_reproducible(generated):
    con, frames = generated
    again = national.generate(con, dataset=DATASET)
    pd.testing.assert_frame_equal(again["units"], frames["units"])
    assert again["scores"]["score"].equals(frames["scores"]["score"])
    assert again["scores"]["unit_id"].astype(str).equals(frames["scores"]["unit_id"].astype(str))


def test_a_build_keeps_the_datasets_it_had_and_adds_the_one_asked(monkeypatch):
    """`build --dataset national-demo` adds it to the default datasets; later builds (a data
    file changed, an import) keep it."""
    from ita_dash import publish
    from ita_dash.loader import load_source_data

    source = load_source_data(config.data_dir())
    assert publish.wanted_datasets(source, None) == ["demo", "real"]
    assert publish.wanted_datasets(source, None, ["national-demo"]) == [
        "demo", "national-demo", "real"]
    monkeypatch.setattr(publish, "built_datasets", lambda build: ["demo", "national-demo",
                                                                  "real"])
    assert publish.wanted_datasets(source, object()) == ["demo", "national-demo", "real"]
