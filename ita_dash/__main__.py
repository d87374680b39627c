"""``python -m ita_dash``: the command line."""

from ita_dash.cli import main

raise SystemExit(main())
