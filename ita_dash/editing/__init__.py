"""Writing what editors bring: commit an import or a framework to the store, publish a build
with it, undo it by its logged event's kind (:mod:`ita_dash.importer` reads and checks)."""
