"""Tables for people: query frames -> localized columns, CSV and Excel bytes.

Pure pandas (no Streamlit), so the dashboard, the deck exports and the tests
share one definition of every table: which columns it shows, their headers in
Thai or English and how each is formatted (``kind``). Bilingual columns are
given by their stem (``short`` -> ``short_th`` / ``short_en``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ita_dash import safe_files
from ita_dash.i18n import has, status_label, t
from ita_dash.palette import BLACK, GAIN, HIGHLIGHT, LOSS, WHITE

# kinds: text, int, num (2 decimals), delta (▲/▼ 2 decimals), delta_int (▲/▼ integer),
# level (text coloured with the frame's level_color), pct (1 decimal), year, bool


@dataclass(frozen=True)
class Col:
    source: str
    header: str
    kind: str = "text"
    bilingual: bool = False


def _c(source: str, header: str, kind: str = "text") -> Col:
    return Col(source, header, kind)


def _b(stem: str, header: str, kind: str = "text") -> Col:
    return Col(stem, header, kind, bilingual=True)


UNIT = _b("short", "col.unit")
LEVEL = _b("level", "col.level", "level")
PASSED = _b("passed", "col.passed")  # from with_pass_labels: the one pass rule in words
LABEL = _b("label", "col.item")
INDICATOR = _b("label", "col.indicator")

RANKING = (_c("rank", "col.rank", "int"), UNIT, _c("score", "col.score", "num"), LEVEL, PASSED,
           _c("delta_points", "col.delta_points", "delta"),
           _c("delta_rank", "col.delta_rank", "delta_int"),
           _c("prev_score", "col.prev_score", "num"),
           # the unit's previous scored year when it is not the year before ("vs 2565")
           _c("compared_with", "col.compared_with", "year"), _c("iit", "col.iit", "num"),
           _c("eit", "col.eit", "num"), _c("oit", "col.oit", "num"))
GROUP_COMPARISON = (_b("name", "col.group"), _c("n_units", "col.n_units", "int"),
                    _c("mean", "col.mean", "num"), _c("median", "col.median", "num"),
                    _c("min", "col.min", "num"), _c("max", "col.max", "num"),
                    _c("pass_rate", "col.pass_rate", "pct"))
GROUP_TREND = (_b("name", "col.group"), _c("fiscal_year", "col.year", "year"),
               _c("n_units", "col.n_units", "int"), _c("mean", "col.mean", "num"))
UNIT_HISTORY = (_c("fiscal_year", "col.year", "year"), _c("score", "col.score", "num"), LEVEL,
                _c("delta_points", "col.delta_points", "delta"), _c("iit", "col.iit", "num"),
                _c("eit", "col.eit", "num"), _c("oit", "col.oit", "num"),
                _b("level_source_label", "col.level_source"),
                _b("framework", "col.framework"))
COMPARE_HISTORY = (UNIT, _c("fiscal_year", "col.year", "year"), _c("score", "col.score", "num"),
                   LEVEL, _c("iit", "col.iit", "num"), _c("eit", "col.eit", "num"),
                   _c("oit", "col.oit", "num"))
COMPARE_INDICATORS = (UNIT, _c("fiscal_year", "col.year", "year"),
                      _c("indicator", "col.indicator_no"), INDICATOR,
                      _c("value", "col.value", "num"))


def compare_items_cols(names: dict[str, str]) -> tuple[Col, ...]:
    """Code, item and one score column per unit (headers are the units' names)."""
    return (_c("code", "col.code"), LABEL, *(_c(unit, name, "num") for unit, name in names.items()))

INDICATOR_DELTAS = (_c("fiscal_year", "col.year", "year"), _c("indicator", "col.indicator_no"),
                    INDICATOR, _c("value", "col.value", "num"),
                    _c("delta", "col.delta", "delta"))
UNIT_ITEMS = (_c("code", "col.code"), _c("tool", "col.tool"),
              _c("indicator", "col.indicator_no"), LABEL, _c("score", "col.score", "num"),
              _c("points", "col.points", "num"), _c("is_weakest", "col.weakest", "bool"))
RECOVERABLE = (_c("code", "col.code"), LABEL, _c("score", "col.score", "num"),
               _c("points", "col.points", "num"),
               _c("recoverable", "col.recoverable", "num"))
INDICATOR_MATRIX = (UNIT, _c("indicator", "col.indicator_no"), INDICATOR,
                    _c("value", "col.value", "num"), _c("score", "col.total", "num"))
WEAKEST = (UNIT, _c("indicator", "col.indicator_no"), INDICATOR, _c("tool", "col.tool"),
           _c("value", "col.value", "num"))
WEAKEST_FREQUENCY = (_c("indicator", "col.indicator_no"), INDICATOR, _c("tool", "col.tool"),
                     _c("n_units", "col.n_units", "int"))
ZERO_ITEMS = (UNIT, _c("code", "col.code"), LABEL, _c("points", "col.points", "num"))
MEASURES = (_c("fiscal_year", "col.year", "year"), _c("code", "col.code"), LABEL,
            _c("score", "col.score", "num"), _c("next_score", "col.next_score", "num"),
            _c("next_delta", "col.delta", "delta"), _c("analysis", "col.analysis"),
            _c("measure", "col.measure"), _c("communication", "col.communication"),
            _c("schedule", "col.schedule"), _c("responsible", "col.responsible"),
            _c("status", "col.status"), _c("result", "col.result"),
            _c("source_id", "col.source"))
# the deck's workbook (ita_dash/deck/tables.py): the views of a deck, full length
DECK_RANKING = (_c("rank", "col.rank", "int"), _c("unit_id", "col.unit_id"), UNIT,
                _c("score", "col.score", "num"), LEVEL, _c("iit", "col.iit", "num"),
                _c("eit", "col.eit", "num"), _c("oit", "col.oit", "num"),
                _c("prev_score", "col.prev_score", "num"),
                _c("delta_points", "col.delta_points", "delta"),
                _c("prev_rank", "col.prev_rank", "int"),
                _c("delta_rank", "col.delta_rank", "delta_int"))
DECK_INDICATORS = (_c("indicator", "col.indicator_no"), INDICATOR, _c("tool", "col.tool"),
                   _c("value", "col.value", "num"), _c("comparison", "col.group_mean", "num"),
                   _c("previous", "col.prev_score", "num"), _c("delta", "col.delta", "delta"))
DECK_ZERO = (_c("code", "col.code"), LABEL, _c("points", "col.points", "num"))
DECK_ITEMS = (_c("code", "col.code"), _c("tool", "col.tool"),
              _c("indicator", "col.indicator_no"), LABEL, _c("score", "col.score", "num"),
              _c("points", "col.points", "num"))
MISS_COUNTS = (_c("code", "col.code"), LABEL, _c("points", "col.points", "num"),
               _c("n_units", "col.n_units", "int"), _c("n_zero", "col.n_zero", "int"),
               _c("n_partial", "col.n_partial", "int"), _c("pct_zero", "col.pct_zero", "pct"))
CONSECUTIVE_ZERO = (UNIT, _c("code", "col.code"), LABEL,
                    _c("first_year", "col.first_year", "year"),
                    _c("first_code", "col.first_code"),
                    _c("zero_streak", "col.streak", "int"))
FIGURE_SOURCES = (_c("source_id", "col.source"), _c("file", "col.source_file"),
                  _c("title_th", "col.title"), UNIT, _c("fiscal_year", "col.year", "year"),
                  _c("framework_id", "col.framework_id"),
                  _c("n_figures", "col.n_figures", "int"))
CONFLICTS = (_c("fiscal_year", "col.year", "year"), UNIT, _c("code", "col.code"),
             _c("printed_values", "col.printed_values"), _c("chosen_value", "col.chosen"),
             _c("rule", "col.rule"), _c("source_id", "col.source"), _c("note", "col.note"))
CHECKS = (_c("fiscal_year", "col.year", "year"), UNIT, _c("code", "col.code"),
          _c("kind", "col.kind"), _c("printed", "col.printed"),
          _c("recomputed", "col.recomputed"), _c("difference", "col.difference", "num"))
FRAMEWORKS = (_c("framework_id", "col.framework_id"), _b("name", "col.framework"),
              _c("assessor", "col.assessor"), _c("first_year", "col.from_year", "year"),
              _c("last_year", "col.to_year", "year"), _c("aggregation", "col.aggregation"),
              _c("pass_mark", "col.pass_mark", "num"), _c("n_items", "col.n_items", "int"),
              _c("n_unknown_items", "col.n_unknown_items", "int"),
              _c("source_id", "col.source"), _c("note", "col.note"))
FRAMEWORK_YEARS = (_c("fiscal_year", "col.year", "year"), _b("name", "col.framework"),
                   _c("assessor", "col.assessor"), _c("unit_types", "col.unit_types"),
                   _b("status_label", "col.fw_status"),
                   _b("weights_status_label", "col.weights_status"),
                   _b("scale_status_label", "col.scale_status"),
                   _c("levels_known", "col.levels_known"), _c("document", "col.title"),
                   _c("url", "col.url"), _c("note", "col.note"))
# the About page, in words (documents by title, frameworks by name, rules as sentences)
ABOUT_SOURCES = (_c("document", "col.title"), UNIT, _c("fiscal_year", "col.year", "year"),
                 _c("framework", "col.framework"), _c("n_figures", "col.n_figures", "int"))
ABOUT_CONFLICTS = (_c("fiscal_year", "col.year", "year"), UNIT, _c("code", "col.code"),
                   _c("printed_values", "col.printed_values"),
                   _c("chosen_value", "col.chosen"), _c("explained", "col.rule"))
ABOUT_FRAMEWORKS = (_b("name", "col.framework"), _c("assessor", "col.assessor"),
                    _c("first_year", "col.from_year", "year"),
                    _c("last_year", "col.to_year", "year"),
                    _c("aggregation", "col.aggregation"),
                    _c("pass_mark", "col.pass_mark", "num"), _c("n_items", "col.n_items", "int"),
                    _c("n_unknown_items", "col.n_unknown_items", "int"),
                    _c("document", "col.title"), _c("note", "col.note"))
ABOUT_SCALE = (_b("label", "col.level", "level"), _c("min_total", "col.min_total", "num"),
               _c("max_total", "col.max_total", "num"), _c("condition", "col.condition"),
               _c("status", "col.status"))
RATING_SCALE = (_c("level_code", "col.level_code"), _b("label", "col.level", "level"),
                _c("min_total", "col.min_total", "num"), _c("max_total", "col.max_total", "num"),
                _c("min_each_tool", "col.min_each_tool", "num"),
                _b("status_label", "col.status"), _c("note", "col.note"))


# reference figures printed beside a unit's own (seed 002: the Bangkok-wide average)
REF, REF_DIFF = "ref__", "refdiff__"
REF_FILLED = ("tool", "indicator", "label_th", "label_en", "seq")


def with_references(frame: pd.DataFrame, refs: pd.DataFrame, *, on: tuple[str, ...] = ("code",),
                    keep_unscored: bool = False) -> tuple[pd.DataFrame, list[str]]:
    """``frame`` with one column pair per reference kind of ``refs`` (``ref_kind``, ``score``):
    ``ref__<kind>`` the printed reference and ``refdiff__<kind>`` the frame's ``score`` minus
    it. ``keep_unscored``: add the referenced codes the frame lacks (their own score blank,
    labels from ``refs``). Returns the frame and the kinds found."""
    if refs.empty:
        return frame, []
    keys = list(on)
    kinds = [str(k) for k in dict.fromkeys(refs["ref_kind"])]
    wide = refs.pivot_table(index=keys, columns="ref_kind", values="score", aggfunc="first")
    wide = wide.rename(columns=lambda k: REF + str(k)).reset_index()
    merged = frame.merge(wide, on=keys, how="outer" if keep_unscored else "left")
    if keep_unscored:
        meta = refs.drop_duplicates(keys).set_index(keys)
        index = pd.MultiIndex.from_frame(merged[keys]) if len(keys) > 1 else merged[keys[0]]
        for column in REF_FILLED:
            if column in meta:
                filled = pd.Series(meta[column].reindex(index).to_numpy(), index=merged.index)
                merged[column] = merged[column].fillna(filled) if column in merged else filled
        if "seq" in merged:
            merged = merged.sort_values("seq", kind="stable").reset_index(drop=True)
    for kind in kinds:
        merged[REF_DIFF + kind] = (merged["score"] - merged[REF + kind]).round(2)
    return merged, kinds


def reference_cols(kinds: list[str]) -> tuple[Col, ...]:
    """The columns of :func:`with_references`: 'ค่าเฉลี่ย กทม.' and the difference."""
    cols: list[Col] = []
    for kind in kinds:
        value, diff = f"col.ref.{kind}", f"col.refdiff.{kind}"
        cols += [_c(REF + kind, value if has(value) else "col.reference", "num"),
                 _c(REF_DIFF + kind, diff if has(diff) else "col.reference_diff", "delta")]
    return tuple(cols)


def unit_items_cols(kinds: list[str]) -> tuple[Col, ...]:
    """A unit's items with the reference figures printed beside them: with references, the
    figures come right after the code (readable on a phone's width), then the question."""
    if not kinds:
        return UNIT_ITEMS
    code, tool, indicator, label, score, *rest = UNIT_ITEMS
    return (code, score, *reference_cols(kinds), label, indicator, tool, *rest)


def zero_items_cols(kinds: list[str]) -> tuple[Col, ...]:
    return ZERO_ITEMS + reference_cols(kinds)


UNPLACED = (_c("parent_code", "col.indicator_no"), _c("score", "col.score", "num"),
            _c("text_printed", "col.text_printed"), _c("code_printed", "col.code_printed"),
            _b("parent", "col.indicator"), _c("document", "col.title"),
            _c("source_ref", "col.source_ref"))
ITEM_COMPARABILITY = (_c("fiscal_year", "col.year", "year"), _b("framework", "col.framework"),
                      _c("prev_year", "col.prev_year", "year"),
                      _b("prev_framework", "col.prev_framework"),
                      _b("comparable_label", "col.items_comparable"))


def with_pass_labels(frame: pd.DataFrame) -> pd.DataFrame:
    """``passed_th`` / ``_en``: the pass rule's verdict in words (ผ่าน / ไม่ผ่าน / ไม่ทราบ)."""
    if "passed" not in frame:
        return frame
    # the verdicts of all rows at once, each word looked up once (8,300 national rows: a
    # lookup per row and language cost 18 ms a run)
    passed = frame["passed"]
    unknown = passed.isna().to_numpy()
    yes = passed.where(~unknown, False).astype(bool).to_numpy()
    return frame.assign(**{f"passed_{lang}": np.where(
        unknown, t("pass.unknown", lang), np.where(yes, t("pass.yes", lang), t("pass.no", lang)))
        .astype(object) for lang in ("th", "en")})



def with_status_labels(frame: pd.DataFrame,
                       columns: tuple[str, ...] = ("status", "weights_status", "scale_status"),
                       ) -> pd.DataFrame:
    """Add ``<column>_label_th`` / ``_en``: the framework statuses in words, for a table."""
    added = {}
    for column in columns:
        if column in frame:
            for lang in ("th", "en"):
                added[f"{column}_label_{lang}"] = frame[column].map(
                    lambda v, lang=lang: status_label(v, lang))
    return frame.assign(**added)


def source_column(frame: pd.DataFrame, col: Col, lang: str) -> pd.Series:
    """The frame's column for ``col`` in ``lang`` (English falls back to Thai cell by cell)."""
    if not col.bilingual:
        return frame[col.source]
    th = frame[f"{col.source}_th"]
    en_name = f"{col.source}_en"
    if lang != "en" or en_name not in frame:
        return th
    en = frame[en_name]
    return en.where(en.notna() & (en.astype("string") != ""), th)


def localize(frame: pd.DataFrame, cols: tuple[Col, ...], lang: str) -> pd.DataFrame:
    """The columns of ``cols`` present in ``frame``, with headers in ``lang``."""
    out = {}
    for col in cols:
        name = f"{col.source}_th" if col.bilingual else col.source
        if name in frame:
            out[t(col.header, lang)] = _typed(source_column(frame, col, lang), col.kind)
    return pd.DataFrame(out, index=frame.index)


def _typed(series: pd.Series, kind: str) -> pd.Series:
    if kind in ("int", "delta_int", "year"):
        return pd.to_numeric(series, errors="coerce").astype("Int64")
    if kind in ("num", "delta", "pct"):
        return pd.to_numeric(series, errors="coerce").astype("Float64")
    if kind == "bool":
        return series.astype("boolean")
    return series.astype("string")


def kinds_by_header(cols: tuple[Col, ...], lang: str) -> dict[str, str]:
    return {t(c.header, lang): c.kind for c in cols}


# --------------------------------------------------------------------- display


def format_delta(value: Any, decimals: int = 2) -> str:
    """'▲ 5.74', '▼ 2.45', '0.00' (blank when missing)."""
    if value is None or pd.isna(value):
        return ""
    v = float(value)
    if round(v, decimals) > 0:
        return f"▲ {v:.{decimals}f}"
    if round(v, decimals) < 0:
        return f"▼ {abs(v):.{decimals}f}"
    return f"{0:.{decimals}f}"


def delta_color(value: Any) -> str:
    if value is None or pd.isna(value) or float(value) == 0:
        return ""
    return f"color: {GAIN if float(value) > 0 else LOSS}; font-weight: 600"


def text_color_for(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (#rrggbb)."""
    hexa = background.lstrip("#")
    if len(hexa) != 6:
        return BLACK
    r, g, b = (int(hexa[i:i + 2], 16) / 255 for i in (0, 2, 4))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return BLACK if luminance > 0.5 else WHITE


def level_css(color: object) -> str:
    if not isinstance(color, str) or not color.startswith("#"):
        return ""
    return f"background-color: {color}; color: {text_color_for(color)}; font-weight: 600"


NUMBER_FORMATS = {"num": "{:.2f}", "pct": "{:.1f}", "int": "{:d}", "year": "{:d}"}


def _shown_number(value: Any, kind: str) -> str:
    if value is None or pd.isna(value):
        return "–"
    if kind in ("delta", "delta_int"):
        return format_delta(value, 0 if kind == "delta_int" else 2)
    return NUMBER_FORMATS[kind].format(int(value) if kind in ("int", "year") else float(value))


def display_frame(table: pd.DataFrame, cols: tuple[Col, ...], lang: str) -> pd.DataFrame:
    """The table as shown on screen: ▲/▼ columns and numeric columns with a missing cell
    become text ('▲ 2.15', '–'); other numbers stay numbers (so sorting works)."""
    shown = table.copy()
    for header, kind in kinds_by_header(cols, lang).items():
        if header not in shown:
            continue
        column = shown[header]
        if kind in ("delta", "delta_int") or (kind in NUMBER_FORMATS and column.isna().any()):
            shown[header] = [_shown_number(v, kind) for v in column]
        elif kind in ("text", "level"):
            shown[header] = column.astype(object).where(column.notna(), "–")
    return shown


def style(table: pd.DataFrame, cols: tuple[Col, ...], lang: str,
          level_colors: pd.Series | None = None,
          highlight: pd.Series | None = None) -> pd.io.formats.style.Styler:
    """A Styler: 2 decimals, ▲ green / ▼ red, rating cells in their colour, highlighted rows."""
    shown = display_frame(table, cols, lang)
    kinds = kinds_by_header(cols, lang)
    numeric = {h: NUMBER_FORMATS[k] for h, k in kinds.items()
               if k in NUMBER_FORMATS and h in shown and pd.api.types.is_numeric_dtype(shown[h])}
    styler = shown.style.format(numeric)
    if highlight is not None:  # first: a rating cell keeps its own colour in a highlighted row
        rows = highlight.reindex(table.index).fillna(False).astype(bool)
        styler = styler.apply(
            lambda r: [f"background-color: {HIGHLIGHT}" if rows[r.name] else ""] * len(r), axis=1)
    for header, kind in kinds.items():
        if header not in shown:
            continue
        if kind in ("delta", "delta_int"):
            css = [delta_color(v) for v in table[header]]
            styler = styler.apply(lambda _s, css=css: css, subset=[header])
        elif kind == "level" and level_colors is not None:
            css = [level_css(c) for c in level_colors.reindex(table.index)]
            styler = styler.apply(lambda _s, css=css: css, subset=[header])
    return styler


# -------------------------------------------------------------------- download


def to_csv_bytes(table: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens the Thai text correctly; formula-safe."""
    return safe_files.csv_bytes(table)


def to_xlsx_bytes(table: pd.DataFrame, sheet: str = "data") -> bytes:
    """An Excel workbook: headers as shown (Thai or English), numbers as numbers."""
    buffer = io.BytesIO()
    plain = safe_files.inert_frame(table.astype(object).where(table.notna(), None))
    with pd.ExcelWriter(buffer, engine="xlsxwriter",
                        engine_kwargs={"options": safe_files.XLSXWRITER_OPTIONS}) as writer:
        plain.to_excel(writer, sheet_name=sheet[:31], index=False)
        book, worksheet = writer.book, writer.sheets[sheet[:31]]
        number = book.add_format({"num_format": "0.00"})
        for i, name in enumerate(plain.columns):
            width = min(60, max(10, len(str(name)) + 2,
                                *(len(str(v)) + 2 for v in plain[name].head(200))))
            numeric = pd.api.types.is_float_dtype(table.iloc[:, i])
            worksheet.set_column(i, i, width, number if numeric else None)
    return buffer.getvalue()
