"""JSON written piece by piece: the same bytes as `orjson.dumps(value, option=OPT_INDENT_2)` of the whole.

A province's audit report is about 180 MB. Built whole, its dicts, the encoded bytes and a text copy
of them were in memory at once, three times the report's size. Here an array may be given as any
iterable (`Streamed`), so only one of its items exists at a time, and the bytes go out in blocks.
"""

from __future__ import annotations

import json
from itertools import chain
from typing import Any, Callable, Iterable, TextIO

try:
    import orjson
except ImportError:  # the standard library writes the same text, only slower
    orjson = None

BLOCK = 1 << 20  # bytes gathered before each write to the stream
_END = object()


class Streamed:
    """An array whose items are made as it is written. It may sit in a dict or in another Streamed; a
    plain list is written whole, so what it holds is plain too."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items


class Raw:
    """A value written already, by `rendered`, for the depth it is put at: kept and put back as it is."""

    __slots__ = ("data",)

    def __init__(self, data: bytes) -> None:
        self.data = data


def rendered(value: Any, depth: int) -> bytes:
    """`value` as `write_json` writes it `depth` levels deep (a plain value: no `Streamed` inside)."""
    text = _dumps(value)
    return text.replace(b"\n", b"\n" + b"  " * depth) if depth else text


def _dumps(value: Any) -> bytes:
    if orjson is not None:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2)
    return json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8")


def _has_streamed(value: dict) -> bool:
    """Whether a Streamed or Raw sits in it, or in a dict in it: else it is written whole, in one piece
    (a report's 50,000 document entries each hold dicts of plain values)."""
    return any(isinstance(item, (Streamed, Raw)) or (type(item) is dict and _has_streamed(item)) for item in value.values())


def _write(put: Callable[[bytes], None], value: Any, depth: int) -> None:
    inner = b"\n" + b"  " * (depth + 1)
    if isinstance(value, Raw):
        put(value.data)
    elif isinstance(value, Streamed):
        items = iter(value.items)
        item = next(items, _END)
        if item is _END:
            put(b"[]")
            return
        separator = b"[" + inner
        for item in chain((item,), items):
            if type(item) is Raw:  # pieces kept from an earlier run: a province's audit has 150,000
                put(separator + item.data)
            else:
                put(separator)
                _write(put, item, depth + 1)
            separator = b"," + inner
        put(b"\n" + b"  " * depth + b"]")
    elif isinstance(value, dict) and value and _has_streamed(value):
        separator = b"{" + inner
        for key, item in value.items():
            put(separator + _dumps(key) + b": ")
            _write(put, item, depth + 1)
            separator = b"," + inner
        put(b"\n" + b"  " * depth + b"}")
    else:
        # A string never holds a raw line break in JSON (it is written \n), so every break is layout.
        put(rendered(value, depth))


def write_json(stream: TextIO, value: Any) -> None:
    """Write `value`, then a line break, to a text stream: to its bytes underneath when it has them."""
    raw = getattr(stream, "buffer", None)
    if raw is not None:
        stream.flush()
    block = bytearray()

    def put(piece: bytes) -> None:
        block.extend(piece)
        if len(block) >= BLOCK:
            flush()

    def flush() -> None:
        if raw is not None:
            raw.write(bytes(block))
        else:
            stream.write(block.decode("utf-8"))  # a block ends between two pieces, never inside a character
        block.clear()

    _write(put, value, 0)
    put(b"\n")
    flush()
    if raw is not None:
        raw.flush()
