"""A baseline: an earlier JSON report whose findings are known. With it, only new findings fail."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .errors import InputError, Problem


def fingerprint_of(finding: dict) -> str:
    if isinstance(finding.get("fingerprint"), str):
        return finding["fingerprint"]
    key = "\x1f".join([finding["document"], finding["rule"], finding["location"]["field"], finding.get("detail", "")])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def load_baseline(path: Path) -> set[str]:
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(Problem(str(path), "no such file", code="missing-file")) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        line = getattr(error, "lineno", None)
        raise InputError(Problem(str(path), f"not a JSON report: {error}", line, code="bad-baseline")) from None
    if not isinstance(report, dict) or report.get("format") != "plancheck-report/v1":
        raise InputError(Problem(str(path), "not a plancheck JSON report (format plancheck-report/v1)", 1, 1, "/format", "bad-baseline"))
    try:
        return {fingerprint_of(finding) for finding in report.get("findings", [])}
    except (KeyError, TypeError) as error:
        raise InputError(Problem(str(path), f"a finding lacks {error}", code="bad-baseline")) from None
