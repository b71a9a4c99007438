"""Headless Chromium for the page: the one place its launch settings live.

The browser tests, the page benchmark and `screenshot` (the README image) all start Chromium
through `chromium_context`, so they see the page the same way. Playwright's own browser download
is not used: the system's Debian Chromium is.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from chronology.errors import ChronologyError

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
READY_TIMEOUT_MS = 30_000


def chromium_available(path: str = CHROMIUM) -> bool:
    return Path(path).is_file()


@contextmanager
def chromium_context(width: int = 1400, height: int = 900, **options: Any) -> Iterator[Any]:
    """A headless Chromium context with a fresh, throw-away profile; closed on exit."""
    if not chromium_available():
        raise ChronologyError(f"{CHROMIUM}: Chromium not found (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # an optional test/bench dependency
        raise ChronologyError("playwright: not installed (pip install 'chronology[test]')") from exc
    with tempfile.TemporaryDirectory(prefix="chronology-chromium-") as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=list(CHROMIUM_ARGS),
            viewport={"width": width, "height": height},
            **options,
        )
        try:
            yield context
        finally:
            context.close()


def wait_until_ready(page: Any, timeout_ms: int = READY_TIMEOUT_MS) -> None:
    """Wait until the page's list and figure are both drawn (the page sets body[data-ready])."""
    page.wait_for_selector("body[data-ready=true]", timeout=timeout_ms)


def screenshot(html_path: str | Path, png_path: str | Path, width: int = 1400, height: int = 900) -> Path:
    """Save a PNG of the timeline page at `html_path` as a reader first sees it."""
    source = Path(html_path).resolve()
    if not source.is_file():
        raise ChronologyError(f"{html_path}: no such page to screenshot")
    target = Path(png_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with chromium_context(width, height) as context:
        page = context.new_page()
        page.goto(source.as_uri())
        wait_until_ready(page)
        page.mouse.move(0, 0)  # no hover label in the picture
        page.screenshot(path=str(target))
    return target
