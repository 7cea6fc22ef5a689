"""SQLCipher's memory security: wipe what it frees, lock what it holds.

With `PRAGMA cipher_memory_security = ON`, SQLCipher zeroes every allocation it
frees (page cache, decrypted pages, key material) and asks the system to keep its
memory out of swap, so a lock or a crash leaves fewer copies of decrypted pages
behind. The setting is process-wide and, once on, stays on; `enable()` turns it on
before the first connection is made (`vault.connect_existing` calls it), and
raises if SQLCipher refuses. Its cost is measured in bench/memory_security.py.
"""

from __future__ import annotations

import threading

import sqlcipher3

from trustdesk.storage import errors

_enabled = False
_guard = threading.Lock()


def enable() -> None:
    """Turn on SQLCipher's memory security for this process (once; any thread)."""
    global _enabled
    if _enabled:
        return
    with _guard:
        if _enabled:
            return
        conn = sqlcipher3.connect(":memory:")
        try:
            conn.execute("PRAGMA cipher_memory_security = ON")
            on = str(conn.execute("PRAGMA cipher_memory_security").fetchone()[0])
        finally:
            conn.close()
        if on != "1":
            raise errors.VaultError("SQLCipher's memory protection could not be turned on.")
        _enabled = True


def is_enabled() -> bool:
    """What SQLCipher itself reports, not what we asked for."""
    conn = sqlcipher3.connect(":memory:")
    try:
        return str(conn.execute("PRAGMA cipher_memory_security").fetchone()[0]) == "1"
    finally:
        conn.close()
