"""Plotly figures of the slides and the image-download config."""

from __future__ import annotations

from ita_dash.deck.figures import slide_figure
from ita_dash.images import file_stem, plotly_config
from tests.deck.test_slides import SAMPHANTHAWONG_2567


def test_every_slide_has_a_figure_or_a_message(real_deck, demo_deck):
    for deck in (real_deck, demo_deck):
        for slide in deck.slides:
            fig = slide_figure(slide)
            assert (fig is None) == (slide.key == "title" or slide.is_empty)
            if fig is not None:
                assert fig.layout.font.family.startswith("Sarabun")


def test_radar_figure_values(real_deck):
    fig = slide_figure(real_deck.slide("radar"))
    assert list(fig.data[0].r)[:10] == SAMPHANTHAWONG_2567
    assert fig.data[0].r[10] == fig.data[0].r[0]  # closed polygon


def test_plotly_config_png_presentation_size():
    config = plotly_config("ita ranking/2567", responsive=True)
    assert config["toImageButtonOptions"] == {"format": "png", "filename": "ita-ranking-2567",
                                              "width": 1600, "height": 900, "scale": 1}
    assert config["responsive"] is True and config["displaylogo"] is False
    assert file_stem("สัมพันธวงศ์") == "ita-chart"


