"""Evidence Curator: a desktop workstation for curating medical evidence.

Layers (dependencies point down only, checked by import-linter in CI):

    app.py (composition root)  ->  cli | qt  ->  store | extract  ->  core
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("evidence-curator")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"
