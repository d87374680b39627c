"""Image downloads of Plotly charts: PNG, presentation size, Thai font (no Streamlit here).

Use for every chart of the app::

    st.plotly_chart(fig, config=plotly_config("ita-ranking-2567"), ...)

The toolbar's camera button then saves a 1600 x 900 PNG. Plotly draws the image
in the browser from the figure's own fonts, so figures should name a Thai
font first and Thai-capable fallbacks after it (:data:`FONT_FAMILY`).
"""

from __future__ import annotations

import re

PNG_WIDTH, PNG_HEIGHT, PNG_SCALE = 1600, 900, 1
# Sarabun (served by the app, installed with fontpkg-sarabun), then fonts with Thai glyphs
# found on Windows (Tahoma, Leelawadee UI), macOS (Thonburi) and Linux (Noto Sans Thai, Loma).
FONT_FAMILY = ("Sarabun, Tahoma, 'Leelawadee UI', Thonburi, 'Noto Sans Thai', Loma, "
               "sans-serif")
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def file_stem(name: str) -> str:
    """A safe download file name without extension: 'ita ranking/2567' -> 'ita-ranking-2567'."""
    return _UNSAFE.sub("-", name).strip("-") or "ita-chart"


def plotly_config(filename: str = "ita-chart", **extra: object) -> dict[str, object]:
    """``config`` for ``st.plotly_chart`` / ``fig.show``: PNG download at 1600 x 900, scale 1.

    ``extra`` keys are merged into the config (e.g. ``responsive=True``).
    """
    config: dict[str, object] = {
        "displaylogo": False,
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
        "toImageButtonOptions": {"format": "png", "filename": file_stem(filename),
                                 "width": PNG_WIDTH, "height": PNG_HEIGHT, "scale": PNG_SCALE},
    }
    config.update(extra)
    return config
