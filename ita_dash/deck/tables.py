"""The tables of a deck, with display headers, for the Excel workbook (numbers stay numbers)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from ita_dash.deck.context import Context
    from ita_dash.deck.slides import DeckData

HEADERS: dict[str, dict[str, str]] = {
    "th": {
        "rank": "อันดับ", "unit_id": "รหัสหน่วยงาน", "short": "หน่วยงาน", "score": "คะแนนรวม",
        "level": "ระดับ", "iit": "IIT", "eit": "EIT", "oit": "OIT",
        "prev_score": "คะแนนปีก่อน", "delta_points": "เปลี่ยนแปลง (คะแนน)",
        "prev_rank": "อันดับปีก่อน", "delta_rank": "อันดับขยับ", "n_units": "จำนวนหน่วยงาน",
        "fiscal_year": "ปีงบประมาณ (พ.ศ.)", "framework_id": "กรอบการประเมิน",
        "indicator": "ตัวชี้วัด", "label": "ชื่อ", "tool": "เครื่องมือ", "value": "คะแนน",
        "comparison": "ค่าเฉลี่ยกลุ่ม", "previous": "คะแนนปีก่อน", "delta": "เปลี่ยนแปลง",
        "code": "ข้อ", "points": "คะแนนเต็ม (คะแนน ITA)",
        "recoverable": "คะแนน ITA ที่เรียกคืนได้", "item_score": "คะแนน",
    },
    "en": {
        "rank": "Rank", "unit_id": "Unit id", "short": "Unit", "score": "Total score",
        "level": "Level", "iit": "IIT", "eit": "EIT", "oit": "OIT",
        "prev_score": "Previous score", "delta_points": "Change (points)",
        "prev_rank": "Previous rank", "delta_rank": "Rank change", "n_units": "Units",
        "fiscal_year": "Fiscal year (B.E.)", "framework_id": "Framework",
        "indicator": "Indicator", "label": "Name", "tool": "Tool", "value": "Score",
        "comparison": "Group mean", "previous": "Previous year", "delta": "Change",
        "code": "Item", "points": "Full marks (ITA points)",
        "recoverable": "ITA points recoverable", "item_score": "Score",
    },
}

SHEETS: dict[str, dict[str, str]] = {
    "th": {"ranking": "อันดับ", "history": "คะแนนรายปี", "indicators": "ตัวชี้วัด",
           "weakest": "ข้อต่ำสุด", "zero": "ข้อ O ที่ได้ 0", "points": "คะแนนเรียกคืนได้"},
    "en": {"ranking": "Ranking", "history": "History", "indicators": "Indicators",
           "weakest": "Weakest items", "zero": "Zero O-items", "points": "Points recoverable"},
}


def display(frame: pd.DataFrame, columns: list[str], lang: str) -> pd.DataFrame:
    """``frame`` cut to ``columns`` (``*_th``/``*_en`` picked by ``lang``), headers translated."""
    suffix = "th" if lang == "th" else "en"
    names = HEADERS["th" if lang == "th" else "en"]
    picked = {}
    for col in columns:
        source = f"{col}_{suffix}" if f"{col}_{suffix}" in frame.columns else col
        picked[names.get(col, col)] = frame[source].reset_index(drop=True)
    return pd.DataFrame(picked)


def _indicators(data: DeckData) -> pd.DataFrame:
    frame = data.radar_group.copy()
    frame["previous"] = data.radar_prev["comparison"].to_numpy()
    frame["delta"] = (frame["value"] - frame["previous"]).round(2)
    return frame


def deck_tables(ctx: Context, data: DeckData) -> dict[str, pd.DataFrame]:
    """Sheet name -> table of every view in the deck (full tables, not cut for slides)."""
    lang = ctx.lang
    sheet = SHEETS["th" if lang == "th" else "en"]
    item_cols = ["code", "tool", "indicator", "label", "item_score", "points"]
    weakest = data.weakest.rename(columns={"score": "item_score"})
    recoverable = data.recoverable.rename(columns={"score": "item_score"})
    return {
        sheet["ranking"]: display(data.ranking, [
            "rank", "unit_id", "short", "score", "level", "iit", "eit", "oit", "prev_score",
            "delta_points", "prev_rank", "delta_rank"], lang),
        sheet["history"]: display(data.history[data.history["fiscal_year"] <= ctx.year], [
            "fiscal_year", "framework_id", "score", "iit", "eit", "oit", "level",
            "delta_points"], lang),
        sheet["indicators"]: display(_indicators(data), [
            "indicator", "label", "tool", "value", "comparison", "previous", "delta"], lang),
        sheet["weakest"]: display(weakest, item_cols, lang),
        sheet["zero"]: display(data.zero, ["code", "label", "points"], lang),
        sheet["points"]: display(recoverable, [*item_cols, "recoverable"], lang),
    }
