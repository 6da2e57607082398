"""The JSON Schema generated from the models, and validation of raw documents against it."""

from __future__ import annotations

import difflib
import re
import reprlib
import unicodedata
from functools import cache
from typing import Any

import jsonschema

from .checks import REGISTRY, requirement_model
from .errors import Problem
from .models import Plan
from .subject import Marks

SCHEMA_ID = "https://plancheck.example.org/schema/plancheck-v1.json"


@cache
def document_schema() -> dict[str, Any]:
    schema = Plan.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "plancheck document (plancheck/v1)"
    return schema


@cache
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(document_schema())


@cache
def _requirement_validator(type_name: str) -> jsonschema.Draft202012Validator:
    schema = requirement_model(type_name).model_json_schema(by_alias=True)
    return jsonschema.Draft202012Validator(schema)


_SHORT = reprlib.Repr()
_SHORT.maxstring, _SHORT.maxother, _SHORT.maxlist, _SHORT.maxdict, _SHORT.maxlevel = 80, 80, 4, 4, 2

# The patterns of ids, and how to say what they allow.
_ID_PATTERNS = {
    r"^[a-z0-9][a-z0-9-]*$": "an id is lowercase letters a-z, digits and '-'",
    r"^[A-Za-z0-9][A-Za-z0-9._-]*$": "a requirement id is letters A-Z and a-z, digits, '.', '_' and '-'",
}
# When one field breaks several schema rules, the most basic one is enough to say.
_FIRST = ("wrong-type", "missing-field", "unknown-field", "unknown-rule-type", "not-in-vocabulary", "bad-date")


def quote(value: Any) -> str:
    """A value as a message shows it: repr, shortened (a 4 MB string is shown by its start and end)."""
    return _SHORT.repr(value)


def _odd_character(text: str) -> str:
    """`; it holds U+200B ZERO WIDTH SPACE` for the first character outside printable ASCII, else ''."""
    for char in text:
        if not (char.isascii() and char.isprintable()):
            name = unicodedata.name(char, "a control character")
            return f"; it holds U+{ord(char):04X} {name}"
    return ""


def _pointer(path) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def locate(marks: Marks, pointer: str) -> tuple[int, int]:
    probe = pointer
    while probe and probe not in marks:
        probe = probe.rsplit("/", 1)[0]
    return marks.get(probe, (1, 1))


def _describe(error: jsonschema.ValidationError, base: str) -> list[tuple[str, str, str]]:
    """(pointer, message, code) for one jsonschema error, made readable for a clerk."""
    pointer = base + _pointer(error.absolute_path)
    instance = error.instance
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        out = []
        for key in sorted(set(instance) - set(allowed)):
            hint = difflib.get_close_matches(key, allowed, n=1)
            suggestion = f"; did you mean `{hint[0]}`?" if hint else f"; allowed: {', '.join(allowed)}"
            out.append((f"{pointer}/{key}", f"unknown field `{key}`{suggestion}", "unknown-field"))
        return out
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return [(f"{pointer}/{missing}", f"the field `{missing}` is required", "missing-field")]
    if error.validator in ("oneOf", "anyOf") and isinstance(instance, dict) and "type" in instance and "id" in instance:
        rule_type = instance.get("type")
        if rule_type not in REGISTRY:
            hint = difflib.get_close_matches(str(rule_type), list(REGISTRY), n=1)
            suggestion = f"did you mean `{hint[0]}`?" if hint else "known types: " + ", ".join(sorted(REGISTRY))
            return [(f"{pointer}/type", f"unknown rule type `{rule_type}`; {suggestion}", "unknown-rule-type")]
        out = []
        for sub_error in _requirement_validator(rule_type).iter_errors(instance):
            out += _describe(sub_error, pointer)
        return out
    if error.validator in ("anyOf", "oneOf") and error.context:
        # An optional field is `X or null`: say what is wrong for X, not "not valid under any of the given schemas".
        relevant = [e for e in error.context if not (e.validator == "type" and e.validator_value == "null")]
        if relevant:
            return _describe(jsonschema.exceptions.best_match(relevant), base)
    if error.validator == "enum":
        options = ", ".join(str(option) for option in error.validator_value)
        odd = _odd_character(instance) if isinstance(instance, str) else ""
        return [(pointer, f"{quote(instance)} is not one of: {options}{odd}", "not-in-vocabulary")]
    if error.validator == "pattern" and "年" in str(error.validator_value):
        return [(pointer, f"{quote(instance)} is not a date: write 2024-06-16, 2024年6月16日 or 6月16日{_odd_character(instance)}", "bad-date")]
    if error.validator == "pattern" and error.validator_value in _ID_PATTERNS:
        rule = _ID_PATTERNS[error.validator_value]
        return [(pointer, f"{quote(instance)} is not a valid id: {rule}{_odd_character(instance)}", "bad-id")]
    if error.validator == "type":
        hint = ""
        if isinstance(instance, str) and "integer" in str(error.validator_value):
            folded = unicodedata.normalize("NFKC", instance).strip()
            if folded != instance and folded.lstrip("-").isdigit() and folded.isascii():
                hint = f": write it with ASCII digits, {folded}"
        return [(pointer, f"{quote(instance)} should be {error.validator_value}{hint}", "wrong-type")]
    message = error.message if len(error.message) <= 300 else f"{quote(instance)} breaks the schema rule `{error.validator}`"
    code = re.sub(r"(?<=[a-z])(?=[A-Z])", "-", error.validator or "invalid").lower()  # minLength -> min-length
    return [(pointer, message, code)]


@cache
def fast_validator():
    """The same schema, validated in compiled code (jsonschema-rs): a valid document passes in 0.02 ms
    where jsonschema takes 3-15 ms. Trusted only to say "valid"; on "not", jsonschema says where and why."""
    try:
        import jsonschema_rs
    except ImportError:  # still correct without it, only slower
        return None
    return jsonschema_rs.validator_for(document_schema()).is_valid


def schema_problems(data: Any, marks: Marks, display_path: str) -> list[Problem]:
    fast = fast_validator()
    if fast is not None:
        try:
            if fast(data):
                return []
        except Exception:  # noqa: BLE001 - a value it cannot take (a number beyond 64 bits): jsonschema decides
            pass
    problems = []
    for error in _validator().iter_errors(data):
        for pointer, message, code in _describe(error, ""):
            line, column = locate(marks, pointer)
            problems.append(Problem(display_path, message, line, column, pointer or "/", code))
    rank = {code: index for index, code in enumerate(_FIRST)}
    one_per_field: dict[str, Problem] = {}
    for problem in problems:
        kept = one_per_field.get(problem.field)
        if kept is None or rank.get(problem.code, len(rank)) < rank.get(kept.code, len(rank)):
            one_per_field[problem.field] = problem
    return sorted(one_per_field.values(), key=lambda p: (p.line or 0, p.column or 0, p.field or ""))
