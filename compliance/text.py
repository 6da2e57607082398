"""Text normalization for matching themes, names and document numbers (FORMAT.md)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_OPEN_BRACKETS = "〔［[(（【"
_CLOSE_BRACKETS = "〕］])）】"
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}


def _is_dropped(char: str) -> bool:
    if char in _INVISIBLE or char.isspace():
        return True
    category = unicodedata.category(char)
    return category[0] in "PSZC"


def fold(text: str) -> str:
    """Full-width to half-width, lower case, punctuation, symbols and spaces removed.

    `人人讲安全、个个会应急`, `人人讲安全，个个会应急` and `人人讲安全 个个会应急` fold to the same text.
    """
    text = unicodedata.normalize("NFKC", text)
    return "".join(char for char in text if not _is_dropped(char)).lower()


@lru_cache(maxsize=1 << 16)  # a province's plans cite the same few hundred numbers 100,000 times
def fold_doc_no(text: str) -> str:
    """Like `fold`, but the brackets of a document number survive as one form: 〔〕."""
    text = unicodedata.normalize("NFKC", text)
    kept = []
    for char in text:
        if char in _OPEN_BRACKETS:
            kept.append("〔")
        elif char in _CLOSE_BRACKETS:
            kept.append("〕")
        elif not _is_dropped(char):
            kept.append(char)
    return "".join(kept).lower()
