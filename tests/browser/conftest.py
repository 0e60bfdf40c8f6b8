"""Real-browser fixtures: a linimasa server on a free 127.0.0.1 port and Debian's Chromium driven by Playwright.

Screenshots go to ``screenshots/`` at the repository root (git-ignored): look at them after a run.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .corpus import build_store

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"
SAMPLE = ROOT / "sample"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SERVER_START_SECONDS = 120


class Server:
    """``linimasa serve`` in a thread of this process, on 127.0.0.1 and a free port."""

    def __init__(self, db: Path):
        import uvicorn

        from linimasa.web.app import create_app

        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=self.port,
                                                    log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "Server":
        self.thread.start()
        # generous: on a machine running other suites the app's first import and start can take a while,
        # and a slow start is not what these tests are about (a crashed server thread still fails at once)
        deadline = time.monotonic() + SERVER_START_SECONDS
        while not self.server.started:
            if not self.thread.is_alive():
                raise RuntimeError("the linimasa server thread died while starting: see the log above")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the linimasa server did not start within {SERVER_START_SECONDS} s")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium not found: apt-get install -y chromium (Debian's package) to run browser tests")
    playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright to run browser tests")
    with playwright_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(5000)
    context.set_default_navigation_timeout(30000)  # the first actor page loads the knowledge base
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.errors = errors
    yield tab
    context.close()


@pytest.fixture
def shot():
    """Save a full-page screenshot under screenshots/NAME.png."""
    SCREENSHOTS.mkdir(exist_ok=True)

    def save(tab, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        tab.screenshot(path=str(path), full_page=True)
        return path

    return save


@pytest.fixture(scope="session")
def fixture_server(tmp_path_factory) -> Iterator[Server]:
    db = build_store(tmp_path_factory.mktemp("web") / "fixture.db")
    with Server(db) as server:
        yield server


@pytest.fixture(scope="session")
def sample_server(tmp_path_factory) -> Iterator[Server]:
    """A server over the sample corpus as `linimasa run sample/` stores it."""
    if not SAMPLE.is_dir():
        pytest.skip(f"no sample corpus at {SAMPLE}")
    db = tmp_path_factory.mktemp("sample") / "sample.db"
    linimasa = shutil.which("linimasa")
    command = [linimasa] if linimasa else [sys.executable, "-m", "linimasa.cli"]
    done = subprocess.run(command + ["run", str(SAMPLE), "--db", str(db), "--workers", "1", "-q"],
                          capture_output=True, text=True, timeout=600)
    if not db.exists() or done.returncode not in (0, 1):
        pytest.skip(f"`linimasa run sample/` failed, so the sample corpus cannot be shown: "
                    f"{(done.stderr or done.stdout).strip().splitlines()[-1:]}")
    with Server(db) as server:
        yield server
