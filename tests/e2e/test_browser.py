"""The served app in a real browser: headless Chromium driven over the Chrome DevTools Protocol.

The app runs as `streamlit run` on a free port over the corpus warehouse; Chromium (Debian's
/usr/bin/chromium, `make browser`) opens the place profile of 瑞安市 and the map of 温州's counties,
waits for their text and a rendered chart, and takes screenshots that must not be blank. The CDP client is the `websockets` package
(already a Streamlit dependency); no browser is downloaded.
"""

from __future__ import annotations

import base64
import io
import itertools
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_CANDIDATES = ["chromium", "chromium-browser", "google-chrome", "chrome"]
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1400,2000",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, timeout: float, expect: bytes | None = None) -> bytes:
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                body = response.read()
                if expect is None or expect in body:
                    return body
        except OSError as error:  # not listening yet
            last_error = error
        time.sleep(0.25)
    raise TimeoutError(f"{url} did not answer within {timeout:g} s ({last_error})")


def _stop(process: subprocess.Popen | None) -> None:
    """Stop a process this test started (its own process group), politely first."""
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait(timeout=5)


class DevTools:
    """A minimal synchronous Chrome DevTools Protocol client over one page target."""

    def __init__(self, websocket_url: str):
        from websockets.sync.client import connect

        self._ws = connect(websocket_url, max_size=64 * 1024 * 1024, open_timeout=10)
        self._ids = itertools.count(1)

    def call(self, method: str, timeout: float = 30, **params) -> dict:
        message_id = next(self._ids)
        self._ws.send(json.dumps({"id": message_id, "method": method, "params": params}))
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(method)
            message = json.loads(self._ws.recv(timeout=remaining))
            if message.get("id") == message_id:  # events (no id) are skipped
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    def wait_until(self, expression: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.evaluate(expression):
                return
            time.sleep(0.25)
        raise TimeoutError(f"never true within {timeout:g} s: {expression}")

    def close(self) -> None:
        self._ws.close()


def png_summary(png: bytes) -> tuple[int, float]:
    """(distinct colours, share of pixels that are not near-white) of a PNG."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    image.thumbnail((700, 1000))  # enough to judge, fast to count
    pixels = list(image.getdata())
    colours = len(set(pixels))
    not_white = sum(1 for r, g, b in pixels if min(r, g, b) < 235) / len(pixels)
    return colours, not_white


# A drawn Vega chart: its canvas or svg has a size.
CHART_DRAWN = (
    "Array.from(document.querySelectorAll('[data-testid=\"stVegaLiteChart\"] canvas,"
    " [data-testid=\"stVegaLiteChart\"] svg, .vega-embed canvas, .vega-embed svg'))"
    ".some(e => e.getBoundingClientRect().width > 50)"
)


def open_page_with_chart(devtools: "DevTools", url: str, text: str) -> str:
    """Open a page of the app and wait, as Streamlit renders over its websocket, for a text on it and
    a drawn Vega chart; the page's text, checked for a traceback and for the app's own navigation."""
    devtools.call("Page.navigate", url=url)
    devtools.wait_until(f"document.body && document.body.innerText.includes({json.dumps(text)})", timeout=60)
    devtools.wait_until(CHART_DRAWN, timeout=60)
    time.sleep(1.0)  # let the last frame (table canvases, fonts) paint
    shown = devtools.evaluate("document.body.innerText")
    assert "Traceback" not in shown and "Page not found" not in shown
    assert "地区概况" in shown  # the app's own navigation (the entry script ran), not bare page files
    return shown


def take_screenshot(devtools: "DevTools", screenshot: Path) -> bytes:
    """The page as a PNG, kept in XIANZHI_SCREENSHOT_DIR when set; it must not be near-blank."""
    shot = devtools.call("Page.captureScreenshot", format="png", captureBeyondViewport=False)
    png = base64.b64decode(shot["data"])
    screenshot.write_bytes(png)
    keep = os.environ.get("XIANZHI_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(screenshot, Path(keep) / screenshot.name)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    colours, not_white = png_summary(png)
    assert colours > 50, f"a near-blank screenshot: {colours} colours"
    assert not_white > 0.01, f"a near-blank screenshot: {not_white:.1%} non-white pixels"
    return png


def share_of_colour(png: bytes, hex_colour: str, tolerance: int = 6) -> float:
    """The share of a PNG's pixels within `tolerance` of one colour (per channel)."""
    from PIL import Image

    target = tuple(int(hex_colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    image = Image.open(io.BytesIO(png)).convert("RGB")
    pixels = list(image.getdata())
    near = sum(1 for pixel in pixels if all(abs(a - b) <= tolerance for a, b in zip(pixel, target)))
    return near / len(pixels)


@pytest.fixture
def chromium() -> str:
    for name in CHROMIUM_CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    pytest.fail("no Chromium on PATH: run `make browser` (Debian packages chromium and fonts-noto-cjk)")


@pytest.fixture
def served_app(corpus_warehouse, tmp_path):
    """`streamlit run` over the corpus warehouse on a free port; yields its base URL."""
    port = _free_port()
    env = dict(os.environ, XIANZHI_WAREHOUSE=str(corpus_warehouse))
    log = open(tmp_path / "streamlit.log", "wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(PROJECT_ROOT / "app" / "streamlit_app.py"),
         "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false"],
        cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        _wait_for(f"http://127.0.0.1:{port}/_stcore/health", timeout=60, expect=b"ok")
        yield f"http://127.0.0.1:{port}"
    finally:
        _stop(process)
        log.close()


@pytest.fixture
def devtools(chromium, tmp_path):
    """Headless Chromium with remote debugging; yields a DevTools client on its first page."""
    port = _free_port()
    process = subprocess.Popen(
        [chromium, *CHROMIUM_FLAGS, f"--remote-debugging-port={port}",
         f"--user-data-dir={tmp_path / 'chromium-profile'}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=open(tmp_path / "chromium.log", "wb"), start_new_session=True,
    )
    client = None
    try:
        _wait_for(f"http://127.0.0.1:{port}/json/version", timeout=30)
        targets = json.loads(_wait_for(f"http://127.0.0.1:{port}/json/list", timeout=10, expect=b'"page"'))
        page = next(t for t in targets if t["type"] == "page")
        client = DevTools(page["webSocketDebuggerUrl"])
        client.call("Page.enable")
        client.call("Runtime.enable")
        client.call("Emulation.setDeviceMetricsOverride", width=1400, height=2000, deviceScaleFactor=1, mobile=False)
        yield client
    finally:
        if client is not None:
            client.close()
        _stop(process)


@pytest.mark.e2e
@pytest.mark.integration
def test_ruian_profile_renders_in_a_real_browser(served_app, devtools, tmp_path):
    # The profile is the app's default page: its address is the root.
    text = open_page_with_chart(devtools, f"{served_app}/?place=330381", "瑞安市")
    assert "最新实际值" in text
    take_screenshot(devtools, tmp_path / "profile_330381.png")


@pytest.mark.e2e
@pytest.mark.integration
def test_a_link_to_a_sentence_opens_the_reader_scrolled_to_it(corpus_warehouse, served_app, devtools):
    from urllib.parse import urlencode

    import duckdb

    with duckdb.connect(str(corpus_warehouse), read_only=True) as conn:
        report_id, mention_id, sentence_id = conn.execute(
            "select report_id, mention_id, sentence_id from fct_indicator_values "
            "where place_code = '330381' and value_kind = 'actual' and mention_id is not null "
            "order by char_start desc limit 1"  # deep in the text: the box must scroll to reach it
        ).fetchone()
    query = urlencode({"report": report_id, "mention": mention_id, "sentence": sentence_id, "place": "330381"})
    devtools.call("Page.navigate", url=f"{served_app}/reader?{query}")
    devtools.wait_until("!!document.getElementById('xz-focus')", timeout=60)
    # The linked sentence is scrolled into the visible part of the text box.
    devtools.wait_until(
        """(() => {
            const focus = document.getElementById('xz-focus');
            let box = focus.parentElement;
            while (box && box.scrollHeight <= box.clientHeight) box = box.parentElement;
            if (!box || box.scrollTop === 0) return false;
            const f = focus.getBoundingClientRect(), b = box.getBoundingClientRect();
            return f.bottom > b.top && f.top < b.bottom;
        })()""",
        timeout=20,
    )
    assert "Page not found" not in devtools.evaluate("document.body.innerText")


@pytest.mark.e2e
@pytest.mark.integration
def test_ruian_on_the_map_of_wenzhous_counties_in_a_real_browser(served_app, devtools, tmp_path):
    from app.charts import HIGHLIGHT, NO_DATA_GREY

    text = open_page_with_chart(devtools, f"{served_app}/map?place=330381&indicator=gdp", "温州市所辖 12 个地区中")
    # The table and the chart draw on canvases: their words are not page text, the summary is.
    without = re.search(r"(\d+) 个无数据", text)
    assert without, text
    png = take_screenshot(devtools, tmp_path / "map_330381.png")
    # Drawn, not only laid out: the grey of the units without a value and 瑞安市's outline are there.
    if int(without.group(1)):
        assert share_of_colour(png, NO_DATA_GREY) > 0.0005
    assert share_of_colour(png, HIGHLIGHT, tolerance=30) > 0.0003  # 0.0001 without an outline drawn
