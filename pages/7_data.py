"""Import data: templates, editor sign-in, upload, check, preview, confirm, history, undo."""

from ita_dash import ui
from ita_dash.ui import import_page

f = ui.start("data")
import_page.render(f)
