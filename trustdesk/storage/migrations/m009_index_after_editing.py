"""Version 9: the search index catches up with an entry when its editing ends.

With FTS5 `secure-delete` on, replacing an entry's words in the index looks up
every old word in every index segment, and with SQLCipher's memory wiping each
lookup's allocations are locked and wiped by system calls: 90-100 ms of CPU for
an edited ~300-word entry on ten years of entries, paid at every autosave.

So an edit no longer touches the index. The first save that changes an entry's
title or text keeps the text the index holds for it in `fts_pending` (in the
same transaction); later saves in the same editing session add nothing. The
repository brings the index up to date (`JournalRepository.index_pending`) when
the person leaves the entry, before every search, when the journal locks, and
after unlocking (for a session a crash cut short). The index is never wrong
about what it holds: `fts_pending` is exactly what it needs to remove those
words, and deleting an entry removes the words the index holds for it.

An entry's `doc` (its number in the index) never changes; a trigger says so,
because a change would leave its words filed under the old number.
"""

VERSION = 9

SQL = """
CREATE TABLE fts_pending (
    doc   INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    body  TEXT NOT NULL
) STRICT;

DROP TRIGGER entries_fts_update;
DROP TRIGGER entries_fts_delete;

CREATE TRIGGER entries_fts_doc_fixed BEFORE UPDATE OF doc ON entries
WHEN old.doc IS NOT new.doc
BEGIN
    SELECT RAISE(ABORT, 'an entry''s number in the search index never changes');
END;

CREATE TRIGGER entries_fts_update AFTER UPDATE OF title, body ON entries
WHEN old.title IS NOT new.title OR old.body IS NOT new.body
BEGIN
    INSERT INTO fts_pending (doc, title, body) VALUES (old.doc, old.title, old.body)
    ON CONFLICT (doc) DO NOTHING;
END;

CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, title, body)
    VALUES ('delete', old.doc,
            coalesce((SELECT title FROM fts_pending WHERE doc = old.doc), old.title),
            coalesce((SELECT body FROM fts_pending WHERE doc = old.doc), old.body));
    DELETE FROM fts_pending WHERE doc = old.doc;
END;
"""
