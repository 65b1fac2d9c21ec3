"""The wheel and sdist carry everything the app opens at run time, and the wheel installs
into a fresh virtual environment outside the source tree and runs there.

Two install tests (measured on the 2-core dev machine, see packaging/README.md):

- default run (about 6 s): a fresh venv, the wheel installed by pip with ``--no-deps``
  and the dependencies borrowed from this venv (a ``.pth`` line, after the fresh
  site-packages), then ``pip check`` on the result;
- ``-m install`` (23-32 s, .ci/run runs it): pip resolves and installs the wheel's
  pinned dependencies itself, as a curator's ``pip install`` would.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import pytest

from tests.packaging.conftest import REPO, clean_env, project_version, run

if TYPE_CHECKING:
    from tests.packaging.conftest import Dist

PACKAGE_ONLY = ("README.md",)  # package files the app itself never opens (still shipped)


def tracked(*folders: str) -> set[str]:
    names = subprocess.run(
        ["git", "ls-files", "--", *folders], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    return {n for n in names if (REPO / n).is_file()}


def test_the_wheel_carries_every_package_file_seeds_and_metadata(dist: Dist) -> None:
    with zipfile.ZipFile(dist.wheel) as wheel:
        names = set(wheel.namelist())
        info = f"evidence_curator-{project_version()}.dist-info"
        metadata = Parser().parsestr(wheel.read(f"{info}/METADATA").decode())
        entry_points = wheel.read(f"{info}/entry_points.txt").decode()
    missing = tracked("curator") - names
    assert not missing, f"not in the wheel: {sorted(missing)}"
    # the run-time data, named so a failure says what broke
    for required in (
        "curator/core/evidence_schema.toml",
        "curator/extract/rules/study.toml",
        "curator/extract/lexicons/drugs.toml",
        "curator/store/migrations/env.py",
        "curator/store/migrations/script.py.mako",
        "curator/store/migrations/versions/0001_initial.py",
        "curator/qt/_generated/curator_rc.py",
        "curator/qt/_generated/ui_main_window.py",
    ):
        assert required in names, required
    seeds = {f"curator/_seeds/{PurePosixPath(n).name}" for n in tracked("seeds")}
    assert len(seeds) == 5
    assert seeds <= names
    assert not [n for n in names if "__pycache__" in n or n.startswith(("tests/", "seeds/"))]
    assert metadata["Version"] == project_version()
    assert "curator = curator.app:main" in entry_points
    requires = {r.lower() for r in metadata.get_all("Requires-Dist") or []}
    assert "pyside6-essentials==6.11.3" in requires
    assert dist.wheel.stat().st_size < 1_000_000


def test_the_sdist_carries_the_sources_the_wheel_is_built_from(dist: Dist) -> None:
    with tarfile.open(dist.sdist) as sdist:
        root = f"evidence_curator-{project_version()}/"
        names = {m.name.removeprefix(root) for m in sdist.getmembers() if m.isfile()}
    wanted = tracked("curator", "seeds", "ui", "resources", "packaging") | {
        "pyproject.toml", "README.md",
    }  # fmt: skip
    missing = wanted - names
    assert not missing, f"not in the sdist: {sorted(missing)}"
    stray = [n for n in names if n.startswith((".import_linter_cache", "build/", "dist/", ".venv"))]
    assert not stray


def fresh_venv(path: Path, *, pip: bool) -> Path:
    args = [sys.executable, "-m", "venv", str(path)]
    subprocess.run(args if pip else [*args, "--without-pip"], check=True, timeout=120)
    return path / "bin"


def check_installed(bin_dir: Path, tmp: Path) -> None:
    """What a curator does after installing: the version, then the window (headless)."""
    home = tmp / "user"
    home.mkdir()
    env = clean_env(tmp)
    where = run([str(bin_dir / "python"), "-c", "import curator; print(curator.__file__)"],
                cwd=home, env=env)  # fmt: skip
    assert Path(where.strip()).is_relative_to(bin_dir.parent), where  # not the source tree
    out = run([str(bin_dir / "curator"), "--version"], cwd=home, env=env)
    assert out.strip() == f"Evidence Curator {project_version()}"
    db, shot = tmp / "installed.sqlite", tmp / "shot.png"
    run([str(bin_dir / "curator"), "--db", str(db), "--screenshot", str(shot)], cwd=home, env=env)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000
    # first start found the seeds inside the installed package and extracted them
    export = tmp / "export"
    run([str(bin_dir / "curator"), "export", "--db", str(db), "--out", str(export),
         "--include-suggestions"], cwd=home, env=env)  # fmt: skip
    rows = (export / "documents.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 + 5
    assert (export / "provenance.csv").read_text(encoding="utf-8").count("\n") > 5


def test_the_wheel_installs_into_a_fresh_venv_and_runs(dist: Dist, tmp_path: Path) -> None:
    bin_dir = fresh_venv(tmp_path / "venv", pip=False)
    pip = [sys.executable, "-m", "pip", "--python", str(bin_dir / "python")]
    run([*pip, "install", "--no-index", "--no-deps", "-q", str(dist.wheel)], cwd=tmp_path,
        env=clean_env(tmp_path))  # fmt: skip
    # the dependencies: this venv's, after the fresh site-packages (its own .pth files,
    # such as the editable install of the source tree, are not read from there)
    fresh_site = run([str(bin_dir / "python"), "-c", "import sysconfig; "
                      "print(sysconfig.get_paths()['purelib'])"], cwd=tmp_path,
                     env=clean_env(tmp_path)).strip()  # fmt: skip
    Path(fresh_site, "zz_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run([*pip, "check"], cwd=tmp_path, env=clean_env(tmp_path))  # every pin is satisfied
    check_installed(bin_dir, tmp_path)


@pytest.mark.install
def test_pip_installs_the_wheel_with_its_dependencies(dist: Dist, tmp_path: Path) -> None:
    bin_dir = fresh_venv(tmp_path / "venv", pip=True)
    run([str(bin_dir / "python"), "-m", "pip", "install", "-q", str(dist.wheel)], cwd=tmp_path,
        env=clean_env(tmp_path), timeout=600)  # fmt: skip
    run([str(bin_dir / "python"), "-m", "pip", "check"], cwd=tmp_path, env=clean_env(tmp_path))
    check_installed(bin_dir, tmp_path)
