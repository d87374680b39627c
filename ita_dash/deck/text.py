"""The words of the deck (Thai and English) and Thai date formatting."""

from __future__ import annotations

import datetime as dt
import unicodedata

TEXT: dict[str, dict[str, str]] = {
    "th": {
        "deck_title": "ผลการประเมินคุณธรรมและความโปร่งใส (ITA) {year}",
        "made_on": "จัดทำเมื่อ {date}",
        "dataset": "ชุดข้อมูล: {label}",
        "scope": "กลุ่มเปรียบเทียบ: {name}",
        "framework": "กรอบการประเมิน: {name}",
        "total_line": "คะแนนรวม {score} · {level}",
        "tools_line": "IIT {iit} · EIT {eit} · OIT {oit}",
        "no_score": "ไม่มีคะแนนรวมของปีนี้",
        "source": "ที่มา: {parts}",
        "synthetic": "ข้อมูลสาธิต (สังเคราะห์) — ตัวเลขสมมติ ไม่ใช่ผลการประเมินจริง",
        "from_docs": "เอกสาร: {docs}",
        "no_docs": "ไม่ระบุเอกสาร",
        "ranking_title": "อันดับใน {scope}",
        "ranking_sub": "อันดับ {rank} จาก {n} หน่วยงาน · คะแนน {score}",
        "ranking_window": "แสดง {shown} จาก {n} หน่วยงาน",
        "ranking_missing": "{unit} ไม่มีคะแนนรวมใน {year} จึงจัดอันดับไม่ได้",
        "ranking_alone": "ใน {scope} มีคะแนนของ {year} เพียงหน่วยงานเดียวในชุดข้อมูลนี้",
        "ranking_empty": "ไม่มีหน่วยงานที่มีคะแนนใน {scope} {year}",
        "ranking_outside": "{unit} ไม่อยู่ใน {scope}",
        "score_axis": "คะแนน (0–100)",
        "history_title": "คะแนนรวมรายปี",
        "history_sub": "คะแนน ITA และเครื่องมือ IIT / EIT / OIT ({n} ปี)",
        "history_one": "มีข้อมูลเพียงปีเดียว ({year})",
        "history_frameworks": "กรอบการประเมินต่างกันระหว่างปี: {names}",
        "total": "คะแนนรวม ITA",
        "radar_title": "ตัวชี้วัด 10 ด้าน",
        "radar_sub": "เทียบกับค่าเฉลี่ยของ {scope} และปีก่อน",
        "radar_partial": "มีคะแนน {n} จาก 10 ตัวชี้วัด",
        "radar_missing": "ไม่มีคะแนนรายตัวชี้วัดของ {unit} ใน {year}",
        "group_mean": "ค่าเฉลี่ยกลุ่ม ({n} หน่วยงาน)",
        "group_single": "กลุ่มมีข้อมูลของปีนี้เพียงหน่วยงานเดียว จึงไม่แสดงค่าเฉลี่ยกลุ่ม",
        "no_prev": "ไม่มีข้อมูลปีก่อน ({year})",
        "deltas_title": "ตัวชี้วัดที่เปลี่ยนไปจากปีก่อน",
        "deltas_sub": "{year} เทียบกับ {prev} (คะแนนที่เพิ่ม/ลด)",
        "deltas_missing": "ไม่มีคะแนนรายตัวชี้วัดของปีก่อน ({prev}) จึงเทียบการเปลี่ยนแปลงไม่ได้",
        "change": "เปลี่ยนแปลง (คะแนน)",
        "frameworks_differ": "หมายเหตุ: กรอบการประเมินของสองปีต่างกัน ({a} / {b})",
        "weak_title": "จุดอ่อน: ตัวชี้วัดและข้อที่ได้คะแนนต่ำสุด",
        "weak_sub": "ตัวชี้วัด {n_ind} ด้านและข้อ {n_items} ข้อที่ได้คะแนนต่ำสุด",
        "weak_sub_indicators": "ตัวชี้วัด {n_ind} ด้านที่ได้คะแนนต่ำสุด (ไม่มีคะแนนรายข้อ)",
        "weak_missing": "ไม่มีคะแนนรายตัวชี้วัดหรือรายข้อของ {unit} ใน {year}",
        "indicator_n": "ตัวชี้วัด {code}",
        "col_item": "รายการ",
        "col_name": "ชื่อ",
        "col_score": "คะแนน",
        "col_points": "คะแนน ITA ที่เสีย",
        "zero_title": "ข้อ O ที่ได้ 0 คะแนน (ไม่ได้เผยแพร่)",
        "zero_sub": "{n} ข้อ · เสียคะแนน ITA รวม {points}",
        "zero_none": "ไม่มีข้อ O ที่ได้ 0 คะแนน — เผยแพร่ข้อมูลครบทุกข้อที่ประเมิน",
        "zero_no_items": "ไม่มีคะแนนรายข้อ O ของ {unit} ใน {year}",
        "zero_more": "และอีก {n} ข้อ (ดูในไฟล์ Excel)",
        "points_title": "คะแนนที่เรียกคืนได้",
        "points_sub": "{n} ข้อแรกเพิ่มได้ {top} คะแนน · ทุกข้อรวม {all} คะแนน",
        "points_none": "ทุกข้อได้คะแนนเต็มแล้ว ไม่มีคะแนนให้เรียกคืน",
        "points_unknown": ("ไม่ทราบคะแนนเต็มรายข้อของกรอบการประเมินนี้ "
                           "จึงคำนวณคะแนนที่เรียกคืนได้ไม่ได้"),
        "points_no_items": "ไม่มีคะแนนรายข้อของ {unit} ใน {year}",
        "points_axis": "คะแนน ITA ที่ได้เพิ่มถ้าข้อนั้นได้เต็ม",
        "points_series": "คะแนน ITA ที่ได้เพิ่ม",
        "all_units": "ทุกหน่วยงาน",
        "selected_units": "หน่วยงานที่เลือก ({n})",
        "unit_type": "ประเภท {value}",
        "parent": "สังกัด {value}",
    },
    "en": {
        "deck_title": "Integrity and Transparency Assessment (ITA) {year}",
        "made_on": "Prepared {date}",
        "dataset": "Dataset: {label}",
        "scope": "Compared with: {name}",
        "framework": "Framework: {name}",
        "total_line": "Total {score} · {level}",
        "tools_line": "IIT {iit} · EIT {eit} · OIT {oit}",
        "no_score": "No total score this year",
        "source": "Source: {parts}",
        "synthetic": "Demo data (synthetic) — invented figures, not real results",
        "from_docs": "documents: {docs}",
        "no_docs": "no document recorded",
        "ranking_title": "Ranking in {scope}",
        "ranking_sub": "Rank {rank} of {n} units · score {score}",
        "ranking_window": "showing {shown} of {n} units",
        "ranking_missing": "{unit} has no total score in {year}, so it cannot be ranked",
        "ranking_alone": "Only one unit of {scope} has a score for {year} in this dataset",
        "ranking_empty": "No unit of {scope} has a score in {year}",
        "ranking_outside": "{unit} is not in {scope}",
        "score_axis": "Score (0–100)",
        "history_title": "Total score by year",
        "history_sub": "ITA total and the IIT / EIT / OIT tools ({n} years)",
        "history_one": "Only one year of data ({year})",
        "history_frameworks": "The framework differs between years: {names}",
        "total": "ITA total",
        "radar_title": "The ten indicators",
        "radar_sub": "Against the mean of {scope} and the previous year",
        "radar_partial": "{n} of the 10 indicators have a score",
        "radar_missing": "No indicator scores for {unit} in {year}",
        "group_mean": "Group mean ({n} units)",
        "group_single": "Only one unit of the group has data this year, so no group mean is shown",
        "no_prev": "No data for the previous year ({year})",
        "deltas_title": "Change in each indicator since last year",
        "deltas_sub": "{year} against {prev} (points gained or lost)",
        "deltas_missing": ("No indicator scores for the previous year ({prev}), "
                           "so no change to show"),
        "change": "Change (points)",
        "frameworks_differ": "Note: the two years use different frameworks ({a} / {b})",
        "weak_title": "Weak points: lowest indicators and items",
        "weak_sub": "The {n_ind} lowest indicators and the {n_items} lowest items",
        "weak_sub_indicators": "The {n_ind} lowest indicators (no item scores)",
        "weak_missing": "No indicator or item scores for {unit} in {year}",
        "indicator_n": "Indicator {code}",
        "col_item": "Item",
        "col_name": "Name",
        "col_score": "Score",
        "col_points": "ITA points lost",
        "zero_title": "O-items at zero (not published)",
        "zero_sub": "{n} items · {points} ITA points lost",
        "zero_none": "No O-item at zero — every assessed document was published",
        "zero_no_items": "No O-item scores for {unit} in {year}",
        "zero_more": "and {n} more (see the Excel file)",
        "points_title": "Points to win back",
        "points_sub": "The first {n} items add {top} points · all items {all} points",
        "points_none": "Every item has full marks; no points to win back",
        "points_unknown": ("The framework gives no points per item, so the points to win back "
                           "cannot be computed"),
        "points_no_items": "No item scores for {unit} in {year}",
        "points_axis": "ITA points gained if the item reached full marks",
        "points_series": "ITA points to gain",
        "all_units": "all units",
        "selected_units": "selected units ({n})",
        "unit_type": "type {value}",
        "parent": "under {value}",
    },
}

THAI_MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
               "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")


def t(lang: str, key: str, **values: object) -> str:
    """The deck's text ``key`` in ``lang`` ('th' or 'en'), filled with ``values``."""
    table = TEXT["th" if lang == "th" else "en"]
    return table[key].format(**values)


def format_date(day: dt.date, lang: str = "th") -> str:
    """'5 มีนาคม 2569' (Buddhist Era) in Thai, '5 March 2026' in English."""
    if lang == "th":
        return f"{day.day} {THAI_MONTHS[day.month - 1]} {day.year + 543}"
    return f"{day.day} {day:%B} {day.year}"


def width(text: str) -> int:
    """How many character cells ``text`` takes: Thai vowel and tone marks above or below a
    consonant (combining marks) take none."""
    return sum(1 for ch in text if unicodedata.category(ch) != "Mn")


def shorten(text: str, limit: int) -> str:
    """Cut ``text`` to ``limit`` character cells (see :func:`width`), ending with '…', without
    separating a Thai consonant from its marks."""
    text = " ".join(str(text).split())
    if width(text) <= limit:
        return text
    cells = 0
    for i, ch in enumerate(text):
        if unicodedata.category(ch) != "Mn":
            cells += 1
            if cells == limit:  # keep this base character's marks, then cut
                end = i + 1
                while end < len(text) and unicodedata.category(text[end]) == "Mn":
                    end += 1
                return text[:end].rstrip() + "…"
    return text


def fmt(value: object, digits: int = 2) -> str:
    """A score as text ('87.67'); '–' when missing."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "–"
    if number != number:  # NaN
        return "–"
    return f"{number:.{digits}f}"
