"""Looking inside the full-text index itself (not through search, which first
brings the index up to date), for tests of what it holds and what it wiped."""

from __future__ import annotations

from trustdesk.storage.store import Store


def index_terms(store: Store) -> set[str]:
    """Every word the index holds."""
    with store.vault.read() as conn:
        conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab "
                     "USING fts5vocab(main, entries_fts, 'row')")
        return {row[0] for row in conn.execute("SELECT term FROM temp.vocab")}


def index_bytes(store: Store) -> bytes:
    """Everything the index keeps, straight from its shadow tables."""
    with store.vault.read() as conn:
        data = [row[0] for row in conn.execute("SELECT block FROM entries_fts_data")]
        data += [row[0] for row in conn.execute("SELECT term FROM entries_fts_idx")]
    return b"".join(item if isinstance(item, bytes) else str(item).encode()
                    for item in data if item)
