"""The About page's tables in words: documents by their titles, frameworks by their names,
rules and conditions as sentences in the chosen language (no internal ids on screen)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ita_dash import tables
from ita_dash.escape import md
from ita_dash.i18n import has, pick, status_label, t
from ita_dash.ui import data
from ita_dash.ui.render import has_rows, table
from ita_dash.ui.scale import paged_table
from ita_dash.ui.state import Filters


def _word(prefix: str, value: object, lang: str) -> str:
    """A coded value in words (``about.<prefix>.<value>``), or the value when unknown."""
    key = f"about.{prefix}.{value}"
    return t(key, lang) if has(key) else ("" if value is None or pd.isna(value) else str(value))


def _titles() -> dict[str, str]:
    frame = data.source_titles()
    return dict(zip(frame["source_id"], frame["title_th"], strict=True))


def _framework_names(lang: str) -> dict[str, str]:
    frameworks = data.registry().frameworks
    return {r.framework_id: pick(r.name_th, r.name_en, lang) for r in frameworks.itertuples()}


@data.per_build
def _sources_in_words(*, dataset: str, year: int | None, lang: str) -> pd.DataFrame:
    frame = data.figure_sources(dataset=dataset, year=year)
    titles, names = _titles(), _framework_names(lang)
    return frame.assign(document=frame["source_id"].map(titles).fillna(frame["source_id"]),
                        framework=frame["framework_id"].map(names))


def sources(filters: Filters) -> None:
    shown = _sources_in_words(dataset=filters.dataset, year=filters.year, lang=filters.lang)
    if has_rows(shown, t("about.no_sources", filters.lang)):
        paged_table(shown, tables.ABOUT_SOURCES, filters, "sources")  # 8,000 rows nationally


def conflicts(filters: Filters) -> None:
    shown = _conflicts_in_words(dataset=filters.dataset, lang=filters.lang)
    if has_rows(shown, t("about.no_conflicts", filters.lang)):
        table(shown, tables.ABOUT_CONFLICTS, filters, "conflicts")


@data.per_build
def _conflicts_in_words(*, dataset: str, lang: str) -> pd.DataFrame:
    frame = data.conflicts(dataset=dataset)
    titles = _titles()
    explained = []
    for r in frame.itertuples():
        chosen = r.chosen_value
        key = "about.conflict" if chosen is not None and not pd.isna(chosen) and str(chosen) \
            else "about.conflict_none"
        sentence = t(key, lang, printed=r.printed_values, chosen=chosen,
                     document=titles.get(r.source_id, ""))
        if lang == "en":
            sentence += f" {r.rule}. {r.note or ''}".rstrip()
        explained.append(sentence)
    return frame.assign(explained=explained)


def checks(filters: Filters) -> None:
    shown = _checks_in_words(dataset=filters.dataset, year=filters.year, lang=filters.lang)
    if has_rows(shown, t("about.no_checks", filters.lang)):
        table(shown, tables.CHECKS, filters, "checks")


@data.per_build
def _checks_in_words(*, dataset: str, year: int | None, lang: str) -> pd.DataFrame:
    frame = data.consistency_checks(dataset=dataset, year=year)
    levels = data.registry().levels
    level_names = {r.level_code: pick(r.label_th, r.label_en, lang) for r in levels.itertuples()}
    return frame.assign(
        kind=[_word("kind", k, lang) for k in frame["kind"]],
        printed=[level_names.get(v, v) for v in frame["printed"]],
        recomputed=[level_names.get(v, v) for v in frame["recomputed"]])


def frameworks(filters: Filters) -> None:
    """Every framework, then each one's rating scale."""
    lang = filters.lang
    shown, scales = _frameworks_in_words(lang=lang)
    cols = tables.ABOUT_FRAMEWORKS if lang == "en" else tables.ABOUT_FRAMEWORKS[:-1]
    table(shown, cols, filters, "frameworks")
    for i, (title, scale) in enumerate(scales):
        st.markdown(f"**{md(title)}**")
        if has_rows(scale, t("about.no_scale", lang)):
            table(scale, tables.ABOUT_SCALE, filters, f"scale-{i}")


@data.per_build
def _frameworks_in_words(*, lang: str) -> tuple[pd.DataFrame, list[tuple[str, pd.DataFrame]]]:
    frame = data.frameworks_overview()
    titles = _titles()
    shown = frame.assign(
        assessor=[_word("assessor", a, lang) for a in frame["assessor"]],
        aggregation=[_word("aggregation", a, lang) for a in frame["aggregation"]],
        document=frame["source_id"].map(titles),
        note=frame["note"] if lang == "en" else "")
    scales = []
    for fw in frame.itertuples():
        scale = data.rating_scale(framework_id=fw.framework_id)
        condition = [t("about.each_tool", lang, x=f"{v:.0f}") if pd.notna(v)
                     else t("about.no_tool_condition", lang) for v in scale["min_each_tool"]]
        scales.append((t("about.scale", lang, name=pick(fw.name_th, fw.name_en, lang)),
                       scale.assign(condition=condition,
                                    status=[status_label(s, lang) for s in scale["status"]])))
    return shown, scales


LEVEL_WORDS = {"total": ("คะแนนรวม", "total"), "tool": ("เครื่องมือ", "tools"),
               "tool_part": ("ส่วนของเครื่องมือ", "tool parts"), "index": ("ดัชนี", "indices"),
               "indicator": ("ตัวชี้วัด", "indicators"),
               "subindicator": ("ตัวชี้วัดย่อย", "sub-indicators"), "item": ("ข้อ", "items")}


def _levels_in_words(text: object, lang: str) -> str:
    """'total, tool, index' in words of ``lang``."""
    if not isinstance(text, str):
        return ""
    words = [LEVEL_WORDS.get(k.strip(), (k.strip(), k.strip())) for k in text.split(",")]
    return ", ".join(th if lang == "th" else en for th, en in words)


def _types_in_words(text: object, lang: str) -> str:
    """A framework's ``unit_types`` ('district_office;…') as type names (all: empty)."""
    if not isinstance(text, str) or not text:
        return t("about.all_unit_types", lang)
    return ", ".join(_word_of_type(k.strip(), lang) for k in text.split(";") if k.strip())


def _word_of_type(code: str, lang: str) -> str:
    key = f"unit_type.{code}"
    return t(key, lang) if has(key) else code


def framework_years(filters: Filters) -> None:
    """Each fiscal year's framework, how sure it is, and its source (in words)."""
    cols = tables.FRAMEWORK_YEARS if filters.lang == "en" else tables.FRAMEWORK_YEARS[:-1]
    table(_framework_years_in_words(lang=filters.lang), cols, filters, "framework-years")


@data.per_build
def _framework_years_in_words(*, lang: str) -> pd.DataFrame:
    frame = tables.with_status_labels(data.framework_years())
    titles = _titles()
    return frame.assign(
        assessor=[_word("assessor", a, lang) for a in frame["assessor"]],
        unit_types=[_types_in_words(u, lang) for u in frame["unit_types"]],
        levels_known=[_levels_in_words(v, lang) for v in frame["levels_known"]],
        document=frame["source_id"].map(titles),
        note=frame["note"] if lang == "en" else "")
