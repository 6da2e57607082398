"""YAML 1.2 core schema resolution of plain scalars: `on`, `no`, `yes`, `off` and dates stay text.

Numbers are bounded: an integer of 5000 digits or a float literal that overflows to infinity is not a
value any plan holds, and converting or printing it costs time (Python refuses to convert more than
4300 digits at all), so it is refused as `NumberTooLarge`.
"""

from __future__ import annotations

import math
import re
from typing import Any

from .limits import MAX_INT

_NULL = re.compile(r"^(~|null|Null|NULL|)$")
_TRUE = re.compile(r"^(true|True|TRUE)$")
_FALSE = re.compile(r"^(false|False|FALSE)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(inf|Inf|INF)$")
_NAN = re.compile(r"^\.(nan|NaN|NAN)$")

_STARTS = frozenset("~nNtTfF0123456789+-.")  # how a null, a boolean or a number can begin
_LONGEST_INT_TEXT = 40  # characters; anything longer is beyond MAX_INT in every base


class NumberTooLarge(ValueError):
    """A numeric scalar beyond what a plan can hold."""

    def __init__(self, text: str):
        shown = text if len(text) <= 24 else f"{text[:12]}…{text[-4:]} ({len(text)} characters)"
        super().__init__(f"the number {shown} is too large")


def _bounded_int(text: str, digits: str, base: int) -> int:
    if len(digits) > _LONGEST_INT_TEXT:
        raise NumberTooLarge(text)
    value = int(digits, base)
    if abs(value) >= MAX_INT:
        raise NumberTooLarge(text)
    return value


_RESOLVED: dict[str, Any] = {}  # text -> value (all immutable): plans repeat the same dates, counts and flags
_REMEMBER = 65536


def resolve_plain_scalar(text: str) -> Any:
    """YAML 1.2 core schema resolution of a plain (unquoted) scalar; NumberTooLarge for huge numbers."""
    if text and text[0] not in _STARTS:
        return text  # most plain scalars are words: they cannot be anything but text
    try:
        return _RESOLVED[text]
    except KeyError:
        pass
    value = _resolve(text)
    if len(_RESOLVED) < _REMEMBER:
        _RESOLVED[text] = value
    return value


def _resolve(text: str) -> Any:
    if _NULL.match(text):
        return None
    if _TRUE.match(text):
        return True
    if _FALSE.match(text):
        return False
    if _INT.match(text):
        return _bounded_int(text, text, 10)
    if _OCT.match(text):
        return _bounded_int(text, text[2:], 8)
    if _HEX.match(text):
        return _bounded_int(text, text[2:], 16)
    if _FLOAT.match(text):
        value = float(text)
        if math.isinf(value):
            raise NumberTooLarge(text)
        return value
    if _INF.match(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NAN.match(text):
        return float("nan")
    return text
