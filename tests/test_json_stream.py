"""The streamed JSON writer gives the bytes orjson gives for the whole value, wherever arrays are streamed."""

from __future__ import annotations

import io

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.report import json_stream
from compliance.report.json_stream import Streamed, write_json

scalars = st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(alphabet="ab 安全\n\"\\生产月\t", max_size=8)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text("xyz安", max_size=3), inner, max_size=4),
                      max_leaves=30)


def _streamed(value, choose, may=True):
    """The same value with some of its arrays turned into generators: those inside an object or another
    streamed array (an array written whole holds only plain values)."""
    if isinstance(value, list):
        if may and choose():
            items = [_streamed(item, choose) for item in value]
            return Streamed(item for item in items)
        return [_streamed(item, choose, may=False) for item in value]
    if isinstance(value, dict):
        return {key: _streamed(item, choose, may) for key, item in value.items()}
    return value


def _written(value, stream=None) -> bytes:
    stream = stream or io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\n")
    write_json(stream, value)
    if isinstance(stream, io.StringIO):
        return stream.getvalue().encode("utf-8")
    stream.flush()
    return stream.buffer.getvalue()


@settings(max_examples=300, deadline=None)
@given(values, st.lists(st.booleans(), min_size=1, max_size=20))
def test_streamed_arrays_are_written_as_orjson_writes_the_whole(value, choices):
    turns = iter(choices * 50)
    expected = orjson.dumps(value, option=orjson.OPT_INDENT_2) + b"\n"
    assert _written(_streamed(value, lambda: next(turns, True))) == expected
    assert _written(_streamed(value, lambda: True), io.StringIO()) == expected  # a stream with no bytes underneath


def test_empty_arrays_and_objects_and_blocks(monkeypatch):
    monkeypatch.setattr(json_stream, "BLOCK", 7)  # many small blocks, split between pieces
    value = {"a": Streamed(iter([])), "b": {}, "c": {"d": Streamed([{"e": ["安全", {}]}, 2])}, "f": []}
    plain = {"a": [], "b": {}, "c": {"d": [{"e": ["安全", {}]}, 2]}, "f": []}
    assert _written(value) == orjson.dumps(plain, option=orjson.OPT_INDENT_2) + b"\n"


def test_text_written_before_stays_before():
    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\n")
    stream.write("前")
    write_json(stream, {"x": Streamed([1])})
    stream.write("后")
    stream.flush()
    assert stream.buffer.getvalue().decode("utf-8") == '前{\n  "x": [\n    1\n  ]\n}\n后'
