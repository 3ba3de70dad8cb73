"""Opening a SQLite database, and turning SQLite's errors into ``StoreError``.

Users see what went wrong with their database file and what to do about it,
never a ``sqlite3`` traceback.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from wirewatch.errors import StoreError

SQLITE_URL_PREFIX = "sqlite:///"
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_NOT_A_DATABASE = ("file is not a database", "malformed")
_READ_ONLY = ("readonly", "read-only")


def database_path(db: str | Path) -> Path:
    """The file behind a ``--db`` value: a path, or a ``sqlite:///path`` URL.

    Like SQLAlchemy, ``sqlite:///x.db`` is relative and ``sqlite:////tmp/x.db`` absolute.
    """
    if isinstance(db, Path):
        return db
    if db.startswith(SQLITE_URL_PREFIX):
        return Path(db[len(SQLITE_URL_PREFIX):])
    if _URL.match(db):
        scheme = db.split("://", 1)[0]
        raise StoreError(f"cannot open the database {scheme}://…",
                         f"only SQLite is supported for now, not {scheme}",
                         f"Pass a file path or {SQLITE_URL_PREFIX}path/to/wirewatch.db")
    return Path(db)


def connect(path: Path, timeout: float) -> sqlite3.Connection:
    """Open ``path`` in autocommit mode with WAL, foreign keys and a busy timeout.

    Autocommit because the store runs its own ``BEGIN IMMEDIATE`` transactions.
    """
    _check_path(path)
    with translate_errors(f"cannot open the database {path}"):
        # check_same_thread off: a web request may open the store on one worker thread and
        # read it on another; a Store is still used by one thread at a time.
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None,
                               check_same_thread=False)
    try:
        with translate_errors(f"cannot open the database {path}"):
            configure(conn, timeout)
    except BaseException:
        conn.close()
        raise
    return conn


def configure(conn: sqlite3.Connection, timeout: float) -> None:
    """Set the pragmas every connection needs (and fail early on a non-database)."""
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL").fetchone()
    conn.execute("PRAGMA synchronous = NORMAL")
    # 64 MB of page cache (SQLite's default is 2 MB): the inner pages of the copy index's
    # band table stay in memory however many articles the store holds.
    conn.execute("PRAGMA cache_size = -65536")


def _check_path(path: Path) -> None:
    """Catch the usual path mistakes before SQLite reports them as 'unable to open'."""
    if str(path) == ":memory:":
        return
    if path.is_dir():
        raise StoreError(f"cannot open the database {path}", "it is a folder, not a file",
                         "Pass a file path such as wirewatch.db")
    parent = path.parent
    if not parent.is_dir():
        raise StoreError(f"cannot open the database {path}",
                         f"the folder {parent} does not exist",
                         "Create the folder first or choose another path")


@contextmanager
def translate_errors(what: str) -> Iterator[None]:
    """Re-raise any ``sqlite3.Error`` as a ``StoreError`` that says what to do."""
    try:
        yield
    except sqlite3.Error as exc:
        why = str(exc) or type(exc).__name__
        raise StoreError(what, why, _fix_for(why)) from exc


def _fix_for(why: str) -> str:
    lowered = why.lower()
    if any(words in lowered for words in _NOT_A_DATABASE):
        return "Point --db at a wirewatch database, or at a new file name to start one"
    if any(words in lowered for words in _READ_ONLY) or "unable to open" in lowered:
        return "Check that the database file and its folder are writable, or choose another path"
    if "full" in lowered:
        return ("Free disk space (or move the database to a disk with room) and run the same "
                "command again: what is stored is intact and the run goes on where it stopped")
    if "locked" in lowered or "busy" in lowered:
        return "Another process is writing to it; wait for it to finish and try again"
    if "closed" in lowered:
        return "Open the store again"
    if "no such module" in lowered:
        return "Use a Python whose SQLite has the FTS5 extension (most builds do)"
    return "If it persists, report it with the database file and the command you ran"


__all__ = ["SQLITE_URL_PREFIX", "configure", "connect", "database_path", "translate_errors"]
