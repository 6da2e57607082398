"""The one module that touches durable-rules. It owns every fix listed in DURABLE_RULES.md.

- No `Host`: its timer threads never stop (trap 5) and its `assert_facts` raises on every
  compliant fact (trap 1). The C entry points are called directly and the fired rules collected
  here; no Python action runs inside the engine, so none can be swallowed (trap 7).
- One compiled ruleset per requirement set per process, cached (trap 5); the definition passed
  to the engine is serialized from a copy, never mutated (trap 6).
- One open session at a time, always the same session id, fact ids 1..N per document, and the
  session deleted after each document (traps 3 and 4).
- A rule that always fires on the sentinel, so no session ends without an action (trap 2).
- The sentinel fact asserted last, in the same batch (absences are decided on it).
- No `$or` inside `$iany`: creating such a ruleset reads an uninitialised node and fails at random
  with error 102 (valgrind); "holds one of" is an `$or` of single-item `$iany` tests instead.
- No pattern compares a field with another fact's field: such a join reads uninitialised memory
  in `reduceExpressionSequence` and crashed the engine on some plans (found with valgrind). Values
  such as the as-of day are literals in the rules instead, and the validator rejects references.
- Facts checked before they reach the engine: no `None`, no integer beyond 64 bits, fewer than
  253 properties; every pattern names a fact type `t` (trap 8). Generated rulesets are validated
  against the small grammar plancheck emits, since a malformed one loads and silently mismatches.
"""

from __future__ import annotations

import itertools
import json
from typing import Any

from .errors import EngineError

try:
    import orjson

    def _dumps(value: Any) -> str:
        return orjson.dumps(value).decode("utf-8")

    def canonical_json(value: Any) -> bytes:
        """The same bytes for equal values: keys sorted."""
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)

    _loads = orjson.loads
except ImportError:  # pragma: no cover - orjson is a dependency; the standard library does the same, slower
    def _dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    def canonical_json(value: Any) -> bytes:
        return json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8")

    _loads = json.loads

try:
    import durable_rules_engine as _engine
except ImportError as error:  # Python 3.13+, or no C compiler when installing
    _engine = None
    IMPORT_ERROR: str | None = f"{type(error).__name__}: {error}"
else:
    IMPORT_ERROR = None

AVAILABLE = _engine is not None
SESSION = "1"
ALWAYS = "__always"
MAX_PROPERTIES = 252
MAX_RULES_PER_RULESET = 200

_COMPARISONS = {"$lt", "$lte", "$gt", "$gte", "$neq", "$mt"}
_names = itertools.count(1)


class RulesetDefinitionError(ValueError):
    """A generated ruleset outside the grammar plancheck emits: a bug, caught before the engine."""


def _check_value(value: Any, where: str) -> None:
    if isinstance(value, bool) or value is None:
        raise RulesetDefinitionError(f"{where}: unsupported value {value!r}")
    if isinstance(value, dict):
        raise RulesetDefinitionError(f"{where}: a reference to another fact {value!r} (joins crash the engine)")
    if isinstance(value, int) and not -(2**63) <= value < 2**63:
        raise RulesetDefinitionError(f"{where}: integer out of range")
    if not isinstance(value, (int, float, str)):
        raise RulesetDefinitionError(f"{where}: unsupported value {value!r}")


def _check_item_test(test: Any, where: str) -> None:
    if isinstance(test, dict) and set(test) == {"$i"}:
        _check_value(test["$i"], where)
    else:  # an `$or` here reads an uninitialised node when the ruleset is created (error 102)
        raise RulesetDefinitionError(f"{where}: an array test must be one {{'$i': value}}, got {test!r}")


def _check_pattern(pattern: Any, where: str) -> None:
    if not isinstance(pattern, dict) or len(pattern) != 1:
        raise RulesetDefinitionError(f"{where}: a pattern is a one-key object, got {pattern!r}")
    (operator, operand), = pattern.items()
    if operator in ("$and", "$or"):
        if not isinstance(operand, list) or not operand:
            raise RulesetDefinitionError(f"{where}: {operator} needs a list")
        for part in operand:
            _check_pattern(part, where)
    elif operator in ("$ex", "$nex"):
        if not (isinstance(operand, dict) and len(operand) == 1 and list(operand.values()) == [1]):
            raise RulesetDefinitionError(f"{where}: {operator} takes {{field: 1}}")
    elif operator in _COMPARISONS:
        if not (isinstance(operand, dict) and len(operand) == 1):
            raise RulesetDefinitionError(f"{where}: {operator} takes {{field: value}}")
        _check_value(next(iter(operand.values())), where)
    elif operator == "$iany":
        if not (isinstance(operand, dict) and len(operand) == 1):
            raise RulesetDefinitionError(f"{where}: $iany takes {{field: test}}")
        _check_item_test(next(iter(operand.values())), where)
    elif operator.startswith("$"):
        raise RulesetDefinitionError(f"{where}: operator {operator} is not used by plancheck")
    else:
        _check_value(operand, where)


def _names_type(pattern: dict) -> bool:
    if "t" in pattern:
        return True
    return "$and" in pattern and any("t" in part for part in pattern["$and"])


def validate_ruleset(rules: dict[str, list[dict[str, Any]]]) -> None:
    for name, condition in rules.items():
        if not isinstance(condition, list) or not condition:
            raise RulesetDefinitionError(f"{name}: a condition is a non-empty list")
        for alias_pattern in condition:
            if not isinstance(alias_pattern, dict) or len(alias_pattern) != 1:
                raise RulesetDefinitionError(f"{name}: each step is {{alias: pattern}}")
            (alias, pattern), = alias_pattern.items()
            _check_pattern(pattern, f"{name}/{alias}")
            if not _names_type(pattern):
                raise RulesetDefinitionError(f"{name}/{alias}: every pattern must name its fact type `t`")


def _check_fact(fact: dict[str, Any]) -> None:
    if len(fact) > MAX_PROPERTIES:
        raise EngineError(f"a fact has {len(fact)} properties; the engine takes at most {MAX_PROPERTIES}")
    for name, value in fact.items():
        if value is None:
            raise EngineError(f"fact field {name} is None")
        if isinstance(value, int) and not -(2**63) <= value < 2**63:
            raise EngineError(f"fact field {name} is out of the engine's integer range")


class _EngineRuleset:
    """One ruleset inside the engine."""

    def __init__(self, rules: dict[str, list[dict[str, Any]]]):
        definition = {name: {"all": condition} for name, condition in rules.items()}
        definition[ALWAYS] = {"all": [{"m": {"t": "end"}}]}
        self.name = f"plancheck{next(_names)}"
        try:
            self.handle = _engine.create_ruleset(self.name, _dumps(definition))
        except Exception as error:  # the C extension raises its own error type
            raise EngineError(f"durable-rules refused the ruleset: {error}") from error
        self.poisoned = False

    def run(self, batch_json: str) -> dict[str, list[dict[str, Any]]]:
        fired: dict[str, list[dict[str, Any]]] = {}
        handle = self.handle
        acted = False
        try:
            result = _engine.assert_facts(handle, batch_json)
            state_handle = result[1]
            started = _engine.start_action_for_state(handle, state_handle)
            acted = started is not None
            message = _loads(started[1]) if started else None
            while message is not None:
                for rule_name, match in message.items():
                    fired.setdefault(rule_name, []).append(match)
                following = _engine.complete_and_start_action(handle, state_handle)
                message = _loads(following) if following else None
        except Exception as error:
            self.poisoned = not acted
            raise EngineError(f"durable-rules failed: {error}") from error
        finally:
            if acted:  # deleting a session in which no action ran crashes the engine (trap 2)
                _engine.delete_state(handle, SESSION)
        if ALWAYS not in fired:
            self.poisoned = True
            raise EngineError("the sentinel rule did not fire")
        del fired[ALWAYS]
        return fired


class CompiledRuleset:
    """A requirement set compiled once into the engine, then run on one document at a time.

    Rules are split over several engine rulesets of at most MAX_RULES_PER_RULESET rules, since
    about 257 rules sharing one pattern (here, the sentinel) fail to load.
    """

    def __init__(self, rules: dict[str, list[dict[str, Any]]]):
        if not AVAILABLE:
            raise EngineError(f"durable-rules cannot be imported ({IMPORT_ERROR})")
        validate_ruleset(rules)
        names = list(rules)
        self._chunks = [
            {name: rules[name] for name in names[i : i + MAX_RULES_PER_RULESET]}
            for i in range(0, max(len(names), 1), MAX_RULES_PER_RULESET)
        ]
        self._rulesets = [_EngineRuleset(chunk) for chunk in self._chunks]

    def run(self, facts: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
        """Assert the facts (the sentinel last), and collect every fired rule's matches."""
        batch = []
        for fact_id, fact in enumerate(facts, start=1):
            _check_fact(fact)
            batch.append({**fact, "sid": SESSION, "id": fact_id})
        if not batch or batch[-1].get("t") != "end":
            raise EngineError("the sentinel fact must come last")
        batch_json = _dumps(batch)
        fired: dict[str, list[dict[str, Any]]] = {}
        for index, ruleset in enumerate(self._rulesets):
            try:
                fired.update(ruleset.run(batch_json))
            finally:
                if ruleset.poisoned:  # a session may be left open: never reuse that ruleset
                    self._rulesets[index] = _EngineRuleset(self._chunks[index])
        return fired
