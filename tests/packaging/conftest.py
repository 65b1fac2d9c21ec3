"""Packaging fixtures: the wheel and sdist built once per run by ``python -m build``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Mapping

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Dist:
    wheel: Path
    sdist: Path


def pyproject() -> dict[str, object]:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def project_version() -> str:
    return str(pyproject()["project"]["version"])  # type: ignore[index]


def clean_env(tmp: Path, **extra: str) -> dict[str, str]:
    """The environment of a user's shell: no source tree on the path, a fresh home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "CURATOR_"))}
    env.pop("VIRTUAL_ENV", None)
    env |= {
        "HOME": str(tmp / "home"), "XDG_CONFIG_HOME": str(tmp / "config"),
        "XDG_DATA_HOME": str(tmp / "data"), "QT_QPA_PLATFORM": "offscreen",
        "CURATOR_NAME": "installer", **extra,
    }  # fmt: skip
    return env


def run(args: list[str], cwd: Path, env: Mapping[str, str], timeout: float = 180) -> str:
    result = subprocess.run(
        args, cwd=cwd, env=dict(env), capture_output=True, text=True, timeout=timeout, check=False
    )
    assert result.returncode == 0, f"{args} exited {result.returncode}:\n{result.stderr[-3000:]}"
    return result.stdout


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Dist:
    """``python -m build --no-isolation``: the pinned hatchling of the packaging extra,
    offline and in about 3 s (the isolated build is the same backend, fetched by pip)."""
    pytest.importorskip("build", reason="pip install -e '.[packaging]'")
    pytest.importorskip("hatchling", reason="pip install -e '.[packaging]'")
    out = tmp_path_factory.mktemp("dist")
    # Build from a copy of the tracked files, as a clean clone would (no stray outputs).
    tree = out / "src"
    tracked = (
        subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True)
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, tracked):
        source = REPO / name
        if source.is_file():
            (tree / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, tree / name)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(tree)],
        cwd=out, env=env)  # fmt: skip
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    return Dist(wheel, sdist)
