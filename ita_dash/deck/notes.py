"""Speaker notes of a slide: what it shows, with its figures and its source, in the deck's
language (for PowerPoint's notes pane; no Streamlit here)."""

from __future__ import annotations

from ita_dash.deck import model as m

MAX_POINTS = 12  # figures read out per series (a long ranking: its first ones)
MAX_ROWS = 10


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def speaker_notes(slide: m.Slide) -> str:
    """Title and subtitle, the key lines, every series with its figures (or the table's
    rows), the remarks and the source — one paragraph each."""
    parts = [slide.title]
    if slide.subtitle:
        parts.append(slide.subtitle)
    parts.extend(slide.lines)
    if slide.message:
        parts.append(slide.message)
    if slide.chart is not None:
        cats = slide.chart.categories
        for series in slide.chart.series:
            pairs = [f"{c} {_number(v)}" for c, v in zip(cats, series.values, strict=True)]
            more = f" (+{len(pairs) - MAX_POINTS})" if len(pairs) > MAX_POINTS else ""
            parts.append(f"{series.name}: " + "; ".join(pairs[:MAX_POINTS]) + more)
    if slide.table is not None:
        for row in slide.table.rows[:MAX_ROWS]:
            parts.append(" · ".join(str(c) for c in row))
        if len(slide.table.rows) > MAX_ROWS:
            parts.append(f"(+{len(slide.table.rows) - MAX_ROWS})")
    parts.extend(slide.notes)
    if slide.source:
        parts.append(slide.source)
    return "\n".join(p for p in parts if p)


def shown_slides(deck: m.Deck) -> tuple[m.Slide, ...]:
    """The slides worth showing: those with nothing to show (a message only) are left out."""
    return tuple(s for s in deck.slides if not s.is_empty)
