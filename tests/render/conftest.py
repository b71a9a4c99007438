"""Fixtures for the render tests: the hand-built Baby P chronology."""

from __future__ import annotations

import pytest
from tests.render.babyp_sample import babyp_chronology

from chronology.model import Chronology


@pytest.fixture(scope="session")
def chronology() -> Chronology:
    return babyp_chronology()
