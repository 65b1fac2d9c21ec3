"""Fixtures of the insight views: pyqtgraph configured as the app configures it."""

from __future__ import annotations

import pytest

from curator.app import configure_plots


@pytest.fixture(autouse=True)
def _plots_configured() -> None:
    configure_plots()
