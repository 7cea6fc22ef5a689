# Types for sqlcipher3, which ships none. Its DB-API module is pysqlite's, built
# against SQLCipher: the same classes, functions and errors as the standard
# library's sqlite3 (so those are typeshed's sqlite3 types), plus the connection's
# two SQLCipher calls for keying a database.
import sqlite3
from os import PathLike
from sqlite3 import Cursor as Cursor
from sqlite3 import DatabaseError as DatabaseError
from sqlite3 import Error as Error
from sqlite3 import IntegrityError as IntegrityError
from sqlite3 import OperationalError as OperationalError
from sqlite3 import Row as Row
from sqlite3 import complete_statement as complete_statement
from sqlite3 import sqlite_version as sqlite_version
from typing import Literal

class Connection(sqlite3.Connection):
    def set_key(self, key: str | bytes, /) -> None: ...
    def reset_key(self, key: str | bytes, /) -> None: ...

def connect(
    database: str | bytes | PathLike[str] | PathLike[bytes],
    timeout: float = 5.0,
    detect_types: int = 0,
    isolation_level: Literal["DEFERRED", "EXCLUSIVE", "IMMEDIATE"] | None = "DEFERRED",
    check_same_thread: bool = True,
    cached_statements: int = 128,
    uri: bool = False,
) -> Connection: ...
