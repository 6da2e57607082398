"""Write output files atomically: a temporary file beside the target, then a rename."""

from __future__ import annotations

import io
import os
import stat
import tempfile
from pathlib import Path
from typing import Callable, TextIO


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: Path, write: Callable[[TextIO], None], *, binary: bool = False) -> None:
    """Run `write` into a temporary file and move it over `path`; a crash leaves `path` as it was.

    A path that is not a regular file (/dev/null, /dev/stdout, a pipe) is written to directly:
    renaming over it would replace the device with a file. A symbolic link is followed.
    """
    path = Path(path)
    if path.is_symlink():
        path = path.resolve()
    if path.exists() and not stat.S_ISREG(path.stat().st_mode):
        with (io.open(path, "wb") if binary else io.open(path, "w", encoding="utf-8", newline="\n")) as stream:
            write(stream)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp creates 0600; a report is as readable as any file the user makes (or as the one it replaces).
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
        os.chmod(temporary, mode)
        opened = io.open(handle, "wb") if binary else io.open(handle, "w", encoding="utf-8", newline="\n")
        with opened as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
