"""The HTML report: its text, and the page as a committee member sees it in a real headless Chromium.

The browser is driven over the Chrome DevTools protocol with the standard library only (a small
websocket client below), and through Chromium's own `--screenshot` and `--print-to-pdf`.
Without /usr/bin/chromium the browser tests are skipped, except in CI (`CI=true`), where
.ci/run installs it and a missing browser is a failure.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import io
import json
import os
import re
import socket
import struct
import subprocess
import time
import urllib.parse
import zlib
from datetime import date
from pathlib import Path

import pytest

import compliance.report.html  # noqa: F401  (registers the format)
from compliance.audit import FAILED, MISSING, NO_PLAN, NOT_DUE, PASSED, WAIVED, Audit, audit_folder, audit_from_report
from compliance.report import FORMATTERS
from compliance.report.html import CSP, SCRIPT, STYLE, SYMBOL, render
from compliance.run import Checker
from tests.conftest import ROOT, run_cli

AS_OF = date(2023, 6, 21)
TOWNS = "plans/2023/towns"
SCRIPT_PAYLOAD = "<script>alert(1)</script>"
IMG_PAYLOAD = '"><img src=x onerror=alert(1)>'
TITLE_PAYLOAD = "<img src=x onerror=\"document.title='pwned'\">"
q = json.dumps  # a YAML double-quoted scalar


def html_of(subject, lang: str = "zh") -> str:
    stream = io.StringIO()
    render(subject, stream, lang=lang)
    return stream.getvalue()


@pytest.fixture(scope="module")
def audit() -> Audit:
    previous = os.getcwd()
    os.chdir(ROOT)  # paths in the report are shown relative to the working directory
    try:
        return audit_folder(Path("plans"), checker=Checker(as_of=AS_OF))
    finally:
        os.chdir(previous)


# A tree of plans whose every free text is an attack ----------------------------------------------
SUPERIOR = f"""\
format: plancheck/v1
id: evil-city-2023
org: {q(SCRIPT_PAYLOAD)}
level: city
year: 2023
title: {q(SCRIPT_PAYLOAD)}
theme: 人人讲安全 个个会应急
period: {{start: 2023-06-01, end: 2023-06-30}}
requirements:
  - id: EV-THEME
    title: {q(IMG_PAYLOAD)}
    type: theme
    basis: {q(SCRIPT_PAYLOAD)}
  - id: EV-LEAD
    title: {q(TITLE_PAYLOAD)}
    type: leading_group
    basis: {q(IMG_PAYLOAD)}
  - id: EV-PLAN
    type: report_due
    report: plan
    due: 2023-05-30
    basis: {q(TITLE_PAYLOAD)}
subordinates:
  - {{id: evil-town-2023, org: {q(IMG_PAYLOAD)}}}
  - {{id: absent-town-2023, org: {q(SCRIPT_PAYLOAD)}}}
"""
SUBORDINATE = f"""\
format: plancheck/v1
id: evil-town-2023
org: {q(IMG_PAYLOAD)}
level: street
year: 2023
title: {q(SCRIPT_PAYLOAD)}
superior: ../evil-city-2023.yaml
theme: {q(SCRIPT_PAYLOAD)}
period: {{start: 2023-06-01, end: 2023-06-30}}
submitted_on: 2023-05-29
"""
WAIVERS = f"""\
waivers:
  - document: evil-town-2023
    rule: EV-LEAD
    justification: {q(TITLE_PAYLOAD)}
    approved_by: {q(IMG_PAYLOAD)}
    expires: 2023-12-31
"""


@pytest.fixture
def evil_tree(tmp_path: Path) -> Path:
    (tmp_path / "towns").mkdir()
    (tmp_path / "evil-city-2023.yaml").write_text(SUPERIOR, encoding="utf-8")
    (tmp_path / "towns" / "evil-town-2023.yaml").write_text(SUBORDINATE, encoding="utf-8")
    (tmp_path / "waivers.yaml").write_text(WAIVERS, encoding="utf-8")
    return tmp_path


def evil_audit(tree: Path) -> Audit:
    return audit_folder(tree, checker=Checker(as_of=AS_OF, waivers_path=tree / "waivers.yaml"))


# The text of the page ----------------------------------------------------------------------------
def test_html_is_a_registered_format():
    chosen = FORMATTERS["html"]
    assert chosen.suffix == ".html"
    assert not chosen.binary
    assert chosen.audit_view  # it renders an Audit itself, so `audit --format html` keeps the audit's view
    assert "HTML" in chosen.description


def test_check_format_html_on_the_towns():
    run = run_cli("check", TOWNS, "--as-of", AS_OF, "--format", "html")
    assert run.code == 1, run.err
    page = run.out
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"zh\"")
    assert page.endswith("</html>\n")
    # A check of some plans shows those plans, under their superior, and says nothing of the others.
    rows = re.findall(r'<tr data-drill="drill-0-\d+" data-row="([^"]+)" data-state="([^"]+)"', page)
    assert rows == [("donghua-2023", "submitted"), ("dazhan-2023", "submitted"), ("yingcheng-2023", "submitted"),
                    ("lianjiangkou-2023", "submitted"), ("yinghong-2023", "late"), ("hanguang-2023", "submitted")]
    assert re.search(r'data-row="dazhan-2023"[^>]*>.*?data-rule="YD-5IN" data-state="failed"', page)


def test_audit_format_html_lists_the_missing_plans(tmp_path, audit):
    output = tmp_path / "audit.html"
    run = run_cli("audit", "plans", "--as-of", AS_OF, "--format", "html", "--output", output)
    assert run.code == 1, run.err
    page = output.read_text(encoding="utf-8")
    assert page == html_of(audit)
    assert 'data-row="qingtang-2023" data-state="missing"' in page  # listed by yingde-2023, no plan


def test_check_output_html_file_and_english(tmp_path):
    output = tmp_path / "report.html"
    run = run_cli("check", TOWNS, "--as-of", AS_OF, "--output", output, "--lang", "en")  # the suffix picks html
    assert run.code == 1, run.err
    page = output.read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en" data-lang="en"')
    assert "<title>英德市安全生产委员会办公室 · Safety Production Month: plan review (2023-06-21)</title>" in page


def test_the_same_input_gives_the_same_bytes(audit):
    first = run_cli("check", TOWNS, "--as-of", AS_OF, "--format", "html").out
    second = run_cli("check", TOWNS, "--as-of", AS_OF, "--format", "html").out
    assert first == second
    assert html_of(audit) == html_of(audit)


def test_a_check_report_is_rendered_as_its_audit():
    report = Checker(as_of=AS_OF).check_paths([ROOT / TOWNS])
    assert html_of(report) == html_of(audit_from_report(report))


def test_the_page_needs_no_network(audit):
    page = html_of(audit)
    assert not re.search(r"(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", page.replace("http-equiv", ""))
    assert not re.search(r"(?i)<(link|script|img|iframe)[^>]+(src|href)=\"(?!data:)", page)
    assert page.count("<script>") == 1 and page.count("<style>") == 1
    assert f'content="{CSP.replace(chr(39), "&#x27;")}"' in page
    # The policy allows exactly the script and the style of the page, by hash.
    for text in (SCRIPT, STYLE):
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"sha256-{digest}" in CSP
    assert f"<script>{SCRIPT}</script>" in page


def test_unknown_language_is_refused(audit):
    with pytest.raises(ValueError, match="'fr'"):
        html_of(audit, lang="fr")


def test_every_user_string_is_escaped(evil_tree):
    page = html_of(evil_audit(evil_tree))
    body = page.split("<body>", 1)[1]
    script = f"<script>{SCRIPT}</script>"
    assert body.count("<script") == 1 and script in body
    outside_script = body.replace(script, "")
    for payload in (SCRIPT_PAYLOAD, IMG_PAYLOAD, TITLE_PAYLOAD):
        assert payload not in page
    assert "<img" not in outside_script and "<script" not in outside_script
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in body
    assert "onerror=&quot;document.title=&#x27;pwned&#x27;&quot;" in body  # also inside title="..." tooltips


# A headless Chromium, driven over the DevTools protocol with the standard library ----------------
CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--no-default-browser-check",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
    "--disable-dev-shm-usage", "--mute-audio", "--hide-scrollbars",
]


def chromium() -> str:
    if CHROMIUM.exists():
        return str(CHROMIUM)
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail(f"{CHROMIUM} is missing in CI: .ci/run installs it (apt-get install -y chromium)")
    pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium")


class WebSocket:
    """A minimal RFC 6455 client: text frames out (masked), text frames in, enough for DevTools."""

    def __init__(self, url: str, timeout: float = 60):
        parts = urllib.parse.urlsplit(url)
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            f"GET {parts.path} HTTP/1.1\r\nHost: {parts.hostname}:{parts.port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode()
        )
        self.buffer = bytearray()
        while b"\r\n\r\n" not in self.buffer:
            self._fill()
        end = self.buffer.index(b"\r\n\r\n")
        status = bytes(self.buffer[:end]).split(b"\r\n", 1)[0]
        del self.buffer[: end + 4]
        if b" 101 " not in status:
            raise ConnectionError(f"websocket handshake refused: {status!r}")

    def _fill(self) -> None:
        chunk = self.sock.recv(1 << 20)
        if not chunk:
            raise ConnectionError("the browser closed the connection")
        self.buffer += chunk

    def _read(self, size: int) -> bytes:
        while len(self.buffer) < size:
            self._fill()
        data = bytes(self.buffer[:size])
        del self.buffer[:size]
        return data

    def _send(self, opcode: int, payload: bytes) -> None:
        header = bytearray([0x80 | opcode])
        size = len(payload)
        if size < 126:
            header.append(0x80 | size)
        elif size < 1 << 16:
            header += bytes([0x80 | 126]) + struct.pack("!H", size)
        else:
            header += bytes([0x80 | 127]) + struct.pack("!Q", size)
        mask = os.urandom(4)
        stream = (mask * (size // 4 + 1))[:size]
        masked = (int.from_bytes(payload, "big") ^ int.from_bytes(stream, "big")).to_bytes(size, "big") if size else b""
        self.sock.sendall(bytes(header) + mask + masked)

    def send(self, text: str) -> None:
        self._send(0x1, text.encode("utf-8"))

    def receive(self) -> str:
        message = bytearray()
        while True:
            first, second = self._read(2)
            size = second & 0x7F
            if size == 126:
                size = struct.unpack("!H", self._read(2))[0]
            elif size == 127:
                size = struct.unpack("!Q", self._read(8))[0]
            payload = self._read(size)  # a server never masks
            opcode = first & 0x0F
            if opcode == 0x8:
                raise ConnectionError("the browser closed the websocket")
            if opcode == 0x9:
                self._send(0xA, payload)
                continue
            if opcode == 0xA:
                continue
            message += payload
            if first & 0x80:
                return message.decode("utf-8")

    def close(self) -> None:
        try:
            self._send(0x8, b"")
        finally:
            self.sock.close()


class Page:
    """One browser tab: DevTools calls, and the console messages, errors and dialogs it saw."""

    def __init__(self, url: str):
        self.ws = WebSocket(url)
        self.counter = 0
        self.events: list[dict] = []
        self.dialogs: list[str] = []
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable")

    def _dispatch(self, message: dict) -> None:
        self.events.append(message)
        if message.get("method") == "Page.javascriptDialogOpening":
            self.dialogs.append(message["params"].get("message", ""))
            self.counter += 1  # answer the dialog at once, or the page would hang
            self.ws.send(json.dumps({"id": self.counter, "method": "Page.handleJavaScriptDialog", "params": {"accept": False}}))

    def call(self, method: str, **params):
        self.counter += 1
        ident = self.counter
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.receive())
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self._dispatch(message)

    def wait_for(self, method: str, timeout: float = 60) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            for event in self.events:
                if event.get("method") == method:
                    self.events.remove(event)
                    return event
            if time.monotonic() > deadline:
                raise TimeoutError(method)
            message = json.loads(self.ws.receive())
            if "method" in message:
                self._dispatch(message)

    def open(self, path: Path) -> None:
        url = path.resolve().as_uri()
        self.call("Page.navigate", url=url)
        deadline = time.monotonic() + 60
        while not self.js(f"location.href === {json.dumps(url)} && document.readyState === 'complete'"):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} did not load")
            self.wait_for("Page.loadEventFired", timeout=max(1.0, deadline - time.monotonic()))

    def js(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def problems(self) -> list[str]:
        """Console messages, uncaught exceptions, log entries at warning or above, and dialogs."""
        self.js("0")  # take in what the page said so far
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled":
                found.append(f"console.{params['type']}: {[a.get('value') for a in params.get('args', [])]}")
            elif method == "Runtime.exceptionThrown":
                found.append(f"exception: {params['exceptionDetails'].get('text')}")
            elif method == "Log.entryAdded" and params["entry"]["level"] in ("warning", "error"):
                found.append(f"log {params['entry']['level']}: {params['entry']['text']}")
        return found + [f"dialog: {text}" for text in self.dialogs]


class Browser:
    def __init__(self, profile: Path):
        profile.mkdir(parents=True, exist_ok=True)
        self.log = (profile.parent / "chromium.log").open("wb")
        self.process = subprocess.Popen(
            [chromium(), *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-address=127.0.0.1",
             "--remote-debugging-port=0", "--window-size=1400,1000", "about:blank"],
            stdout=self.log, stderr=subprocess.STDOUT,
        )
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not (port_file.exists() and port_file.read_text().count("\n") >= 1):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"chromium did not start; see {self.log.name}")
            time.sleep(0.05)
        self.port = int(port_file.read_text().split()[0])

    def _http(self, method: str, path: str):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path)
            return json.loads(connection.getresponse().read() or b"null")
        finally:
            connection.close()

    def new_page(self) -> Page:
        target = self._http("PUT", "/json/new?about:blank")
        return Page(target["webSocketDebuggerUrl"])

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    chromium()
    running = Browser(tmp_path_factory.mktemp("chromium") / "profile")
    yield running
    running.close()


@pytest.fixture(scope="module")
def audit_page(audit, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "audit.html"
    path.write_text(html_of(audit), encoding="utf-8")
    return path


@pytest.fixture
def page(browser, audit_page):
    opened = browser.new_page()
    opened.open(audit_page)
    yield opened
    opened.ws.close()


def run_chromium(tmp_path: Path, *args: str) -> None:
    subprocess.run([chromium(), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
                   check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


VISIBLE = "(el => !!el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0)"


# The page in the browser -------------------------------------------------------------------------
def test_the_page_loads_without_console_errors(page):
    assert page.problems() == []
    assert page.js("document.documentElement.lang") == "zh"
    assert page.js("document.title") == "英德市安全生产委员会办公室 · 安全生产月活动方案检查报告（2023-06-21）"


def test_the_matrix_shows_the_cells_of_the_audit(page, audit):
    shown = page.js("""
        Array.from(document.querySelectorAll('section.matrix')).map(section => ({
          superior: section.dataset.superior,
          rows: Array.from(section.querySelectorAll('table.matrix tbody tr')).map(tr => ({
            id: tr.dataset.row, state: tr.dataset.state,
            cells: Object.fromEntries(Array.from(tr.querySelectorAll('td.cell')).map(td => [td.dataset.rule, [td.dataset.state, td.textContent]])),
          })),
        }))""")
    expected = [
        {
            "superior": matrix.superior_id,
            "rows": [
                {"id": row.id, "state": row.state,
                 "cells": {column.id: [row.cells[column.id].state, SYMBOL[row.cells[column.id].state]] for column in matrix.columns}}
                for row in matrix.rows
            ],
        }
        for matrix in audit.matrices
    ]
    assert shown == expected
    rows = {row["id"]: row for row in shown[0]["rows"]}
    assert rows["dazhan-2023"]["cells"]["YD-5IN"] == [FAILED, "✗"]
    assert {state for state, _ in rows["donghua-2023"]["cells"].values()} == {PASSED, NOT_DUE}
    assert rows["qingtang-2023"]["state"] == MISSING
    assert {state for state, _ in rows["qingtang-2023"]["cells"].values()} == {NO_PLAN}
    badge = page.js("document.querySelector('tr[data-row=\"qingtang-2023\"] .badge').innerText")
    assert badge == "未报送"


def test_a_failed_cell_drills_down_to_the_findings(page):
    panel = "document.getElementById(document.querySelector('tr[data-row=\"dazhan-2023\"]').dataset.drill)"
    assert page.js(f"{VISIBLE}({panel})") is False
    page.js("document.querySelector('tr[data-row=\"dazhan-2023\"] td[data-rule=\"YD-5IN\"]').click()")
    assert page.js(f"{VISIBLE}({panel})") is True
    highlighted = page.js(f"Array.from({panel}.querySelectorAll('tr.finding.hl')).map(tr => tr.innerText)")
    assert len(highlighted) == 1
    text = highlighted[0]
    for part in ("错误", "YD-5IN", "plans/2023/towns/dazhan-2023.yaml:36:1", "/activities", "“安全宣传”活动未覆盖农村",
                 "五（4）12–16", "在一项 kind: publicity 活动的 sectors 中加入 rural（农村）"):
        assert part in text
    assert page.js(f"{panel}.querySelectorAll('tr.finding').length") == 4
    # A click on the row itself closes it again; the missing town's row opens a panel that says so.
    page.js("document.querySelector('tr[data-row=\"dazhan-2023\"] th.who').click()")
    assert page.js(f"{VISIBLE}({panel})") is False
    page.js("document.querySelector('tr[data-row=\"qingtang-2023\"] th.who').click()")
    missing = "document.getElementById(document.querySelector('tr[data-row=\"qingtang-2023\"]').dataset.drill)"
    assert page.js(f"{missing}.innerText").count("未报送方案，已过期限 2023-05-30") == 1
    assert page.problems() == []


def test_the_severity_filter_hides_findings_and_greys_cells(page):
    page.js("document.getElementById('action-expand').click()")
    errors = "Array.from(document.querySelectorAll('tr.finding[data-severity=\"error\"]'))"
    warnings = "Array.from(document.querySelectorAll('tr.finding[data-severity=\"warning\"]'))"
    cell = "document.querySelector('tr[data-row=\"{row}\"] td[data-rule=\"{rule}\"]')"
    assert page.js(f"{errors}.length") > 0 and page.js(f"{warnings}.length") > 0
    assert page.js(f"{errors}.every({VISIBLE})") is True
    page.js("document.getElementById('filter-error').click()")
    assert page.js("document.getElementById('filter-error').checked") is False
    assert page.js(f"{errors}.some({VISIBLE})") is False
    assert page.js(f"{warnings}.every({VISIBLE})") is True
    assert page.js(f"{cell.format(row='dazhan-2023', rule='YD-5IN')}.classList.contains('muted')") is True
    assert page.js(f"{cell.format(row='dazhan-2023', rule='YD-CITES')}.classList.contains('muted')") is False  # a warning
    assert page.js(f"{cell.format(row='donghua-2023', rule='YD-5IN')}.classList.contains('muted')") is False  # passed
    note = page.js("document.querySelector('tr[data-row=\"dazhan-2023\"]').dataset.drill")
    assert page.js(f"document.querySelector('#{note} .hidden-note').innerText") == "3 条问题已按级别筛选隐藏"
    page.js("document.getElementById('filter-warning').click()")
    assert page.js(f"{cell.format(row='dazhan-2023', rule='YD-CITES')}.classList.contains('muted')") is True
    page.js("document.getElementById('filter-error').click(); document.getElementById('filter-warning').click()")
    assert page.js(f"{errors}.every({VISIBLE}) && {warnings}.every({VISIBLE})") is True
    assert page.js("document.querySelectorAll('td.cell.muted').length") == 0
    assert page.problems() == []


def test_the_language_toggle_switches_every_label(page, audit):
    page.js("document.getElementById('action-expand').click()")
    finding = next(f for f in audit.report.findings if f.document == "dazhan-2023" and f.rule == "YD-5IN")
    assert page.js("document.querySelector('h1').innerText") == "安全生产月活动方案检查报告"
    assert finding.message.zh in page.js("document.body.innerText")
    page.js("document.getElementById('lang-en').click()")
    assert page.js("document.documentElement.lang") == "en"
    assert page.js("document.querySelector('h1').innerText") == "Safety Production Month: plan review"
    text = page.js("document.body.innerText")
    assert finding.message.en in text and finding.fix.en in text
    assert finding.message.zh not in text
    assert page.js("document.querySelectorAll('body [lang=\"zh\"]').length") > 100
    assert page.js(f"Array.from(document.querySelectorAll('body [lang=\"zh\"]')).some({VISIBLE})") is False
    assert page.js("document.querySelector('tr[data-row=\"qingtang-2023\"] .badge').innerText") == "missing"
    assert page.js("document.querySelector('tr[data-row=\"dazhan-2023\"] td[data-rule=\"YD-5IN\"]').title") == (
        "英德市大站镇人民政府 × YD-5IN: failed")
    assert page.js("document.title") == "英德市安全生产委员会办公室 · Safety Production Month: plan review (2023-06-21)"
    page.js("document.getElementById('lang-zh').click()")
    assert page.js("document.querySelector('h1').innerText") == "安全生产月活动方案检查报告"
    assert page.js(f"Array.from(document.querySelectorAll('body [lang=\"en\"]')).some({VISIBLE})") is False
    assert page.problems() == []


def test_print_media_expands_everything_and_hides_the_controls(page):
    page.call("Emulation.setEmulatedMedia", media="print")
    assert page.js(f"{VISIBLE}(document.querySelector('nav.controls'))") is False
    assert page.js(f"Array.from(document.querySelectorAll('.drill')).every({VISIBLE})") is True
    assert page.js("getComputedStyle(document.querySelector('table.matrix thead')).display") == "table-header-group"
    assert page.js("getComputedStyle(document.querySelector('table.matrix tbody tr')).breakInside") == "avoid"


def test_a_screenshot_of_the_page(audit_page, tmp_path):
    shot = tmp_path / "audit.png"
    run_chromium(tmp_path, f"--screenshot={shot}", "--window-size=1400,1800", audit_page.resolve().as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack("!II", data[16:24])
    assert (width, height) == (1400, 1800)
    pixels = zlib.decompress(b"".join(chunk for chunk in _png_chunks(data, b"IDAT")))
    assert len(data) > 50_000 and len(set(pixels)) > 64  # a real page, not a blank one


def _png_chunks(data: bytes, kind: bytes):
    offset = 8
    while offset < len(data):
        size, name = struct.unpack("!I4s", data[offset:offset + 8])
        if name == kind:
            yield data[offset + 8:offset + 8 + size]
        offset += 12 + size


def test_print_to_pdf_gives_a4_pages(audit_page, tmp_path):
    pdf = tmp_path / "audit.pdf"
    run_chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", audit_page.resolve().as_uri())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    boxes = re.findall(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert len(boxes) >= 2  # the matrix, the findings and the deadlines take more than one page
    for box in boxes:
        x0, y0, x1, y1 = (float(value) for value in box)
        assert (x0, y0) == (0, 0) and abs(x1 - 595) < 2 and abs(y1 - 842) < 2


def test_injected_text_shows_literally_and_never_runs(browser, evil_tree):
    audit = evil_audit(evil_tree)
    rows = {row.id: row for row in audit.matrices[0].rows}
    assert rows["evil-town-2023"].cells["EV-THEME"].state == FAILED
    assert rows["evil-town-2023"].cells["EV-LEAD"].state == WAIVED
    assert rows["absent-town-2023"].state == MISSING
    path = evil_tree / "evil.html"
    path.write_text(html_of(audit), encoding="utf-8")
    opened = browser.new_page()
    try:
        opened.open(path)
        opened.js("document.getElementById('action-expand').click()")
        text = opened.js("document.body.innerText")
        for payload in (SCRIPT_PAYLOAD, IMG_PAYLOAD, TITLE_PAYLOAD):
            assert payload in text
        assert opened.js("document.querySelectorAll('img').length") == 0
        assert opened.js("document.querySelectorAll('script').length") == 1
        assert opened.js("document.querySelector('tr[data-row=\"evil-town-2023\"] .org').textContent") == IMG_PAYLOAD
        assert opened.js("document.querySelector('section.drill[data-row=\"evil-town-2023\"] .plan-title').textContent") == (
            SCRIPT_PAYLOAD)  # the plan's title
        assert opened.js("document.querySelector('th[data-rule=\"EV-LEAD\"]').title").startswith(f"EV-LEAD {TITLE_PAYLOAD}\n")
        assert opened.js("document.title") == f"{SCRIPT_PAYLOAD} · 安全生产月活动方案检查报告（2023-06-21）"
        opened.js("document.getElementById('lang-en').click()")
        assert opened.js("document.title") == f"{SCRIPT_PAYLOAD} · Safety Production Month: plan review (2023-06-21)"
        assert opened.problems() == []
        assert opened.dialogs == []
    finally:
        opened.ws.close()
