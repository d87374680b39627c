"""HTML and strings of the presentation page (``pages/8_presentation.py``); no Streamlit here.

The page shows the slides of :func:`ita_dash.deck.slides.build_deck` one at a time:
titles, key lines, messages, notes and the source line as large HTML, charts and
tables as Plotly figures (:mod:`ita_dash.deck.figures`).
"""

from __future__ import annotations

from ita_dash import palette
from ita_dash.deck import model as m
from ita_dash.escape import html as escape

PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# Large type for a projector; the sidebar starts collapsed (its filters stay reachable).
# Sizes follow the window height so that a slide fits 1440 x 900 and 1920 x 1080.
CSS = f"""
<style>
.block-container {{ max-width: 1600px; padding-top: 2.6rem; padding-bottom: .5rem; }}
.slide-count {{ font-size: 1.3rem; text-align: center; margin: 0; min-width: 4rem; }}
.slide-title {{ font-size: clamp(1.6rem, 4.2vh, 2.8rem); font-weight: 700; color: {palette.PRIMARY};
  line-height: 1.3; border-bottom: 5px solid {palette.PRIMARY}; padding-bottom: .2rem;
  margin: .3rem 0 .3rem; overflow-wrap: anywhere; }}
.slide-sub, .slide-line, .slide-msg, .slide-note, .slide-source {{ overflow-wrap: anywhere; }}
.slide-big .slide-title {{ font-size: clamp(2rem, 5.5vh, 3.4rem); margin-top: 6vh; }}
.slide-sub {{ font-size: clamp(1.1rem, 2.6vh, 1.7rem); color: {palette.MUTED}; margin: 0 0 .4rem; }}
.slide-line {{ font-size: clamp(1.2rem, 3vh, 1.9rem); margin: .3rem 0; }}
.slide-line.first {{ font-size: clamp(1.5rem, 3.8vh, 2.4rem); font-weight: 700; }}
.slide-msg {{ font-size: clamp(1.3rem, 3.2vh, 2.1rem); padding: 6vh 2rem; margin: 4vh 6%;
  background: {palette.PANEL}; border: 1px solid {palette.RULE}; border-radius: 14px; text-align: center; }}
.slide-note {{ font-size: clamp(.95rem, 2vh, 1.35rem); color: {palette.MUTED}; margin: .1rem 0; }}
.slide-source {{ font-size: clamp(.85rem, 1.7vh, 1.05rem); color: {palette.MUTED};
  border-top: 1px solid {palette.GRID}; padding-top: .3rem; margin-top: .4rem; }}
.slide-source.synthetic {{ color: {palette.WARNING}; font-weight: 700; }}
@media (max-width: 640px) {{ .block-container {{ padding-top: 4rem; }} }}
/* slides need no sidebar (their pickers are in the page): never open over a slide */
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"] {{ display: none !important; }}
/* the chart in the slide's size and the compact one for phones: one shown */
.st-key-slide-compact {{ display: none; }}
@media (max-width: 640px) {{ .st-key-slide-wide {{ display: none; }}
  .st-key-slide-compact {{ display: block; }} }}
/* tables as HTML: every row, numbers never cut, long names wrap */
.slide-table {{ width: 100%; border-collapse: collapse; font-size: clamp(.9rem, 2.4vh, 1.45rem); }}
.slide-table th {{ background: {palette.PRIMARY}; color: {palette.WHITE}; padding: .35rem .5rem;
  text-align: left; }}
.slide-table td {{ padding: .3rem .5rem; vertical-align: top; border-bottom: 1px solid {palette.GRID}; }}
.slide-table tr:nth-child(even) td {{ background: {palette.PANEL}; }}
.slide-table .num {{ text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }}
.slide-table th.num {{ white-space: normal; }}
.slide-table-wrap {{ overflow-x: auto; }}
@media (max-width: 640px) {{ .slide-table {{ font-size: .82rem; }}
  .slide-table th, .slide-table td {{ padding: .2rem .25rem; }} }}
</style>
"""

# Keyboard navigation: the page's own buttons are clicked (keys deck_first/prev/next/last),
# so a key press does exactly what a click does. Registered once per browser tab; typing in
# a field is left alone.
KEYBOARD_JS = """
<script>
(function () {
  const doc = window.parent ? window.parent.document : document;
  if (doc.__itaDeckKeys) { return; }
  doc.__itaDeckKeys = true;
  const keys = {ArrowRight: "next", PageDown: "next", ArrowLeft: "prev", PageUp: "prev",
                Home: "first", End: "last"};
  doc.addEventListener("keydown", function (event) {
    const target = event.target;
    if (target && (target.isContentEditable ||
                   ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) { return; }
    const name = keys[event.key];
    if (!name) { return; }
    const button = doc.querySelector(".st-key-deck_" + name + " button");
    if (!button) { return; }
    event.preventDefault();
    if (!button.disabled) { button.click(); }
  });
})();
</script>
"""


def header_html(slide: m.Slide) -> str:
    """Title, subtitle, the title slide's key lines, or the empty-slide message."""
    parts = [f"<div class='slide-title'>{escape(slide.title)}</div>"]
    if slide.subtitle:
        parts.append(f"<p class='slide-sub'>{escape(slide.subtitle)}</p>")
    for i, line in enumerate(slide.lines):
        parts.append(f"<p class='slide-line{' first' if i == 0 else ''}'>{escape(line)}</p>")
    if slide.message:
        parts.append(f"<div class='slide-msg'>{escape(slide.message)}</div>")
    kind = "slide-big" if slide.key == "title" else "slide"
    return f"<div class='{kind}'>{''.join(parts)}</div>"


def footer_html(slide: m.Slide, synthetic: bool) -> str:
    """The notes and the one source line."""
    notes = "".join(f"<p class='slide-note'>{escape(n)}</p>" for n in slide.notes)
    css = "slide-source synthetic" if synthetic else "slide-source"
    return f"{notes}<div class='{css}'>{escape(slide.source)}</div>"


# Projector mode (?projector=1): full screen — no app header, toolbar or controls, the slide
# counter in a corner; ?theme=dark or contrast for a dark or high-contrast room.
PROJECTOR_CSS = """
<style>
[data-testid="stHeader"], [data-testid="stToolbar"], .st-key-deck_bar,
[data-testid="stCaptionContainer"], .modebar-container { display: none !important; }
.block-container { max-width: none !important; padding: 1.2rem 2.5rem .4rem !important; }
.slide-count-corner { position: fixed; right: 1.2rem; bottom: .8rem; font-size: 1.5rem;
  opacity: .8; z-index: 1000; }
.slide-title { font-size: clamp(2rem, 5vh, 3.6rem); }
</style>
"""
def _theme_css(c: dict[str, str], *, bordered: bool) -> str:
    border = f"3px solid {c['text']}" if bordered else f"1px solid {c['grid']}"
    return (f"<style>.stApp, [data-testid='stMain'] {{ background: {c['paper']} !important; }}\n"
            ".stApp, .slide-sub, .slide-line, .slide-note, .slide-source, .slide-count-corner,"
            f" .slide-msg {{ color: {c['text']} !important; }}\n"
            f".slide-title {{ color: {c['accent']} !important; border-color: {c['accent']} "
            "!important; }\n"
            f".slide-msg {{ background: {c['panel']} !important; border: {border} !important; }}\n"
            f".slide-table th {{ background: {c['accent']}; color: {c['paper']}; }}\n"
            f".slide-table td {{ color: {c['text']}; border-color: {c['grid']}; }}\n"
            f".slide-table tr:nth-child(even) td {{ background: {c['panel']}; }}</style>")


THEME_CSS = {"dark": _theme_css(palette.DARK, bordered=False),
             "contrast": _theme_css(palette.CONTRAST, bordered=True)}


def table_html(spec: m.Table) -> str:
    """A slide table as HTML: every row shown, numbers right-aligned and never cut, long
    names wrapping (a Plotly table clips its cells on a phone)."""
    def cell(value: object, numeric: bool, tag: str = "td") -> str:
        text = "" if value is None else (f"{value:.2f}" if isinstance(value, float) else str(value))
        css = " class='num'" if numeric else ""
        return f"<{tag}{css}>{escape(text)}</{tag}>"

    head = "".join(cell(c, n, "th") for c, n in zip(spec.columns, spec.numeric, strict=True))
    body = "".join("<tr>" + "".join(cell(v, n) for v, n in zip(row, spec.numeric, strict=True))
                   + "</tr>" for row in spec.rows)
    return (f"<div class='slide-table-wrap'><table class='slide-table'><thead><tr>{head}</tr>"
            f"</thead><tbody>{body}</tbody></table></div>")
