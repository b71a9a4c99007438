"""Shared fixtures: paths to the project's seeds and to ../shared research data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
SHARED = Path(os.environ.get("CHRONOLOGY_SHARED", ROOT.parent / "shared"))
TBAQ = SHARED / "data" / "tempeval3" / "tbaq"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


def require_tbaq() -> Path:
    if not TBAQ.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"TempEval-3 data missing at {TBAQ} (CI must have ../shared)")
        pytest.skip(f"TempEval-3 data not found at {TBAQ}")
    return TBAQ


def require_browser() -> None:
    """Debian's Chromium and Playwright, or a skip; under CI their absence fails the test."""
    from chronology.render.browser import CHROMIUM, chromium_available

    reason = None
    if not chromium_available():
        reason = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "playwright is not installed (pip install -e '.[test]')"
    if reason:
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.fixture(scope="session")
def browser_context():
    """One headless Chromium for the whole session: Playwright's sync API allows one at a time,
    so every browser test (tests/browser, the hostile page in tests/badinput) shares it. The tests
    fail, not skip, when CI is set and Chromium is missing."""
    from chronology.render.browser import chromium_context

    require_browser()
    with chromium_context(1400, 900) as context:
        yield context
