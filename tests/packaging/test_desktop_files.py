"""Desktop integration: the .desktop file and AppStream metainfo validate, name the same
app, icon and version; the committed PNG icons are renders of the one SVG."""

from __future__ import annotations

import configparser
import importlib.util
import shutil
import subprocess
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pathlib import Path
    from types import ModuleType

from tests.packaging.conftest import REPO, project_version

LINUX = REPO / "packaging" / "linux"
APP_ID = "org.evidencecurator.EvidenceCurator"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"


def load_script(name: str) -> ModuleType:
    """A script of packaging/ (a folder, not a package: ``packaging`` is a PyPI name)."""
    spec = importlib.util.spec_from_file_location(name, REPO / "packaging" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def validator(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} is not installed (Debian: see packaging/README.md)")
    return found


def test_the_desktop_file_validates() -> None:
    result = subprocess.run([validator("desktop-file-validate"), str(DESKTOP)],
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_the_metainfo_validates() -> None:
    result = subprocess.run([validator("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_file_metainfo_app_and_icons_agree() -> None:
    from curator.qt.startup import DESKTOP_ID

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    component = ET.parse(METAINFO).getroot()
    assert DESKTOP_ID == APP_ID == component.findtext("id")
    assert component.findtext("launchable") == DESKTOP.name
    assert desktop["Exec"].split()[0] == component.findtext("provides/binary") == "curator"
    icon = desktop["Icon"]
    assert component.findtext("icon") == icon
    releases = component.findall("releases/release")
    assert releases[0].get("version") == project_version()  # newest first
    hicolor = REPO / "packaging" / "icons" / "hicolor"
    assert (hicolor / "scalable" / "apps" / f"{icon}.svg").read_bytes() == (
        REPO / "resources" / "icons" / "app.svg"
    ).read_bytes()


def test_the_png_icons_are_renders_of_the_app_svg(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    render_icons = load_script("render_icons")
    written = render_icons.build(tmp_path)
    assert len(written) >= len(render_icons.SIZES) + 1
    for size in render_icons.SIZES:
        committed = QImage(str(render_icons.png_path(size)))
        assert committed.width() == committed.height() == size
        fresh = QImage(str(render_icons.png_path(size, tmp_path)))
        assert committed == fresh, f"{size}px: run packaging/render_icons.py"
