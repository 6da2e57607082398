"""Property-based: whatever the text or the plan, the loader and `check` give a result or a PlancheckError
whose problems all say where (path, line, field), never another exception and never a traceback.

HYPOTHESIS_EXAMPLES raises the number of examples (for a long local run); the default keeps the suite quick.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from compliance.errors import PlancheckError
from compliance.limits import MAX_INT
from compliance.loader import parse_text, read_file
from compliance.scalars import NumberTooLarge, resolve_plain_scalar

from .conftest import FIXTURES, run_cli

EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "60"))
PERFECT = FIXTURES / "no_gaps" / "pass" / "perfect.yaml"
SUPERIOR = FIXTURES / "no_gaps" / "superior.yaml"
LINE = re.compile(r"^plancheck: (?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<field>/.*?) (?P<message>.+) \[(?P<code>[a-z0-9-]+)\]$")
FAST = settings(max_examples=EXAMPLES * 4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Text that looks like YAML: its punctuation, indentation, tags, anchors, numbers and odd characters.
YAML_PIECES = [
    "\n", "  ", "- ", ": ", "? ", "[", "]", "{", "}", ",", "#", "&a ", "*a", "&b ", "*b", "!!str ", "!!int ", "!!python/object ",
    "!x ", "|", ">", "'", '"', "\\", "---\n", "...\n", "%YAML 1.2\n", "\t", "~", "null", "true", "on", "no", "0x1F", "0o17",
    "1e400", "9" * 30, "-", ".inf", ".nan", "2024-06-16", "2月30日", "２０２４", "id", "format", "plancheck/v1", "year",
    "superior", "evidence", "../", "/etc/passwd", "\u200b", "\ufeff", "\u202e", "\u3000", "\x00", "\x07", "\x85", "\u2028",
    "\ud7ff", "😀", "安全", "<<", "a", "b", "x",
]
yaml_ish = st.lists(st.sampled_from(YAML_PIECES), max_size=60).map("".join)


def assert_located(error: PlancheckError, path: str) -> None:
    assert error.problems
    for problem in error.problems:
        assert problem.path == path
        assert problem.line is not None and problem.line >= 1 and problem.column is not None and problem.column >= 1
        assert problem.field is not None and problem.field.startswith("/")
        assert "\n" not in str(problem)


def parse_or_locate(text: str, path: str, *, json_syntax: bool = False):
    try:
        data, marks = parse_text(text, path, json_syntax=json_syntax)
    except PlancheckError as error:
        assert_located(error, path)
        return None
    assert "" in marks
    return data


@FAST
@given(st.one_of(yaml_ish, st.text(max_size=200)), st.booleans())
def test_any_text_is_data_or_located_problems(text, json_syntax):
    parse_or_locate(text, "t.json" if json_syntax else "t.yaml", json_syntax=json_syntax)


@FAST
@given(st.binary(max_size=300), st.sampled_from([".yaml", ".json"]))
def test_any_bytes_in_a_file_are_data_or_located_problems(raw, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"plan{suffix}"
        path.write_bytes(raw)
        try:
            read_file(path, "plan" + suffix)
        except PlancheckError as error:
            assert_located(error, "plan" + suffix)


# PyYAML's writer folds the line breaks of YAML 1.1 (NEL, U+2028, U+2029) inside plain and single-quoted text.
text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x85\u2028\u2029"), max_size=20)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-MAX_INT + 1, max_value=MAX_INT - 1),
    st.floats(allow_nan=False, allow_infinity=False), text,
)
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(text, inner, max_size=4)),
                      max_leaves=30)


@FAST
@given(values, st.booleans())
def test_what_a_yaml_or_json_writer_writes_is_read_back_as_it_was(value, as_json):
    text = json.dumps(value, ensure_ascii=False) if as_json else yaml.safe_dump(value, allow_unicode=True)
    data = parse_or_locate(text, "v.yaml", json_syntax=as_json)
    assume(data is not None)  # PyYAML writes some strings (a lone \x85, say) that YAML 1.2 reads otherwise
    # PyYAML writes YAML 1.1: text that 1.1 reads as text but 1.2 as a number (0E0, 1e5, 0o7) goes unquoted.
    assume(as_json or not any(_number_in_yaml_1_2(text) for text in _texts(value)))
    assert data == value


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _texts(item)


def _number_in_yaml_1_2(text: str) -> bool:
    try:
        return not isinstance(resolve_plain_scalar(text), str)
    except NumberTooLarge:
        return True


@FAST
@given(st.integers(min_value=-(10**60), max_value=10**60) | st.integers(min_value=MAX_INT - 5, max_value=MAX_INT + 5))
def test_numbers_are_read_or_refused_by_size(number):
    data = parse_or_locate(f"year: {number}\n", "n.yaml")
    assert (data == {"year": number}) == (abs(number) < MAX_INT)


# Mutations of a valid plan, checked end to end -----------------------------------------------------
PLAN = yaml.safe_load(PERFECT.read_text(encoding="utf-8"))

hostile_values = st.one_of(
    scalars,
    st.sampled_from([
        "2月30日", "２０２４年２月３０日", "2024-13-01", "town\u200b-2023", "\ufeffid", "str\u0435et", "../../../../etc/passwd",
        "/etc/passwd", "file:///etc/passwd", "a\x00b", "9" * 5000, "1e400", "", " ", "\u202e", "x" * 10_000, "drill", "school",
        "9999-12-31", "0001-01-01", "2024-06-16", "6月16日",
    ]),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.just(float("inf")), st.just(float("nan")),
    values,
)


def paths_of(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths_of(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths_of(item, (*prefix, index))


def mutate(document, path, operation, replacement):
    """The plan with one change at `path`: replaced, deleted, wrapped in a list, or given an extra key."""
    document = json.loads(json.dumps(document, default=str))
    if not path:
        return replacement if operation == "replace" else document
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if operation == "replace":
        parent[last] = replacement
    elif operation == "delete":
        del parent[last]
    elif operation == "wrap":
        parent[last] = [parent[last]]
    elif isinstance(parent[last], dict):
        parent[last]["not_a_field"] = replacement
    return document


def dump(document, as_json: bool) -> str:
    if as_json:
        return json.dumps(document, ensure_ascii=False, allow_nan=True)
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


@SLOW
@given(st.data())
def test_a_mutated_plan_is_checked_or_refused_with_located_lines(data):
    document = PLAN
    for _ in range(data.draw(st.integers(min_value=1, max_value=3), label="mutations")):
        paths = list(paths_of(document))
        path = data.draw(st.sampled_from(paths), label="path")
        operation = data.draw(st.sampled_from(["replace", "delete", "wrap", "extra"]), label="operation")
        document = mutate(document, path, operation, data.draw(hostile_values, label="value"))
    as_json = data.draw(st.booleans(), label="json")
    engine = data.draw(st.sampled_from(["durable", "python"]), label="engine")
    try:
        text = dump(document, as_json)
    except (ValueError, yaml.YAMLError):
        assume(False)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("plan.json" if as_json else "plan.yaml")
        path.write_text(text, encoding="utf-8")
        run = run_cli("check", path, PERFECT, "--against", SUPERIOR, "--engine", engine, "--format", "json", "--as-of", "2024-06-21",
                      "--no-cache")
    assert "Traceback" not in run.err and "internal error" not in run.err, run.err
    assert run.code in (0, 1, 2), run.err
    lines = [line for line in run.err.splitlines() if line.strip()]
    assert all(LINE.match(line) for line in lines), run.err
    report = run.json()
    statuses = {Path(d["path"]).name: d["status"] for d in report["documents"]}
    assert statuses[PERFECT.name] == "pass"  # the good plan beside it is never lost
    if run.code == 2:
        assert lines and statuses[path.name] == "error"
