"""A baseline: an earlier JSON report whose findings are known. With it, only new findings fail."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .errors import InputError, Problem
from .limits import MAX_SIZE, format_size


def fingerprint_of(finding: dict) -> str:
    if isinstance(finding.get("fingerprint"), str):
        return finding["fingerprint"]
    key = "\x1f".join([finding["document"], finding["rule"], finding["location"]["field"], finding.get("detail", "")])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def load_baseline(path: Path, *, max_size: int = MAX_SIZE * 20) -> set[str]:
    """The fingerprints of an earlier report's findings. A report may be large (a whole tree's), so its
    limit is twenty times a document's; it is read as plain JSON, never nested deeper than Python allows."""
    def bad(message: str, line: int | None = 1, column: int | None = 1, field: str = "/") -> InputError:
        return InputError(Problem(str(path), message, line, column, field, "bad-baseline"))

    try:
        if not path.is_file():
            raise InputError(Problem(str(path), "no such file" if not path.exists() else "is not a file", 1, 1, "/", "missing-file"))
        with path.open("rb") as stream:
            raw = stream.read(max_size + 1)
        if len(raw) > max_size:
            raise bad(f"the report is larger than {format_size(max_size)}")
        report = json.loads(raw.decode("utf-8"))
    except OSError as error:
        raise bad(f"cannot be read: {error.strerror or error}") from None
    except json.JSONDecodeError as error:
        raise bad(f"not a JSON report: {error.msg}", error.lineno, error.colno) from None
    except (UnicodeDecodeError, RecursionError, ValueError) as error:  # not UTF-8, nested too deep, a 5000-digit number
        raise bad(f"not a JSON report: {str(error).splitlines()[0][:200]}") from None
    if not isinstance(report, dict) or report.get("format") != "plancheck-report/v1":
        raise bad("not a plancheck JSON report (format plancheck-report/v1)", field="/format")
    findings = report.get("findings", [])
    if not isinstance(findings, list):
        raise bad("`findings` should be a list", field="/findings")
    try:
        return {fingerprint_of(finding) for finding in findings}
    except (KeyError, TypeError, AttributeError) as error:
        raise bad(f"a finding lacks {error}", field="/findings") from None
