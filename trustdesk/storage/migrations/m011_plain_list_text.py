"""Version 11: the journal list reads entries as plain words.

`entries.first_line` and `entries.preview` (the list's heading and its taste of
the body, kept as columns so ten years of entries list without reading a body)
used to keep Markdown's marks: an entry starting "## What helped" was listed as
"## What helped", and bold words as "**words**". They are now computed with the
marks set (trustdesk/domain/journal.py: `first_line`, `preview_of`); this step
computes them again for the entries already written, changing only the rows
whose text differs. No title or text changes, so the search index is untouched.
"""

from __future__ import annotations

from sqlcipher3 import Connection

VERSION = 11

SQL = ""

_BATCH = 500


def upgrade(conn: Connection) -> None:
    # The columns are derived from the text by the domain's own rules, so this step
    # uses those rules as they are, not a copy of them.
    from trustdesk.domain.journal import first_line, preview_of

    changed = []
    for entry_id, title, body, line, preview in conn.execute(
            "SELECT id, title, body, first_line, preview FROM entries"):
        fresh = (first_line(body), preview_of(title, body))
        if fresh != (line, preview):
            changed.append((*fresh, entry_id))
    for start in range(0, len(changed), _BATCH):
        conn.executemany("UPDATE entries SET first_line = ?, preview = ? WHERE id = ?",
                         changed[start:start + _BATCH])
