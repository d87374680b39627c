"""Cell values to numbers and text, vectorised over the distinct values of a column."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

import numpy as np
import pandas as pd

from ita_dash.importer.columns import cell_text
from ita_dash.thai import normalize_text

MISSING_TOKENS = {"", "-", "–", "—", "−"}
_PLAIN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?")


class Bad:
    """Marker: the cell is not a number."""


BAD = Bad()


def parse_number(value: object) -> float | None | Bad:
    """A cell as a float; None when missing (blank or '-'); BAD when not a number."""
    if value is None:
        return None
    if isinstance(value, bool):
        return BAD
    if isinstance(value, int | float):
        return None if isinstance(value, float) and math.isnan(value) else float(value)
    if not isinstance(value, str):
        return BAD
    text = normalize_text(value)  # white space trimmed and collapsed (no-break space too)
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
    bad = pd.Series(array == BAD, index=values.index)
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
