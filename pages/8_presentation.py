"""Presentation mode: the meeting deck's slides one at a time, in large type, with downloads."""

from ita_dash import ui
from ita_dash.ui import presentation

f = ui.start("presentation")
presentation.render(f)
