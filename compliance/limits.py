"""How much work one input file may cause, and sizes as people write them (`--max-size 5MB`).

A plan is a few kilobytes, with a few hundred fields nested a few levels deep. The limits below are
far above any real plan and far below what would exhaust time or memory, so a hostile file (an alias
bomb, ten thousand nested lists, a 5000-digit number) is refused at once, with its place in the file.
"""

from __future__ import annotations

import re

MAX_SIZE = 5 * 1000**2  # bytes of one file (5 MB); `--max-size` changes it
MAX_NODES = 200_000  # values in one document, aliases counted as often as they are used
MAX_DEPTH = 64  # lists and mappings inside each other
MAX_POINTER_CHARS = 32_000_000  # characters of all field paths together (long keys nested deep)
MAX_INT = 2**63  # an integer's magnitude must stay below this
MAX_PROBLEMS = 100  # problems listed for one document; the rest are counted

_UNITS = {"": 1, "B": 1, "K": 1000, "KB": 1000, "KIB": 1024, "M": 1000**2, "MB": 1000**2, "MIB": 1024**2,
          "G": 1000**3, "GB": 1000**3, "GIB": 1024**3}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*$")


def parse_size(text: str) -> int:
    """`5MB`, `5 MB`, `512KB`, `1MiB` or a number of bytes; raise ValueError naming the forms."""
    match = _SIZE.match(text)
    unit = match.group(2).upper() if match else None
    if match is None or unit not in _UNITS or len(match.group(1)) > 15:
        raise ValueError(f"{text!r} is not a size: write 5MB, 512KB, 1MiB or a number of bytes")
    size = int(float(match.group(1)) * _UNITS[unit])
    if size < 1:
        raise ValueError(f"{text!r} is too small: a size limit must be at least 1 byte")
    return size


def format_size(size: int) -> str:
    """A byte count for a message: 5 MB, 6.3 MB, 512 KB, 900 bytes."""
    for unit, factor in (("GB", 1000**3), ("MB", 1000**2), ("KB", 1000)):
        if size >= factor:
            value = size / factor
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{size} bytes"
