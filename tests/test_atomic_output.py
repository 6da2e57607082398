"""A run that dies while writing a report leaves the previous report whole."""

from __future__ import annotations

import io
import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import compliance.cli
from compliance.output import write_atomically

from .conftest import FIXTURES, ROOT, run_cli

PLANS = FIXTURES / "report_due" / "fail"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def previous(tmp_path):
    """A report written by an earlier, complete run."""
    target = tmp_path / "report.json"
    run = run_cli("check", PLANS, "--format", "json", "--output", target, "--as-of", "2024-06-21")
    assert run.code == 1 and json.loads(target.read_text(encoding="utf-8"))["findings"]
    return target


def half_then(exception: BaseException):
    real = compliance.cli.render

    def render(subject, stream, *, format_name, lang):
        buffer = io.StringIO()
        real(subject, buffer, format_name=format_name, lang=lang)
        text = buffer.getvalue()
        stream.write(text[: len(text) // 2])
        raise exception

    return render


@pytest.mark.parametrize("exception,code", [(RuntimeError("disk on fire"), 2), (KeyboardInterrupt(), 130)])
def test_a_writer_that_fails_halfway_leaves_the_previous_report_and_no_temporary_file(previous, monkeypatch, exception, code):
    before = previous.read_bytes()
    monkeypatch.setattr(compliance.cli, "render", half_then(exception))
    run = run_cli("check", PLANS, FIXTURES / "theme" / "fail", "--format", "json", "--output", previous, "--as-of", "2024-06-21")
    assert run.code == code and "Traceback" not in run.err
    assert previous.read_bytes() == before
    assert leftovers(previous.parent) == []


def test_a_run_killed_during_the_write_leaves_the_previous_report_intact(previous):
    before = previous.read_bytes()
    script = f"""
import io, os, signal, sys
sys.path.insert(0, {str(ROOT)!r})
import compliance.cli as cli
real = cli.render
def render(subject, stream, *, format_name, lang):
    buffer = io.StringIO()
    real(subject, buffer, format_name=format_name, lang=lang)
    text = buffer.getvalue() * 200  # a big report
    stream.write(text[: len(text) // 2])
    stream.flush()
    os.kill(os.getpid(), signal.SIGKILL)
cli.render = render
sys.exit(cli.main(["check", {str(PLANS)!r}, "--format", "json", "--output", {str(previous)!r}, "--as-of", "2024-06-21"]))
"""
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, timeout=120)
    assert result.returncode == -signal.SIGKILL
    assert previous.read_bytes() == before
    json.loads(before)
    # SIGKILL gives no process a chance to clean up: what it leaves is a hidden temporary file beside the
    # report, never a half-written report.
    assert all(name.startswith(".report.json.") for name in leftovers(previous.parent))


def test_write_atomically_replaces_only_a_complete_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")

    def fail(stream):
        stream.write("new but not finished")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_atomically(target, fail)
    assert target.read_text(encoding="utf-8") == "old" and leftovers(tmp_path) == []
    write_atomically(target, lambda stream: stream.write("new"))
    assert target.read_text(encoding="utf-8") == "new" and leftovers(tmp_path) == []


def test_init_never_overwrites_without_force(tmp_path):
    existing = tmp_path / "town-2023.yaml"
    existing.write_text("# 已有的方案\n", encoding="utf-8")
    superior = ROOT / "plans" / "2023" / "yingde-2023.yaml"
    run = run_cli("init", "--against", superior, "--org", "某镇", "--output", existing)
    assert run.code == 2 and "never overwrites" in run.err
    assert existing.read_text(encoding="utf-8") == "# 已有的方案\n"
    forced = run_cli("init", "--against", superior, "--org", "某镇", "--output", existing, "--force")
    assert forced.code == 0 and existing.read_text(encoding="utf-8") != "# 已有的方案\n"
    assert leftovers(tmp_path) == []
