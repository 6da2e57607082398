"""`plancheck import`: draft a plancheck document from a real notice (.txt or .docx).

Precision first: every extracted field carries the line and the phrase it came from, and what could
not be extracted with confidence is left as a commented TODO, never guessed.
"""

from .extract import Draft, extract
from .reader import read_notice
from .render import count_todos, render_draft

__all__ = ["Draft", "count_todos", "extract", "read_notice", "render_draft"]
