"""Render the deck with LibreOffice to PDF and PNG (skipped without soffice/pdftoppm)."""

from __future__ import annotations

import pytest

from ita_dash.deck import render
from ita_dash.deck.notes import shown_slides
from ita_dash.deck.pptx_deck import write_pptx

pytestmark = [pytest.mark.e2e,  # LibreOffice
              pytest.mark.skipif(not render.available(), reason="soffice/pdftoppm missing")]


def test_render_pages_in_sarabun(real_deck, tmp_path):
    pptx = tmp_path / "deck.pptx"
    write_pptx(real_deck, pptx)
    pngs = render.render(pptx, tmp_path / "png", dpi=30)
    assert len(pngs) == len(shown_slides(real_deck))
    assert all(p.stat().st_size > 5_000 for p in pngs)
    fonts = render.pdf_fonts(tmp_path / "png" / "deck.pdf")
    if fonts:  # Thai drawn with the deck's font, not a fallback
        assert "Sarabun-Regular" in fonts and "Sarabun-Bold" in fonts
