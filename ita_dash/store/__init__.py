"""The import store: what editors imported, kept as plain files (see :mod:`.files`).

:mod:`.files` reads and writes the folders and the log, :mod:`.replay` says what is in
force, :mod:`.imports` commits, undoes and lists imports (under the writer lock).
"""
