"""Fixtures for the render tests: the hand-built Baby P chronology."""

from __future__ import annotations

import pytest

from chronology.model import Chronology
from tests.render.babyp_sample import babyp_chronology


@pytest.fixture(scope="session")
def chronology() -> Chronology:
    return babyp_chronology()
