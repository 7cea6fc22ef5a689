"""Importers: one module per format another journal app writes, and `detect`, which
tells them apart and is the one entry point (`detect.read`).

Plain domain code: each reads a `common.Source` (files already read into memory by
storage) and returns entries through a `common.Collector`, which lists what it
skips and why. No file, Qt or SQL work happens here.
"""
