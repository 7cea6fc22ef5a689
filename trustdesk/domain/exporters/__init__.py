"""Exporters for other programs: one module per format (`jrnl_text`, `csv_table`).
Pure functions from entries to text; storage writes the file. TrustDesk's own JSON
lives in domain/exchange/ and the Markdown export in domain/markdown_export.py."""
