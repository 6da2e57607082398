"""Read YAML 1.2 and JSON documents, keeping the line and column of every field.

PyYAML's libyaml binding composes the node graph (with marks) fast; scalars are then resolved by
the YAML 1.2 core schema here, so `on`, `no`, `yes` and `off` stay strings and dates stay text for
the model's own date parsing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError, Problem
from .subject import Marks

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_NODES = 200_000

_NULL = re.compile(r"^(~|null|Null|NULL|)$")
_TRUE = re.compile(r"^(true|True|TRUE)$")
_FALSE = re.compile(r"^(false|False|FALSE)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(inf|Inf|INF)$")
_NAN = re.compile(r"^\.(nan|NaN|NAN)$")


@dataclass
class RawDocument:
    """A parsed file: plain data, and the marks of its fields (JSON pointer -> line, column)."""

    path: Path
    display_path: str
    data: Any
    marks: Marks


def resolve_plain_scalar(text: str) -> Any:
    """YAML 1.2 core schema resolution of a plain (unquoted) scalar."""
    if _NULL.match(text):
        return None
    if _TRUE.match(text):
        return True
    if _FALSE.match(text):
        return False
    if _INT.match(text):
        return int(text)
    if _OCT.match(text):
        return int(text[2:], 8)
    if _HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NAN.match(text):
        return float("nan")
    return text


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


class _Builder:
    def __init__(self, display_path: str):
        self.display_path = display_path
        self.marks: Marks = {}
        self.count = 0

    def build(self, node: yaml.Node, pointer: str) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise InputError(
                Problem(self.display_path, f"the document has more than {MAX_NODES} nodes (aliases expanding without end?)",
                        node.start_mark.line + 1, node.start_mark.column + 1, pointer or "/", code="too-large")
            )
        if isinstance(node, yaml.ScalarNode):
            if not node.style and node.tag != "tag:yaml.org,2002:str":
                return resolve_plain_scalar(node.value)
            return node.value
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                child = f"{pointer}/{index}"
                self.marks[child] = (item.start_mark.line + 1, item.start_mark.column + 1)
                items.append(self.build(item, child))
            return items
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise InputError(
                    Problem(self.display_path, "a key must be plain text", key_node.start_mark.line + 1,
                            key_node.start_mark.column + 1, pointer or "/", code="bad-key")
                )
            key = key_node.value
            child = f"{pointer}/{_escape(key)}"
            if key in mapping:
                raise InputError(
                    Problem(self.display_path, f"the key `{key}` appears twice", key_node.start_mark.line + 1,
                            key_node.start_mark.column + 1, child, code="duplicate-key")
                )
            self.marks[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            mapping[key] = self.build(value_node, child)
        return mapping


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


def _decode(raw: bytes, display_path: str) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputError(
            Problem(display_path, f"the file is not UTF-8 (byte {error.start}); save it as UTF-8", line, code="not-utf8")
        ) from None
    return text


def parse_text(text: str, display_path: str, *, json_syntax: bool = False) -> tuple[Any, Marks]:
    if json_syntax:
        try:
            json.loads(text)
        except json.JSONDecodeError as error:
            raise InputError(
                Problem(display_path, f"malformed JSON: {error.msg}", error.lineno, error.colno, code="json-syntax")
            ) from None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or str(error)
        raise InputError(
            Problem(display_path, f"malformed YAML: {problem}", mark.line + 1 if mark else None,
                    mark.column + 1 if mark else None, field_at_error(text), code="yaml-syntax")
        ) from None
    except yaml.YAMLError as error:
        raise InputError(Problem(display_path, f"malformed YAML: {error}", code="yaml-syntax")) from None
    if node is None:
        raise InputError(Problem(display_path, "the file is empty", 1, 1, code="empty"))
    builder = _Builder(display_path)
    data = builder.build(node, "")
    builder.marks[""] = (node.start_mark.line + 1, node.start_mark.column + 1)
    return data, builder.marks


def read_file(path: Path, display_path: str | None = None) -> RawDocument:
    display_path = display_path or str(path)
    if not path.exists():
        raise InputError(Problem(display_path, "no such file", code="missing-file"))
    if path.is_dir():
        raise InputError(Problem(display_path, "is a directory, not a document", code="is-directory"))
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(Problem(display_path, f"cannot be read: {error.strerror}", code="unreadable")) from None
    text = _decode(raw, display_path)
    data, marks = parse_text(text, display_path, json_syntax=path.suffix.lower() == ".json")
    return RawDocument(path=path, display_path=display_path, data=data, marks=marks)
