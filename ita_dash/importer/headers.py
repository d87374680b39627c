"""Header families (``headers.toml``): what a column header, a year cell or a printed level says.

The one reader of ``headers.toml``. Everything is compared by :func:`ita_dash.thai.name_key`
(case, spaces, Thai digits and the spelling variants of real files ignored).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ita_dash.thai import fold_spelling, name_key, normalize_text

HEADERS_FILE = Path(__file__).with_name("headers.toml")
TOOLS = ("IIT", "EIT", "OIT")
NO_LEVEL = {"", "-", "–", "—", "−", "ไม่มี", "n/a", "na"}
# a weight written after a tool's name: '(30)', 'ร้อยละ 30', '/40', 'เต็ม 30', '30 %', '(0-100)'
_WEIGHT = re.compile(r"^[(\[]?(?:ร้อยละ|เต็ม|น้ำหนัก|/|of|weight|w)?:?(\d+(?:\.\d+)?)%?(?:คะแนน|points)?[)\]]?$")
_HUNDRED = re.compile(r"^[(\[]?(?:0-100|เต็ม100|ร้อยละ|%|คะแนนเต็ม100|100คะแนน)[)\]]?$")
_CODED = re.compile(r"^([IEOieo]\d{1,3}|\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)[.)]?\s+(\S.*)$")
_NUMBERED = re.compile(r"^(\d{1,2})(?:[.)](?!\d)|$)(.*)$")


@dataclass(frozen=True)
class Families:
    fields: dict[str, str]  # header key -> field
    field_headers: dict[str, tuple[str, ...]]
    codes: dict[str, str]  # header key -> code (the total)
    tools: dict[str, str]  # name key -> tool
    indicator_prefixes: tuple[str, ...]
    year_prefixes: tuple[str, ...]
    levels: dict[str, str]  # printed key -> level code
    level_prefixes: tuple[str, ...]
    unit_types: tuple[tuple[str, str], ...]  # (prefix key, unit type), longest first
    unit_prefixes: tuple[str, ...]


def _keys(values: list[str]) -> tuple[str, ...]:
    return tuple(sorted({name_key(v) for v in values}, key=len, reverse=True))


@lru_cache(maxsize=1)
def families() -> Families:
    data: dict[str, Any] = tomllib.loads(HEADERS_FILE.read_text(encoding="utf-8"))
    fields = {name_key(h): f for f, headers in data["fields"].items() for h in headers}
    return Families(
        fields=fields,
        field_headers={f: tuple(h) for f, h in data["fields"].items()},
        codes={name_key(h): c for c, headers in data["codes"].items() for h in headers},
        tools={name_key(h): t for t, names in data["tools"].items() for h in names},
        indicator_prefixes=_keys(data["indicators"]["prefixes"]),
        year_prefixes=_keys(data["year_cells"]["prefixes"]),
        levels={name_key(h): c for c, printed in data["levels"].items() for h in printed},
        level_prefixes=_keys(data["level_cells"]["prefixes"]),
        unit_types=tuple(sorted(((name_key(p), t) for p, t in data["unit_types"].items()),
                                key=lambda x: len(x[0]), reverse=True)),
        unit_prefixes=_keys(data["unit_prefixes"]["prefixes"]))


def field_of(header: str) -> str | None:
    """The field a header names (None for anything else)."""
    return families().fields.get(name_key(header))


@dataclass(frozen=True)
class Recognised:
    """What a header says: a field, or a code (with a tool's weight when written)."""

    target: str  # a field name or a code
    kind: str  # "field", "total", "tool", "indicator", "indicator_name"
    weight: float | None = None  # a tool's weight written in the header (100: 0-100 scale)
    name: str = ""  # an indicator's name as written


def _strip_prefix(key: str, prefixes: tuple[str, ...]) -> str:
    for prefix in prefixes:
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix):]
    return key


def tool_of(text: str) -> tuple[str, float | None, bool] | None:
    """(tool, weight written or None, weighted-points code) of a tool header or label:
    'IIT', 'IIT (30)', 'OIT /40', 'EIT ร้อยละ 30', 'IIT_W', 'แบบวัด... (IIT)'."""
    key = name_key(text)
    for head in _SCORE_HEAD:  # 'คะแนน IIT', 'ผลคะแนน EIT (30)'
        if key.startswith(head) and key[len(head):len(head) + 3] in ("iit", "eit", "oit"):
            key = key[len(head):]
            break
    f = families()
    for name, tool in sorted(f.tools.items(), key=lambda x: len(x[0]), reverse=True):
        if name == name_key(tool):
            if not key.startswith(name):
                found = re.search(r"\((" + name + r")\)", key)
                if found is None:
                    continue
                rest = key[found.end():]
            else:
                rest = key[len(name):]
        elif key.startswith(name):
            rest = key[len(name):]
            inner = re.match(r"^\((iit|eit|oit)\)", rest)
            rest = rest[inner.end():] if inner else rest
        else:
            continue
        if rest in ("_w", "w"):
            return tool, None, True
        if rest in ("", "score", "คะแนน"):
            return tool, None, False
        if _HUNDRED.match(rest):
            return tool, 100.0, False
        weight = _WEIGHT.match(rest)
        if weight:
            return tool, float(weight.group(1)), False
    return None


_YEAR_TAIL = re.compile(r"(?:ปีงบประมาณ|ปี|พ\.ศ\.?|fy|b\.e\.)?\(?\d{4}\)?$")
_ITA_TAIL = re.compile(r"\(?ita\)?$")
_SCORE_HEAD = ("ผลคะแนน", "คะแนน", "score")


def _bare_keys(key: str) -> list[str]:
    """A header key, then without a year or 'ITA' after it ('คะแนน ITA 2566', 'ระดับผลการ
    ประเมิน ITA'): the same column as people write it with or without them."""
    keys = [key]
    plain = re.sub(r"[()\[\]]", "", key)  # 'คะแนน (ถ่วงน้ำหนัก)' is 'คะแนนถ่วงน้ำหนัก'
    if plain != key and plain:
        keys.append(plain)
    for tail in (_YEAR_TAIL, _ITA_TAIL, _YEAR_TAIL):
        stripped = tail.sub("", keys[-1])
        if stripped and stripped != keys[-1]:
            keys.append(stripped)
    return keys


def recognise(header: str) -> Recognised | None:
    """What ``header`` names, from the families (None: nothing known; a code as today)."""
    f = families()
    key = name_key(header)
    for bare in _bare_keys(key):
        if bare in f.fields and (bare == key or f.fields[bare] not in ("ignore", "year")):
            return Recognised(f.fields[bare], "field")
        if bare in f.codes:
            return Recognised(f.codes[bare], "total")
    tool = tool_of(header)
    if tool is not None:
        name, weight, weighted = tool
        return Recognised(name + "_W" if weighted else name, "tool", weight)
    return indicator_of(header)


def indicator_of(text: str) -> Recognised | None:
    """'1', 'ตัวชี้วัดที่ 1', '1. การปฏิบัติหน้าที่' -> indicator 1; a name alone -> its name
    (matched against the year's framework by the caller)."""
    text = normalize_text(text)
    coded = _CODED.match(text)  # '9.1 ข้อมูลพื้นฐาน', 'O1 โครงสร้าง': the code before its name
    if coded:
        return Recognised(coded.group(1).upper(), "indicator", name=coded.group(2))
    key = name_key(text)
    prefixed = _strip_prefix(key, families().indicator_prefixes)
    numbered = _NUMBERED.match(prefixed)
    if numbered and (prefixed != key or numbered.group(2) or "." in prefixed or ")" in prefixed):
        return Recognised(str(int(numbered.group(1))), "indicator", name=numbered.group(2))
    if prefixed != key and prefixed.isdigit():
        return Recognised(str(int(prefixed)), "indicator")
    if prefixed != key or (not key.isascii() and not any(c.isdigit() for c in key)):
        return Recognised("", "indicator_name", name=prefixed)
    return None


def year_text(value: str) -> str:
    """A year cell without the words before it: 'ปีงบประมาณ พ.ศ. ๒๕๖๔' -> '2564' (a number
    with inner spaces stays as written: it is refused, never guessed)."""
    text = fold_spelling(normalize_text(value))
    words = "|".join(re.escape(p) for p in sorted(
        (p for p in _year_words()), key=len, reverse=True))
    found = re.fullmatch(rf"(?:(?:{words})\s*)+(\d{{4}})", text, flags=re.IGNORECASE)
    return found.group(1) if found else value


@lru_cache(maxsize=1)
def _year_words() -> tuple[str, ...]:
    data: dict[str, Any] = tomllib.loads(HEADERS_FILE.read_text(encoding="utf-8"))
    return tuple(normalize_text(p) for p in data["year_cells"]["prefixes"])


def level_of(text: str) -> tuple[str | None, bool]:
    """(level code, known) of a printed level; (None, True) when none is printed."""
    key = name_key(text)
    if key in NO_LEVEL:
        return None, True
    f = families()
    if key in f.levels:
        return f.levels[key], True
    bare = re.sub(r"\(.*\)$", "", _strip_prefix(key, f.level_prefixes))
    if bare in f.levels:
        return f.levels[bare], True
    return None, False


def level_vocabulary() -> str:
    """The printed levels known, for messages."""
    seen: dict[str, str] = {}
    for printed, code in families().levels.items():
        seen.setdefault(code, printed.upper() if printed.isascii() else printed)
    return ", ".join(seen.values())


def unit_type_of(name: str) -> str | None:
    """The unit type a name says ('จังหวัดตราด' -> 'province'), None when it says none."""
    key = name_key(name)
    for prefix, unit_type in families().unit_types:
        if key.startswith(prefix) and len(key) > len(prefix):
            return unit_type
    return None


def name_variants(name: str) -> list[str]:
    """Keys under which a known unit may be written: without or with a prefix, the part in
    brackets or outside ('องค์การบริหารส่วนจังหวัดตราด (อบจ.ตราด)')."""
    text = fold_spelling(normalize_text(name))
    parts = [text]
    bracket = re.match(r"^(.*?)\s*[(\[](.+?)[)\]]\s*$", text)
    if bracket:
        parts += [bracket.group(1), bracket.group(2)]
    keys: list[str] = []
    for part in parts:
        key = name_key(part)
        if not key:
            continue
        keys.append(key)
        bare = _strip_prefix(key, families().unit_prefixes)
        if bare != key:
            keys.append(bare)
    return list(dict.fromkeys(keys))
