"""Decks built once per session from the real and demo datasets."""

from __future__ import annotations

import datetime as dt

import pytest

from ita_dash.deck.model import Deck
from ita_dash.deck.slides import build_deck

SAMPHANTHAWONG = "bkk-samphanthawong"
TODAY = dt.date(2025, 3, 5)


@pytest.fixture(scope="session")
def real_deck(ro_con) -> Deck:
    return build_deck(ro_con, dataset="real", unit_id=SAMPHANTHAWONG, year=2567, today=TODAY)


@pytest.fixture(scope="session")
def demo_deck(ro_con) -> Deck:
    return build_deck(ro_con, dataset="demo", unit_id=SAMPHANTHAWONG, year=2567, today=TODAY)
