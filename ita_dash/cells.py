"""Cells to numbers, years and text: one reading of a cell for data/, imports and templates
(vectorised over the distinct values of a column)."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable

import numpy as np
import pandas as pd

from ita_dash.thai import normalize_text

FIRST_YEAR, LAST_YEAR = 2500, 2700  # Buddhist-Era fiscal years accepted
MISSING_TOKENS = {"", "-", "–", "—", "−"}
_PLAIN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?")


class Bad:
    """Marker: the cell is not a number."""


BAD = Bad()


class Hidden(Bad):
    """Marker: the cell would be a number but holds an invisible or control character."""


HIDDEN = Hidden()
HIDDEN_TH = ("ตัวเลขมีอักขระที่มองไม่เห็นหรืออักขระควบคุมปนอยู่ (เช่น NUL, zero-width space, BOM, "
             "soft hyphen) จึงไม่อ่านเป็นตัวเลข ให้พิมพ์ตัวเลขนี้ใหม่")
HIDDEN_EN = ("the number holds an invisible or control character (e.g. NUL, zero-width space, "
             "BOM, soft hyphen), so it is not read as a number: type the number again")


def has_hidden(text: str) -> bool:
    """An invisible character in ``text``: a control (Cc) other than white space, or a
    format character (Cf: zero-width space and joiners, BOM, soft hyphen, bidi marks)."""
    return any(unicodedata.category(c) in ("Cc", "Cf") and not c.isspace() for c in text)


def parse_number(value: object) -> float | None | Bad:
    """A cell as a float; None when missing (blank or '-'); BAD when not a number; HIDDEN
    when it would be a number but holds an invisible or control character ("7\x000" is not
    70, "7\u200b5" not 75: refused, never cleaned)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return BAD
    if isinstance(value, int | float):
        return None if isinstance(value, float) and math.isnan(value) else float(value)
    if not isinstance(value, str):
        return BAD
    parsed = _parse_text(normalize_text(value))  # trimmed, invisible characters dropped
    return HIDDEN if parsed is not BAD and has_hidden(value) else parsed


def _parse_text(text: str) -> float | None | Bad:
    if " " in text:  # "9 5" is not 95, "๒๕ ๖๕" not 2565: refused, never guessed
        return BAD
    if text in MISSING_TOKENS:
        return None
    if _THOUSANDS.fullmatch(text):
        text = text.replace(",", "")
    return float(text) if _PLAIN.fullmatch(text) else BAD


def per_distinct(values: pd.Series, func: Callable[[object], object]) -> pd.Series:
    """``func`` applied once per distinct value (fast on long columns with repeats)."""
    codes, uniques = pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=False)
    mapped = np.empty(len(uniques), dtype=object)
    for i, value in enumerate(uniques):
        mapped[i] = func(value)
    return pd.Series(mapped[codes], index=values.index, dtype=object)


def per_distinct_pair(first: pd.Series, second: pd.Series,
                      func: Callable[[object, object], object]) -> pd.Series:
    """``func(a, b)`` applied once per distinct pair of values."""
    codes_a, uniques_a = pd.factorize(first.to_numpy(dtype=object), use_na_sentinel=False)
    codes_b, uniques_b = pd.factorize(second.to_numpy(dtype=object), use_na_sentinel=False)
    combined, pairs = pd.factorize(codes_a.astype(np.int64) * max(len(uniques_b), 1) + codes_b)
    mapped = np.empty(len(pairs), dtype=object)
    width = max(len(uniques_b), 1)
    for i, pair in enumerate(pairs):
        mapped[i] = func(uniques_a[pair // width], uniques_b[pair % width])
    return pd.Series(mapped[combined], index=first.index, dtype=object)


def numbers(values: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """(float values, missing mask, not-a-number mask)."""
    parsed = per_distinct(values, parse_number)
    array = parsed.to_numpy()
    bad = pd.Series((array == BAD) | (array == HIDDEN), index=values.index)
    missing = pd.Series(pd.isna(array), index=values.index) & ~bad
    clean = np.full(len(array), np.nan)
    good = ~(bad | missing).to_numpy()
    clean[good] = array[good].astype(float)
    return pd.Series(clean, index=values.index), missing, bad


def texts(values: pd.Series) -> pd.Series:
    """Normalised text of every cell ('' when empty)."""
    return per_distinct(values, cell_text)


def is_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith("=") and len(value) > 1

def cell_text(value: object) -> str:
    """A cell as normalised text: numbers without a spurious '.0', Thai digits converted."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return normalize_text(str(value))


def be_year(value: object) -> tuple[int | None, str, str]:
    """A Buddhist-Era fiscal year: (year, '', '') or (None, Thai, English problem)."""
    number = parse_number(value)
    if number is None:
        return None, "ไม่มีปีงบประมาณ", "the fiscal year is missing"
    if number is HIDDEN:
        return None, HIDDEN_TH, HIDDEN_EN
    if number is not BAD and isinstance(number, float) and number.is_integer():
        if FIRST_YEAR <= number <= LAST_YEAR:
            return int(number), "", ""
        if 1900 <= number <= 2200:
            return (None, "ปีนี้เป็น ค.ศ. ให้ใช้ พ.ศ. (ค.ศ. + 543)",
                    "this looks like a C.E. year: use the Buddhist Era (C.E. + 543)")
    return (None, "ปีงบประมาณต้องเป็น พ.ศ. 4 หลัก เช่น 2567",
            "the fiscal year must be a 4-digit Buddhist-Era year, e.g. 2567")


def number(value: object, *, required: bool = True) -> tuple[float | None, str, str]:
    """A number (Thai digits, thousands separators): (value, '', '') or (None, problem)."""
    parsed = parse_number(value)
    if parsed is HIDDEN:
        return None, HIDDEN_TH, HIDDEN_EN
    if parsed is BAD or not isinstance(parsed, float | None):
        return None, "ค่านี้ไม่ใช่ตัวเลข", "the value is not a number"
    if parsed is None and required:
        return None, "ไม่มีค่า", "the value is missing"
    return parsed, "", ""


def code_key(code: str) -> str:
    """Codes compare without case, spaces, brackets or Thai digits ('o ๑๑' == 'O11',
    'EIT (1)' as printed in seed 001 == 'EIT1')."""
    return normalize_text(code).replace(" ", "").replace("(", "").replace(")", "").upper()
