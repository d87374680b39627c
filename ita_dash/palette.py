"""Every colour of the dashboard, the presentation page, the PowerPoint deck and the Excel
files, defined once (``#rrggbb``).

The colours of the rating levels are data (``rating_levels.color`` of each framework).
``.streamlit/config.toml`` repeats :data:`PRIMARY`, :data:`TEXT`, :data:`BACKGROUND` and
:data:`PANEL` (TOML cannot import them); a test checks that they agree.
"""

from __future__ import annotations

# the app's theme
PRIMARY = "#1f4e79"     # accent; the unit itself in charts and slides; table headers
TEXT = "#1f2933"        # text of the app, charts and slides
BACKGROUND = "#ffffff"
PANEL = "#f1f4f8"       # sidebar, message panels, every other row of a slide table
MUTED = "#595959"       # subtitles, notes, source lines
RULE = "#bfbfbf"        # borders and axis lines
GRID = "#d9d9d9"        # gridlines, thin separators
WARNING = "#b00020"     # the synthetic-data source line
HIGHLIGHT = "#fde2e1"   # highlighted table rows (the weakest items)
BLACK, WHITE = "#000000", "#ffffff"  # text on a coloured cell

# meanings
GAIN, LOSS = "#1b7f3b", "#c62828"
NEUTRAL = "#90a4ae"     # a value without a colour of its own
UNKNOWN_LEVEL = "#9e9e9e"  # units whose rating level is unknown
OTHER = "#a9bcd0"       # the other units, beside the unit itself
GROUP = "#e07b00"       # the group mean; the most frequent weakest indicators
PREVIOUS = "#7f7f7f"    # the unit's previous year
FOCUS_LINE = "#111111"  # the outline of the chosen unit among thousands
STATUS = {"zero": "#d93025", "partial": "#f2b134", "full": "#2e9e5b"}  # O-items

# series, in order: lines of groups or tools
SERIES = (PRIMARY, GROUP, "#2e7d32", "#8e24aa", "#00838f", LOSS, "#6d4c41", "#546e7a")
TOOLS = (PRIMARY, "#5b9bd5", "#70ad47", GROUP)  # ITA, IIT, EIT, OIT on slides

# projector themes (the presentation page's ?theme=): paper, text, grid, accent, panel
DARK = {"paper": "#111827", "text": "#f9fafb", "grid": "#374151", "accent": "#93c5fd",
        "panel": "#1f2937"}
CONTRAST = {"paper": BLACK, "text": WHITE, "grid": "#9ca3af", "accent": "#ffeb3b",
            "panel": "#111111"}
