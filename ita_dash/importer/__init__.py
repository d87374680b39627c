"""Reading and checking what editors bring: Excel and CSV files of scores and framework
templates.

``readers`` (bytes -> a raw table with its header found, in a memory-limited child process)
-> ``validate`` (raw table -> rows to store and a row-by-row report, no writes). Writing them
to the store and undoing them is :mod:`ita_dash.editing`; who may write is
:mod:`ita_dash.auth`. See docs/IMPORT.md.
"""
