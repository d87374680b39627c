"""Presentation mode: the meeting deck's slides one at a time, in large type, with pickers,
keyboard navigation (←/→, PageUp/PageDown, Home/End), a slide list, an exit and downloads."""

from ita_dash import ui
from ita_dash.ui import presenter

f = ui.start("presentation")
presenter.render(f)
