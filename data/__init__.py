"""Storage and reference data: the workshop file (SQLite via sqlite-utils), its migrations,
the reference tables shipped as data files, the demo workshop, and bundle import/export.

Imports ``core``; never textual.
"""
