"""Read YAML 1.2 and JSON documents, keeping the line and column of every field.

libyaml parses (fast, with marks); `compose` builds the data from its events without recursion and
within the limits of `limits.py`; scalars are resolved by the YAML 1.2 core schema (`scalars.py`), so
`on`, `no`, `yes` and `off` stay strings and dates stay text for the model's own date parsing.

Whatever the bytes, the result is data or an `InputError` whose problems name file, line and field:
a file too large, not UTF-8, not a regular file, malformed, or beyond a limit.
"""

from __future__ import annotations

import json
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .compose import Parser as _Loader
from .compose import compose
from .compose import escape as _escape
from .errors import InputError, Problem
from .limits import MAX_NODES, MAX_SIZE, format_size
from .scalars import resolve_plain_scalar
from .subject import Marks

__all__ = ["MAX_NODES", "RawDocument", "field_at_error", "parse_text", "read_file", "resolve_plain_scalar"]


@dataclass
class RawDocument:
    """A parsed file: plain data, and the marks of its fields (JSON pointer -> line, column)."""

    path: Path
    display_path: str
    data: Any
    marks: Marks


@dataclass
class _Frame:
    is_mapping: bool
    position: str | int | None = None  # the current key, or the current index
    expects_key: bool = True


def _pointer_of(frames: list[_Frame]) -> str:
    return "".join(f"/{_escape(str(f.position))}" for f in frames if f.position is not None) or "/"


def field_at_error(text: str) -> str:
    """The JSON pointer of the field being read when the YAML parser gave up."""
    frames: list[_Frame] = []
    pointer = "/"

    def value_done() -> None:
        if frames and frames[-1].is_mapping:
            frames[-1].expects_key = True

    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                if frames:  # a text cut short at a bad character may close what it never opened here
                    frames.pop()
                value_done()
                continue
            if not isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                continue
            top = frames[-1] if frames else None
            if top is not None and top.is_mapping and top.expects_key:
                if isinstance(event, yaml.ScalarEvent):
                    top.position, top.expects_key = event.value, False
                    pointer = _pointer_of(frames)
                continue
            if top is not None and not top.is_mapping:
                top.position = 0 if top.position is None else top.position + 1
                pointer = _pointer_of(frames)
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                frames.append(_Frame(is_mapping=isinstance(event, yaml.MappingStartEvent)))
            else:
                value_done()
    except yaml.YAMLError:
        pass
    return pointer


def _character(code: int | str) -> str:
    char = chr(code) if isinstance(code, int) else code
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}" if name else f"U+{ord(char):04X} (a control character)"


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of the character at `index`."""
    prefix = text[:index]
    return prefix.count("\n") + 1, index - (prefix.rfind("\n") + 1) + 1


def _decode(raw: bytes, display_path: str) -> str:
    for bom, name in ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16")):
        if raw.startswith(bom):
            raise InputError(Problem(display_path, f"the file is {name}, not UTF-8; save it as UTF-8", 1, 1, "/", code="not-utf8"))
    bom = 3 if raw.startswith(b"\xef\xbb\xbf") else 0  # Notepad writes one
    raw = raw[bom:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start].decode("utf-8", errors="replace")
        line, column = _position(before, len(before))
        bad = raw[error.start : error.end].hex(" ")
        try:
            raw.decode("gbk")
            hint = "it looks like GBK (GB2312); save it as UTF-8"
        except UnicodeDecodeError:
            hint = "save it as UTF-8"
        raise InputError(
            Problem(display_path, f"the file is not UTF-8 (bytes {bad} at offset {bom + error.start}); {hint}", line, column,
                    field_at_error(before), code="not-utf8")
        ) from None


def _ignore(*_: Any) -> None:
    return None


def _check_json(text: str, display_path: str) -> None:
    """JSON syntax only: the values themselves are read (with positions and limits) by the YAML reader."""
    try:
        json.loads(text, parse_int=_ignore, parse_float=_ignore, parse_constant=_ignore, object_pairs_hook=_ignore)
    except json.JSONDecodeError as error:
        raise InputError(
            Problem(display_path, f"malformed JSON: {error.msg}", error.lineno, error.colno, field_at_error(text[: error.pos]),
                    code="json-syntax")
        ) from None
    except RecursionError:
        pass  # nested deeper than Python's stack: the YAML reader refuses it at its depth limit, with its place


def parse_text(text: str, display_path: str, *, json_syntax: bool = False) -> tuple[Any, Marks]:
    """(data, marks) of a YAML 1.2 or JSON text; InputError (with file, line and field) for anything else."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        line, column = _position(text, error.start)
        raise InputError(Problem(display_path, f"the text holds {_character(text[error.start])}, which is not a character",
                                 line, column, field_at_error(text[: error.start]), code="bad-character")) from None
    if json_syntax:
        _check_json(text, display_path)
    try:
        try:
            return compose(text, display_path)
        except yaml.MarkedYAMLError as error:
            if "maximum nesting depth" not in str(error.problem) or _Loader is yaml.SafeLoader:
                raise
            # libyaml 0.2.6 refuses deep nesting while it looks ahead, before plancheck's own limit can
            # say which field is too deep; PyYAML's own parser reads on, and the limit stops it at once.
            return compose(text, display_path, parser_class=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or str(error)
        raise InputError(
            Problem(display_path, f"malformed YAML: {problem}", mark.line + 1 if mark else 1, mark.column + 1 if mark else 1,
                    field_at_error(text), code="yaml-syntax")
        ) from None
    except yaml.reader.ReaderError as error:
        index = len(text.encode("utf-8")[: error.position].decode("utf-8", errors="replace")) if _Loader is not yaml.SafeLoader else error.position
        line, column = _position(text, index)
        raise InputError(
            Problem(display_path, f"the character {_character(error.character)} is not allowed in YAML ({error.reason}); remove it", line,
                    column, field_at_error(text[:index]), code="bad-character")
        ) from None
    except yaml.YAMLError as error:
        raise InputError(Problem(display_path, f"malformed YAML: {str(error).splitlines()[0]}", 1, 1, "/", code="yaml-syntax")) from None


def _file_problem(display_path: str, message: str, code: str) -> InputError:
    return InputError(Problem(display_path, message, 1, 1, "/", code))


def read_file(path: Path, display_path: str | None = None, *, max_size: int | None = None) -> RawDocument:
    """Read and parse one file, refusing (without reading it all) a file larger than `max_size` bytes."""
    display_path = display_path or str(path)
    limit = MAX_SIZE if max_size is None else max_size
    try:
        if not path.exists():
            broken = os.path.lexists(path)
            raise _file_problem(display_path, "is a link to nothing (or a loop of links)" if broken else "no such file",
                                "broken-link" if broken else "missing-file")
        if path.is_dir():
            raise _file_problem(display_path, "is a directory, not a document", "is-directory")
        if not path.is_file():
            raise _file_problem(display_path, "is not a regular file (a device, a pipe or a socket)", "not-a-file")
        size = path.stat().st_size
        if size <= limit:
            with path.open("rb") as stream:
                raw = stream.read(limit + 1)  # a file may grow, or report a wrong size: never read more
            size = max(size, len(raw))
    except OSError as error:
        raise _file_problem(display_path, f"cannot be read: {error.strerror or error}", "unreadable") from None
    if size > limit:
        raise _file_problem(display_path, f"the file is larger than the limit of {format_size(limit)} "
                            "(raise it with --max-size)", "too-large")
    text = _decode(raw, display_path)
    data, marks = parse_text(text, display_path, json_syntax=path.suffix.lower() == ".json")
    return RawDocument(path=path, display_path=display_path, data=data, marks=marks)
