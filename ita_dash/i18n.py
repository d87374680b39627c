"""Every string of the interface in Thai (default) and English, from one catalogue.

The catalogue is ``ita_dash/strings.toml``, a data file a translator edits without touching
code: one table per key with ``th`` and ``en``. Labels of indicators, items, tools and rating
levels come from the data (the registry); agency types from :mod:`ita_dash.thailand`.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from ita_dash.thai import format_be_year
from ita_dash.thailand import UNIT_TYPES, place_en

LANGS = ("th", "en")
DEFAULT_LANG = "th"
CATALOGUE = Path(__file__).with_name("strings.toml")


def _load() -> dict[str, dict[str, str]]:
    with CATALOGUE.open("rb") as handle:
        strings: dict[str, dict[str, str]] = tomllib.load(handle)
    strings.update({f"unit_type.{code}": {"th": th, "en": en}
                    for code, (th, en) in UNIT_TYPES.items()})
    return strings


STRINGS = _load()


def columns(prefix: str, lang: str = DEFAULT_LANG) -> dict[str, str]:
    """The headings grouped under ``prefix`` (``data.cols.history``) as column -> label, in the
    catalogue's order."""
    start = prefix + "."
    return {key[len(start):]: t(key, lang) for key in STRINGS if key.startswith(start)}


def column_label(prefix: str, name: object, lang: str = DEFAULT_LANG) -> str:
    """A column in words when the catalogue names it under ``prefix``, else as written."""
    if name is None or (isinstance(name, float) and name != name):
        return ""
    key = f"{prefix}.{name}"
    return t(key, lang) if has(key) else str(name)


def status_label(status: object, lang: str = DEFAULT_LANG) -> str:
    """A framework status (printed, sourced, derived, unconfirmed, unknown) in ``lang``."""
    if not isinstance(status, str) or not status:
        return ""
    return t(f"fwstatus.{status}", lang) if has(f"fwstatus.{status}") else status


def normalize_lang(lang: str | None) -> str:
    return lang if lang in LANGS else DEFAULT_LANG


def t(key: str, lang: str = DEFAULT_LANG, /, **values: object) -> str:
    """The string ``key`` in ``lang`` (the key itself when unknown), formatted with ``values``."""
    entry = STRINGS.get(key)
    if entry is None:
        return key
    text = entry.get(normalize_lang(lang)) or entry.get(DEFAULT_LANG, key)
    return text.format(**values) if values else text


def has(key: str) -> bool:
    return key in STRINGS


def year_label(year: int, lang: str = DEFAULT_LANG) -> str:
    """'พ.ศ. 2567' / 'B.E. 2567 (2024)'."""
    return format_be_year(int(year), normalize_lang(lang))


def pick(th: object, en: object, lang: str) -> str:
    """The English text when asked for and present, the Thai otherwise."""
    if lang == "en" and isinstance(en, str) and en:
        return en
    return "" if th is None or (isinstance(th, float) and th != th) else str(th)


def slice_label(by: str, value: object, lang: str = DEFAULT_LANG,
                names: dict[str, str] | None = None, *, short: bool = False) -> str:
    """The label of a slice value: ``names[value]`` when given (e.g. a group's name), an
    agency type's name, or a province, region or ministry (in English when listed);
    '(not set)' for a missing value; ``short`` for chart rows."""
    if value is None or value != value or value == "":  # None or NaN
        return t("slice.none", lang)
    text = str(value)
    if names and text in names:
        return names[text]
    if by == "unit_type":
        key = f"unit_type_short.{text}" if short and has(f"unit_type_short.{text}") \
            else f"unit_type.{text}"
        return t(key, lang) if has(key) else text
    if lang == "en":
        return place_en(text) or text
    return text
