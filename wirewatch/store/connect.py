"""Opening the store's database — a SQLite file or a PostgreSQL server — as one ``Db``.

The store's SQL is written once, with ``?`` placeholders, in what both databases
share (``ON CONFLICT``, ``EXISTS``, ``coalesce``); ``Db`` is the thin seam between
them: it passes statements to ``sqlite3`` or rewrites the placeholders for psycopg,
hands back rows that read by position and by column name on both, and starts every
write transaction the same way — one writer at a time (SQLite's ``BEGIN IMMEDIATE``;
on PostgreSQL a transaction-scoped advisory lock). Writers in turn are what keep ids
gapless and the wire-copy index exact while several ingesters share a database.
No ORM: the queries are few and plain, and the two dialects differ in only a handful
of places, which say so.

Errors from either database surface as ``StoreError`` (what went wrong, why, what to
do), never as a ``sqlite3`` or ``psycopg`` traceback; a server URL's password never
appears in a message.
"""

from __future__ import annotations

import re
import sqlite3
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Protocol
from urllib.parse import unquote

from wirewatch.errors import StoreError

SQLITE_URL_PREFIX = "sqlite:///"
POSTGRES_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_QUERY_PASSWORD = re.compile(r"([?&][a-z_]*password=)([^&]*)", re.IGNORECASE)
_NOT_A_DATABASE = ("file is not a database", "malformed")
_READ_ONLY = ("readonly", "read-only")
WRITER_LOCK = 0x77697265  # "wire": the PostgreSQL advisory lock every write transaction holds

Dialect = Literal["sqlite", "postgresql"]


class Row(Protocol):
    """A result row: by position (``row[0]``) or by column name (``row["id"]``)."""

    def __getitem__(self, key: int | str, /) -> Any: ...

    def __iter__(self) -> Iterator[Any]: ...


class Cursor(Protocol):
    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


def is_postgres(db: str | Path) -> bool:
    """Whether ``--db`` names a PostgreSQL server (``postgresql://user@host/name``)."""
    return isinstance(db, str) and db.split("://", 1)[0].lower() in POSTGRES_SCHEMES \
        and "://" in db


def display_name(db: str | Path) -> str:
    """``db`` as messages show it: a server URL without its passwords (``_masked``)."""
    return _masked(db)[0] if isinstance(db, str) else str(db)


def _masked(url: str) -> tuple[str, list[str]]:
    """``url`` with every password masked, and the passwords (with the pieces a server's
    message may quote) to scrub from messages.

    The URL is parsed as ``urllib`` reads it: the user part ends at the last ``@`` before
    the first ``/``, ``?`` or ``#``. When an ``@`` comes after those, the password itself
    held one of them unencoded, and the parse cannot be trusted: everything between
    ``://`` and the last ``@`` is masked. ``password=`` parameters (and ``sslpassword=``)
    are masked wherever they are.
    """
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url, []
    secrets: list[str] = []
    netloc = _netloc(rest)
    if "@" in rest[len(netloc):]:  # no trustworthy parse: hide the whole user part
        userinfo, _, rest = rest.rpartition("@")
        secrets += [userinfo, userinfo.partition(":")[2]]
        rest = "***@" + rest
    elif "@" in netloc:
        userinfo, _, host = netloc.rpartition("@")
        user, colon, password = userinfo.partition(":")
        if colon:
            secrets.append(password)
            rest = f"{user}:***@{host}{rest[len(netloc):]}"

    def hide(match: re.Match[str]) -> str:
        secrets.append(match.group(2))
        return match.group(1) + "***"

    rest = _QUERY_PASSWORD.sub(hide, rest)
    return f"{scheme}://{rest}", _scrubbed(secrets)


def _netloc(rest: str) -> str:
    """The authority of a URL after its ``://``: up to the first ``/``, ``?`` or ``#``, as
    ``urllib.parse.urlsplit`` takes it."""
    return re.split(r"[/?#]", rest, maxsplit=1)[0]


def _scrubbed(secrets: list[str]) -> list[str]:
    """The secrets as written and decoded, and their pieces between ``@ / ? # :`` (a server
    that misreads such a URL quotes a piece of it), longest first."""
    found = {form for secret in secrets if secret for form in (secret, unquote(secret))}
    found |= {piece for form in list(found) for piece in re.split(r"[@/?#:]", form)
              if len(piece) >= 3}
    return sorted(found, key=len, reverse=True)


def database_path(db: str | Path) -> Path:
    """The file behind a SQLite ``--db`` value: a path, or a ``sqlite:///path`` URL.

    Like SQLAlchemy, ``sqlite:///x.db`` is relative and ``sqlite:////tmp/x.db`` absolute.
    """
    if isinstance(db, Path):
        return db
    if db.startswith(SQLITE_URL_PREFIX):
        return Path(db[len(SQLITE_URL_PREFIX):])
    if _URL.match(db):
        scheme = db.split("://", 1)[0]
        raise StoreError(f"cannot open the database {display_name(db)}",
                         f"wirewatch stores to SQLite or PostgreSQL, not {scheme}",
                         f"Pass a file path, {SQLITE_URL_PREFIX}path/to/wirewatch.db or "
                         "postgresql://user@host/database")
    return Path(db)


class Db:
    """One open connection to SQLite or PostgreSQL, used by one thread at a time."""

    def __init__(self, conn: Any, dialect: Dialect, name: str) -> None:
        self.conn = conn
        self.dialect: Dialect = dialect
        self.name = name
        """What messages call the database: the file, or the URL without its password."""
        self._next: dict[str, int] = {}

    @classmethod
    def open(cls, db: str | Path, timeout: float) -> Db:
        """Open a SQLite path or URL, or a PostgreSQL URL (autocommit: the store runs its
        own transactions)."""
        if is_postgres(db):
            return cls(_connect_postgres(str(db), timeout), "postgresql", display_name(db))
        path = database_path(db)
        return cls(connect(path, timeout), "sqlite", str(path))

    def execute(self, sql: str, params: Sequence[object] = ()) -> Cursor:
        if self.dialect == "sqlite":
            return self.conn.execute(sql, params)  # type: ignore[no-any-return]
        return self.conn.execute(_pyformat(sql), params)  # type: ignore[no-any-return]

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None:
        if self.dialect == "sqlite":
            self.conn.executemany(sql, rows)
            return
        rows = list(rows)
        if rows:
            with self.conn.cursor() as cursor:
                cursor.executemany(_pyformat(sql), rows)

    def next_id(self, table: str, column: str = "id") -> int:
        """The id the next row of ``table`` gets: one past the largest, as SQLite's
        ``INTEGER PRIMARY KEY`` does. Safe because writers take turns, and unlike a
        PostgreSQL sequence it leaves no gap when a transaction rolls back, so a run
        that failed and ran again numbers its rows as one clean run would. Counted here
        after the first ask in a transaction (the writer lock is held till it ends)."""
        if table not in self._next:
            row = self.execute(f"SELECT coalesce(max({column}), 0) + 1 FROM {table}").fetchone()
            self._next[table] = int(row[0])
        self._next[table] += 1
        return self._next[table] - 1

    def has_table(self, table: str) -> bool:
        if self.dialect == "sqlite":
            sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
        else:
            sql = "SELECT 1 WHERE to_regclass(?) IS NOT NULL"
        return self.execute(sql, (table,)).fetchone() is not None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction, committed whole or rolled back on any error; it starts
        by waiting for the writer before it (``BEGIN IMMEDIATE`` / the advisory lock)."""
        self._next.clear()
        postgres = self.dialect == "postgresql"
        # PostgreSQL in pipeline mode: statements whose results are not read go out without
        # waiting for the server, so an article's many small inserts cost few round trips.
        try:
            with self.conn.pipeline() if postgres else nullcontext():
                # READ COMMITTED whatever the server's default: each statement then sees what
                # the writer before this one committed while this one waited for the lock.
                self.conn.execute("BEGIN ISOLATION LEVEL READ COMMITTED" if postgres
                                  else "BEGIN IMMEDIATE")
                if postgres:
                    self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
                yield
                self.conn.execute("COMMIT")
        except BaseException:
            if self.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """A read transaction: every statement inside sees the database as it was at the
        first, whatever writers commit meanwhile (SQLite's WAL keeps that version for the
        reader; PostgreSQL's REPEATABLE READ takes one snapshot). Nothing may be written
        inside. Inside another transaction it is that transaction."""
        if self.in_transaction:
            yield
            return
        self.conn.execute("BEGIN" if self.dialect == "sqlite"
                          else "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            yield
        finally:
            if self.in_transaction:
                self.conn.execute("ROLLBACK")  # nothing was written: ending it is all

    @property
    def connected(self) -> bool:
        """False once a server connection is closed or broken (SQLite files stay open)."""
        return self.dialect == "sqlite" or not (self.conn.closed or self.conn.broken)

    @property
    def in_transaction(self) -> bool:
        if self.dialect == "sqlite":
            return bool(self.conn.in_transaction)
        from psycopg.pq import TransactionStatus
        if self.conn.closed or self.conn.broken:  # the server is gone: nothing to roll back
            return False
        return bool(self.conn.info.transaction_status != TransactionStatus.IDLE)

    def close(self) -> None:
        self.conn.close()


@lru_cache(maxsize=512)
def _pyformat(sql: str) -> str:
    """``?`` placeholders as psycopg's ``%s`` (the store's SQL has no literal ``?``)."""
    return sql.replace("%", "%%").replace("?", "%s")


class _PgRow:
    """A psycopg row that reads like ``sqlite3.Row``: by position or by column name."""

    __slots__ = ("_names", "_values")

    def __init__(self, values: Sequence[Any], names: dict[str, int]) -> None:
        self._values = values
        self._names = names

    def __getitem__(self, key: int | str) -> Any:
        return self._values[self._names[key] if isinstance(key, str) else key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def keys(self) -> list[str]:
        return list(self._names)


def _pg_rows(cursor: Any) -> Any:
    names = {column.name: i for i, column in enumerate(cursor.description or ())}
    return lambda values: _PgRow(values, names)


def _connect_postgres(url: str, timeout: float) -> Any:
    """Connect with psycopg (imported here: SQLite users never pay for it)."""
    import psycopg

    if url.startswith("postgresql+psycopg://"):
        url = "postgresql://" + url.split("://", 1)[1]
    with translate_errors(f"cannot open the database {display_name(url)}",
                          scrub=(url, _masked(url)[1])):
        conn = psycopg.connect(url, autocommit=True, row_factory=_pg_rows,
                               connect_timeout=max(1, int(timeout)))
        try:
            # lock_timeout bounds the wait for the writer lock, as busy_timeout does in
            # SQLite (set here rather than in the URL's options, which stay the user's).
            conn.execute("SELECT set_config('lock_timeout', %s, false)",
                         (f"{int(timeout * 1000)}ms",))
        except BaseException:
            conn.close()
            raise
        return conn


def connect(path: Path, timeout: float) -> sqlite3.Connection:
    """Open the SQLite file ``path`` in autocommit mode with WAL, foreign keys and a busy
    timeout. Autocommit because the store runs its own ``BEGIN IMMEDIATE`` transactions.
    """
    _check_path(path)
    with translate_errors(f"cannot open the database {path}"):
        # check_same_thread off: a web request may open the store on one worker thread and
        # read it on another; a Store is still used by one thread at a time.
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None,
                               check_same_thread=False)
    deadline = time.monotonic() + timeout
    try:
        with translate_errors(f"cannot open the database {path}"):
            while True:
                try:
                    configure(conn, timeout)
                    break
                except sqlite3.OperationalError as exc:
                    # setting WAL mode can meet another process's lock without SQLite calling
                    # the busy handler (two ingesters starting at once): wait as it would
                    if "locked" not in str(exc) or time.monotonic() >= deadline:
                        raise
                    time.sleep(0.05)
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


def _is_database_error(exc: BaseException) -> bool:
    if isinstance(exc, sqlite3.Error):
        return True
    psycopg = sys.modules.get("psycopg")
    return psycopg is not None and isinstance(exc, psycopg.Error)


@contextmanager
def translate_errors(what: str, scrub: tuple[str, list[str]] | None = None) -> Iterator[None]:
    """Re-raise any ``sqlite3`` or ``psycopg`` error as a ``StoreError`` that says what to do.

    ``scrub`` is a server URL and its passwords: libpq may quote either when it cannot
    connect, and neither may reach a message.
    """
    try:
        yield
    except Exception as exc:
        if not _is_database_error(exc):
            raise
        why = " ".join(str(exc).split()) or type(exc).__name__
        if scrub is not None:
            url, passwords = scrub
            why = why.replace(url, display_name(url))
            for password in sorted(passwords, key=len, reverse=True):
                why = why.replace(password, "***")
        raise StoreError(what, why, _fix_for(why, getattr(exc, "sqlstate", None))) from exc


# PostgreSQL's SQLSTATE classes, and what to do about each.
_SQLSTATE_FIXES = (
    ("53", ("Free disk space on the database server and run the same command again: what is "
           "stored is intact and the run goes on where it stopped")),
    ("25006", ("The database is read-only (a standby, or default_transaction_read_only); "
              "point --db at a writable primary")),
    ("42501", ("Grant this user the right to create tables in the database (or ask its owner "
              "to run wirewatch once to create them)")),
    ("28", "Check the user name and password in the URL (or in ~/.pgpass)"),
    ("3D000", "Create the database first (createdb NAME) or fix its name in the URL"),
    ("55P03", "Another process is writing to it; wait for it to finish and try again"),
    ("40", "Another process changed the same rows; run the same command again"),
    ("58P01", ("Install PostgreSQL's contrib extensions (unaccent) on the server: Debian's "
              "postgresql package has them")),
)


def _fix_for(why: str, sqlstate: str | None = None) -> str:
    if sqlstate:
        for prefix, fix in _SQLSTATE_FIXES:
            if sqlstate.startswith(prefix):
                return fix
    lowered = why.lower()
    # A failed connection has no SQLSTATE; the server's FATAL line says which part was wrong.
    if "fatal: database" in lowered and "does not exist" in lowered:
        return dict(_SQLSTATE_FIXES)["3D000"]
    if "in uri" in lowered or "percent-encoded" in lowered or "invalid connection option" in lowered:
        return ("Check the URL's form: postgresql://user:password@host:port/database, with "
                "special characters in the password percent-encoded (%40 for @)")
    if "password" in lowered or ("fatal: role" in lowered and "does not exist" in lowered):
        return dict(_SQLSTATE_FIXES)["28"]
    if "connection" in lowered and ("failed" in lowered or "refused" in lowered
                                    or "timeout" in lowered):
        return ("Check that the PostgreSQL server is running and reachable, and the host, "
                "port and database name in the URL")
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


__all__ = ["SQLITE_URL_PREFIX", "Cursor", "Db", "Dialect", "Row", "configure", "connect",
           "database_path", "display_name", "is_postgres", "translate_errors"]
