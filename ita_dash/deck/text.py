"""Text helpers of the deck: Thai dates, character-cell widths, shortening, numbers.

The deck's words are in :mod:`ita_dash.i18n` (keys ``deck.*``)."""

from __future__ import annotations

import datetime as dt
import unicodedata

THAI_MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
               "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")


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
