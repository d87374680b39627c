"""Thai text helpers: Thai digits, Buddhist-Era years, unit-name normalisation."""

from __future__ import annotations

import re
import unicodedata

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
BE_OFFSET = 543
# zero-width, bidi and other format characters (Unicode Cf) and control characters other
# than white space (Cc): invisible, they would make look-alike names of the same unit
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f"
                        r"\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]")
_OFFICE_PREFIXES = ("สำนักงานเขต", "เขต")


_TO_CLEAN = re.compile(_INVISIBLE.pattern[:-1] + "\u0e50-\u0e59]")
_CLEAN = {**THAI_DIGITS, **{c: None for c in range(0x10000) if _INVISIBLE.match(chr(c))}}


def to_arabic_digits(text: str) -> str:
    """Replace Thai digits (๐-๙) with Arabic digits."""
    return text.translate(THAI_DIGITS)


def has_invisible(text: str) -> bool:
    """Whether ``text`` holds zero-width, format or control characters (not white space)."""
    return _INVISIBLE.search(text) is not None


def strip_invisible(text: str) -> str:
    """``text`` without zero-width, format and control characters."""
    return _INVISIBLE.sub("", text)


def normalize_text(text: str) -> str:
    """NFC-normalise, drop invisible characters, convert Thai digits, collapse white space."""
    if _TO_CLEAN.search(text) is not None:
        text = text.translate(_CLEAN)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


# spellings real files carry for the same text: sara am typed as nikhahit + sara aa
# (U+0E4D U+0E32, common in text copied from PDF), sara ae typed as two sara e
_SPELLING = (("\u0e4d\u0e32", "\u0e33"), ("\u0e40\u0e40", "\u0e41"))


def fold_spelling(text: str) -> str:
    """``text`` with the spelling variants of real files folded into one form
    ('ํา' -> 'ำ', 'เเ' -> 'แ')."""
    for variant, standard in _SPELLING:
        if variant in text:
            text = text.replace(variant, standard)
    return text


def name_key(name: str) -> str:
    """Key for matching names and headers: normalised, spelling variants folded, without
    spaces, lower-case."""
    return fold_spelling(normalize_text(name)).replace(" ", "").lower()


def district_short_name(name: str) -> str:
    """'สำนักงานเขตสัมพันธวงศ์' / 'เขตสัมพันธวงศ์' -> 'สัมพันธวงศ์'."""
    text = normalize_text(name).replace(" ", "")
    for prefix in _OFFICE_PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix):
            return text[len(prefix):]
    return text


def be_to_ce(year_be: int) -> int:
    return year_be - BE_OFFSET


def ce_to_be(year_ce: int) -> int:
    return year_ce + BE_OFFSET


def format_be_year(year_be: int, lang: str = "th") -> str:
    """'พ.ศ. 2567' in Thai, 'B.E. 2567 (2024)' in English."""
    if lang == "th":
        return f"พ.ศ. {year_be}"
    return f"B.E. {year_be} ({be_to_ce(year_be)})"
