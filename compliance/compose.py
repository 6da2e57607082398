"""Build plain data and field marks from YAML parser events, iteratively and within limits.

The events come from libyaml (fast, with line and column). No node graph is built and nothing
recurses, so ten thousand nested lists cost a counter, not the Python stack. Every limit is checked
before the work it guards: the depth when a list or mapping opens, the number of values when an alias
is used (an alias counts as often as the values under its anchor, so a "billion laughs" file is
refused at its first large alias, before anything is expanded), and the length of all field paths.

An alias shares the value of its anchor; the fields under it are marked at the alias, which is
where the reader of this file sees them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import InputError, Problem
from .limits import MAX_DEPTH, MAX_NODES, MAX_POINTER_CHARS
from .scalars import NumberTooLarge, resolve_plain_scalar
from .subject import Marks

try:
    from yaml import CSafeLoader as Parser
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader as Parser  # type: ignore[assignment]

CORE = "tag:yaml.org,2002:"
_TYPED_SCALARS = {CORE + "int": (int,), CORE + "float": (float, int), CORE + "bool": (bool,), CORE + "null": (type(None),)}
_COLLECTION_TAGS = {yaml.MappingStartEvent: (None, "!", CORE + "map"), yaml.SequenceStartEvent: (None, "!", CORE + "seq")}


def escape(key: str) -> str:
    """A key as one step of a JSON pointer."""
    return key.replace("~", "~0").replace("/", "~1")


@dataclass(slots=True)
class _Open:
    """A list or mapping being read."""

    container: dict | list
    pointer: str
    anchor: str | None
    counted_before: int  # the document's count of values before this one: its size is the count at its end less this
    height: int = 1  # levels of lists and mappings in it, itself included
    key: str | None = None  # a mapping's key whose value comes next
    has_key: bool = False
    is_list: bool = field(init=False)

    def __post_init__(self) -> None:
        self.is_list = isinstance(self.container, list)


@dataclass
class _Composer:
    display_path: str
    marks: Marks = field(default_factory=dict)
    stack: list[_Open] = field(default_factory=list)
    anchors: dict[str, tuple[Any, int, int]] = field(default_factory=dict)  # name -> (value, size, height)
    open_anchors: set[str] = field(default_factory=set)
    count: int = 0
    pointer_chars: int = 0
    documents: int = 0
    root: Any = None
    placed: bool = False

    # errors ------------------------------------------------------------------------------------
    def fail(self, event: yaml.Event, pointer: str, message: str, code: str) -> InputError:
        mark = event.start_mark
        return InputError(Problem(self.display_path, message, mark.line + 1, mark.column + 1, pointer or "/", code))

    # the loop ------------------------------------------------------------------------------------
    def run(self, parser: Parser) -> tuple[Any, Marks]:
        get_event, stack, marks = parser.get_event, self.stack, self.marks
        top = None  # stack[-1], kept at hand
        while (event := get_event()) is not None:
            kind = type(event)
            if kind is yaml.ScalarEvent:
                # Most events are plain keys and values inside a mapping or a list: placed here, inline
                # (a third of the time of reading a plan). Anything else takes the general path below.
                if top is None or event.anchor is not None or event.tag is not None:
                    self.scalar(event)
                elif not top.has_key and not top.is_list:  # a key
                    key = event.value
                    pointer = f"{top.pointer}/{key}" if "~" not in key and "/" not in key else f"{top.pointer}/{escape(key)}"
                    chars = self.pointer_chars + len(pointer)
                    if key in top.container or chars > MAX_POINTER_CHARS:
                        self.scalar(event)  # says why it cannot be placed
                        continue
                    self.pointer_chars = chars
                    mark = event.start_mark
                    marks[pointer] = (mark.line + 1, mark.column + 1)
                    top.key, top.has_key = key, True
                elif self.count >= MAX_NODES:
                    self.scalar(event)
                else:
                    text = event.value
                    try:
                        value = text if event.style else resolve_plain_scalar(text)
                    except NumberTooLarge:
                        self.scalar(event)
                        continue
                    if top.is_list:
                        container = top.container
                        pointer = f"{top.pointer}/{len(container)}"
                        chars = self.pointer_chars + len(pointer)
                        if chars > MAX_POINTER_CHARS:
                            self.scalar(event)
                            continue
                        self.pointer_chars = chars
                        mark = event.start_mark
                        marks[pointer] = (mark.line + 1, mark.column + 1)
                        container.append(value)
                    else:
                        top.container[top.key] = value
                        top.has_key = False
                    self.count += 1
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self.start(event, {} if kind is yaml.MappingStartEvent else [])
                top = stack[-1]
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                self.end()
                top = stack[-1] if stack else None
            elif kind is yaml.AliasEvent:
                self.alias(event)
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    raise self.fail(event, "/", "the file holds more than one document (a second `---`); "
                                    "put each plan in its own file", "multiple-documents")
        if not self.placed:
            raise InputError(Problem(self.display_path, "the file is empty", 1, 1, "/", code="empty"))
        return self.root, self.marks

    # placing a value -----------------------------------------------------------------------------
    def _mark(self, pointer: str, event: yaml.Event) -> None:
        self.pointer_chars += len(pointer)
        if self.pointer_chars > MAX_POINTER_CHARS:
            raise self.fail(event, pointer[:200], f"the field paths of the document are longer than {MAX_POINTER_CHARS} "
                            "characters in all (very long keys nested deep)", "too-large")
        self.marks[pointer] = (event.start_mark.line + 1, event.start_mark.column + 1)

    def _count(self, event: yaml.Event, pointer: str, size: int) -> None:
        self.count += size
        if self.count > MAX_NODES:
            through = f" once the alias *{event.anchor} is expanded" if type(event) is yaml.AliasEvent else ""
            raise self.fail(event, pointer, f"the document has more than {MAX_NODES} values{through}; "
                            "no plan is that large", "too-large")

    def _place(self, event: yaml.Event, value: Any) -> str | None:
        """Put `value` where the next value goes; the pointer of its field, or None if it was a key."""
        if not self.stack:
            self.root, self.placed = value, True
            self.marks[""] = (event.start_mark.line + 1, event.start_mark.column + 1)
            return ""
        top = self.stack[-1]
        if top.is_list:
            pointer = f"{top.pointer}/{len(top.container)}"
            self._mark(pointer, event)
            top.container.append(value)
            return pointer
        if not top.has_key:
            if type(event) is not yaml.ScalarEvent:
                raise self.fail(event, top.pointer, "a key must be plain text", "bad-key")
            key = event.value
            pointer = f"{top.pointer}/{escape(key)}"
            if key in top.container:
                raise self.fail(event, pointer, f"the key `{key}` appears twice", "duplicate-key")
            self._mark(pointer, event)
            top.key, top.has_key = key, True
            return None
        pointer = f"{top.pointer}/{escape(top.key)}"
        top.container[top.key] = value
        top.key, top.has_key = None, False
        return pointer

    def _grow(self, height: int) -> None:
        if self.stack:
            top = self.stack[-1]
            top.height = max(top.height, height + 1)

    def _next_pointer(self) -> str:
        """The pointer the next value will have (for messages before it is placed)."""
        if not self.stack:
            return ""
        top = self.stack[-1]
        if top.is_list:
            return f"{top.pointer}/{len(top.container)}"
        return f"{top.pointer}/{escape(top.key)}" if top.has_key else top.pointer

    # events ------------------------------------------------------------------------------------
    def scalar(self, event: yaml.ScalarEvent) -> None:
        top = self.stack[-1] if self.stack else None
        if top is not None and not top.is_list and not top.has_key:  # a key: bounded by the value it names
            self._place(event, event.value)
            return
        value = self._scalar_value(event)
        self.count += 1
        if self.count > MAX_NODES:
            self._count(event, self._next_pointer(), 0)
        self._place(event, value)
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, 1, 0)

    def _scalar_value(self, event: yaml.ScalarEvent) -> Any:
        tag, text = event.tag, event.value
        try:
            if tag is None:
                return resolve_plain_scalar(text) if not event.style else text
            if tag in ("!", CORE + "str"):
                return text
            if tag in _TYPED_SCALARS:
                value = resolve_plain_scalar(text)
                if not isinstance(value, _TYPED_SCALARS[tag]) or (tag != CORE + "bool" and isinstance(value, bool)):
                    raise self.fail(event, self._next_pointer(), f"{text!r} is not a valid {tag.removeprefix(CORE)}", "bad-tag")
                return value
        except NumberTooLarge as error:
            raise self.fail(event, self._next_pointer(), str(error), "number-too-large") from None
        raise self.fail(event, self._next_pointer(), f"the tag `{tag}` is not supported: plancheck reads plain YAML "
                        "(text, numbers, true/false, null, lists and mappings)", "unsupported-tag")

    def start(self, event: yaml.CollectionStartEvent, container: dict | list) -> None:
        if event.tag not in _COLLECTION_TAGS[type(event)]:
            raise self.fail(event, self._next_pointer(), f"the tag `{event.tag}` is not supported: plancheck reads plain "
                            "YAML (text, numbers, true/false, null, lists and mappings)", "unsupported-tag")
        if len(self.stack) >= MAX_DEPTH:
            raise self.fail(event, self._next_pointer(), f"lists and mappings are nested more than {MAX_DEPTH} levels deep",
                            "too-deep")
        counted_before = self.count
        self.count += 1
        if self.count > MAX_NODES:
            self._count(event, self._next_pointer(), 0)
        pointer = self._place(event, container)  # a list or mapping as a key is refused there
        if event.anchor is not None:
            self.open_anchors.add(event.anchor)
        self.stack.append(_Open(container, pointer, event.anchor, counted_before))

    def end(self) -> None:
        done = self.stack.pop()
        if done.anchor is not None:
            self.anchors[done.anchor] = (done.container, self.count - done.counted_before, done.height)
            self.open_anchors.discard(done.anchor)
        self._grow(done.height)

    def alias(self, event: yaml.AliasEvent) -> None:
        pointer = self._next_pointer()
        name = event.anchor
        if name in self.open_anchors:
            raise self.fail(event, pointer, f"the alias *{name} is used inside its own anchor &{name}: it would expand "
                            "without end", "recursive-alias")
        if name not in self.anchors:
            raise self.fail(event, pointer, f"the alias *{name} has no anchor &{name} before it", "undefined-alias")
        value, size, height = self.anchors[name]
        if len(self.stack) + height > MAX_DEPTH:
            raise self.fail(event, pointer, f"lists and mappings are nested more than {MAX_DEPTH} levels deep "
                            f"(through the alias *{name})", "too-deep")
        self._count(event, pointer, size)
        self._place(event, value)  # an alias as a key is refused there
        self._grow(height)


def compose(text: str, display_path: str, *, parser_class: type = Parser) -> tuple[Any, Marks]:
    """(data, marks) of a one-document YAML text; InputError for what plancheck will not read.

    YAML syntax errors are left to the caller (they are `yaml.YAMLError`)."""
    parser = parser_class(text)
    try:
        return _Composer(display_path).run(parser)
    finally:
        parser.dispose()
