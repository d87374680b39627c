"""Import data: templates, editor sign-in, upload, check, preview, confirm, history, undo."""

from ita_dash import ui
from ita_dash.importer import page

f = ui.start("data")
page.render(f)
