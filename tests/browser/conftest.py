"""Fixtures for the browser tests: the rendered Baby P page, loaded in Chromium.

The Chromium context itself (`browser_context`) is tests/conftest.py's, shared with the
hostile-page test: Playwright's sync API allows one at a time.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# The Baby P fixture chronology lives beside the render tests; share it rather than copy it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "render"))

from chronology.model import Chronology
from chronology.render import render_html
from chronology.render.browser import wait_until_ready
from tests.render.babyp_sample import babyp_chronology

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


@pytest.fixture(scope="session")
def chronology() -> Chronology:
    return babyp_chronology()


@pytest.fixture(scope="session")
def page_path(chronology: Chronology, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("page") / "timeline.html"
    path.write_text(render_html(chronology), encoding="utf-8")
    return path


class LoadedPage:
    """A page with everything it logged, requested and tried to pop up recorded."""

    def __init__(self, page: Any, url: str) -> None:
        self.page = page
        self.url = url
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def load(self) -> LoadedPage:
        self.page.goto(self.url)
        wait_until_ready(self.page)
        return self

    @property
    def network(self) -> list[str]:
        return [u for u in self.requests if u != self.url]


@pytest.fixture
def loaded(browser_context: Any, page_path: Path) -> Iterator[LoadedPage]:
    page = browser_context.new_page()
    try:
        yield LoadedPage(page, page_path.as_uri()).load()
    finally:
        page.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
